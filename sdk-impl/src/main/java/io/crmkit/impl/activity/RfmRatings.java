package io.crmkit.impl.activity;

import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.util.List;

/**
 * Sets the RFM quintiles and value ratings of a tenant's customers with orders, from their metric rows, with one
 * set-based UPDATE: window functions rank every customer with orders by recency (last order time), frequency
 * (order count) and monetary (total spent) across the tenant, and the update joins those ranks to the rows. A
 * customer's quintile is 1 + 5 x (customers with a smaller value) / (customers with orders), rounded down, so
 * equal values share a quintile (RANK, not NTILE, which would split ties); with fewer than 5 customers the
 * quintiles skip numbers (2 customers: 1 and 3). The value rating is the rounded mean of the three quintiles.
 * Customers without orders get no rating. The database sorts; memory holds nothing per customer. Thread-safe.
 */
final class RfmRatings {

    private final String table;
    private final Dialect dialect;

    RfmRatings(String prefix, Dialect dialect) {
        this.table = prefix + "customer_metric";
        this.dialect = dialect;
    }

    /** @return how many customers were rated */
    long rate(Connection connection, String tenantId) {
        long rated = IdStatements.rows(connection, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND"
                + " order_count > 0", List.of(tenantId), row -> row.getLong(1)).get(0);
        if (rated > 0) {
            // RANK() - 1 is the number of customers with a smaller value; the comparisons with multiples of the
            // count are the quintile without a division (MariaDB divides in decimals rounded to 4 places).
            String ranked = "SELECT customer_id, RANK() OVER (ORDER BY last_order_at) - 1 AS below_r,"
                    + " RANK() OVER (ORDER BY order_count) - 1 AS below_f, RANK() OVER (ORDER BY total_spent) - 1 AS"
                    + " below_m, COUNT(*) OVER () AS rated_n FROM " + table + " WHERE tenant_id = ? AND order_count"
                    + " > 0";
            String scores = "SELECT customer_id AS rated_id, " + quintile("below_r") + " AS new_recency, "
                    + quintile("below_f") + " AS new_frequency, " + quintile("below_m") + " AS new_monetary FROM ("
                    + ranked + ") ranked";
            IdStatements.execute(connection, dialect.updateFrom(table, "m", scores, "r",
                    "m.tenant_id = ? AND m.customer_id = r.rated_id", "recency = r.new_recency, frequency ="
                            + " r.new_frequency, monetary = r.new_monetary, value_rating = FLOOR((2 * (r.new_recency"
                            + " + r.new_frequency + r.new_monetary) + 3) / 6)"), List.of(tenantId, tenantId));
        }
        IdStatements.execute(connection, "UPDATE " + table + " SET recency = NULL, frequency = NULL, monetary = NULL,"
                + " value_rating = NULL WHERE tenant_id = ? AND order_count = 0 AND value_rating IS NOT NULL",
                List.of(tenantId));
        return rated;
    }

    /** @return the quintile of a customer with {@code below} customers of smaller value among {@code rated_n} */
    private static String quintile(String below) {
        return "CASE WHEN 5 * " + below + " >= 4 * rated_n THEN 5 WHEN 5 * " + below + " >= 3 * rated_n THEN 4"
                + " WHEN 5 * " + below + " >= 2 * rated_n THEN 3 WHEN 5 * " + below + " >= rated_n THEN 2 ELSE 1 END";
    }
}
