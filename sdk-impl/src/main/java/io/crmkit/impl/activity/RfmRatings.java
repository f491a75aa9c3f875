package io.crmkit.impl.activity;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.CustomerMetricTable;
import io.crmkit.impl.db.schema.CustomerRatingTable;
import java.sql.Connection;
import java.util.List;

/**
 * Sets the RFM quintiles and value ratings of a tenant's customers with orders, from their metric rows, with two
 * set-based statements: deletes the tenant's rating rows, then one INSERT ... SELECT in which window functions rank
 * every customer with orders by recency (last order time), frequency (order count, through a histogram of the
 * counts) and monetary (total spent) across the tenant, written in customer order. A customer's quintile is 1 + 5 x (customers with a smaller value) /
 * (customers with orders), rounded down, so equal values share a quintile (RANK, not NTILE, which would split ties);
 * with fewer than 5 customers the quintiles skip numbers (2 customers: 1 and 3). The value rating is the rounded mean
 * of the three quintiles. Customers without orders get no rating row. The database sorts; memory holds nothing per
 * customer. Thread-safe.
 */
final class RfmRatings {

    private final String metrics;
    private final String ratings;

    RfmRatings(String prefix) {
        this.metrics = CustomerMetricTable.TABLE.in(prefix);
        this.ratings = CustomerRatingTable.TABLE.in(prefix);
    }

    /** @return how many customers were rated */
    long rate(Connection connection, String tenantId) {
        IdStatements.execute(connection, "DELETE FROM " + ratings + " WHERE tenant_id = ?", List.of(tenantId));
        // RANK() - 1 is the number of customers with a smaller value; the comparisons with multiples of the count
        // are the quintile without a division (MariaDB divides in decimals rounded to 4 places). Order counts take
        // few values: the customers below each come from a histogram of them (a grouping), not from a third sort of
        // every customer, whose large groups of equal values cost PostgreSQL more than the other two sorts together.
        String histogram = "SELECT order_count AS f_count, SUM(COUNT(*)) OVER (ORDER BY order_count) - COUNT(*) AS"
                + " f_below FROM " + metrics + " WHERE tenant_id = ? AND order_count > 0 GROUP BY order_count";
        String ranked = "SELECT m.customer_id, RANK() OVER (ORDER BY m.last_order_at) - 1 AS below_r, f.f_below AS"
                + " below_f, RANK() OVER (ORDER BY m.total_spent) - 1 AS below_m, COUNT(*) OVER () AS rated_n FROM "
                + metrics + " m JOIN (" + histogram + ") f ON f.f_count = m.order_count WHERE m.tenant_id = ? AND"
                + " m.order_count > 0";
        String scores = "SELECT customer_id AS rated_id, " + quintile("below_r") + " AS new_recency, "
                + quintile("below_f") + " AS new_frequency, " + quintile("below_m") + " AS new_monetary FROM ("
                + ranked + ") ranked";
        return IdStatements.execute(connection, "INSERT INTO " + ratings + " (" + CustomerRatingTable.TABLE.list()
                + ") SELECT ?, rated_id, new_recency, new_frequency, new_monetary, FLOOR((2 * (new_recency"
                + " + new_frequency + new_monetary) + 3) / 6) FROM (" + scores + ") scored ORDER BY rated_id",
                List.of(tenantId, tenantId, tenantId));
    }

    /** @return the quintile of a customer with {@code below} customers of smaller value among {@code rated_n} */
    private static String quintile(String below) {
        return "CASE WHEN 5 * " + below + " >= 4 * rated_n THEN 5 WHEN 5 * " + below + " >= 3 * rated_n THEN 4"
                + " WHEN 5 * " + below + " >= 2 * rated_n THEN 3 WHEN 5 * " + below + " >= rated_n THEN 2 ELSE 1 END";
    }
}
