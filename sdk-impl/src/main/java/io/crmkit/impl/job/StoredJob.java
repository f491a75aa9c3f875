package io.crmkit.impl.job;

import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.JobTable;
import io.crmkit.impl.db.schema.Row;
import java.time.Instant;
import java.util.Optional;

/**
 * A job as {@link JobStore} read it: its row (the columns of {@link JobTable#READ}, and the selection where the
 * reader asked for it) and whether its run stopped without ending it (its lease ended while it was queued or
 * running), so that it is shown as {@link JobState#INTERRUPTED}. The kind of the job reads the columns only it has
 * with {@link #text}. Immutable once read.
 *
 * @param row         the stored columns
 * @param interrupted whether the job is queued or running by its row but no live lease holds it
 */
public record StoredJob(Row row, boolean interrupted) {

    /** @return the job's id */
    public long id() {
        return row.bigint(JobTable.ID);
    }

    /** @return the job's kind; {@link JobStore} reads only the kinds its caller knows */
    public JobKind kind() {
        return JobKind.valueOf(row.text(JobTable.KIND));
    }

    /** @return who started it */
    public String actorId() {
        return row.text(JobTable.ACTOR_ID);
    }

    /** @return the state a host sees: the stored one, or {@link JobState#INTERRUPTED} */
    public JobState state() {
        return interrupted ? JobState.INTERRUPTED : JobState.valueOf(row.text(JobTable.STATE));
    }

    /** @return work done so far */
    public long done() {
        return row.bigint(JobTable.DONE);
    }

    /** @return work to do */
    public long total() {
        return row.bigint(JobTable.TOTAL);
    }

    /** @return whether the job is a dry run (of an import) */
    public boolean dryRun() {
        return (Boolean) row.get(JobTable.DRY_RUN);
    }

    /** @return when it was stored */
    public Instant createdAt() {
        return (Instant) row.get(JobTable.CREATED_AT);
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return (Instant) row.get(JobTable.UPDATED_AT);
    }

    /** @return a text column's value, null for NULL (and for a column that was not read) */
    public String text(Column column) {
        return row.text(column);
    }

    /**
     * @param howToContinue what continues an interrupted job of this kind, e.g. "run the same import again to continue
     *                      after its last committed row"
     * @return the stored error; for an interrupted job, that its process stopped and how to continue it
     */
    public Optional<String> error(String howToContinue) {
        if (!interrupted) {
            return Optional.ofNullable(row.text(JobTable.ERROR));
        }
        Instant leaseUntil = (Instant) row.get(JobTable.LEASE_UNTIL);
        return Optional.of("the process running it stopped (its lease ended" + (leaseUntil == null ? ""
                : " at " + leaseUntil) + "); " + howToContinue);
    }
}
