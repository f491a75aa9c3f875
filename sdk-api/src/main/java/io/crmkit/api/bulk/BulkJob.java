package io.crmkit.api.bulk;

import java.time.Instant;
import java.util.Optional;

/**
 * A bulk operation's stored state, for a host to poll and list.
 *
 * @param id        the job's id
 * @param operation the operation's name
 * @param actorId   who started it
 * @param state     where it is
 * @param done      customers processed so far
 * @param total     customers selected
 * @param result    the outcome, once {@link State#DONE} or {@link State#CANCELLED} (what was done)
 * @param error     why it stopped, once {@link State#FAILED}, {@link State#CANCELLED} or {@link State#INTERRUPTED}
 * @param createdAt when it was started
 * @param updatedAt when it last reported progress
 */
public record BulkJob(long id, String operation, String actorId, State state, long done, long total,
                      Optional<BulkResult> result, Optional<String> error, Instant createdAt, Instant updatedAt) {

    /** The states of a job. */
    public enum State {
        /** A previewed delete waiting for its confirmation. */
        PENDING,
        /**
         * Submitted, waiting for the scheduler of a kit on the database to take it, or taken and about to run; running
         * the same operation meanwhile is refused.
         */
        QUEUED,
        /** Running now, held by its kit's lease. */
        RUNNING,
        /** Finished; see the result. */
        DONE,
        /** Stopped by an error; the customers processed before it stay processed. */
        FAILED,
        /**
         * Stopped by {@code Jobs.cancel} after a chunk; the customers processed before it stay processed and the
         * result reports them. Running the same operation on the same selection again continues it.
         */
        CANCELLED,
        /**
         * Queued or running when its process stopped: the lease its kit renews while it holds the job ended (10
         * seconds by default, see {@code CrmKit.Builder.jobLease}). A submitted job is continued by the scheduler of
         * another kit on the database; running the same operation on the same selection again, from any kit, continues
         * this job too. Customers already processed are left as they are (a task creation skips the customers that
         * got their task, a delete finds them in the trash).
         */
        INTERRUPTED
    }
}
