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
import java.sql.ResultSet;
import java.sql.SQLException;
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
        List<CustomerMetrics> found = IdStatements.rows(connection, "SELECT last_activity_at, activity_30d,"
                + " order_count, total_spent, recency, frequency, monetary, value_rating, refreshed_at FROM "
                + kit.tablePrefix() + "customer_metric WHERE tenant_id = ? AND customer_id = ?",
                List.of(actor.tenantId(), customerId), row -> new CustomerMetrics(customerId,
                        Optional.ofNullable(IdStatements.instant(row, 1)), row.getInt(2), row.getInt(3),
                        row.getBigDecimal(4).stripTrailingZeros(), score(row, 5), score(row, 6), score(row, 7),
                        score(row, 8), IdStatements.instant(row, 9)));
        return !found.isEmpty() ? found.get(0) : new CustomerMetrics(customerId, Optional.empty(), 0, 0, BigDecimal.ZERO, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), kit.clock().instant());
    }

    private void requireLive(Connection connection, long customerId) {
        live.require(connection, actor.tenantId(), customerId);
    }

    private static Optional<Integer> score(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
