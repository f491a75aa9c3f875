package io.crmkit.impl.activity;

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
 * Runs the recomputes of metrics submitted as scheduled jobs, in whichever kit picks them up: the recompute is run as
 * its actor, taking over its job (waiting for the scheduler, or left by a kit that died) and continuing after the last
 * customer refreshed, which each chunk stores with the job. One per kit; thread-safe.
 */
public final class ScheduledMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledMetrics.class);

    private final JobStore jobs;
    private final Function<Actor, Crm> crms;

    /**
     * @param jobs the kit's stored jobs
     * @param crms the kit's scoped facade of an actor
     */
    public ScheduledMetrics(JobStore jobs, Function<Actor, Crm> crms) {
        this.jobs = jobs;
        this.crms = crms;
    }

    /**
     * Runs (or continues) a scheduled recompute; returns normally when the job ended, whatever its end (a failure is
     * stored with the job and logged), and when it had ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    public void run(JobScheduler.ScheduledJob job) {
        Optional<String> stored = jobs.requestToRun(job, "recompute");
        if (stored.isEmpty()) {
            return;
        }
        jobs.releaseScheduled(job.tenantId(), job.jobId());
        Crm crm = crms.apply(Actor.of(job.tenantId(), job.actorId(), Permission.BULK_EDIT, Permission.READ));
        try {
            ((DefaultMetrics) crm.activities().metrics()).runScheduled(job.jobId());
        } catch (ConflictException held) {
            throw held;
        } catch (RuntimeException e) {
            // A failed run logged its cause in full and stored it with the job.
            LOG.warn("Scheduled recompute {} of tenant '{}' stopped: {}", job.jobId(), job.tenantId(), e.toString());
        }
    }
}
