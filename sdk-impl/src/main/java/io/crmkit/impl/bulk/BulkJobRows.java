package io.crmkit.impl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.job.JobKind;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.schema.JobTable;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.StoredJob;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bulk operations among the stored jobs ({@link JobStore}): what only they store (the operation, the selection's
 * fingerprint, a pending delete's confirmation token, the result as {@link BulkResult} JSON) and how their rows read
 * as {@link BulkJob}s. Their life (queue, run, end) is the store's. Thread-safe.
 */
final class BulkJobRows {

    /** The kind of a bulk operation's job. */
    static final Set<JobKind> BULK = Set.of(JobKind.BULK);
    /** What running a bulk operation again is, for the error of a cancelled one. */
    static final String AGAIN = "run the same operation on the same selection again";
    private static final String HOW_TO_CONTINUE = AGAIN + " to finish it: customers already processed are left as"
            + " they are";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore jobs;

    BulkJobRows(JobStore jobs) {
        this.jobs = jobs;
    }

    /** A pending delete with the selection its preview bound (its fingerprint, and the members of a query). */
    record Pending(BulkJob job, String selection) {
    }

    /** Stores a previewed delete PENDING, holding its confirmation's token. */
    void insertPending(String tenantId, long id, String actorId, String selection, String token, long total) {
        jobs.insertPending(tenantId, id, JobStore.newJob(JobKind.BULK, actorId, total)
                .set(JobTable.OPERATION, "delete").set(JobTable.SELECTION, selection).set(JobTable.TOKEN, token));
    }

    /**
     * Stores a new job QUEUED under the lease, and starts renewing it.
     *
     * @param runKey what the operation is: a second unfinished job of the same key is refused
     * @throws DuplicateKeyException when an unfinished job of the same run key is stored
     */
    void insertQueued(Lease lease, String actorId, String operation, String selection, String runKey, long total) {
        jobs.insertQueued(lease, JobStore.newJob(JobKind.BULK, actorId, total).set(JobTable.OPERATION, operation)
                .set(JobTable.SELECTION, selection).set(JobTable.RUN_KEY, runKey).set(JobTable.ACTIVE_KEY, runKey));
    }

    Optional<BulkJob> find(String tenantId, long id) {
        return jobs.find(tenantId, id, BULK).map(BulkJobRows::job);
    }

    /** @return the latest job of the operation with this run key (its parameters and selection) */
    Optional<BulkJob> latestRun(String tenantId, String runKey) {
        return jobs.latestRun(tenantId, JobKind.BULK, runKey).map(BulkJobRows::job);
    }

    /** @return the pending (or used) delete of this confirmation token */
    Optional<Pending> findByToken(String tenantId, String token) {
        return jobs.findByToken(tenantId, JobKind.BULK, token).map(stored -> new Pending(job(stored),
                stored.text(JobTable.SELECTION)));
    }

    /** @return the latest bulk jobs, at most {@code limit}, newest first */
    List<BulkJob> latest(String tenantId, int limit) {
        return jobs.latest(tenantId, BULK, limit).stream().map(BulkJobRows::job).toList();
    }

    /** @return a stored bulk job as the host sees it */
    static BulkJob job(StoredJob stored) {
        return new BulkJob(stored.id(), stored.text(JobTable.OPERATION), stored.actorId(),
                BulkJob.State.valueOf(stored.state().name()), stored.done(), stored.total(),
                Optional.ofNullable(stored.text(JobTable.RESULT)).map(BulkJobRows::fromJson),
                stored.error(HOW_TO_CONTINUE), stored.createdAt(), stored.updatedAt());
    }

    /** @return a result as stored with its job */
    static String toJson(BulkResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bulk result could not be written as JSON", e);
        }
    }

    private static BulkResult fromJson(String json) {
        try {
            return JSON.readValue(json, BulkResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored bulk result is not readable: " + e.getMessage(), e);
        }
    }
}
