package io.crmkit.impl.db.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table of the SDK: its name without the kit's prefix and its columns in order, and the SQL that lists them, so
 * that no statement spells a column list out. Statements add the kit's validated prefix. Immutable.
 */
public final class Table {

    private final String name;
    private final List<Column> columns;
    private final Map<Column, Integer> positions = new IdentityHashMap<>();

    private Table(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (positions.put(columns.get(i), i) != null) {
                throw new IllegalArgumentException(name + " lists " + columns.get(i).name() + " twice");
            }
        }
    }

    /** @return the column's position in {@link #columns()} @throws IllegalArgumentException when not here */
    public int position(Column column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException(name + " has no column " + column.name());
        }
        return position;
    }

    /** @return a table of the given columns, in that order */
    public static Table of(String name, Column... columns) {
        return new Table(name, List.of(columns));
    }

    /** @return a table with the same columns under another name, e.g. a trash table of a live one */
    public Table named(String otherName) {
        return new Table(otherName, columns);
    }

    /** @return a table with these columns followed by more, e.g. a trash table that also says who deleted */
    public Table with(String otherName, Column... more) {
        List<Column> all = new ArrayList<>(columns);
        Collections.addAll(all, more);
        return new Table(otherName, all);
    }

    /** @return the name without prefix */
    public String name() {
        return name;
    }

    /** @return the name with the kit's prefix */
    public String in(String prefix) {
        return prefix + name;
    }

    /** @return every column, in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the columns but the given ones, in order */
    public List<Column> except(Column... left) {
        Set<Column> out = Set.of(left);
        return columns.stream().filter(column -> !out.contains(column)).toList();
    }

    /** @return the column of that name @throws IllegalArgumentException when the table has none */
    public Column column(String columnName) {
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return column;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + columnName);
    }

    /** @return {@code c1, c2, ...} */
    public static String list(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** @return {@code a.c1, a.c2, ...} */
    public static String list(String alias, List<Column> columns) {
        return columns.stream().map(column -> alias + "." + column.name()).collect(Collectors.joining(", "));
    }

    /** @return every column, {@code c1, c2, ...} */
    public String list() {
        return list(columns);
    }

    /** @return {@code INSERT INTO prefix+name (every column) VALUES (?, ...)} */
    public String insert(String prefix) {
        return insert(prefix, columns);
    }

    /** @return {@code INSERT INTO prefix+name (columns) VALUES (?, ...)} */
    public String insert(String prefix, List<Column> insertColumns) {
        return "INSERT INTO " + in(prefix) + " (" + list(insertColumns) + ") VALUES ("
                + "?, ".repeat(insertColumns.size() - 1) + "?)";
    }

    /**
     * @param rows 1 or more
     * @return {@code INSERT INTO prefix+name (every column) VALUES (?, ...), (?, ...)...} for {@code rows} rows: one
     *         statement for many rows, which every database takes faster than a JDBC batch of single-row inserts
     */
    public String insertRows(String prefix, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("insert at least one row, got " + rows);
        }
        String row = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        return "INSERT INTO " + in(prefix) + " (" + list() + ") VALUES " + String.join(", ",
                Collections.nCopies(rows, row));
    }

    /** @return {@code SELECT every column FROM prefix+name} */
    public String select(String prefix) {
        return "SELECT " + list() + " FROM " + in(prefix);
    }

    /** @return {@code c1 = ?, c2 = ?, ...}, for an UPDATE's SET */
    public static String assignments(List<Column> columns) {
        return columns.stream().map(column -> column.name() + " = ?").collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name;
    }
}
