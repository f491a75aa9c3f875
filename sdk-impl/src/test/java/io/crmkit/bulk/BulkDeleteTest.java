package io.crmkit.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

@ShardedToo
class BulkDeleteTest {

    private static List<Long> create(Crm crm, int count, String tag) {
        return IntStream.range(0, count).mapToObj(i -> crm.customers().create(CustomerDraft.builder()
                .name("c" + i).email(tag + i + "@example.com").tag(tag).build()).id()).toList();
    }

    @DbTest
    void deletesOnlyWithTheTokenTheAgreementAndAReasonAndAuditsWhy(TestDb db) {
        Crm crm = db.crm();
        List<Long> doomed = create(crm, 3, "old");
        List<Long> kept = create(crm, 2, "new");
        Selection old = Selection.matching(Filter.hasTag("old"));

        DeletePreview preview = crm.bulk().previewDelete(old);
        assertThat(preview.count()).isEqualTo(3);
        assertThat(preview.statement()).contains("trash");

        assertThatThrownBy(() -> crm.bulk().run(old, BulkOperation.delete(preview.token(), false, "duplicates of"
                + " the ERP import"))).isInstanceOf(ValidationException.class).hasMessageContaining("agree");
        assertThatThrownBy(() -> crm.bulk().run(old, BulkOperation.delete(preview.token(), true, "too short")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> crm.bulk().run(Selection.all(), BulkOperation.delete(preview.token(), true,
                "duplicates of the ERP import"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("different selection");
        assertThatThrownBy(() -> db.crm(Permission.BULK_DELETE, Permission.READ).bulk().run(old,
                BulkOperation.delete("0".repeat(32), true, "duplicates of the ERP import")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("preview");
        assertThat(db.count("customer")).isEqualTo(5);

        BulkResult deleted = crm.bulk().run(old, BulkOperation.delete(preview.token(), true,
                "duplicates of the ERP import"));

        assertThat(deleted.changed()).isEqualTo(3);
        assertThat(crm.customers().find(doomed.get(0))).isEmpty();
        assertThat(crm.customers().find(kept.get(0))).isPresent();
        assertThat(List.of(db.count("customer"), db.count("identity"), db.count("tag"))).containsExactly(2, 2, 2);
        assertThat(List.of(db.count("trash_customer"), db.count("trash_identity"), db.count("trash_tag")))
                .containsExactly(3, 3, 3);
        assertThat(db.column("SELECT detail FROM crm_audit WHERE tenant_id = ? AND action = 'bulk.delete'",
                db.tenant())).contains("3 customer(s): duplicates of the ERP import");
        assertThatThrownBy(() -> crm.bulk().run(old, BulkOperation.delete(preview.token(), true,
                "duplicates of the ERP import"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("used already");
    }

    @DbTest
    void deletesTheCustomersOfAGroupThroughTheSameSafeguardsAndKeepsTheGroup(TestDb db) {
        Crm crm = db.crm();
        List<Long> members = create(crm, 2, "member");
        List<Long> others = create(crm, 1, "other");
        long group = crm.filters().groups().create("Closed branch").id();
        crm.filters().groups().add(group, members);
        Selection ofGroup = Selection.matching(Filter.eq("group", group));

        DeletePreview preview = crm.bulk().previewDelete(ofGroup);
        BulkResult deleted = crm.bulk().run(ofGroup, BulkOperation.delete(preview.token(), true,
                "the branch closed in May"));

        assertThat(preview.count()).isEqualTo(2);
        assertThat(deleted.changed()).isEqualTo(2);
        assertThat(crm.customers().find(members.get(0))).isEmpty();
        assertThat(crm.customers().find(others.get(0))).isPresent();
        assertThat(crm.filters().groups().list()).extracting(g -> g.id()).containsExactly(group);
        assertThat(crm.trash().restore(members).restored()).containsExactlyElementsOf(members);
        assertThat(crm.filters().count(Filter.eq("group", group))).isEqualTo(2);
    }

    @DbTest
    void aTokenConfirmsOnlyTheCustomersPreviewedAndIsRefusedWhenTheGroupGrew(TestDb db) {
        Crm crm = db.crm();
        List<Long> members = create(crm, 3, "member");
        List<Long> newcomers = create(crm, 50, "newcomer");
        long group = crm.filters().groups().create("Closed branch").id();
        crm.filters().groups().add(group, members);
        Selection ofGroup = Selection.matching(Filter.eq("group", group));
        DeletePreview preview = crm.bulk().previewDelete(ofGroup);
        crm.filters().groups().add(group, newcomers);

        assertThatThrownBy(() -> crm.bulk().run(ofGroup, BulkOperation.delete(preview.token(), true,
                "the branch closed in May"))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(error -> error.field()).containsExactly("token");
                    assertThat(e.getMessage()).contains("3 previewed, 53 now").contains("preview the delete again");
                });

        assertThat(crm.filters().count(Filter.eq("group", group))).isEqualTo(53);
        DeletePreview again = crm.bulk().previewDelete(ofGroup);
        assertThat(crm.bulk().run(ofGroup, BulkOperation.delete(again.token(), true, "the branch closed in May"))
                .changed()).isEqualTo(53);
    }

    @DbTest
    void aTokenIsRefusedWhenAsManyButOtherCustomersMatchNow(TestDb db) {
        Crm crm = db.crm();
        List<Long> members = create(crm, 3, "member");
        List<Long> newcomer = create(crm, 1, "newcomer");
        long group = crm.filters().groups().create("Closed branch").id();
        crm.filters().groups().add(group, members);
        Selection ofGroup = Selection.matching(Filter.eq("group", group));
        DeletePreview preview = crm.bulk().previewDelete(ofGroup);
        crm.filters().groups().remove(group, List.of(members.get(0)));
        crm.filters().groups().add(group, newcomer);

        assertThatThrownBy(() -> crm.bulk().run(ofGroup, BulkOperation.delete(preview.token(), true,
                "the branch closed in May"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("other customers").hasMessageContaining("preview the delete again");
        assertThat(db.count("trash_customer")).isZero();
    }

    @DbTest
    void twoThreadsRacingWithOneTokenDeleteOnce(TestDb db) throws Exception {
        Crm crm = db.crm();
        create(crm, 3, "old");
        Selection old = Selection.matching(Filter.hasTag("old"));
        DeletePreview preview = crm.bulk().previewDelete(old);
        java.util.concurrent.Callable<String> delete = () -> {
            try {
                return "deleted " + crm.bulk().run(old, BulkOperation.delete(preview.token(), true,
                        "duplicates of the ERP import")).changed();
            } catch (ValidationException e) {
                // "used", or "changed" when the other delete already emptied the selection: refused either way.
                return "refused on " + e.errors().get(0).field();
            }
        };

        List<String> outcomes = Race.run(delete, delete);

        assertThat(outcomes).containsExactlyInAnyOrder("deleted 3", "refused on token");
        assertThat(db.count("trash_customer")).isEqualTo(3);
        assertThat(db.column("SELECT COUNT(*) FROM crm_audit WHERE tenant_id = ? AND action = 'bulk.delete' AND detail"
                + " LIKE '%ERP import'", db.tenant())).containsExactly("1");
    }

    @DbTest
    void refusesToDeleteMoreThanAHundredThousandCustomersButTagsThem(TestDb db) throws Exception {
        Crm crm = db.crm();
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_customer (tenant_id, id,"
                    + " name, gender, status, stage, created_at, created_by, updated_at, updated_by, version, nickname,"
                    + " company, country, province, city, area, address_detail, remark, source) VALUES (?, ?, 'x',"
                    + " 'UNKNOWN', 'NEW', 'lead', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 1, '', '', '',"
                    + " '', '', '', '', '', '')")) {
                for (int i = 1; i <= 100_001; i++) {
                    insert.setString(1, db.tenant());
                    insert.setLong(2, i);
                    insert.addBatch();
                    if (i % 5000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }

        assertThatThrownBy(() -> crm.bulk().previewDelete(Selection.all())).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("100001 customers, at most 100000");
        assertThat(db.count("tag")).isZero();
        long tagging = crm.bulk().submit(Selection.all(), BulkOperation.addTags(List.of("x")));
        assertThat(crm.bulk().job(tagging)).hasValueSatisfying(job -> assertThat(job.total()).isEqualTo(100_001));
        crm.jobs().cancel(tagging);
        crm.jobs().await(tagging, java.time.Duration.ofSeconds(30));
        db.execute("DELETE FROM crm_customer WHERE tenant_id = '" + db.tenant() + "'");
    }

    @DbTest
    void aConnectionLostMidwayLeavesEachCustomerWholeAndARunAgainFinishes(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        AtomicInteger trashTagInserts = new AtomicInteger();
        DataSource failing = failOnSecondChunk(db.ownKitDataSource(), trashTagInserts);
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(failing))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            create(crm, 1200, "old");
            Selection all = Selection.all();

            DeletePreview preview = crm.bulk().previewDelete(all);
            assertThatThrownBy(() -> crm.bulk().run(all, BulkOperation.delete(preview.token(), true,
                    "closing the old branch"))).isInstanceOf(StorageException.class);

            int live = count(db, prefix + "customer");
            assertThat(live).isEqualTo(200);
            assertThat(List.of(count(db, prefix + "identity"), count(db, prefix + "tag"))).containsExactly(200, 200);
            assertThat(List.of(count(db, prefix + "trash_customer"), count(db, prefix + "trash_identity"),
                    count(db, prefix + "trash_tag"))).containsExactly(1000, 1000, 1000);

            DeletePreview again = crm.bulk().previewDelete(all);
            assertThat(again.count()).isEqualTo(200);
            BulkResult rest = crm.bulk().run(all, BulkOperation.delete(again.token(), true, "closing the old branch"));
            assertThat(rest.changed()).isEqualTo(200);
            assertThat(count(db, prefix + "customer")).isZero();
            assertThat(count(db, prefix + "trash_customer")).isEqualTo(1200);
        } finally {
            db.dropTables(prefix);
        }
    }

    private static int count(TestDb db, String table) {
        return Integer.parseInt(db.column("SELECT COUNT(*) FROM " + table).get(0));
    }

    /** A DataSource whose connections fail the second chunk's insert into the trash's tag table. */
    private static DataSource failOnSecondChunk(DataSource real, AtomicInteger trashTagInserts) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                                        && sql.startsWith("INSERT INTO") && sql.contains("trash_tag")
                                        && trashTagInserts.incrementAndGet() == 2) {
                                    throw new SQLException("connection reset by peer (simulated)", "08006");
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
