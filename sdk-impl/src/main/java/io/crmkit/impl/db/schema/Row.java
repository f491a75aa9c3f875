package io.crmkit.impl.db.schema;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One row of a table as values by column, read and bound by the columns' kinds: the one mapping between a
 * table and JDBC, so that a column added to the table's definition is read, written, trashed and merged with
 * the rest. Not thread-safe.
 */
public final class Row {

    private final Table table;
    private final Object[] values;

    /** A row of the table with every value NULL. */
    public Row(Table table) {
        this.table = table;
        this.values = new Object[table.columns().size()];
    }

    /** @return the table */
    public Table table() {
        return table;
    }

    /** @return the column's value, null for NULL */
    public Object get(Column column) {
        return values[table.position(column)];
    }

    /** @return the text column's value */
    public String text(Column column) {
        return (String) get(column);
    }

    /** @return the BIGINT column's value, which must not be NULL */
    public long bigint(Column column) {
        return (Long) get(column);
    }

    /** Sets a column's value; null for NULL. @return this row */
    public Row set(Column column, Object value) {
        values[table.position(column)] = value;
        return this;
    }

    /** Binds the values of the columns, in their order, from parameter {@code first} on. @return the next index */
    public int bind(PreparedStatement statement, List<Column> columns, int first) throws SQLException {
        int index = first;
        for (Column column : columns) {
            column.bind(statement, index++, get(column));
        }
        return index;
    }

    /** Binds the values of every column, in order, from parameter 1 on. @return the next index */
    public int bind(PreparedStatement statement) throws SQLException {
        return bind(statement, table.columns(), 1);
    }

    /** Reads the given columns of the current result row, from result column {@code first} on. @return this row */
    public Row read(ResultSet result, List<Column> columns, int first) throws SQLException {
        if (columns == table.columns()) {
            // Every column in the table's order (the usual read): no position look-ups, a page holds many rows.
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).read(result, first + i);
            }
            return this;
        }
        int index = first;
        for (Column column : columns) {
            set(column, column.read(result, index++));
        }
        return this;
    }

    /**
     * Inserts this row into its table, every column, on the caller's connection.
     *
     * @throws io.crmkit.impl.db.IdStatements.StorageFailure on a database failure
     */
    public void insert(Connection connection, String prefix) {
        try (PreparedStatement insert = connection.prepareStatement(table.insert(prefix))) {
            bind(insert);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /**
     * Writes {@code columns} of this row over the row of the same {@code tenant_id} and {@code id} whose
     * {@code version} is still {@code expectedVersion} (optimistic locking): the row's own version value is written
     * when it is one of the columns.
     *
     * @return 1 when the stored row still had {@code expectedVersion}, else 0
     * @throws io.crmkit.impl.db.IdStatements.StorageFailure on a database failure
     */
    public int updateVersioned(Connection connection, String prefix, List<Column> columns, long expectedVersion) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.in(prefix) + " SET "
                + Table.assignments(columns) + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
            int next = bind(update, columns, 1);
            update.setString(next++, text(table.column("tenant_id")));
            update.setLong(next++, bigint(table.column("id")));
            update.setLong(next, expectedVersion);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return a row of the table read from every column of the current result row, in the table's order */
    public static Row read(Table table, ResultSet result) throws SQLException {
        return new Row(table).read(result, table.columns(), 1);
    }
}
