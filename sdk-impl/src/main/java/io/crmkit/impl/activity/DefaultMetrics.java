package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.Metrics;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.RunningJobs;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@link Metrics} for one actor. A recompute is one implementation ({@link MetricsRecompute}) whether it runs in the
 * caller's thread ({@link #recomputeRatings()}) or on the kit's scheduler ({@link #submitRecompute()}, run by
 * {@link ScheduledMetrics}). Thread-safe.
 */
final class DefaultMetrics implements Metrics {

    private final Actor actor;
    private final Database database;
    private final Clock clock;
    private final MetricsRefresher refresher;
    private final MetricsStore store;
    private final LiveCustomer live;
    private final MetricsRecompute recompute;
    private final JobScheduler scheduler;

    DefaultMetrics(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            IdStatements idSql, GrowingTables growing, MetricsRefresher refresher, JobStore jobs, RunningJobs running,
            JobLeases leases, JobScheduler scheduler) {
        this.actor = actor;
        this.database = database;
        this.clock = clock;
        this.refresher = refresher;
        this.store = new MetricsStore(tablePrefix, idSql);
        this.live = new LiveCustomer(tablePrefix);
        this.recompute = new MetricsRecompute(tablePrefix, database, ids, clock, audit, idSql, growing, jobs, running,
                leases);
        this.scheduler = scheduler;
    }

    @Override
    public CustomerMetrics of(long customerId) {
        Access.require(actor, Permission.READ, "read customer metrics");
        return database.read("read customer metrics", session -> read(session.getConnection(), customerId));
    }

    @Override
    public CustomerMetrics refresh(long customerId) {
        Access.require(actor, Permission.WRITE, "refresh customer metrics");
        return database.write("refresh customer metrics", session -> {
            Connection connection = session.getConnection();
            requireLive(connection, customerId);
            store.refresh(connection, actor.tenantId(), List.of(customerId), clock.instant());
            return read(connection, customerId);
        });
    }

    @Override
    public boolean awaitRefreshes(java.time.Duration timeout) throws InterruptedException {
        return refresher.await(ValidationException.requireNonNull(timeout, "timeout"));
    }

    @Override
    public long submitRecompute() {
        Access.require(actor, Permission.BULK_EDIT, "recompute customer ratings");
        MetricsRecompute.Taken taken = recompute.take(actor);
        if (taken.held()) {
            return taken.jobId();
        }
        recompute.handOver(taken.lease());
        scheduler.scheduleMetrics(new JobScheduler.ScheduledJob(actor.tenantId(), actor.actorId(), taken.jobId()));
        return taken.jobId();
    }

    @Override
    public long recomputeRatings() {
        Access.require(actor, Permission.BULK_EDIT, "recompute customer ratings");
        MetricsRecompute.Taken taken = recompute.take(actor);
        if (taken.held()) {
            throw new ConflictException("a recompute of the metrics of tenant '" + actor.tenantId() + "' is queued or"
                    + " running as job " + taken.jobId() + "; await it through jobs()", taken.jobId());
        }
        return recompute.execute(actor, taken.lease(), MetricsJobRows.Progress.START, 0);
    }

    /**
     * Runs a submitted recompute in the kit whose scheduler picked it up: takes its job over (waiting for the
     * scheduler, or left by a kit that died) and continues it after the last customer refreshed.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    void runScheduled(long jobId) {
        Access.require(actor, Permission.BULK_EDIT, "recompute customer ratings");
        MetricsRecompute.Continued continued = recompute.takeScheduled(actor.tenantId(), jobId);
        recompute.execute(actor, continued.lease(), continued.from(), continued.done());
    }

    private CustomerMetrics read(Connection connection, long customerId) {
        requireLive(connection, customerId);
        return store.find(connection, actor.tenantId(), customerId).orElseGet(() -> new CustomerMetrics(customerId,
                Optional.empty(), 0, 0, BigDecimal.ZERO, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), clock.instant()));
    }

    private void requireLive(Connection connection, long customerId) {
        live.require(connection, actor.tenantId(), customerId);
    }
}
