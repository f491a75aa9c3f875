package io.crmkit.impl.activity;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the RFM quintiles and value ratings of a tenant's customers with orders, from their metric rows: for
 * each of recency (last order time), frequency (order count) and monetary (total spent) one streamed, sorted
 * read finds the four quintile boundaries, then one set-based UPDATE gives every customer its quintile. A
 * customer's quintile is 1 + 5 x (customers with a smaller value) / (customers with orders), rounded down, so
 * equal values share a quintile. Memory holds the boundaries only. Thread-safe.
 */
final class RfmRatings {

    private static final int FETCH = 1000;

    private final String table;

    RfmRatings(String prefix) {
        this.table = prefix + "customer_metric";
    }

    /** @return how many customers were rated */
    long rate(Connection connection, String tenantId) {
        long rated = 0;
        for (String[] dimension : new String[][] {{"recency", "last_order_at"}, {"frequency", "order_count"},
            {"monetary", "total_spent"}}) {
            List<Object> bounds = new ArrayList<>();
            rated = boundaries(connection, tenantId, dimension[1], bounds);
            if (rated == 0) {
                break; // no customer with orders: nothing to rate (and a CASE needs a WHEN)
            }
            StringBuilder score = new StringBuilder("CASE");
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < bounds.size(); i++) {
                score.append(" WHEN ").append(dimension[1]).append(" <= ? THEN ").append(i + 1);
                values.add(bounds.get(i));
            }
            score.append(" ELSE 5 END");
            values.add(tenantId);
            IdStatements.execute(connection, "UPDATE " + table + " SET " + dimension[0] + " = " + score
                    + " WHERE tenant_id = ? AND order_count > 0", values);
        }
        if (rated > 0) {
            IdStatements.execute(connection, "UPDATE " + table + " SET value_rating = FLOOR((2 * (recency + frequency"
                    + " + monetary) + 3) / 6) WHERE tenant_id = ? AND order_count > 0", List.of(tenantId));
        }
        IdStatements.execute(connection, "UPDATE " + table + " SET recency = NULL, frequency = NULL, monetary = NULL,"
                + " value_rating = NULL WHERE tenant_id = ? AND order_count = 0 AND value_rating IS NOT NULL",
                List.of(tenantId));
        return rated;
    }

    /**
     * Reads the column's values in order and keeps, for k = 1 to 4, the value at position ceil(n k / 5) - 1: a
     * value at or below it has fewer than n k / 5 smaller values, so its quintile is at most k.
     *
     * @return how many customers have orders
     */
    private long boundaries(Connection connection, String tenantId, String column, List<Object> bounds) {
        long count = IdStatements.rows(connection, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND"
                + " order_count > 0", List.of(tenantId), row -> row.getLong(1)).get(0);
        if (count == 0) {
            return 0;
        }
        try (PreparedStatement statement = IdStatements.prepare(connection, "SELECT " + column + " FROM " + table
                + " WHERE tenant_id = ? AND order_count > 0 ORDER BY " + column, List.of(tenantId))) {
            statement.setFetchSize(FETCH);
            try (ResultSet rows = statement.executeQuery()) {
                long position = 0;
                int k = 1;
                while (k < 5 && rows.next()) {
                    while (k < 5 && position == (count * k + 4) / 5 - 1) {
                        bounds.add(column.equals("last_order_at") ? IdStatements.instant(rows, 1) : rows.getObject(1));
                        k++;
                    }
                    position++;
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        return count;
    }
}
