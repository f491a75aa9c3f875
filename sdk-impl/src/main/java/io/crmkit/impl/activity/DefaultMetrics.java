package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.Metrics;
import io.crmkit.impl.KitContext;
import io.crmkit.api.activity.CustomerMetrics;

/** {@link Metrics} for one actor. Not built yet. */
final class DefaultMetrics implements Metrics {

    private final Actor actor;
    private final KitContext kit;

    DefaultMetrics(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
    }

    @Override
    public CustomerMetrics of(long customerId) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public CustomerMetrics refresh(long customerId) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public long recomputeRatings() {
        throw new UnsupportedOperationException("not built yet");
    }
}
