package io.crmkit.impl.db;

import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Inserts many new rows of one table at once, the fastest way the connection allows: PostgreSQL's
 * {@code COPY ... FROM STDIN} (text format) when the connection is pgjdbc's and there are at least
 * {@value #COPY_MIN_ROWS} rows; on MariaDB and MySQL, for {@value #BATCH_MIN_ROWS} rows or more, one JDBC batch of
 * single-row INSERTs per {@value #ROWS_PER_BATCH} rows (Connector/J sends a batch in bulk, which measured faster
 * there than multi-row statements: the import benchmark's batch baseline took 16 s where multi-row INSERTs took
 * 21 s); otherwise multi-row {@code INSERT ... VALUES (...), (...)} statements of at most
 * {@value #ROWS_PER_INSERT} rows. Either way the rows are inserted in the caller's transaction, with the same values
 * and the same errors (a duplicate key fails the statement, and the caller's transaction with it). Stateless and
 * thread-safe.
 *
 * <p>pgjdbc is an optional dependency: {@code PgCopy}, the one class naming its types, is loaded only when the
 * driver's {@code org.postgresql.PGConnection} can be loaded, so the SDK runs without pgjdbc on the class path.
 */
public final class BulkRows {

    /** Rows per multi-row INSERT where COPY is not available. */
    static final int ROWS_PER_INSERT = 500;
    /** Rows per JDBC batch on MariaDB and MySQL. */
    static final int ROWS_PER_BATCH = 5_000;
    /**
     * The fewest rows sent as a JDBC batch on MariaDB and MySQL: fewer go in one multi-row INSERT, one statement
     * (a single create writes a handful of rows per table; the batch bought nothing there).
     */
    static final int BATCH_MIN_ROWS = 20;
    /** The most bind parameters one INSERT takes (below every driver's limit: MariaDB and PostgreSQL 65,535). */
    private static final int MAX_PARAMETERS = 30_000;
    /** The fewest rows sent with COPY: fewer go in one multi-row INSERT, which costs fewer round trips. */
    static final int COPY_MIN_ROWS = 20;

    private BulkRows() {
    }

    /**
     * Inserts the rows, every column of their table, in the caller's transaction.
     *
     * @param rows rows of one table; none is fine
     * @throws IdStatements.StorageFailure on a database failure
     */
    public static void insert(Connection connection, String prefix, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Table table = rows.get(0).table();
        try {
            if (rows.size() >= COPY_MIN_ROWS && IdStatements.PGJDBC && PgCopy.wraps(connection)) {
                StringBuilder text = copyText(rows);
                if (text != null) {
                    PgCopy.copyIn(connection, "COPY " + table.in(prefix) + " (" + table.list() + ") FROM STDIN",
                            new TextReader(text));
                    return;
                }
            }
            if (rows.size() >= BATCH_MIN_ROWS && batchesFaster(connection)) {
                batchRows(connection, prefix, table, rows);
            } else {
                insertRows(connection, prefix, table, rows);
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return whether the connection is MariaDB's or MySQL's, where a JDBC batch is the fastest insert */
    private static boolean batchesFaster(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return "MariaDB".equalsIgnoreCase(product) || "MySQL".equalsIgnoreCase(product);
    }

    /** Single-row INSERTs in JDBC batches of at most {@value #ROWS_PER_BATCH}. */
    private static void batchRows(Connection connection, String prefix, Table table, List<Row> rows)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(table.insertRows(prefix, 1))) {
            int pending = 0;
            for (Row row : rows) {
                row.bind(insert, table.columns(), 1);
                insert.addBatch();
                if (++pending == ROWS_PER_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Multi-row INSERTs of at most {@value #ROWS_PER_INSERT} rows (fewer for wide tables). */
    private static void insertRows(Connection connection, String prefix, Table table, List<Row> rows)
            throws SQLException {
        int per = Math.max(1, Math.min(ROWS_PER_INSERT, MAX_PARAMETERS / table.columns().size()));
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += per) {
                int count = Math.min(per, rows.size() - from);
                boolean whole = count == per;
                if (whole && full == null) {
                    full = connection.prepareStatement(table.insertRows(prefix, per));
                }
                PreparedStatement insert = whole ? full : connection.prepareStatement(table.insertRows(prefix, count));
                try {
                    int index = 1;
                    for (Row row : rows.subList(from, from + count)) {
                        index = row.bind(insert, table.columns(), index);
                    }
                    insert.executeUpdate();
                } finally {
                    if (!whole) {
                        insert.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    /**
     * @return the rows in COPY's text format (columns separated by tabs, one line per row, NULL as {@code \N},
     *         backslash escapes), or null when a value has no exact text form COPY reads back (a date or time
     *         outside the years 1 to 9999), for the caller to insert the rows otherwise
     */
    static StringBuilder copyText(List<Row> rows) {
        List<Column> columns = rows.get(0).table().columns();
        StringBuilder out = new StringBuilder(rows.size() * columns.size() * 12 + 64);
        for (Row row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append('\t');
                }
                if (!append(out, columns.get(i), row.get(columns.get(i)))) {
                    return null;
                }
            }
            out.append('\n');
        }
        return out;
    }

    private static boolean append(StringBuilder out, Column column, Object value) {
        if (value == null) {
            out.append("\\N");
            return true;
        }
        switch (column.kind()) {
            case TEXT -> escape(out, (String) value);
            case BIGINT, INTEGER -> out.append(value.toString());
            case BOOLEAN -> out.append((Boolean) value ? 't' : 'f');
            case DECIMAL -> out.append(((BigDecimal) value).toPlainString());
            case DATE -> {
                LocalDate date = (LocalDate) value;
                if (date.getYear() < 1 || date.getYear() > 9999) {
                    return false;
                }
                out.append(date.toString());
            }
            case TIMESTAMP -> {
                LocalDateTime time = LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
                if (time.getYear() < 1 || time.getYear() > 9999) {
                    return false;
                }
                out.append(time.toLocalDate().toString()).append(' ').append(time.toLocalTime().toString());
            }
            case BYTES -> {
                out.append("\\\\x");
                for (byte b : (byte[]) value) {
                    out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
                }
            }
        }
        return true;
    }

    /** Appends text with COPY's escapes: backslash, tab, newline and carriage return. */
    private static void escape(StringBuilder out, String text) {
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                out.append(text, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length());
    }

    /** A reader of a builder's characters, without copying them first. */
    private static final class TextReader extends Reader {
        private final StringBuilder text;
        private int next;

        TextReader(StringBuilder text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next >= text.length()) {
                return -1;
            }
            int count = Math.min(length, text.length() - next);
            text.getChars(next, next + count, buffer, offset);
            next += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}
