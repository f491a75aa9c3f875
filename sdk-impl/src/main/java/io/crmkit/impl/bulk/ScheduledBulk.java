package io.crmkit.impl.bulk;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.job.JobLeases;
import java.time.Clock;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.job.JobState;
import io.crmkit.api.error.ConflictException;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bulk operations submitted as scheduled jobs, in whichever kit picks them up: the operation and its selection
 * are read from the database, and the operation is run again as its actor, which takes over its job (a new run, or
 * the unfinished run of a kit that died: customers it changed are left as they are and counted unchanged). One per
 * kit; thread-safe.
 */
public final class ScheduledBulk {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBulk.class);
    private static final Set<JobState> ENDED = Set.of(JobState.DONE, JobState.FAILED, JobState.CANCELLED);

    private final JobStore jobs;
    private final Function<Actor, Crm> crms;

    /**
     * @param tablePrefix the validated prefix of the SDK's tables
     * @param database    the kit's storage
     * @param clock       the kit's clock
     * @param leases      the leases of the kit's job runs
     * @param crms        the kit's scoped facade of an actor
     */
    public ScheduledBulk(String tablePrefix, Database database, Clock clock, JobLeases leases,
                         Function<Actor, Crm> crms) {
        this.jobs = new JobStore(tablePrefix, database, clock, leases);
        this.crms = crms;
    }

    /**
     * Runs (or continues) a scheduled bulk operation; returns normally when the job ended, whatever its end (a failure
     * is stored with the job and logged), and when it had ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    public void run(JobScheduler.ScheduledJob job) {
        Optional<JobStore.Stored> stored = jobs.stored(job.tenantId(), job.jobId());
        if (stored.isEmpty() || stored.get().request() == null) {
            LOG.warn("Scheduled bulk job {} of tenant '{}' has no stored request; nothing to run", job.jobId(),
                    job.tenantId());
            return;
        }
        if (ENDED.contains(stored.get().state())) {
            return;
        }
        StoredBulkRequest request = StoredBulkRequest.fromJson(stored.get().request());
        jobs.releaseScheduled(job.tenantId(), job.jobId());
        Crm crm = crms.apply(Actor.of(job.tenantId(), job.actorId(), Permission.BULK_EDIT, Permission.READ));
        try {
            crm.bulk().run(request.selection(), request.bulkOperation());
        } catch (ConflictException held) {
            throw held;
        } catch (RuntimeException e) {
            LOG.warn("Scheduled bulk job {} of tenant '{}' failed; the job stores why, and running the same operation"
                    + " on the same selection again continues it", job.jobId(), job.tenantId(), e);
        }
    }
}
