package io.crmkit.impl.db.schema;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A column of a table: its name, the kind of value it holds and whether it may hold NULL, as the migrations of
 * every dialect create it ({@code SchemaDefinitionTest} checks that they agree). Immutable.
 *
 * @param name     the column's name, lower case
 * @param kind     the kind of value
 * @param nullable whether the column accepts NULL
 */
public record Column(String name, Kind kind, boolean nullable) {

    /** @return a NOT NULL column */
    public static Column required(String name, Kind kind) {
        return new Column(name, kind, false);
    }

    /** @return a column that accepts NULL */
    public static Column optional(String name, Kind kind) {
        return new Column(name, kind, true);
    }

    /** Binds a value of this column, or a NULL of its type. */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        kind.bind(statement, index, value);
    }

    /** Equal columns have equal names; the name's hash is cached, so that a row's look-ups by column stay cheap. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return this column's value in the current row at {@code index}, or null for NULL */
    public Object read(ResultSet row, int index) throws SQLException {
        return kind.read(row, index);
    }
}
