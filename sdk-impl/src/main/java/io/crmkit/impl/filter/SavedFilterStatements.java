package io.crmkit.impl.filter;

import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.SavedFilterTable;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The statements of saved filters on a session's connection. Short-lived: one per unit of work. */
final class SavedFilterStatements {

    private static final String BY_KEY = " WHERE tenant_id = ? AND id = ?";
    /** The columns an update writes: all but the key and the creation stamps. */
    private static final List<Column> UPDATED = SavedFilterTable.TABLE.except(SavedFilterTable.TENANT_ID,
            SavedFilterTable.ID, SavedFilterTable.CREATED_BY, SavedFilterTable.CREATED_AT);

    private final Connection connection;
    private final String prefix;
    private final String table;

    SavedFilterStatements(Session session) {
        this.connection = session.getConnection();
        this.prefix = session.prefix();
        this.table = SavedFilterTable.TABLE.in(prefix);
    }

    void insert(SavedFilterRow row) {
        row.toRow().insert(connection, prefix);
    }

    /** @return 1 when the row still had {@code expectedVersion}, else 0 */
    int update(SavedFilterRow row, long expectedVersion) {
        return row.toRow().updateVersioned(connection, prefix, UPDATED, expectedVersion);
    }

    int delete(String tenantId, long id) {
        return IdStatements.execute(connection, "DELETE FROM " + table + BY_KEY, List.of(tenantId, id));
    }

    /** @return the saved filter, or null when the tenant has none of that id */
    SavedFilterRow find(String tenantId, long id) {
        List<SavedFilterRow> rows = select(BY_KEY, List.of(tenantId, id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<SavedFilterRow> list(String tenantId) {
        return select(" WHERE tenant_id = ? ORDER BY name, id", List.of(tenantId));
    }

    List<SavedFilterRow> segments(String tenantId) {
        return select(" WHERE tenant_id = ? AND segment = TRUE ORDER BY name, id", List.of(tenantId));
    }

    /** @return the ids and names of up to {@code limit} saved filters, by name, without reading their filters */
    List<FieldMetadata.Option> names(String tenantId, int limit) {
        return IdStatements.rows(connection, "SELECT id, name FROM " + table + " WHERE tenant_id = ? ORDER BY name, id"
                + " LIMIT " + limit, List.of(tenantId),
                result -> new FieldMetadata.Option(result.getLong(1), result.getString(2)));
    }

    int count(String tenantId) {
        return IdStatements.rows(connection, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?",
                List.of(tenantId), result -> result.getInt(1)).get(0);
    }

    private List<SavedFilterRow> select(String where, List<Object> values) {
        return IdStatements.rows(connection, SavedFilterTable.TABLE.select(prefix) + where, values,
                result -> SavedFilterRow.of(Row.read(SavedFilterTable.TABLE, result)));
    }
}
