package io.crmkit.impl.io;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.ConflictException;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.job.JobScheduler;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the exports submitted into the database as scheduled jobs, in whichever kit picks them up: the export's request
 * is read from the database and its file is written again from the start as its actor (the chunks a kit that died
 * wrote are deleted first), so that the file is whole once the job is DONE. One per kit; thread-safe.
 */
public final class ScheduledExports {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExports.class);

    private final Database database;
    private final String table;
    private final Function<Actor, Crm> crms;

    /** @param crms the kit's scoped facade of an actor */
    public ScheduledExports(Database database, String tablePrefix, Function<Actor, Crm> crms) {
        this.database = database;
        this.table = tablePrefix + "transfer_job";
        this.crms = crms;
    }

    /** The stored state of a scheduled export's job. */
    private record Stored(String request, String state) {
    }

    /**
     * Runs a scheduled export; returns normally when the job ended, whatever its end (a failure is stored with the
     * job and logged), and when it had ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    public void run(JobScheduler.ScheduledJob job) {
        Optional<Stored> stored = database.read("read a scheduled export", session -> IdStatements.rows(
                session.getConnection(), "SELECT request, state FROM " + table + " WHERE tenant_id = ? AND id = ?",
                List.of(job.tenantId(), job.jobId()), row -> new Stored(row.getString(1), row.getString(2))))
                .stream().findFirst();
        if (stored.isEmpty() || stored.get().request() == null) {
            LOG.warn("Scheduled export job {} of tenant '{}' has no stored request; nothing to run", job.jobId(),
                    job.tenantId());
            return;
        }
        if (List.of("DONE", "FAILED", "CANCELLED").contains(stored.get().state())) {
            return;
        }
        database.write("take an export from the scheduler", session -> IdStatements.execute(session.getConnection(),
                "UPDATE " + table + " SET lease_until = NULL WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND"
                        + " state = 'QUEUED'", List.of(job.tenantId(), job.jobId(), TransferJobStore.SCHEDULED)));
        Crm crm = crms.apply(Actor.of(job.tenantId(), job.actorId(), Permission.EXPORT, Permission.READ));
        try {
            ((DefaultExportService) crm.exports()).runScheduled(job.jobId(),
                    StoredExportRequest.fromJson(stored.get().request()));
        } catch (ConflictException held) {
            throw held;
        } catch (RuntimeException e) {
            LOG.warn("Scheduled export job {} of tenant '{}' failed; the job stores why", job.jobId(), job.tenantId(),
                    e);
        }
    }
}
