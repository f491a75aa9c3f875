package io.crmkit.impl.activity;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.CustomerLinkTable;
import io.crmkit.impl.db.schema.CustomerOrderTable;
import io.crmkit.impl.db.schema.EventTable;
import io.crmkit.impl.db.schema.MergeMovedTable;
import io.crmkit.impl.db.schema.OrderLineTable;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.db.schema.TaskTable;
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
    static final List<Table> TABLES = List.of(EventTable.TABLE, CustomerOrderTable.TABLE, TaskTable.TABLE,
            CustomerLinkTable.TABLE);

    private final String prefix;
    private final IdStatements sql;

    public OwnedRows(String prefix, IdStatements sql) {
        this.prefix = prefix;
        this.sql = sql;
    }

    /** Moves every owned row of {@code from} to {@code to}, remembering which under the merge's id. */
    public void moveForMerge(Connection connection, String tenantId, long mergeId, long from, long to) {
        for (Table table : TABLES) {
            IdStatements.execute(connection, "INSERT INTO " + MergeMovedTable.TABLE.in(prefix) + " ("
                    + MergeMovedTable.TABLE.list() + ") SELECT tenant_id, ?, ?, id FROM " + table.in(prefix)
                    + " WHERE tenant_id = ? AND customer_id = ?", List.of(mergeId, table.name(), tenantId, from));
            IdStatements.execute(connection, "UPDATE " + table.in(prefix) + " SET customer_id = ? WHERE tenant_id = ?"
                    + " AND customer_id = ?", List.of(to, tenantId, from));
        }
    }

    /** Moves back the rows a merge moved that the survivor still owns. */
    public void moveBack(Connection connection, String tenantId, long mergeId, long survivorId, long mergedId) {
        for (Table table : TABLES) {
            IdStatements.execute(connection, "UPDATE " + table.in(prefix) + " SET customer_id = ? WHERE tenant_id = ?"
                    + " AND customer_id = ? AND id IN (SELECT row_id FROM " + MergeMovedTable.TABLE.in(prefix)
                    + " WHERE tenant_id = ? AND merge_id = ? AND table_name = ?)", List.of(mergedId, tenantId,
                    survivorId, tenantId, mergeId, table.name()));
        }
        forget(connection, tenantId, mergeId);
    }

    /** Forgets what a merge moved. */
    public void forget(Connection connection, String tenantId, long mergeId) {
        IdStatements.execute(connection, "DELETE FROM " + MergeMovedTable.TABLE.in(prefix) + " WHERE tenant_id = ?"
                + " AND merge_id = ?", List.of(tenantId, mergeId));
    }

    /** Erases every row the customers own, for good. */
    public void erase(Connection connection, String tenantId, List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        // Order lines belong to their order, not to the customer directly.
        sql.update(connection, "DELETE FROM " + OrderLineTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND order_id"
                + " IN (SELECT o.id FROM " + CustomerOrderTable.TABLE.in(prefix) + " o WHERE o.tenant_id = ? AND"
                + " o.customer_id IN ", List.of(tenantId, tenantId), customerIds, ")");
        for (Table table : TABLES) {
            sql.update(connection, "DELETE FROM " + table.in(prefix) + " WHERE tenant_id = ? AND customer_id IN ",
                    List.of(tenantId), customerIds);
        }
        new MetricsStore(prefix, sql).delete(connection, tenantId, customerIds);
    }
}
