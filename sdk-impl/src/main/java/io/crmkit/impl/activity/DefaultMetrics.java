package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.Metrics;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.IdStatements;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Metrics} for one actor. Thread-safe. */
final class DefaultMetrics implements Metrics {

    /** Customers refreshed per transaction by {@link #recomputeRatings()}. */
    private static final int CHUNK = IdStatements.MAX_IDS;

    private final Actor actor;
    private final KitContext kit;
    private final MetricsStore store;
    private final RfmRatings ratings;
    private final LiveCustomer live;

    DefaultMetrics(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
        this.store = new MetricsStore(kit.tablePrefix(), kit.idSql());
        this.ratings = new RfmRatings(kit.tablePrefix());
        this.live = new LiveCustomer(kit.tablePrefix());
    }

    @Override
    public CustomerMetrics of(long customerId) {
        Access.require(actor, Permission.READ, "read customer metrics");
        return kit.database().read("read customer metrics", session -> read(session.getConnection(), customerId));
    }

    @Override
    public CustomerMetrics refresh(long customerId) {
        Access.require(actor, Permission.WRITE, "refresh customer metrics");
        return kit.database().write("refresh customer metrics", session -> {
            Connection connection = session.getConnection();
            requireLive(connection, customerId);
            store.refresh(connection, actor.tenantId(), List.of(customerId), kit.clock().instant());
            return read(connection, customerId);
        });
    }

    @Override
    public boolean awaitRefreshes(java.time.Duration timeout) throws InterruptedException {
        return kit.refresher().await(java.util.Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public long recomputeRatings() {
        Access.require(actor, Permission.BULK_EDIT, "recompute customer ratings");
        Instant now = kit.clock().instant();
        long afterId = Long.MIN_VALUE;
        while (true) {
            long after = afterId;
            List<Long> ids = kit.database().read("list customers", session -> IdStatements.rows(
                    session.getConnection(), "SELECT id FROM " + kit.tablePrefix() + "customer WHERE tenant_id = ?"
                            + " AND id > ? ORDER BY tenant_id, id LIMIT " + CHUNK, List.of(actor.tenantId(), after),
                    row -> row.getLong(1)));
            if (ids.isEmpty()) {
                break;
            }
            kit.database().write("refresh customer metrics", session -> {
                store.refresh(session.getConnection(), actor.tenantId(), ids, now);
                return null;
            });
            kit.growing().wrote(List.of(kit.tablePrefix() + "customer_metric"), ids.size());
            afterId = ids.get(ids.size() - 1);
        }
        return kit.database().write("rate customers", session -> {
            long rated = ratings.rate(session.getConnection(), actor.tenantId());
            kit.audit().record(session, actor, "metrics.rate", "customer", 0, rated + " customer(s) rated");
            return rated;
        });
    }

    private CustomerMetrics read(Connection connection, long customerId) {
        requireLive(connection, customerId);
        return store.find(connection, actor.tenantId(), customerId).orElseGet(() -> new CustomerMetrics(customerId,
                Optional.empty(), 0, 0, BigDecimal.ZERO, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), kit.clock().instant()));
    }

    private void requireLive(Connection connection, long customerId) {
        live.require(connection, actor.tenantId(), customerId);
    }
}
