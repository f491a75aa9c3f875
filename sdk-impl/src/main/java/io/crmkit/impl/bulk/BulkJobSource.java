package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.RunningJobs;
import io.crmkit.impl.job.StoredJob;
import java.util.Optional;
import java.util.Set;

/**
 * The bulk jobs of one actor's tenant as {@link Job}s. Cancelling one needs {@code BULK_EDIT}, or {@code BULK_DELETE}
 * for a delete: what starting it needs.
 */
final class BulkJobSource implements JobSource {

    private final Actor actor;
    private final JobStore jobs;
    private final RunningJobs running;

    BulkJobSource(Actor actor, JobStore jobs, RunningJobs running) {
        this.actor = actor;
        this.jobs = jobs;
        this.running = running;
    }

    @Override
    public Set<JobKind> kinds() {
        return BulkJobRows.BULK;
    }

    @Override
    public Job job(StoredJob stored) {
        return job(BulkJobRows.job(stored));
    }

    @Override
    public boolean cancel(Job job) {
        Access.require(actor, job.name().equals("delete") ? Permission.BULK_DELETE : Permission.BULK_EDIT,
                "cancel a bulk job");
        return jobs.cancel(actor.tenantId(), job.id(), job.state(), running, BulkJobRows.AGAIN);
    }

    private static Job job(BulkJob job) {
        return new Job(job.id(), JobKind.BULK, job.operation(), job.actorId(), JobState.valueOf(job.state().name()),
                job.done(), job.total(), job.result(), Optional.empty(), job.error(), job.createdAt(),
                job.updatedAt());
    }
}
