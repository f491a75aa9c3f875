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
 * @param result    the outcome, once {@link State#DONE}
 * @param error     why it failed, once {@link State#FAILED} or {@link State#INTERRUPTED}
 * @param createdAt when it was started
 * @param updatedAt when it last reported progress
 */
public record BulkJob(long id, String operation, String actorId, State state, long done, long total,
                      Optional<BulkResult> result, Optional<String> error, Instant createdAt, Instant updatedAt) {

    /** The states of a job. */
    public enum State {
        /** A previewed delete waiting for its confirmation. */
        PENDING,
        /** Running now. */
        RUNNING,
        /** Finished; see the result. */
        DONE,
        /** Stopped by an error; the customers processed before it stay processed. */
        FAILED,
        /** Reported no progress for 10 minutes, as when its process died; run the operation again to finish it. */
        INTERRUPTED
    }
}
