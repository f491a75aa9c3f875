package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.StorageException;
import io.crmkit.impl.job.JobScheduler;
import java.util.function.Function;

/**
 * Runs the bulk operations submitted as scheduled jobs (task {@code crmkit-bulk}), in whichever kit picks them up:
 * every operation, its parameters and its selection are read from the job's stored request, and the job is run (or
 * continued after the kit running it died: customers it processed are left as they are and counted unchanged) as the
 * actor that submitted it ({@link ScheduledRuns}). One per kit; thread-safe.
 */
public final class ScheduledBulk {

    private final Function<Actor, DefaultBulkService> services;

    /** @param services the kit's bulk service of an actor */
    public ScheduledBulk(Function<Actor, DefaultBulkService> services) {
        this.services = services;
    }

    /**
     * Runs (or continues) a scheduled bulk operation; returns normally when the job ended, whatever its end (a failure,
     * an unreadable request included, is stored with the job and logged), and when it had ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     * @throws StorageException  when the database failed before the job was taken: the scheduler tries again
     */
    public void run(JobScheduler.ScheduledJob job) {
        // Permissions are the operation's own, not the scope's: the scope only names who submitted the job.
        services.apply(Actor.of(job.tenantId(), job.actorId())).runScheduled(job.jobId());
    }
}
