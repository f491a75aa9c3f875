package io.crmkit.api.job;

import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.io.ImportResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's stored state, the same for every kind, for a host to show a progress bar and list past jobs.
 *
 * @param id           the job's id, unique in its tenant
 * @param kind         what the job does
 * @param name         a bulk operation's name ({@code add_tags}, {@code delete}, ...), an import's file name, an
 *                     export's file name ({@code (stream)} for an export written to a stream), or
 *                     {@code recompute_ratings} for a recompute of metrics
 * @param actorId      who started it
 * @param state        where it is
 * @param done         work done so far: customers of a bulk operation, rows of an import or export, customers
 *                     refreshed by a recompute of metrics
 * @param total        work to do, in the same unit; an import knows it after its first pass over its file (0 until
 *                     then)
 * @param bulkResult   a bulk operation's outcome once it ended (also when cancelled: what was done)
 * @param importResult an import's counts so far, final once it ended; the failure list is empty here, the failure
 *                     report has every failed row
 * @param error        why it stopped, once {@link JobState#FAILED}, {@link JobState#CANCELLED} or
 *                     {@link JobState#INTERRUPTED}
 * @param createdAt    when it was started
 * @param updatedAt    when it last reported progress
 */
public record Job(long id, JobKind kind, String name, String actorId, JobState state, long done, long total,
                  Optional<BulkResult> bulkResult, Optional<ImportResult> importResult, Optional<String> error,
                  Instant createdAt, Instant updatedAt) {

    /**
     * Checks that no reference component is null; the kit builds jobs from what it stored.
     *
     * @param id           the job's id, unique in its tenant
     * @param kind         what the job does; not null
     * @param name         the operation's or the file's name; not null
     * @param actorId      who started it; not null
     * @param state        where it is; not null
     * @param done         work done so far
     * @param total        work to do, 0 while unknown
     * @param bulkResult   a bulk operation's outcome; empty for other kinds and until it ended; not null
     * @param importResult an import's counts; empty for other kinds; not null
     * @param error        why it stopped; empty unless it failed, was cancelled or interrupted; not null
     * @param createdAt    when it was started; not null
     * @param updatedAt    when it last reported progress; not null
     * @throws NullPointerException when a reference component is null
     */
    public Job {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(bulkResult, "bulkResult");
        Objects.requireNonNull(importResult, "importResult");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * @return the share of the work done, from 0 to 1: 1 once {@link JobState#DONE}, 0 while the total is unknown
     */
    public double progress() {
        if (state == JobState.DONE) {
            return 1;
        }
        return total <= 0 ? 0 : Math.min(1, (double) done / total);
    }
}
