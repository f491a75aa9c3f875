package io.crmkit.impl.activity;

import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.CustomerMetricTable;
import io.crmkit.impl.db.schema.CustomerOrderTable;
import io.crmkit.impl.db.schema.CustomerRatingTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.db.schema.EventTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code customer_metric} table: recomputes customers' counts from their events and orders with set-based
 * statements on the caller's connection, inside the caller's transaction. Ratings are left as they are;
 * {@code Metrics.recomputeRatings} sets them. Thread-safe.
 */
public final class MetricsStore {

    /** The window of {@code activity_30d}. */
    static final Duration ACTIVITY_WINDOW = Duration.ofDays(30);
    /** Stands for "no time" inside GREATEST, which is NULL on MariaDB as soon as one argument is. */
    private static final Instant NEVER = Instant.parse("1000-01-01T00:00:00Z");

    private final String prefix;
    private final IdStatements sql;

    public MetricsStore(String prefix, IdStatements sql) {
        this.prefix = prefix;
        this.sql = sql;
    }

    /**
     * Recomputes the counts of the customers: last activity, events in the last 30 days, orders that count and
     * their amounts. Creates the rows of customers that had none.
     *
     * @param customerIds live customers of the tenant; any number (handled in chunks)
     */
    public void refresh(Connection connection, String tenantId, Collection<Long> customerIds, Instant now) {
        for (List<Long> chunk : IdStatements.chunks(customerIds)) {
            createMissing(connection, tenantId, chunk, now);
            String order = " FROM " + CustomerOrderTable.TABLE.in(prefix) + " o WHERE o.tenant_id = m.tenant_id AND"
                    + " o.customer_id = m.customer_id AND o.status NOT IN ('CANCELLED', 'REFUNDED')";
            sql.update(connection, "UPDATE " + CustomerMetricTable.TABLE.in(prefix) + " m SET"
                    + " last_order_at = (SELECT MAX(o.ordered_at)" + order + "),"
                    + " order_count = (SELECT COUNT(*)" + order + "),"
                    + " total_spent = COALESCE((SELECT SUM(o.amount)" + order + "), 0)"
                    + " WHERE m.tenant_id = ? AND m.customer_id IN ", List.<Object>of(tenantId), chunk);
            updateActivity(connection, tenantId, chunk, now);
        }
    }

    /**
     * Recomputes the counts of the tenant's next customers after {@code afterId} in id order, at most
     * {@code limit}, as {@link #refresh} does, with a few set-based statements: locks the customers (in id order,
     * as every refresh does, so that refreshes of one customer take turns), then one upsert of their metric rows
     * from their orders and events, each read by an index range over the customers' ids. A customer without orders,
     * events of its own or a metric row gets no row (its metrics read as zeros): a tenant's first recompute creates
     * rows for its active customers only, and later ones refresh the rows that exist.
     *
     * @return the ids of the customers refreshed, in order; empty when none comes after {@code afterId}
     */
    List<Long> refreshNext(Connection connection, String tenantId, long afterId, int limit, Instant now) {
        return refreshLocked(connection, tenantId, afterId, IdStatements.rows(connection, "SELECT id FROM "
                + CustomerTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND id > ? ORDER BY "
                + sql.dialect().tenantOrder("tenant_id", "") + "id LIMIT " + limit + " FOR UPDATE",
                List.of(tenantId, afterId), row -> row.getLong(1)), now);
    }

    /**
     * Recomputes the counts of the tenant's customers with ids above {@code afterId} and up to {@code upToId}, as
     * {@link #refreshNext} does.
     *
     * @return the ids of the customers refreshed, in order
     */
    List<Long> refreshRange(Connection connection, String tenantId, long afterId, long upToId, Instant now) {
        return refreshLocked(connection, tenantId, afterId, IdStatements.rows(connection, "SELECT id FROM "
                + CustomerTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND id > ? AND id <= ? ORDER BY "
                + sql.dialect().tenantOrder("tenant_id", "") + "id FOR UPDATE", List.of(tenantId, afterId, upToId),
                row -> row.getLong(1)), now);
    }

