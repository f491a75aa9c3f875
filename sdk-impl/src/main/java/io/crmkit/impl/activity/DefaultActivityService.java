package io.crmkit.impl.activity;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.RunningJobs;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.activity.ActivityService;
import io.crmkit.api.activity.Links;
import io.crmkit.api.activity.Metrics;
import io.crmkit.api.activity.Orders;
import io.crmkit.api.activity.Tasks;
import io.crmkit.api.activity.Timeline;

/** {@link ActivityService} for one actor. Thread-safe. */
public final class DefaultActivityService implements ActivityService {

    private final Timeline timeline;
    private final Tasks tasks;
    private final Orders orders;
    private final Links links;
    private final Metrics metrics;
    private final JobSource jobSource;

    public DefaultActivityService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, IdStatements idSql, GrowingTables growing, MetricsRefresher refresher, JobStore jobs,
            RunningJobs running, JobLeases leases, JobScheduler scheduler) {
        this.timeline = new DefaultTimeline(actor, tablePrefix, database, ids, clock, audit, idSql, refresher);
        this.tasks = new DefaultTasks(actor, tablePrefix, database, ids, clock, audit);
        this.orders = new DefaultOrders(actor, tablePrefix, database, ids, clock, audit, idSql);
        this.links = new DefaultLinks(actor, tablePrefix, database, ids, clock, audit);
        this.metrics = new DefaultMetrics(actor, tablePrefix, database, ids, clock, audit, idSql, growing, refresher,
                jobs, running, leases, scheduler);
        this.jobSource = new MetricsJobSource(actor, jobs, running);
    }

    /** @return the recomputes of metrics of the actor's tenant, for {@code Crm.jobs()} */
    public JobSource jobSource() {
        return jobSource;
    }

    @Override
    public Timeline timeline() {
        return timeline;
    }

    @Override
    public Tasks tasks() {
        return tasks;
    }

    @Override
    public Orders orders() {
        return orders;
    }

    @Override
    public Links links() {
        return links;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }
}
