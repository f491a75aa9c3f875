package io.crmkit.impl.io;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.ConflictException;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
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

    private final JobStore jobs;
    private final Function<Actor, Crm> crms;

    /**
     * @param jobs the kit's stored jobs
     * @param crms the kit's scoped facade of an actor
     */
    public ScheduledExports(JobStore jobs, Function<Actor, Crm> crms) {
        this.jobs = jobs;
        this.crms = crms;
    }

    /**
     * Runs a scheduled export; returns normally when the job ended, whatever its end (a failure is stored with the
     * job and logged), and when it had ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    public void run(JobScheduler.ScheduledJob job) {
        Optional<String> stored = jobs.requestToRun(job, "export job");
        if (stored.isEmpty()) {
            return;
        }
        jobs.releaseScheduled(job.tenantId(), job.jobId());
        Crm crm = crms.apply(Actor.of(job.tenantId(), job.actorId(), Permission.EXPORT, Permission.READ));
        try {
            ((DefaultExportService) crm.exports()).runScheduled(job.jobId(),
                    StoredExportRequest.fromJson(stored.get()));
        } catch (ConflictException held) {
            throw held;
        } catch (RuntimeException e) {
            LOG.warn("Scheduled export job {} of tenant '{}' failed; the job stores why", job.jobId(), job.tenantId(),
                    e);
        }
    }
}
