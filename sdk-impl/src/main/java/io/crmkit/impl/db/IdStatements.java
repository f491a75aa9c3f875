package io.crmkit.impl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plain JDBC statements over a set of customer ids, for reading pages of customers and the set-based work of
 * bulk operations and the trash. Every SQL text is built by the SDK from constants, the schema definition and the
 * validated table prefix; values are bound in the order given. An {@link Instant} is bound as UTC wall-clock
 * time, as {@link io.crmkit.impl.db.schema.Kind#TIMESTAMP} columns hold it.
 *
 * <p>The list of ids is written by the {@link Dialect} ({@link Dialect#idList}). Thread-safe.
 */
public final class IdStatements {

    /** Most ids per statement. */
    public static final int MAX_IDS = 1000;

    private static final String[] LISTS = new String[MAX_IDS + 1];
    /**
     * Whether pgjdbc is on the class path, so that {@link PgPlans}, {@link PgCopy} and {@link PgArrays} may be
     * loaded.
     */
    static final boolean PGJDBC = pgjdbcPresent();

    static {
        StringBuilder list = new StringBuilder();
        for (int size = 1; size <= MAX_IDS; size++) {
            list.setLength(0);
            list.append('(');
            for (int i = 0; i < size; i++) {
                list.append(i == 0 ? "?" : ", ?");
            }
            LISTS[size] = list.append(')').toString();
        }
    }

    private final Dialect dialect;

    private static boolean pgjdbcPresent() {
        try {
            Class.forName("org.postgresql.PGStatement", false, IdStatements.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private IdStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @return the statements for a database */
    public static IdStatements of(Dialect dialect) {
        return new IdStatements(dialect);
    }

    /** @return the dialect the statements are written for */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * @return the distinct ids in ascending order, in lists of at most {@value #MAX_IDS}: the id lists of one
     *         statement each, taken in the same order by every caller so that row locks never deadlock
     */
    public static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = List.copyOf(new java.util.TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int start = 0; start < sorted.size(); start += MAX_IDS) {
            chunks.add(sorted.subList(start, Math.min(start + MAX_IDS, sorted.size())));
        }
        return chunks;
    }

    /** @return {@code (?, ?, ...)} for 1 to {@value #MAX_IDS} values */
    public static String in(int size) {
        requireIdCount(size);
        return LISTS[size];
    }

    static void requireIdCount(int size) {
        if (size < 1 || size > MAX_IDS) {
            throw new IllegalArgumentException("an id list holds 1 to " + MAX_IDS + " ids, got " + size);
        }
    }

    /**
     * Runs an INSERT, UPDATE or DELETE: {@code sqlBeforeIds} (ending with {@code IN}) and the list of {@code ids}.
     *
     * @return the rows changed
     */
    public int update(Connection connection, String sqlBeforeIds, List<Object> values, Collection<Long> ids) {
        return update(connection, sqlBeforeIds, values, ids, "");
    }

    /** Like {@link #update(Connection, String, List, Collection)}, with SQL after the list of ids. */
    public int update(Connection connection, String sqlBeforeIds, List<Object> values, Collection<Long> ids,
                      String sqlAfterIds) {
        try (PreparedStatement statement = prepare(connection, sqlBeforeIds, values, ids, sqlAfterIds)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    /** @return the first column of every row, as longs, of {@code sqlBeforeIds}, the list of ids, {@code sqlAfterIds} */
    public List<Long> longs(Connection connection, String sqlBeforeIds, List<Object> values, Collection<Long> ids,
                            String sqlAfterIds) {
        List<Long> result = new ArrayList<>(ids.size());
        query(connection, sqlBeforeIds, values, ids, sqlAfterIds, row -> result.add(row.getLong(1)));
        return result;
    }

    /** Runs {@code sqlBeforeIds}, the list of ids, {@code sqlAfterIds}, handing each row to {@code reader}. */
    public void query(Connection connection, String sqlBeforeIds, List<?> values, Collection<Long> ids,
                      String sqlAfterIds, RowReader reader) {
        try (PreparedStatement statement = prepare(connection, sqlBeforeIds, values, ids, sqlAfterIds);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs one INSERT, UPDATE or DELETE with its values bound in order, on the caller's connection.
     *
     * @return the rows changed
     */
    public static int execute(Connection connection, String sql, List<?> values) {
        try (PreparedStatement statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    /**
     * Runs one INSERT, UPDATE or DELETE whose rows a search selects (such as adding a filter's customers to a group),
     * as a search: {@linkplain #prepareSearch planned for its values and stopped at the session's search timeout}.
     */
    public static int executeSearch(Session session, String sql, List<?> values) {
        try (PreparedStatement statement = prepareSearch(session, sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new SearchFailure(e);
        }
    }

    /** Maps one row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Like {@link #rows}, for a search: the statement is {@linkplain #prepareSearch planned for its values} on each
     * run, and stopped at the session's search timeout.
     */
    public static <T> List<T> searchRows(Session session, String sql, List<?> values, RowMapper<T> mapper) {
        try (PreparedStatement statement = prepareSearch(session, sql, values)) {
            return read(statement, mapper);
        } catch (SQLException e) {
            throw new SearchFailure(e);
        }
    }

    /** @return every row of a query with its values bound in order, mapped, on the caller's connection */
    public static <T> List<T> rows(Connection connection, String sql, List<?> values, RowMapper<T> mapper) {
        try (PreparedStatement statement = prepare(connection, sql, values)) {
            return read(statement, mapper);
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    private static <T> List<T> read(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(mapper.map(result));
            }
        }
        return rows;
    }

    /**
     * Like {@link #prepare}, for a search whose best plan depends on its values (a keyword, a tag, a range): on
     * PostgreSQL through pgjdbc, each run is planned for its values, never by a generic plan shared by all values
     * ({@link PgPlans}); elsewhere the same as {@link #prepare}. With a timeout, the driver has the database stop
     * the statement when it runs longer ({@link java.sql.Statement#setQueryTimeout}); the caller wraps its failure
     * in a {@link SearchFailure}, which {@link Database} reports as a
     * {@link io.crmkit.api.error.SearchTimeoutException} when the database stopped it.
     *
     * @param timeoutSeconds how long the statement may run; 0 for no limit
     * @throws SQLException when the statement cannot be prepared or a value bound
     */
    static PreparedStatement prepareSearch(Connection connection, String sql, List<?> values,
                                           int timeoutSeconds) throws SQLException {
        PreparedStatement statement = prepare(connection, sql, values);
        try {
            if (timeoutSeconds > 0) {
                statement.setQueryTimeout(timeoutSeconds);
            }
            if (PGJDBC) {
                PgPlans.planEachRun(statement);
            }
        } catch (SQLException | RuntimeException | Error e) {
            try {
                statement.close();
            } catch (SQLException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return statement;
    }

    /** {@link #prepareSearch(Connection, String, List, int)} on the session's connection, with its search timeout. */
    public static PreparedStatement prepareSearch(Session session, String sql, List<?> values) throws SQLException {
        return prepareSearch(session.getConnection(), sql, values, session.searchTimeoutSeconds());
    }

    /**
     * Prepares a statement and binds its values in order (null as SQL NULL); the caller closes it.
     *
     * @throws SQLException when the statement cannot be prepared or a value bound
     */
    public static PreparedStatement prepare(Connection connection, String sql, List<?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Prepares {@code SELECT columns FROM table WHERE tenant_id = ? AND idColumn IN (the ids) sqlAfter} (or its
     * equivalent), as the dialect selects by a list of keys ({@link Dialect#selectByKeys}); the caller closes it.
     *
     * @param columns columns of {@code table} only, unqualified
     * @param ids     1 to {@value #MAX_IDS} ids
     */
    public PreparedStatement selectByIds(Connection connection, String columns, String table, String idColumn,
                                         String tenantId, Collection<Long> ids, String sqlAfter) throws SQLException {
        requireIdCount(ids.size());
        BoundSql select = dialect.selectByKeys(KeySelect.select(columns, table, "")
                .leading(table + ".tenant_id = ?", tenantId)
                .keyIn(idColumn, KeySelect.KeyType.NUMBER, List.copyOf(ids))
                .after(sqlAfter));
        return prepare(connection, select.sql(), select.values());
    }

    /**
     * Prepares {@code sqlBeforeIds + (the ids) + sqlAfterIds} with the values bound first, then the ids as the
     * dialect writes a list of ids ({@link Dialect#idList}); the caller closes it.
     *
     * @param ids 1 to {@value #MAX_IDS} ids
     */
    public PreparedStatement prepare(Connection connection, String sqlBeforeIds, List<?> values, Collection<Long> ids,
                                     String sqlAfterIds) throws SQLException {
        requireIdCount(ids.size());
        BoundSql list = dialect.idList(ids);
        List<Object> all = new ArrayList<>(values.size() + list.values().size());
        all.addAll(values);
        all.addAll(list.values());
        return prepare(connection, sqlBeforeIds + list.sql() + sqlAfterIds, all);
    }

    /** An array of values of one SQL type, bound as one parameter. */
    public record SqlArray(String sqlType, Object[] elements) {
    }

    /**
     * The text of a PostgreSQL array (as {@link Dialect#arrayLiteral} writes it), bound typed as the array: through
     * pgjdbc a {@code PGobject} of the type ({@link PgArrays}), which ShardingSphere passes on unchanged; without
     * pgjdbc, text without a type ({@link java.sql.Types#OTHER}) that the server types from its place. Either way the
     * server parses it once as the array, so that the planner of {@code col = ANY(CAST(? AS BIGINT[]))} sees the
     * elements; bound as text, the cast runs at execution and the planner guesses.
     *
     * @param type the array type's name in {@code pg_type}: {@code _int8}, {@code _varchar}
     */
    public record PgArrayText(String type, String text) {
    }

    /** A NULL of a given SQL type ({@link java.sql.Types}), for a column that is not text. */
    public record SqlNull(int sqlType) {
    }

    /** Binds a value, an {@link Instant} as UTC wall-clock time, null as a text NULL. */
    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.VARCHAR);
        } else if (value instanceof SqlNull typed) {
            statement.setNull(index, typed.sqlType());
        } else if (value instanceof PgArrayText array) {
            if (PGJDBC) {
                statement.setObject(index, PgArrays.typed(array.type(), array.text()));
            } else {
                statement.setObject(index, array.text(), java.sql.Types.OTHER);
            }
        } else if (value instanceof SqlArray array) {
            statement.setArray(index, statement.getConnection().createArrayOf(array.sqlType(), array.elements()));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else {
            statement.setObject(index, value);
        }
    }

    /** @return a stored UTC wall-clock time as an instant, or null */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * A database failure inside plain JDBC work, carrying the {@link SQLException} so that
     * {@link Database#write} can retry it or map a unique violation.
     */
    public static class StorageFailure extends RuntimeException {
        public StorageFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /** @return the database's exception */
        public SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    /**
     * The failure of a search statement ({@link #prepareSearch}): where the database stopped it at the search
     * timeout, {@link Database} reports a {@link io.crmkit.api.error.SearchTimeoutException}. Only statements marked
     * so are reported that way: a timeout the database sets itself on other work stays a storage failure.
     */
    public static final class SearchFailure extends StorageFailure {
        public SearchFailure(SQLException cause) {
            super(cause);
        }
    }

}
