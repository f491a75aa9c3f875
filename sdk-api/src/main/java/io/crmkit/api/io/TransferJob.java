package io.crmkit.api.io;

import java.time.Instant;
import java.util.Optional;

/**
 * An import's or export's stored state, for a host to poll and list.
 *
 * @param id        the job's id
 * @param kind      import or export
 * @param fileName  the file's name (an import's source, an export's target when it is a path)
 * @param actorId   who started it
 * @param state     where it is
 * @param done      rows processed so far
 * @param total     rows to process; 0 until known: after an import's first pass over its file, after a stream
 *                  export's count (taken while it writes its first pages)
 * @param imported  an import's counts so far (final once {@link State#DONE}); its failure list is empty here, the
 *                  failure report has every failed row
 * @param error     why it stopped, once {@link State#FAILED} or {@link State#INTERRUPTED}
 * @param createdAt when it started
 * @param updatedAt when it last reported progress
 */
public record TransferJob(long id, Kind kind, String fileName, String actorId, State state, long done, long total,
                          Optional<ImportResult> imported, Optional<String> error, Instant createdAt,
                          Instant updatedAt) {

    /** Import or export. */
    public enum Kind {
        /** Customers read from a file. */
        IMPORT,
        /** Customers written to a file. */
        EXPORT
    }

    /** The states of a job. */
    public enum State {
        /**
         * Submitted, waiting for one of the kit's job threads. Like a running job it is held by its kit (a lease
         * the kit renews every few seconds), so running the same import meanwhile is refused.
         */
        QUEUED,
        /** Running now, held by its kit's lease. */
        RUNNING,
        /** Finished. */
        DONE,
        /** Stopped by an error; an import's committed rows stay imported. */
        FAILED,
        /** Stopped by {@code cancel}; an import's committed rows stay imported. */
        CANCELLED,
        /**
         * Queued or running when its process stopped: the lease its kit renews while it holds the job ended (10
         * seconds by default, see {@code CrmKit.Builder.jobLease}). Any kit may continue it at once by running the
         * same import (same file, same settings), which continues after the last committed row, or cancel it.
         */
        INTERRUPTED
    }
}
