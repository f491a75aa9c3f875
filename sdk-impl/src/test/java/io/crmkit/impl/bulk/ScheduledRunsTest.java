package io.crmkit.impl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.filter.Filter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a scheduled run does with a stored request it cannot run: the job fails with the reason stored and nothing
 * escapes to the scheduler; a stored delete runs only as the job its preview's token was confirmed for.
 */
class ScheduledRunsTest {

    private static final String REASON = "duplicates of the ERP import";

    private static List<Long> create(Crm crm, int count, String tag) {
        return IntStream.range(0, count).mapToObj(i -> crm.customers().create(CustomerDraft.builder()
                .name(tag + " " + i).tag(tag).build()).id()).toList();
    }

    /** Runs the tenant's job as the kit's scheduler would, in this thread. */
    private static void runScheduled(TestDb db, long job) {
        ((DefaultBulkService) db.crm().bulk()).runScheduled(job);
    }

    /** Stores a job handed over to the scheduler, as {@code submit} leaves it, with this request. */
    private static long scheduledJob(TestDb db, long id, String operation, String request) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_job (tenant_id, id, kind, actor_id,"
                     + " operation, selection, state, total, done, created_at, updated_at, lease_owner, lease_until,"
                     + " request) VALUES (?, ?, 'BULK', 'agent-1', ?, 'filter: keyword:', 'QUEUED', 1, 0, ?, ?,"
                     + " 'scheduled', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, db.tenant());
            insert.setLong(2, id);
            insert.setString(3, operation);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, Timestamp.from(Instant.parse("9999-01-01T00:00:00Z")));
            insert.setString(7, request);
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return id;
    }

    /** Hands a previewed delete over to the scheduler with this request, as if it was confirmed, or leaves it so. */
    private static void storeRequest(TestDb db, long job, String request, boolean handOver) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE crm_job SET request = ?"
                     + (handOver ? ", state = 'QUEUED', lease_owner = 'scheduled', lease_until = ?" : "")
                     + " WHERE tenant_id = ? AND id = ?")) {
            int index = 1;
            update.setString(index++, request);
            if (handOver) {
                update.setTimestamp(index++, Timestamp.from(Instant.parse("9999-01-01T00:00:00Z")));
            }
            update.setString(index++, db.tenant());
            update.setLong(index, job);
            update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static BulkJob job(TestDb db, long id) {
        return db.crm().bulk().job(id).orElseThrow();
    }

    @DbTest
    void anUnreadableRequestFailsItsJobWithTheReason(TestDb db) throws Exception {
        create(db.crm(), 1, "any");
        long garbled = scheduledJob(db, 1, "add_tags", "{\"format\":1,\"job\":1,\"operation\":");
        long old = scheduledJob(db, 2, "add_tags", "{\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":"
                + "\"add_tags\",\"values\":[\"a\"]}");
        long badValue = scheduledJob(db, 3, "edit", "{\"format\":1,\"job\":3,\"filter\":null,\"keyword\":\"\","
                + "\"ids\":[],\"operation\":\"edit\",\"parameters\":{\"version\":0,\"changes\":{},\"custom\":{\"d\":"
                + "{\"kind\":\"date\",\"value\":\"31.02.2024\"}}},\"confirmed\":false,\"members\":null}");

        runScheduled(db, garbled);
        runScheduled(db, old);
        runScheduled(db, badValue);

        assertThat(job(db, garbled).state()).isEqualTo(BulkJob.State.FAILED);
        assertThat(job(db, garbled).error().orElseThrow()).startsWith("the job cannot run: its stored request is not"
                + " readable ($: not JSON").endsWith("submit the operation again");
        assertThat(job(db, old).error().orElseThrow()).contains("(format: this kit reads format 1, got none)");
        assertThat(job(db, badValue).error().orElseThrow()).contains("parameters.custom.d.value: not a date");
        assertThat(db.count("tag")).as("nothing ran").isEqualTo(1);
    }

    @DbTest
    void aRequestOfAnotherJobOrOperationFailsItsJob(TestDb db) throws Exception {
        List<Long> ids = create(db.crm(), 2, "any");
        StoredBulkRequest tagging = new StoredBulkRequest(Selection.ids(ids), BulkOperation.addTags(List.of("x")), 7L,
                false, null);
        long other = scheduledJob(db, 11, "add_tags", tagging.toJson());
        long mismatched = scheduledJob(db, 7, "assign", tagging.toJson());

        runScheduled(db, other);
        runScheduled(db, mismatched);

        assertThat(job(db, other).error().orElseThrow()).contains("job: the request is of job 7, not 11");
        assertThat(job(db, mismatched).error().orElseThrow()).contains("the request is a add_tags, its job a assign");
        assertThat(db.crm().filters().count(Filter.hasTag("x"))).isZero();
    }

    @DbTest
    void aStoredRequestThatReadsRunsItsJobToDone(TestDb db) throws Exception {
        List<Long> ids = create(db.crm(), 2, "any");
        long job = scheduledJob(db, 21, "add_tags", new StoredBulkRequest(Selection.ids(ids),
                BulkOperation.addTags(List.of("x")), 21L, false, null).toJson());

        runScheduled(db, job);
        runScheduled(db, job);

        assertThat(job(db, job).state()).isEqualTo(BulkJob.State.DONE);
        assertThat(job(db, job).result().orElseThrow().changed()).as("once").isEqualTo(2);
        assertThat(db.crm().filters().count(Filter.hasTag("x"))).isEqualTo(2);
    }

    @DbTest
    void aStoredDeleteRunsOnlyAsTheJobItsTokenWasConfirmedFor(TestDb db) throws Exception {
        Crm crm = db.crm();
        List<Long> members = create(crm, 3, "old").stream().sorted().toList();
        Selection old = Selection.matching(Filter.hasTag("old"));

        DeletePreview unconfirmed = crm.bulk().previewDelete(old);
        long notConfirmed = pendingJob(crm);
        storeRequest(db, notConfirmed, new StoredBulkRequest(old, BulkOperation.delete(unconfirmed.token(), true,
                REASON), notConfirmed, false, members).toJson(), true);
        DeletePreview other = crm.bulk().previewDelete(old);
        long wrongToken = pendingJob(crm);
        storeRequest(db, wrongToken, new StoredBulkRequest(old, BulkOperation.delete(unconfirmed.token(), true,
                REASON), wrongToken, true, members).toJson(), true);
        DeletePreview stillPending = crm.bulk().previewDelete(old);
        long pending = pendingJob(crm);
        storeRequest(db, pending, new StoredBulkRequest(old, BulkOperation.delete(stillPending.token(), true,
                REASON), pending, true, members).toJson(), false);
        DeletePreview fewer = crm.bulk().previewDelete(old);
        long otherMembers = pendingJob(crm);
        storeRequest(db, otherMembers, new StoredBulkRequest(old, BulkOperation.delete(fewer.token(), true,
                REASON), otherMembers, true, members.subList(0, 2)).toJson(), true);

        runScheduled(db, notConfirmed);
        runScheduled(db, wrongToken);
        runScheduled(db, pending);
        runScheduled(db, otherMembers);

        assertThat(job(db, notConfirmed).state()).isEqualTo(BulkJob.State.FAILED);
        assertThat(job(db, notConfirmed).error().orElseThrow()).contains("was not confirmed with the token");
        assertThat(job(db, wrongToken).error().orElseThrow()).contains("was not confirmed with the token");
        assertThat(job(db, pending).state()).as("never confirmed: not run").isEqualTo(BulkJob.State.PENDING);
        assertThat(job(db, otherMembers).error().orElseThrow()).contains("2 now");
        assertThat(db.count("trash_customer")).as("nothing deleted").isZero();
        assertThat(other.token()).isNotEqualTo(unconfirmed.token());

        long confirmed = crm.bulk().submit(old, BulkOperation.delete(stillPending.token(), true, REASON));
        assertThat(crm.bulk().await(confirmed, java.time.Duration.ofSeconds(60)).state())
                .as("its own token still confirms it").isEqualTo(BulkJob.State.DONE);
        assertThat(db.count("trash_customer")).isEqualTo(3);
    }

    private static long pendingJob(Crm crm) {
        return crm.bulk().jobs().stream().filter(job -> job.state() == BulkJob.State.PENDING)
                .mapToLong(BulkJob::id).max().orElseThrow();
    }
}
