package io.crmkit.trash;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A restore refuses a customer whose identity a live customer holds, or a customer restored before it in the same
 * call, with a message naming the identity and its holder; it checks every identity of a chunk, also when a chunk
 * holds more identities of one type than one look-up takes.
 */
class RestoreConflictTest {

    /** Customers of the bulk case, each with two emails: 2,000 emails in a chunk of 1,000 customers. */
    private static final int CUSTOMERS = 1_000;
    private static final long FIRST_ID = 900_000_001L;

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

    private static void insertCustomersWithTwoEmails(TestDb db, List<Long> ids) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement customers = connection.prepareStatement("INSERT INTO crm_customer (tenant_id, id, name,"
                     + " gender, status, stage, created_at, created_by, updated_at, updated_by, version)"
                     + " VALUES (?, ?, ?, 'UNKNOWN', 'NEW', 'lead', ?, 'test', ?, 'test', 1)");
             PreparedStatement identities = connection.prepareStatement("INSERT INTO crm_identity (tenant_id,"
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
