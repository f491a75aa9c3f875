package io.crmkit.impl.activity;

import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code customer_order} and {@code order_line} tables, with plain JDBC on the caller's connection. Reads see
 * only orders of live customers: a customer's orders stay while it is in the trash, out of reach until it is
 * restored, and their numbers stay taken. Thread-safe.
 */
final class OrderStore {

    private static final String COLUMNS = "o.id, o.customer_id, o.order_no, o.ordered_at, o.status, o.amount,"
            + " o.currency, o.created_at, o.created_by, o.version";

    private final String orders;
    private final String lines;
    private final String live;
    private final IdStatements sql;

    OrderStore(String prefix, IdStatements sql) {
        this.orders = prefix + "customer_order";
        this.lines = prefix + "order_line";
        this.live = " AND EXISTS (SELECT 1 FROM " + prefix + "customer c WHERE c.tenant_id = o.tenant_id AND c.id ="
                + " o.customer_id)";
        this.sql = sql;
    }

    /** Inserts the order and its lines. */
    void insert(Connection connection, String tenantId, Order order) {
        IdStatements.execute(connection, "INSERT INTO " + orders + " (tenant_id, id, customer_id, order_no, ordered_at,"
                + " status, amount, currency, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", List.of(tenantId, order.id(), order.customerId(), order.number(),
                order.orderedAt(), order.status().name(), order.amount(), order.currency(), order.createdAt(),
                order.createdBy(), order.createdAt(), order.createdBy(), order.version()));
        if (order.lines().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + lines + " (tenant_id, order_id,"
                + " line_no, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < order.lines().size(); i++) {
                OrderLine line = order.lines().get(i);
                insert.setString(1, tenantId);
                insert.setLong(2, order.id());
                insert.setInt(3, i + 1);
                insert.setString(4, line.sku());
                insert.setString(5, line.name());
                insert.setBigDecimal(6, line.quantity());
                insert.setBigDecimal(7, line.unitPrice());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return the order with its lines, when it belongs to a live customer of the tenant */
    Optional<Order> find(Connection connection, String tenantId, long id) {
        return withLines(connection, tenantId, IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + orders
                + " o WHERE o.tenant_id = ? AND o.id = ?" + live, List.of(tenantId, id), OrderStore::header))
                .stream().findFirst();
    }

    /** @return the order with this number and its lines, when it belongs to a live customer of the tenant */
    Optional<Order> findByNumber(Connection connection, String tenantId, String number) {
        return withLines(connection, tenantId, IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + orders
                + " o WHERE o.tenant_id = ? AND o.order_no = ?" + live, List.of(tenantId, number), OrderStore::header))
                .stream().findFirst();
    }

    /** @return the id of the order with this number, also when its customer is in the trash */
    Optional<Long> idOf(Connection connection, String tenantId, String number) {
        return IdStatements.rows(connection, "SELECT id FROM " + orders + " WHERE tenant_id = ? AND order_no = ?",
                List.of(tenantId, number), row -> row.getLong(1)).stream().findFirst();
    }

    /**
     * Sets the status of the order if it is still at its version.
     *
     * @return whether it was
     */
    boolean changeStatus(Connection connection, String tenantId, Order current, OrderStatus status, Instant now,
                         String actorId) {
        return IdStatements.execute(connection, "UPDATE " + orders + " SET status = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?", List.of(status.name(), now,
                actorId, tenantId, current.id(), current.version())) == 1;
    }

    /** @return up to {@code limit} orders of the customer with their lines, newest first */
    List<Keyed<Order>> ofCustomer(Connection connection, String tenantId, long customerId, Optional<ListCursor> after,
                                  int limit) {
        List<Object> values = new ArrayList<>(List.of(tenantId, customerId));
        String keyset = "";
        if (after.isPresent()) {
            values.addAll(List.of(after.get().at(), after.get().at(), after.get().id()));
            keyset = " AND (o.ordered_at < ? OR (o.ordered_at = ? AND o.id < ?))";
        }
        List<Order> page = withLines(connection, tenantId, IdStatements.rows(connection, "SELECT " + COLUMNS
                + " FROM " + orders + " o WHERE o.tenant_id = ? AND o.customer_id = ?" + keyset
                + " ORDER BY o.ordered_at DESC, o.id DESC LIMIT " + limit, values, OrderStore::header));
        return page.stream().map(order -> new Keyed<>(order, order.orderedAt(), order.id())).toList();
    }

    /** @return the orders with their lines, in the same order; at most {@value IdStatements#MAX_IDS} */
    private List<Order> withLines(Connection connection, String tenantId, List<Order> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<Long, List<OrderLine>> byOrder = new HashMap<>();
        sql.query(connection, "SELECT order_id, sku, name, quantity, unit_price FROM " + lines + " WHERE tenant_id = ?"
                + " AND order_id IN ", List.of(tenantId), headers.stream().map(Order::id).toList(),
                " ORDER BY order_id, line_no", row -> byOrder.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new OrderLine(row.getString(2), row.getString(3), row.getBigDecimal(4),
                                row.getBigDecimal(5))));
        return headers.stream().map(order -> new Order(order.id(), order.customerId(), order.number(),
                order.orderedAt(), order.status(), order.amount(), order.currency(),
                byOrder.getOrDefault(order.id(), List.of()), order.createdAt(), order.createdBy(), order.version()))
                .toList();
    }

    private static Order header(ResultSet row) throws SQLException {
        return new Order(row.getLong(1), row.getLong(2), row.getString(3), IdStatements.instant(row, 4),
                OrderStatus.valueOf(row.getString(5)), row.getBigDecimal(6), row.getString(7), List.of(),
                IdStatements.instant(row, 8), row.getString(9), row.getLong(10));
    }
}
