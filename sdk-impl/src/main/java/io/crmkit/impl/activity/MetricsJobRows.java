package io.crmkit.impl.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.schema.JobTable;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.StoredJob;
import java.util.Optional;
import java.util.Set;

/**
 * The recomputes of metrics among the stored jobs ({@link JobStore}): what only they store and how their rows read as
 * {@link Job}s. Their life (queue, run, end) is the store's. A recompute's run key and active key are one constant,
 * so that the unique index on the active key lets a tenant hold one unfinished recompute at a time. Its progress is
 * stored in the job's result with each chunk (see {@link Progress}), so that a run continuing a dead kit's job
 * resumes after the last customer that kit refreshed. Thread-safe.
 */
final class MetricsJobRows {

    /** The kind of a recompute's job. */
    static final Set<JobKind> METRICS = Set.of(JobKind.METRICS);
    /** The name of every recompute's job. */
    static final String NAME = "recompute_ratings";
    /** What running a recompute again is, for the error of a cancelled one. */
    static final String AGAIN = "submit the recompute again";
    /** The request stored with a job handed over to the scheduler: a recompute has no parameters. */
    static final String REQUEST = "{\"operation\":\"" + NAME + "\"}";
    /** The run key and active key of every recompute of a tenant. */
    private static final String KEY = "metrics:" + NAME;
    private static final String HOW_TO_CONTINUE = "a submitted recompute is continued by a kit's scheduler by"
            + " itself; " + AGAIN + " to recompute from the first customer, or cancel it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore jobs;

    MetricsJobRows(JobStore jobs) {
        this.jobs = jobs;
    }

    /**
     * A recompute's progress, stored as its job's result with each chunk.
     *
     * @param lastCustomerId the last customer refreshed, in id order; {@link Long#MIN_VALUE} before the first
     * @param rated          how many customers were rated, once the ratings are set; null before
     */
    record Progress(long lastCustomerId, Long rated) {
        /** Where a recompute starts: before the first customer. */
        static final Progress START = new Progress(Long.MIN_VALUE, null);
    }

    /**
     * Stores a new recompute QUEUED under the lease, holding the tenant's active key for recomputes, and starts
     * renewing the lease.
     *
     * @throws DuplicateKeyException when an unfinished recompute of the tenant is stored
     */
    void insertQueued(Lease lease, String actorId, long total) {
        jobs.insertQueued(lease, JobStore.newJob(JobKind.METRICS, actorId, total).set(JobTable.RUN_KEY, KEY)
                .set(JobTable.ACTIVE_KEY, KEY));
    }

    /** @return the tenant's latest recompute: the unfinished one, when there is one */
    Optional<StoredJob> latest(String tenantId) {
        return jobs.latestRun(tenantId, JobKind.METRICS, KEY);
    }

    /** @return the tenant's recompute with this id */
    Optional<StoredJob> find(String tenantId, long id) {
        return jobs.find(tenantId, id, METRICS);
    }

    /** @return a recompute's progress as stored: where a run continuing it starts */
    static Progress progress(StoredJob stored) {
        String json = stored.text(JobTable.RESULT);
        if (json == null) {
            return Progress.START;
        }
        try {
            return JSON.readValue(json, Progress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored progress of recompute " + stored.id() + " is not readable: "
                    + e.getMessage(), e);
        }
    }

    /** @return progress as stored with its job */
    static String toJson(Progress progress) {
        try {
            return JSON.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recompute's progress could not be written as JSON", e);
        }
    }

    /** @return a stored recompute as the host sees it */
    static Job job(StoredJob stored) {
        return new Job(stored.id(), JobKind.METRICS, NAME, stored.actorId(), stored.state(), stored.done(),
                stored.total(), Optional.empty(), Optional.empty(), stored.error(HOW_TO_CONTINUE),
                stored.createdAt(), stored.updatedAt());
    }
}
