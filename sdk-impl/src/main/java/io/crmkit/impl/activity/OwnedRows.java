package io.crmkit.impl.activity;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.util.List;

/**
 * The rows a customer owns beyond its record (events, orders with their lines, tasks, links, metrics), which
 * move with it: to the survivor of a merge and back on undo (remembered per merge in {@code merge_moved}), and
 * away when it is erased. They stay in place while the customer is in the trash. Plain JDBC on the caller's
 * connection; thread-safe.
 */
public final class OwnedRows {

    /** Tables whose rows belong to a customer by {@code customer_id} and have an {@code id}. */
    static final List<String> TABLES = List.of("event", "customer_order", "task", "customer_link");

    private final String prefix;
    private final IdStatements sql;

    public OwnedRows(String prefix, IdStatements sql) {
        this.prefix = prefix;
        this.sql = sql;
    }

    /** Moves every owned row of {@code from} to {@code to}, remembering which under the merge's id. */
    public void moveForMerge(Connection connection, String tenantId, long mergeId, long from, long to) {
        for (String table : TABLES) {
            IdStatements.execute(connection, "INSERT INTO " + prefix + "merge_moved (tenant_id, merge_id, table_name,"
                    + " row_id) SELECT tenant_id, ?, ?, id FROM " + prefix + table + " WHERE tenant_id = ? AND"
                    + " customer_id = ?", List.of(mergeId, table, tenantId, from));
            IdStatements.execute(connection, "UPDATE " + prefix + table + " SET customer_id = ? WHERE tenant_id = ?"
                    + " AND customer_id = ?", List.of(to, tenantId, from));
        }
    }

    /** Moves back the rows a merge moved that the survivor still owns. */
    public void moveBack(Connection connection, String tenantId, long mergeId, long survivorId, long mergedId) {
        for (String table : TABLES) {
            IdStatements.execute(connection, "UPDATE " + prefix + table + " SET customer_id = ? WHERE tenant_id = ? AND"
                    + " customer_id = ? AND id IN (SELECT row_id FROM " + prefix + "merge_moved WHERE tenant_id = ?"
                    + " AND merge_id = ? AND table_name = ?)", List.of(mergedId, tenantId, survivorId, tenantId,
                    mergeId, table));
        }
        forget(connection, tenantId, mergeId);
    }

    /** Forgets what a merge moved. */
    public void forget(Connection connection, String tenantId, long mergeId) {
        IdStatements.execute(connection, "DELETE FROM " + prefix + "merge_moved WHERE tenant_id = ? AND merge_id = ?",
                List.of(tenantId, mergeId));
    }

    /** Erases every row the customers own, for good. */
    public void erase(Connection connection, String tenantId, List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        // Order lines belong to their order, not to the customer directly.
        sql.update(connection, "DELETE FROM " + prefix + "order_line WHERE tenant_id = ? AND order_id IN (SELECT o.id"
                + " FROM " + prefix + "customer_order o WHERE o.tenant_id = ? AND o.customer_id IN ",
                List.of(tenantId, tenantId), customerIds, ")");
        for (String table : TABLES) {
            sql.update(connection, "DELETE FROM " + prefix + table + " WHERE tenant_id = ? AND customer_id IN ",
                    List.of(tenantId), customerIds);
        }
        new MetricsStore(prefix, sql).delete(connection, tenantId, customerIds);
    }
}
