package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.RunningJobs;
import java.util.List;
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
        return Set.of(JobKind.BULK);
    }

    @Override
    public Optional<Job> find(long id) {
        return jobs.find(actor.tenantId(), id).map(row -> job(row.job()));
    }

    @Override
    public List<Job> latest(int limit) {
        return jobs.latest(actor.tenantId(), limit).stream().map(row -> job(row.job())).toList();
    }

    @Override
    public List<Job> latest(JobKind kind, int limit) {
        return latest(limit);
    }

    @Override
    public boolean cancel(Job job) {
        Access.require(actor, job.name().equals("delete") ? Permission.BULK_DELETE : Permission.BULK_EDIT,
                "cancel a bulk job");
        if (job.state() == JobState.INTERRUPTED) {
            return jobs.cancelAbandoned(actor.tenantId(), job.id());
        }
        if (job.state() == JobState.QUEUED && jobs.cancelScheduled(actor.tenantId(), job.id())) {
            return true;
        }
        return job.state().isActive() && (running.cancel(job.id()) || jobs.requestCancel(actor.tenantId(), job.id()));
    }

    static Job job(BulkJob job) {
        return new Job(job.id(), JobKind.BULK, job.operation(), job.actorId(), JobState.valueOf(job.state().name()),
                job.done(), job.total(), job.result(), Optional.empty(), job.error(), job.createdAt(),
                job.updatedAt());
    }
}
