package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.RunningJobs;
import io.crmkit.impl.job.StoredJob;
import java.util.Set;

/**
 * The recomputes of metrics of one actor's tenant as {@link Job}s. Cancelling one needs {@code BULK_EDIT}, what
 * starting it needs.
 */
final class MetricsJobSource implements JobSource {

    private final Actor actor;
    private final JobStore jobs;
    private final RunningJobs running;

    MetricsJobSource(Actor actor, JobStore jobs, RunningJobs running) {
        this.actor = actor;
        this.jobs = jobs;
        this.running = running;
    }

    @Override
    public Set<JobKind> kinds() {
        return MetricsJobRows.METRICS;
    }

    @Override
    public Job job(StoredJob stored) {
        return MetricsJobRows.job(stored);
    }

    @Override
    public boolean cancel(Job job) {
        Access.require(actor, Permission.BULK_EDIT, "cancel a recompute of customer ratings");
        return jobs.cancel(actor.tenantId(), job.id(), job.state(), running, MetricsJobRows.AGAIN);
    }
}
