package io.crmkit.trash;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.SerializableToo;
import io.crmkit.testing.StatementHooks;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/**
 * A restore refuses a customer whose identity a live customer holds, or a customer restored before it in the same
 * call, with a message naming the identity and its holder; it checks every identity of a chunk, also when a chunk
 * holds more identities of one type than one look-up takes. Chunks restored at once (PostgreSQL, H2) decide as if one
 * followed the other, also under SERIALIZABLE, and a chunk that fails beside another runs again alone.
 */
@SerializableToo
class RestoreConflictTest {

    /** Customers of the bulk case, each with two emails: 2,000 emails in a chunk of 1,000 customers. */
    private static final int CUSTOMERS = 1_000;
    private static final long FIRST_ID = 900_000_001L;
    /** Customers of three chunks: two restored at once, then one. */
    private static final int CHUNKS_OF_A_PAIR_AND_ONE = 2_500;

    @DbTest
    void aRefusalNamesTheIdentityAndWhoHoldsItNowOrWhoWasRestoredWithIt(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("0912345678").build());
        crm.customers().delete(lan.id());
        Customer lanAgain = crm.customers().create(CustomerDraft.builder().name("Lan again").phone("0912345678")
                .build());
        crm.customers().delete(lanAgain.id());
        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").email("minh@example.com").build());
        crm.customers().delete(minh.id());
        Customer holder = crm.customers().create(CustomerDraft.builder().name("Holder").email("minh@example.com")
                .build());

        RestoreResult result = crm.trash().restore(List.of(lan.id(), lanAgain.id(), minh.id()));