    /**
     * @return the id of the tenant's {@code count}th customer after {@code afterId} in id order, read from the
     *         (tenant_id, id) key alone; empty when fewer follow
     */
    Optional<Long> idAfter(Connection connection, String tenantId, long afterId, int count) {
        return IdStatements.rows(connection, "SELECT id FROM " + CustomerTable.TABLE.in(prefix) + " WHERE tenant_id"
                + " = ? AND id > ? ORDER BY " + sql.dialect().tenantOrder("tenant_id", "") + "id LIMIT 1 OFFSET "
                + (count - 1), List.of(tenantId, afterId), row -> row.getLong(1)).stream().findFirst();
    }

    /** Upserts the metric rows of the customers locked, the ids above {@code afterId} in order. */
    private List<Long> refreshLocked(Connection connection, String tenantId, long afterId, List<Long> locked,
                                     Instant now) {
        if (locked.isEmpty()) {
            return locked;
        }
        long last = locked.get(locked.size() - 1);
        String orders = "SELECT customer_id, COUNT(*) AS order_n, SUM(amount) AS order_sum, MAX(ordered_at) AS"
                + " order_last FROM " + CustomerOrderTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND customer_id"
                + " > ? AND customer_id <= ? AND status NOT IN ('CANCELLED', 'REFUNDED') GROUP BY customer_id";
        String events = "SELECT customer_id, SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END) AS event_recent,"
                + " MAX(occurred_at) AS event_last FROM " + EventTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND"
                + " customer_id > ? AND customer_id <= ? AND event_type NOT IN " + AUTOMATIC_TYPES
                + " GROUP BY customer_id";
        String select = "SELECT c.tenant_id, c.id, COALESCE(e.event_recent, 0), COALESCE(o.order_n, 0),"
                + " COALESCE(o.order_sum, 0), o.order_last, CASE WHEN e.event_last IS NULL THEN o.order_last"
                + " WHEN o.order_last IS NULL OR e.event_last > o.order_last THEN e.event_last ELSE o.order_last END,"
                + " ? FROM " + CustomerTable.TABLE.in(prefix) + " c LEFT JOIN (" + orders + ") o ON o.customer_id ="
                + " c.id LEFT JOIN (" + events + ") e ON e.customer_id = c.id WHERE c.tenant_id = ? AND c.id > ?"
                + " AND c.id <= ? AND (o.order_n IS NOT NULL OR e.event_last IS NOT NULL OR EXISTS (SELECT 1 FROM "
                + CustomerMetricTable.TABLE.in(prefix) + " x WHERE x.tenant_id = c.tenant_id AND x.customer_id ="
                + " c.id))";
        List<String> updated = List.of("activity_30d", "order_count", "total_spent", "last_order_at",
                "last_activity_at", "refreshed_at");
        List<String> columns = new ArrayList<>(List.of("tenant_id", "customer_id"));
        columns.addAll(updated);
        IdStatements.execute(connection, sql.dialect().upsert(CustomerMetricTable.TABLE.in(prefix), columns,
                List.of("tenant_id", "customer_id"), updated, select), List.of(now, tenantId, afterId, last,
                now.minus(ACTIVITY_WINDOW), tenantId, afterId, last, tenantId, afterId, last));
        return locked;
    }

    /**
     * Recomputes what events change (last activity, events in the last 30 days), after events were recorded:
     * the order counts stay as they are.
     */
    public void refreshActivity(Connection connection, String tenantId, Collection<Long> customerIds, Instant now) {
        for (List<Long> chunk : IdStatements.chunks(customerIds)) {
            createMissing(connection, tenantId, chunk, now);
            updateActivity(connection, tenantId, chunk, now);
        }
    }

