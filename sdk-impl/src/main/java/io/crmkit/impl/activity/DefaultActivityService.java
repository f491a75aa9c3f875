package io.crmkit.impl.activity;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
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

    public DefaultActivityService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, IdStatements idSql, GrowingTables growing, MetricsRefresher refresher) {
        this.timeline = new DefaultTimeline(actor, tablePrefix, database, ids, clock, audit, idSql, refresher);
        this.tasks = new DefaultTasks(actor, tablePrefix, database, ids, clock, audit);
        this.orders = new DefaultOrders(actor, tablePrefix, database, ids, clock, audit, idSql);
        this.links = new DefaultLinks(actor, tablePrefix, database, ids, clock, audit);
        this.metrics = new DefaultMetrics(actor, tablePrefix, database, clock, audit, idSql, growing, refresher);
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
