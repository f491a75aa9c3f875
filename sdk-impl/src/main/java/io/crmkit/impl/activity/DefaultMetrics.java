package io.crmkit.impl.activity;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.Metrics;
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
    private final String tablePrefix;
    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final GrowingTables growing;
    private final MetricsRefresher refresher;
    private final MetricsStore store;
    private final RfmRatings ratings;
    private final LiveCustomer live;

    DefaultMetrics(Actor actor, String tablePrefix, Database database, Clock clock, AuditLog audit,
            IdStatements idSql, GrowingTables growing, MetricsRefresher refresher) {
        this.actor = actor;
        this.tablePrefix = tablePrefix;
        this.database = database;
        this.clock = clock;
        this.audit = audit;
        this.growing = growing;
        this.refresher = refresher;
        this.store = new MetricsStore(tablePrefix, idSql);
        this.ratings = new RfmRatings(tablePrefix);
        this.live = new LiveCustomer(tablePrefix);
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
    public long recomputeRatings() {
        Access.require(actor, Permission.BULK_EDIT, "recompute customer ratings");
        Instant now = clock.instant();
        long afterId = Long.MIN_VALUE;
        while (true) {
            long after = afterId;
            List<Long> ids = database.read("list customers", session -> IdStatements.rows(
                    session.getConnection(), "SELECT id FROM " + tablePrefix + "customer WHERE tenant_id = ?"
                            + " AND id > ? ORDER BY tenant_id, id LIMIT " + CHUNK, List.of(actor.tenantId(), after),
                    row -> row.getLong(1)));
            if (ids.isEmpty()) {
                break;
            }
            database.write("refresh customer metrics", session -> {
                store.refresh(session.getConnection(), actor.tenantId(), ids, now);
                return null;
            });
            growing.wrote(List.of(tablePrefix + "customer_metric"), ids.size());
            afterId = ids.get(ids.size() - 1);
        }
        return database.write("rate customers", session -> {
            long rated = ratings.rate(session.getConnection(), actor.tenantId());
            audit.record(session, actor, "metrics.rate", "customer", 0, rated + " customer(s) rated");
            return rated;
        });
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