    /**
     * Inserts the metric rows the chunk's customers lack. Locks the customers first, so that two refreshes of one
     * customer at once (an order's and a scheduled one) take turns: the second sees the row the first inserted,
     * where both would otherwise find it missing and the second fail on the duplicate key.
     */
    private void createMissing(Connection connection, String tenantId, List<Long> chunk, Instant now) {
        sql.longs(connection, "SELECT id FROM " + CustomerTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), chunk, " ORDER BY id FOR UPDATE");
        String metrics = CustomerMetricTable.TABLE.in(prefix);
        sql.update(connection, "INSERT INTO " + metrics + " (" + Table.list(CustomerMetricTable.CREATED) + ") SELECT"
                + " c.tenant_id, c.id, 0, 0, 0, ? FROM " + CustomerTable.TABLE.in(prefix) + " c WHERE c.tenant_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM " + metrics + " m WHERE m.tenant_id = c.tenant_id AND m.customer_id ="
                + " c.id) AND c.id IN ", List.<Object>of(now, tenantId), chunk);
    }

    /** The SDK's own event types, as SQL literals: records of changes, not the customer's activity. */
    private static final String AUTOMATIC_TYPES = EventTypes.AUTOMATIC.stream().map(type -> "'" + type + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    /** Last activity is the newer of the last event and the last order (already stored); NEVER stands for none. */
    private void updateActivity(Connection connection, String tenantId, List<Long> chunk, Instant now) {
        String events = " FROM " + EventTable.TABLE.in(prefix) + " e WHERE e.tenant_id = m.tenant_id AND"
                + " e.customer_id = m.customer_id AND e.event_type NOT IN " + AUTOMATIC_TYPES;
        sql.update(connection, "UPDATE " + CustomerMetricTable.TABLE.in(prefix) + " m SET"
                + " activity_30d = (SELECT COUNT(*)" + events + " AND e.occurred_at >= ?),"
                + " last_activity_at = NULLIF(GREATEST(COALESCE((SELECT MAX(e.occurred_at)" + events + "), ?),"
                + " COALESCE(m.last_order_at, ?)), ?),"
                + " refreshed_at = ? WHERE m.tenant_id = ? AND m.customer_id IN ",
                List.<Object>of(now.minus(ACTIVITY_WINDOW), NEVER, NEVER, NEVER, now, tenantId), chunk);
    }

    /**
     * @return the customer's metrics, when they were computed, with its ratings (none when it had no orders at the
     *         last rating)
     */
    Optional<CustomerMetrics> find(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + Table.list("m", CustomerMetricTable.READ) + ", "
                + Table.list("r", CustomerRatingTable.READ) + " FROM " + CustomerMetricTable.TABLE.in(prefix) + " m"
                + " LEFT JOIN " + CustomerRatingTable.TABLE.in(prefix) + " r ON r.tenant_id = m.tenant_id AND"
                + " r.customer_id = m.customer_id WHERE m.tenant_id = ? AND m.customer_id = ?",
                List.of(tenantId, customerId), result -> metrics(customerId, result)).stream().findFirst();
    }

    private static CustomerMetrics metrics(long customerId, ResultSet result) throws SQLException {
        Row row = new Row(CustomerMetricTable.TABLE).read(result, CustomerMetricTable.READ, 1);
        int ratings = CustomerMetricTable.READ.size() + 1;
        return new CustomerMetrics(customerId,
                Optional.ofNullable((Instant) row.get(CustomerMetricTable.LAST_ACTIVITY_AT)),
                (Integer) row.get(CustomerMetricTable.ACTIVITY_30D), (Integer) row.get(CustomerMetricTable.ORDER_COUNT),
                ((BigDecimal) row.get(CustomerMetricTable.TOTAL_SPENT)).stripTrailingZeros(),
                score(result, ratings), score(result, ratings + 1), score(result, ratings + 2),
                score(result, ratings + 3), (Instant) row.get(CustomerMetricTable.REFRESHED_AT));
    }

    private static Optional<Integer> score(ResultSet result, int column) throws SQLException {
        int value = result.getInt(column);
        return result.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** Deletes the customers' metric and rating rows (a merged customer's, an erased one's). */
    public void delete(Connection connection, String tenantId, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        for (Table table : List.of(CustomerMetricTable.TABLE, CustomerRatingTable.TABLE)) {
            sql.update(connection, "DELETE FROM " + table.in(prefix) + " WHERE tenant_id = ? AND customer_id IN ",
                    List.<Object>of(tenantId), List.copyOf(customerIds));
        }
    }
}
