package io.crmkit.impl.activity;

import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.CustomerOrderTable;
import io.crmkit.impl.db.schema.OrderLineTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.math.BigDecimal;
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

    private static final String COLUMNS = Table.list("o", CustomerOrderTable.READ);

    private final String orders;
    private final String lines;
    private final String insertOrder;
    private final String insertLine;
    private final String live;
    private final IdStatements sql;

    OrderStore(String prefix, IdStatements sql) {
        this.orders = CustomerOrderTable.TABLE.in(prefix);
        this.lines = OrderLineTable.TABLE.in(prefix);
        this.insertOrder = CustomerOrderTable.TABLE.insert(prefix);
        this.insertLine = OrderLineTable.TABLE.insert(prefix);
        this.live = " AND EXISTS (SELECT 1 FROM " + prefix + "customer c WHERE c.tenant_id = o.tenant_id AND c.id ="
                + " o.customer_id)";
        this.sql = sql;
    }

    /** Inserts the order and its lines. */
    void insert(Connection connection, String tenantId, Order order) {
        try (PreparedStatement insert = connection.prepareStatement(insertOrder)) {
            new Row(CustomerOrderTable.TABLE).set(CustomerOrderTable.TENANT_ID, tenantId)
                    .set(CustomerOrderTable.ID, order.id()).set(CustomerOrderTable.CUSTOMER_ID, order.customerId())
                    .set(CustomerOrderTable.ORDER_NO, order.number())
                    .set(CustomerOrderTable.ORDERED_AT, order.orderedAt())
                    .set(CustomerOrderTable.STATUS, order.status().name())
                    .set(CustomerOrderTable.AMOUNT, order.amount()).set(CustomerOrderTable.CURRENCY, order.currency())
                    .set(CustomerOrderTable.CREATED_AT, order.createdAt())
                    .set(CustomerOrderTable.CREATED_BY, order.createdBy())
                    .set(CustomerOrderTable.UPDATED_AT, order.createdAt())
                    .set(CustomerOrderTable.UPDATED_BY, order.createdBy())
                    .set(CustomerOrderTable.VERSION, order.version())
                    .bind(insert);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        if (order.lines().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(insertLine)) {
            Row row = new Row(OrderLineTable.TABLE).set(OrderLineTable.TENANT_ID, tenantId)
                    .set(OrderLineTable.ORDER_ID, order.id());
            for (int i = 0; i < order.lines().size(); i++) {
                OrderLine line = order.lines().get(i);
                row.set(OrderLineTable.LINE_NO, i + 1).set(OrderLineTable.SKU, line.sku())
                        .set(OrderLineTable.NAME, line.name()).set(OrderLineTable.QUANTITY, line.quantity())
                        .set(OrderLineTable.UNIT_PRICE, line.unitPrice())
                        .bind(insert);
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
        sql.query(connection, "SELECT " + Table.list(OrderLineTable.READ) + " FROM " + lines + " WHERE tenant_id = ?"
                + " AND order_id IN ", List.of(tenantId), headers.stream().map(Order::id).toList(),
                " ORDER BY order_id, line_no", result -> {
                    Row row = new Row(OrderLineTable.TABLE).read(result, OrderLineTable.READ, 1);
                    byOrder.computeIfAbsent(row.bigint(OrderLineTable.ORDER_ID), id -> new ArrayList<>())
                            .add(new OrderLine(row.text(OrderLineTable.SKU), row.text(OrderLineTable.NAME),
                                    (BigDecimal) row.get(OrderLineTable.QUANTITY),
                                    (BigDecimal) row.get(OrderLineTable.UNIT_PRICE)));
                });
        return headers.stream().map(order -> new Order(order.id(), order.customerId(), order.number(),
                order.orderedAt(), order.status(), order.amount(), order.currency(),
                byOrder.getOrDefault(order.id(), List.of()), order.createdAt(), order.createdBy(), order.version()))
                .toList();
    }

    private static Order header(ResultSet result) throws SQLException {
        Row row = new Row(CustomerOrderTable.TABLE).read(result, CustomerOrderTable.READ, 1);
        return new Order(row.bigint(CustomerOrderTable.ID), row.bigint(CustomerOrderTable.CUSTOMER_ID),
                row.text(CustomerOrderTable.ORDER_NO), (Instant) row.get(CustomerOrderTable.ORDERED_AT),
                OrderStatus.valueOf(row.text(CustomerOrderTable.STATUS)),
                (BigDecimal) row.get(CustomerOrderTable.AMOUNT),
                row.text(CustomerOrderTable.CURRENCY), List.of(), (Instant) row.get(CustomerOrderTable.CREATED_AT),
                row.text(CustomerOrderTable.CREATED_BY), row.bigint(CustomerOrderTable.VERSION));
    }
}
