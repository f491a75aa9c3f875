package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.ActivityService;
import io.crmkit.api.activity.Links;
import io.crmkit.api.activity.Metrics;
import io.crmkit.api.activity.Orders;
import io.crmkit.api.activity.Tasks;
import io.crmkit.api.activity.Timeline;
import io.crmkit.impl.KitContext;

/** {@link ActivityService} for one actor. Thread-safe. */
public final class DefaultActivityService implements ActivityService {

    private final Timeline timeline;
    private final Tasks tasks;
    private final Orders orders;
    private final Links links;
    private final Metrics metrics;

    public DefaultActivityService(Actor actor, KitContext kit) {
        this.timeline = new DefaultTimeline(actor, kit);
        this.tasks = new DefaultTasks(actor, kit);
        this.orders = new DefaultOrders(actor, kit);
        this.links = new DefaultLinks(actor, kit);
        this.metrics = new DefaultMetrics(actor, kit);
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
