package io.crmkit.impl.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A SELECT of the rows of one table whose key column holds one of a list of keys, written for each database by
 * {@link Dialect#selectByKeys(KeySelect)}:
 * {@code SELECT columns FROM table alias joins WHERE leading AND alias.keyColumn IN (keys) AND where after}
 * (on PostgreSQL {@code = ANY} of one array parameter, on H2 a join of a table of one array parameter).
 * Every piece is SQL built by the SDK from constants and the validated table prefix; values are bound.
 * Not thread-safe while it is being built.
 */
public final class KeySelect {

    /** The SQL type of the keys. */
    public enum KeyType {
        NUMBER("BIGINT", "_int8"),
        TEXT("VARCHAR", "_varchar");

        private final String sqlType;
        private final String pgArrayType;

        KeyType(String sqlType, String pgArrayType) {
            this.sqlType = sqlType;
            this.pgArrayType = pgArrayType;
        }

        /** @return the name in PostgreSQL's {@code pg_type} of an array of such keys */
        public String pgArrayType() {
            return pgArrayType;
        }

        /** @return the SQL type name, as {@link java.sql.Connection#createArrayOf} and a {@code CAST} take it */
        public String sqlType() {
            return sqlType;
        }
    }

    final String columns;
    final String table;
    final String alias;
    String leading = "";
    final List<Object> leadingValues = new ArrayList<>();
    String keyColumn;
    KeyType keyType;
    List<?> keys = List.of();
    String joins = "";
    String where = "";
    final List<Object> whereValues = new ArrayList<>();
    String after = "";

    private KeySelect(String columns, String table, String alias) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.table = Objects.requireNonNull(table, "table");
        this.alias = Objects.requireNonNull(alias, "alias");
    }

    /**
     * @param columns the selected columns
     * @param table   the table the keys are looked up in
     * @param alias   its alias, or "" to qualify by the table's name
     */
    public static KeySelect select(String columns, String table, String alias) {
        return new KeySelect(columns, table, alias);
    }

    /**
     * @param conditions conditions on the keyed table's leading key columns (the tenant, a type), which the key
     *                   column follows in its index
     */
    public KeySelect leading(String conditions, Object... values) {
        this.leading = conditions;
        this.leadingValues.addAll(Arrays.asList(values));
        return this;
    }

    /** @param column the key column, unqualified; keys 1 or more */
    public KeySelect keyIn(String column, KeyType type, List<?> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key list holds at least one key");
        }
        this.keyColumn = column;
        this.keyType = type;
        this.keys = List.copyOf(keys);
        return this;
    }

    /** @param joins joins of other tables, each starting with " JOIN ", without values */
    public KeySelect joins(String joins) {
        this.joins = joins;
        return this;
    }

    /** @param condition a further condition on the joined rows */
    public KeySelect where(String condition, Object... values) {
        this.where = condition;
        this.whereValues.addAll(Arrays.asList(values));
        return this;
    }

    /** @param sql SQL after the conditions (an ORDER BY, a locking clause), without values */
    public KeySelect after(String sql) {
        this.after = sql;
        return this;
    }

    String tableReference() {
        return alias.isEmpty() ? table : table + " " + alias;
    }

    String qualifiedKey() {
        return (alias.isEmpty() ? table : alias) + "." + Objects.requireNonNull(keyColumn, "keyIn");
    }
}
