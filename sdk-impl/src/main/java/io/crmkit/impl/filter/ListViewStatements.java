package io.crmkit.impl.filter;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.ListViewTable;
import io.crmkit.impl.db.schema.Row;
import java.sql.Connection;
import java.util.List;

/** The statements of list views on a session's connection. Short-lived: one per unit of work. */
final class ListViewStatements {

    private static final String BY_NAME = " WHERE tenant_id = ? AND actor_id = ? AND name = ?";

    private final Connection connection;
    private final String prefix;
    private final String table;

    ListViewStatements(Session session) {
        this.connection = session.getConnection();
        this.prefix = session.prefix();
        this.table = ListViewTable.TABLE.in(prefix);
    }

    void insert(ListViewRow row) {
        row.toRow().insert(connection, prefix);
    }

    int update(ListViewRow row) {
        return IdStatements.execute(connection, "UPDATE " + table + " SET columns_json = ?, updated_at = ?" + BY_NAME,
                List.of(row.columnsJson, row.updatedAt, row.tenantId, row.actorId, row.name));
    }

    int delete(String tenantId, String actorId, String name) {
        return IdStatements.execute(connection, "DELETE FROM " + table + BY_NAME, List.of(tenantId, actorId, name));
    }

    /** @return the actor's view of that name, or null */
    ListViewRow find(String tenantId, String actorId, String name) {
        List<ListViewRow> rows = IdStatements.rows(connection, ListViewTable.TABLE.select(prefix) + BY_NAME,
                List.of(tenantId, actorId, name), result -> ListViewRow.of(Row.read(ListViewTable.TABLE, result)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<ListViewRow> list(String tenantId, String actorId) {
        return IdStatements.rows(connection, ListViewTable.TABLE.select(prefix) + " WHERE tenant_id = ? AND"
                + " actor_id = ? ORDER BY name", List.of(tenantId, actorId),
                result -> ListViewRow.of(Row.read(ListViewTable.TABLE, result)));
    }
}