        assertThat(result.restored()).containsExactly(lan.id());
        assertThat(result.refused()).extracting(BulkIssue::customerId, BulkIssue::code, BulkIssue::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(lanAgain.id(), "conflict", "customer " + lanAgain.id()
                                + " stays in the trash: phone +84912345678 is also held by customer " + lan.id()
                                + ", restored in the same call; merge or change that customer first"),
                        org.assertj.core.groups.Tuple.tuple(minh.id(), "conflict", "customer " + minh.id()
                                + " stays in the trash: email 'minh@example.com' now belongs to customer "
                                + holder.id() + "; merge or change that customer first"));
        assertThat(crm.trash().count()).isEqualTo(2);
    }

    @DbTest
    void aRestoreChecksEveryIdentityOfAChunkAgainstTheLiveOnes(TestDb db) throws SQLException {
        Crm crm = db.crm();
        List<Long> ids = LongStream.range(FIRST_ID, FIRST_ID + CUSTOMERS).boxed().toList();
        insertCustomersWithTwoEmails(db, ids);
        DeletePreview preview = crm.bulk().previewDelete(Selection.all());
        assertThat(crm.bulk().run(Selection.all(), BulkOperation.delete(preview.token(), true,
                "conflicts in a chunk")).changed()).isEqualTo(CUSTOMERS);
        long taken = ids.get(CUSTOMERS - 7);
        Customer holder = crm.customers().create(CustomerDraft.builder().name("Holder").email("c" + taken
                + "b@example.com").build());

        RestoreResult result = crm.trash().restore(ids);

        assertThat(result.restored()).hasSize(CUSTOMERS - 1).doesNotContain(taken);
        assertThat(result.refused()).singleElement().satisfies(issue -> assertThat(issue.message()).isEqualTo(
                "customer " + taken + " stays in the trash: email 'c" + taken + "b@example.com' now belongs to"
                        + " customer " + holder.id() + "; merge or change that customer first"));
        assertThat(db.count("identity")).isEqualTo(2 * (CUSTOMERS - 1) + 1);
        assertThat(db.count("trash_identity")).isEqualTo(2);
    }

    @DbTest
    void customersOfChunksRestoredAtOnceAreDecidedAsIfOneChunkFollowedTheOther(TestDb db) throws SQLException {
        Crm crm = db.crm();
        List<Long> ids = LongStream.range(FIRST_ID, FIRST_ID + CHUNKS_OF_A_PAIR_AND_ONE).boxed().toList();
        insertCustomersWithTwoEmails(db, "crm_", ids);
        DeletePreview preview = crm.bulk().previewDelete(Selection.all());
        assertThat(crm.bulk().run(Selection.all(), BulkOperation.delete(preview.token(), true,
                "conflicts across chunks")).changed()).isEqualTo(ids.size());
        // Trashed customers may share an identity: each held it while the other was in the trash. Chunks of 1,000:
        // the first and the second are restored at once, then the third.
        long first = FIRST_ID + 10;        // first chunk: restored
        long second = FIRST_ID + 1_010;    // second chunk, holds first's email: refused
        long refused = FIRST_ID + 20;      // first chunk, its email now held by a live customer: refused
        long freed = FIRST_ID + 1_020;     // second chunk, holds refused's other email, which stays free: restored
        long chained = FIRST_ID + 1_030;   // second chunk, holds freed's email: refused, freed comes first
        long late = FIRST_ID + 2_100;      // third chunk, holds a second-chunk customer's email: refused
        shareEmail(db, second, "c" + first + "b@example.com");
        shareEmail(db, freed, "c" + refused + "b@example.com");
        shareEmail(db, chained, "c" + freed + "a@example.com");
        shareEmail(db, late, "c" + (FIRST_ID + 1_500) + "b@example.com");
        Customer holder = crm.customers().create(CustomerDraft.builder().name("Holder").email("c" + refused
                + "a@example.com").build());

        RestoreResult result = crm.trash().restore(ids);

        assertThat(result.restored()).hasSize(ids.size() - 4).isSorted().contains(first, freed)
                .doesNotContain(second, refused, chained, late);
        String change = "; merge or change that customer first";
        assertThat(result.refused()).extracting(BulkIssue::customerId, BulkIssue::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(refused, "customer " + refused + " stays in the trash: email 'c"
                        + refused + "a@example.com' now belongs to customer " + holder.id() + change),
                org.assertj.core.groups.Tuple.tuple(second, "customer " + second + " stays in the trash: email 'c"
                        + first + "b@example.com' now belongs to customer " + first + change),
                org.assertj.core.groups.Tuple.tuple(chained, "customer " + chained + " stays in the trash: email c"
                        + freed + "a@example.com is also held by customer " + freed + ", restored in the same call"
                        + change),
                org.assertj.core.groups.Tuple.tuple(late, "customer " + late + " stays in the trash: email 'c"
                        + (FIRST_ID + 1_500) + "b@example.com' now belongs to customer " + (FIRST_ID + 1_500)
                        + change));
        assertThat(db.count("identity")).isEqualTo(2 * (ids.size() - 4) + 1);
        assertThat(db.count("trash_identity")).isEqualTo(8);
        assertThat(db.column("SELECT COUNT(*) FROM crm_event WHERE tenant_id = ? AND event_type = 'restored'",
                db.tenant())).containsExactly(String.valueOf(ids.size() - 4));
    }

    /** Gives a trashed customer's second email the value of another's. */
    private static void shareEmail(TestDb db, long customer, String email) {
        db.execute("UPDATE crm_trash_identity SET id_value = '" + email + "' WHERE tenant_id = '" + db.tenant()
                + "' AND customer_id = " + customer + " AND ordinal = 1");
    }

    @DbTest
    void aRestoreOfManyChunksRunsOnTheSmallestPool(TestDb db) throws SQLException {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = CrmKit.builder().jdbcUrl(TestDatabases.url(db.name()), null, null).tablePrefix(prefix)
                .maxPoolSize(2).build()) {
            deleteAndRestoreAll(db, prefix, kit);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void aChunkThatFailsBesideAnotherRunsAgainAloneAndNothingIsLost(TestDb db) throws SQLException {
        String prefix = TestDb.uniquePrefix();
        // Only the chunk restored beside another reads the trashed identities of the chunk before it.
        AtomicInteger failed = new AtomicInteger();
        try (CrmKit kit = CrmKit.builder().dataSource(StatementHooks.failing(db.dataSource(), sql -> sql.startsWith(
                "SELECT id_type, id_value FROM " + prefix + "trash_identity") && failed.incrementAndGet() > 0,
                "lost beside")).tablePrefix(prefix).build()) {
            List<Long> ids = deleteAndRestoreAll(db, prefix, kit);

            // The second chunk ran beside the first (not on MariaDB, which restores one chunk at a time).
            assertThat(failed.get()).isEqualTo(db.dialect().equals("mariadb") ? 0 : 1);
            assertThat(db.column("SELECT COUNT(*) FROM " + prefix + "identity WHERE tenant_id = ?", db.tenant()))
                    .containsExactly(String.valueOf(2 * ids.size()));
            assertThat(db.column("SELECT COUNT(*) FROM " + prefix + "event WHERE tenant_id = ? AND event_type ="
                    + " 'restored'", db.tenant())).containsExactly(String.valueOf(ids.size()));
        } finally {
            db.dropTables(prefix);
        }
    }

    /**
     * On a kit of the test's own: inserts the customers of three chunks, deletes them all, restores them, and checks
     * that all were restored.
     *
     * @return their ids
     */
    private static List<Long> deleteAndRestoreAll(TestDb db, String prefix, CrmKit kit) throws SQLException {
        Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
        List<Long> ids = LongStream.range(FIRST_ID, FIRST_ID + CHUNKS_OF_A_PAIR_AND_ONE).boxed().toList();
        insertCustomersWithTwoEmails(db, prefix, ids);
        DeletePreview preview = crm.bulk().previewDelete(Selection.all());
        crm.bulk().run(Selection.all(), BulkOperation.delete(preview.token(), true, "restored in three chunks"));

        RestoreResult result = crm.trash().restore(ids);

        assertThat(result.restored()).isEqualTo(ids);
        assertThat(result.refused()).isEmpty();
        assertThat(crm.trash().count()).isZero();
        return ids;
    }

    private static void insertCustomersWithTwoEmails(TestDb db, List<Long> ids) throws SQLException {
        insertCustomersWithTwoEmails(db, "crm_", ids);
    }

    private static void insertCustomersWithTwoEmails(TestDb db, String prefix, List<Long> ids) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement customers = connection.prepareStatement("INSERT INTO " + prefix + "customer (tenant_id,"
                     + " id, name, gender, status, stage, created_at, created_by, updated_at, updated_by, version)"
                     + " VALUES (?, ?, ?, 'UNKNOWN', 'NEW', 'lead', ?, 'test', ?, 'test', 1)");
             PreparedStatement identities = connection.prepareStatement("INSERT INTO " + prefix + "identity (tenant_id,"
                     + " id_type, id_value, customer_id, ordinal, verified, created_at) VALUES (?, 'email', ?, ?, ?,"
                     + " FALSE, ?)")) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            for (Long id : ids) {
                customers.setString(1, db.tenant());
                customers.setLong(2, id);
                customers.setString(3, "Customer " + id);
                customers.setTimestamp(4, now);
                customers.setTimestamp(5, now);
                customers.addBatch();
                for (int ordinal = 0; ordinal < 2; ordinal++) {
                    identities.setString(1, db.tenant());
                    identities.setString(2, "c" + id + (ordinal == 0 ? "a" : "b") + "@example.com");
                    identities.setLong(3, id);
                    identities.setShort(4, (short) ordinal);
                    identities.setTimestamp(5, now);
                    identities.addBatch();
                }
            }
            customers.executeBatch();
            identities.executeBatch();
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }
}
