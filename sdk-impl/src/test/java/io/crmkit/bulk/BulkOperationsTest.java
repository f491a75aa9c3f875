package io.crmkit.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.EventTypes;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

@ShardedToo
class BulkOperationsTest {

    private static List<Customer> customers(Crm crm, int count, String city) {
        return IntStream.range(0, count).mapToObj(i -> crm.customers().create(CustomerDraft.builder()
                .name(city + " " + i).phone("+8491" + String.format("%03d%04d", Math.abs(city.hashCode()) % 1000, i))
                .address(Address.of("Vietnam", "", city, "", "")).tag("old")
                .build())).toList();
    }

    @DbTest
    void aCustomerThatStopsMatchingBeforeItsChunkIsLockedIsSkippedAndReported(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Holds the chunk's transaction at its first locking read, after the chunk's ids were listed.
        StatementPause pause = new StatementPause(sql -> sql.contains("FROM " + prefix + "customer WHERE")
                && sql.contains("FOR UPDATE"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource())))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            List<Customer> hanoi = customers(crm, 3, "Hanoi");
            Customer leaving = hanoi.get(1);

            String[] outcomes = pause.whileHeld(() -> {
                BulkResult result = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                        BulkOperation.recycleToPool());
                return result.changed() + " changed, " + result.skipped() + " skipped " + result.issues();
            }, () -> {
                crm.customers().update(leaving.id(), CustomerPatch.builder(leaving.version())
                        .address(Address.of("Vietnam", "", "Saigon", "", "")).build());
                return "moved";
            });

            assertThat(outcomes[1]).isEqualTo("moved");
            assertThat(outcomes[0]).startsWith("2 changed, 1 skipped").contains("no_longer_matches")
                    .contains(String.valueOf(leaving.id()));
            assertThat(crm.customers().get(leaving.id()).status()).isEqualTo(CustomerStatus.NEW);
            assertThat(crm.customers().get(hanoi.get(0).id()).status()).isEqualTo(CustomerStatus.POOL);
        } finally {
            db.dropTables(prefix);
        }
    }

    /**
     * Holds a bulk tag's chunk at its version update: on PostgreSQL and H2 after the chunk's unlocked read, on
     * MariaDB after its locking read. Another writer tags two of the customers meanwhile; no tag is lost or added
     * twice, and the timeline has one "vip" event per customer.
     */
    @DbTest
    void aTagAnotherWriterAddsWhileTheChunkRunsIsNeitherLostNorAddedTwice(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        StatementPause pause = new StatementPause(sql -> sql.startsWith("UPDATE " + prefix + "customer SET version"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource())))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            List<Long> ids = customers(crm, 3, "Hanoi").stream().map(Customer::id).toList();

            String[] outcomes = pause.whileHeld(() -> {
                BulkResult result = crm.bulk().run(Selection.ids(ids), BulkOperation.addTags(List.of("vip")));
                return (result.changed() + result.unchanged()) + " done, " + result.failed() + " failed";
            }, () -> {
                crm.customers().addTags(ids.get(0), List.of("vip"));
                crm.customers().addTags(ids.get(1), List.of("other"));
                return "tagged";
            });

            assertThat(outcomes).containsExactly("3 done, 0 failed", "tagged");
            assertThat(crm.customers().get(ids.get(0)).tags()).containsExactlyInAnyOrder("old", "vip");
            assertThat(crm.customers().get(ids.get(1)).tags()).containsExactlyInAnyOrder("old", "vip", "other");
            assertThat(crm.customers().get(ids.get(2)).tags()).containsExactlyInAnyOrder("old", "vip");
            for (Long id : ids) {
                assertThat(crm.activities().timeline().read(id, TimelineQuery.newest()
                        .types(EventTypes.TAG_ADDED)).items()).filteredOn(event -> event.properties().toString()
                        .contains("vip")).hasSize(1);
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void tagsTheCustomersOfAQueryOnceAndReportsWhatItCouldNotDo(TestDb db) {
        Crm crm = db.crm();
        List<Customer> hanoi = customers(crm, 3, "Hanoi");
        List<Customer> hue = customers(crm, 2, "Hue");
        crm.customers().addTags(hanoi.get(0).id(), IntStream.range(0, 99).mapToObj(i -> "t" + i).toList());
        long fullVersion = crm.customers().get(hanoi.get(0).id()).version();

        BulkResult first = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                BulkOperation.addTags(List.of("vip", " gold ")));

        assertThat(first.changed()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.issues()).extracting(BulkIssue::customerId, BulkIssue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hanoi.get(0).id(), "too_many"));
        assertThat(crm.customers().get(hanoi.get(1).id()).tags()).containsExactly("gold", "old", "vip");
        assertThat(crm.customers().get(hanoi.get(1).id()).version()).isEqualTo(hanoi.get(1).version() + 1);
        assertThat(crm.customers().get(hue.get(0).id()).tags()).containsExactly("old");
        Customer full = crm.customers().get(hanoi.get(0).id());
        assertThat(full.tags()).hasSize(100).doesNotContain("vip", "gold");
        assertThat(full.version()).as("a customer that failed is not touched").isEqualTo(fullVersion);

        BulkResult again = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                BulkOperation.addTags(List.of("vip", "gold")));
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(crm.customers().get(hanoi.get(1).id()).version()).isEqualTo(hanoi.get(1).version() + 1);
        assertThat(crm.customers().get(hanoi.get(0).id()).version())
                .isEqualTo(fullVersion);

        BulkResult removed = crm.bulk().run(Selection.ids(List.of(hanoi.get(1).id(), hue.get(0).id(), 42L)),
                BulkOperation.removeTags(List.of("vip")));
        assertThat(List.of(removed.changed(), removed.unchanged(), removed.failed())).containsExactly(1L, 1L, 1L);
        assertThat(removed.issues()).extracting(BulkIssue::customerId).containsExactly(42L);
        assertThat(crm.customers().get(hanoi.get(1).id()).tags()).containsExactly("gold", "old");
    }

    @DbTest
    void changesStatusWhereTheTransitionIsAllowedAndSkipsTheRest(TestDb db) {
        Crm crm = db.crm();
        List<Customer> people = customers(crm, 4, "Hanoi");
        crm.customers().identifyAsValid(people.get(0).id());
        crm.customers().recycleToPool(people.get(1).id());

        BulkResult valid = crm.bulk().run(Selection.all(), BulkOperation.identifyAsValid());

        assertThat(List.of(valid.changed(), valid.unchanged(), valid.skipped())).containsExactly(2L, 1L, 1L);
        assertThat(valid.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.customerId()).isEqualTo(people.get(1).id());
            assertThat(issue.code()).isEqualTo("invalid_transition");
            assertThat(issue.message()).contains("its status is POOL");
        });
        BulkResult assigned = crm.bulk().run(Selection.all(), BulkOperation.assign(" agent-7 "));
        assertThat(assigned.changed()).isEqualTo(4);
        assertThat(crm.customers().get(people.get(3).id()).status()).isEqualTo(CustomerStatus.ASSIGNED);
        assertThat(crm.customers().get(people.get(3).id()).ownerId()).hasValue("agent-7");
        assertThat(crm.bulk().run(Selection.all(), BulkOperation.recycleToPool()).changed()).isEqualTo(4);
        assertThatThrownBy(() -> crm.bulk().run(Selection.all(), BulkOperation.assign(" ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("owner");
    }

    @DbTest
    void editsAttributesWithTheRulesOfASingleUpdate(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(0).max(100).build());
        List<Customer> people = customers(crm, 3, "Hanoi");

        BulkResult edited = crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .company("Lotus").custom("points", 7).build()));

        assertThat(edited.changed()).isEqualTo(3);
        Customer after = crm.customers().get(people.get(2).id());
        assertThat(after.company()).isEqualTo("Lotus");
        assertThat(after.custom()).containsEntry("points", 7L);
        assertThat(after.name()).isEqualTo(people.get(2).name());
        assertThat(crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0).company("Lotus")
                .build())).unchanged()).isEqualTo(3);

        BulkResult invalid = crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .custom("points", 101).build()));
        assertThat(invalid.failed()).isEqualTo(3);
        assertThat(invalid.issues().get(0).message()).contains("points").contains("100");
        assertThat(crm.customers().get(people.get(0).id()).custom()).containsEntry("points", 7L);
        assertThatThrownBy(() -> crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .phones(List.of("+84912345678")).build())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be set in bulk");
    }

    /**
     * A bulk edit writes each chunk with a few statements, not one update per customer; what it leaves must be what a
     * single update of the same patch leaves, customer for customer, and a rule a customer breaks fails that one only.
     */
    @DbTest
    void aBulkEditLeavesEachCustomerAsASingleUpdateOfThePatchWould(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).options(List.of("gold", "silver"))
                .build());
        crm.fields().define(FieldDraft.builder("likes", FieldType.MULTIPLE_CHOICE).options(List.of("tea", "golf",
                "jazz")).build());
        List<Long> bulk = new ArrayList<>();
        List<Long> single = new ArrayList<>();
        for (List<Long> side : List.of(bulk, single)) {
            String s = side == bulk ? "1" : "2";
            side.add(crm.customers().create(CustomerDraft.builder().name("Lan").phone("+8491200" + s + "001")
                    .company("Old Co").custom("points", 3).custom("likes", List.of("tea")).build()).id());
            side.add(crm.customers().create(CustomerDraft.builder().name("Binh").phone("+8491200" + s + "002")
                    .remark("keep me").custom("tier", "silver").build()).id());
            // Already as the patch leaves it: unchanged, no new version.
            side.add(crm.customers().create(CustomerDraft.builder().name("Chi").phone("+8491200" + s + "003")
                    .nickname("C").company("Lotus").address(Address.of("Vietnam", "", "Hue", "", "1 Le Loi"))
                    .avatarUrl("https://cdn.example.com/lotus.png").stage("customer").custom("tier", "gold")
                    .custom("likes", List.of("golf", "jazz")).build()).id());
            // Only a name: clearing it breaks the rule that a customer needs a name, phone, email or external id.
            side.add(crm.customers().create(CustomerDraft.builder().name("Dung").build()).id());
        }
        CustomerPatch patch = CustomerPatch.builder(0).company(" Lotus ").nickname("C")
                .address(Address.of("Vietnam", "", "Hue", "", "1 Le Loi")).avatarUrl("https://cdn.example.com/lotus.png")
                .stage("customer").custom("tier", "gold").custom("likes", List.of("golf", "jazz")).custom("points", null)
                .build();
        CustomerPatch clearName = CustomerPatch.builder(0).name("").build();

        BulkResult edited = crm.bulk().run(Selection.ids(bulk), BulkOperation.edit(patch));
        BulkResult cleared = crm.bulk().run(Selection.ids(List.of(bulk.get(3))), BulkOperation.edit(clearName));
        for (int i = 0; i < single.size(); i++) {
            Customer current = crm.customers().get(single.get(i));
            if (i != 2) {
                crm.customers().update(current.id(), withVersion(patch, current.version()));
            }
        }

        assertThat(edited.changed()).isEqualTo(3);
        assertThat(edited.unchanged()).isEqualTo(1);
        assertThat(cleared.failed()).isEqualTo(1);
        assertThat(cleared.issues().get(0).message()).contains("name");
        for (int i = 0; i < bulk.size(); i++) {
            Customer byBulk = crm.customers().get(bulk.get(i));
            Customer bySingle = crm.customers().get(single.get(i));
            assertThat(byBulk.toBuilder().id(0).identities(List.of()).createdAt(bySingle.createdAt())
                    .updatedAt(bySingle.updatedAt()).build())
                    .as("customer %d", i)
                    .isEqualTo(bySingle.toBuilder().id(0).identities(List.of()).build());
            assertThat(byBulk.phones()).hasSameSizeAs(bySingle.phones());
        }
        Customer lan = crm.customers().get(bulk.get(0));
        assertThat(lan.company()).isEqualTo("Lotus");
        assertThat(lan.custom()).doesNotContainKey("points").containsEntry("likes", List.of("golf", "jazz"));
        assertThat(lan.version()).isEqualTo(2);
        assertThat(crm.customers().get(bulk.get(1)).remark()).isEqualTo("keep me");
        assertThat(crm.customers().get(bulk.get(2)).version()).isEqualTo(1);
        assertThat(crm.customers().get(bulk.get(3)).name()).isEqualTo("Dung");
        assertThat(crm.bulk().run(Selection.ids(bulk), BulkOperation.edit(patch)).unchanged()).isEqualTo(4);
    }

    private static CustomerPatch withVersion(CustomerPatch patch, long version) {
        return new CustomerPatch(version, patch.changes(), patch.customChanges());
    }

    @DbTest
    void needsItsPermissionAndStaysInTheTenant(TestDb db) {
        List<Customer> mine = customers(db.crm(), 2, "Hanoi");

        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.WRITE).bulk().run(Selection.all(),
                BulkOperation.addTags(List.of("x")))).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("BULK_EDIT");
        assertThatThrownBy(() -> db.crm(Permission.BULK_EDIT).bulk().previewDelete(Selection.all()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_DELETE");
        BulkResult other = db.otherTenant().bulk().run(Selection.ids(List.of(mine.get(0).id())),
                BulkOperation.addTags(List.of("x")));
        assertThat(other.failed()).isEqualTo(1);
        assertThat(db.crm().customers().get(mine.get(0).id()).tags()).containsExactly("old");
        assertThat(db.otherTenant().bulk().run(Selection.all(), BulkOperation.addTags(List.of("x"))).total()).isZero();
    }

    @DbTest
    void reportsProgressAndRunsAsAJobAHostCanPoll(TestDb db) throws InterruptedException {
        Crm crm = db.crm();
        customers(crm, 3, "Hanoi");
        List<long[]> progress = new ArrayList<>();

        crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of("a")), (done, total) -> progress.add(
                new long[] {done, total}));
        long id = crm.bulk().submit(Selection.all(), BulkOperation.addTags(List.of("b")));
        BulkJob job = crm.bulk().await(id, Duration.ofSeconds(30));

        assertThat(progress).singleElement().satisfies(step -> assertThat(step).containsExactly(3, 3));
        assertThat(job.state()).isEqualTo(BulkJob.State.DONE);
        assertThat(job.done()).isEqualTo(3);
        assertThat(job.result()).hasValueSatisfying(result -> assertThat(result.changed()).isEqualTo(3));
        assertThat(crm.bulk().jobs()).extracting(BulkJob::operation).containsExactly("add_tags", "add_tags");
        assertThat(db.otherTenant().bulk().job(id)).isEmpty();
    }
}
