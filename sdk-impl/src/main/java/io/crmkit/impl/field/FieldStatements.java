package io.crmkit.impl.field;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.FieldTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The statements of the field table on a session's connection. Short-lived: one per unit of work. */
final class FieldStatements {

    /** The columns an update writes: all but the key, the field's key and type and its creation time. */
    private static final List<Column> UPDATED = FieldTable.TABLE.except(FieldTable.TENANT_ID, FieldTable.ID,
            FieldTable.FIELD_KEY, FieldTable.FIELD_TYPE, FieldTable.CREATED_AT);

    private final Connection connection;
    private final String prefix;
    private final String table;

    FieldStatements(Session session) {
        this.connection = session.getConnection();
        this.prefix = session.prefix();
        this.table = FieldTable.TABLE.in(prefix);
    }

    void insert(FieldRow row) {
        row.toRow().insert(connection, prefix);
    }

    /** @return 1 when the row still had {@code expectedVersion}, else 0 */
    int update(FieldRow row, long expectedVersion) {
        return row.toRow().updateVersioned(connection, prefix, UPDATED, expectedVersion);
    }

    List<FieldRow> findAll(String tenantId) {
        return IdStatements.rows(connection, FieldTable.TABLE.select(prefix) + " WHERE tenant_id = ? ORDER BY id",
                List.of(tenantId), result -> FieldRow.of(Row.read(FieldTable.TABLE, result)));
    }

    /**
     * Locks the tenant's active fields until the transaction ends, so that two concurrent defines count one
     * after the other. Count with {@link #countActive} afterwards: a locking read returns the rows of the
     * snapshot it started with, while a new statement sees what the other define committed.
     */
    List<Long> lockActive(String tenantId) {
        return IdStatements.rows(connection, "SELECT id FROM " + table + " WHERE tenant_id = ? AND retired = FALSE"
                + " FOR UPDATE", List.of(tenantId), result -> result.getLong(1));
    }

    int countActive(String tenantId) {
        return IdStatements.rows(connection, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND"
                + " retired = FALSE", List.of(tenantId), result -> result.getInt(1)).get(0);
    }
}
