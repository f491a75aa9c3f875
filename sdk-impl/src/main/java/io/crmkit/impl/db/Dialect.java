package io.crmkit.impl.db;

import io.crmkit.api.error.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one place where the supported databases differ: detection, migration folder, the meaning of error codes,
 * locking reads, lists of ids and keys, upserts and updates from a derived table, and the plan hints of a page of
 * customers. Statements themselves are portable SQL; services and stores ask the dialect for each difference by
 * what it does and never test which database they are on.
 */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** @return the name of the migration folder */
    public String id() {
        return id;
    }

    /**
     * @return the identifier quoted as the database keeps its case (Flyway creates its history table and columns
     *         this way, in lower case)
     */
    public String quote(String identifier) {
        return this == MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /**
     * Detects the dialect from the database product name of one connection.
     *
     * @throws ConfigurationException when the database is not supported or cannot be reached
     */
    public static Dialect detect(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new ConfigurationException("dataSource", null,
                    "cannot connect to the database to detect its type: " + e.getMessage(), e);
        }
        return fromProductName(product);
    }

    /** @throws ConfigurationException naming the product when it is not supported */
    static Dialect fromProductName(String product) {
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        throw new ConfigurationException("dataSource", product,
                "unsupported database; CRMKit supports H2, PostgreSQL and MariaDB/MySQL");
    }

    /**
     * @return what to append to a SELECT so that, inside a transaction, it reads the latest committed rows:
     *         on MariaDB, whose repeatable read keeps the transaction's first snapshot, a shared-lock read;
     *         nothing on H2 and PostgreSQL, whose read committed gives each statement a fresh snapshot
     */
    public String latestRead() {
        return this == MARIADB ? " LOCK IN SHARE MODE" : "";
    }

    /**
     * @return what to append to a SELECT so that the rows it reads stay as they are until the transaction ends
     *         while other readers may lock them too: a shared lock on PostgreSQL and MariaDB, an exclusive one on
     *         H2, which has no shared row locks
     */
    public String shareLock() {
        return switch (this) {
            case POSTGRESQL -> " FOR SHARE";
            case MARIADB -> " LOCK IN SHARE MODE";
            default -> " FOR UPDATE";
        };
    }

    /**
     * @return the statement that refreshes the planner's statistics of the tables, or empty where the database
     *         keeps them fresh itself (H2 plans without them; InnoDB recalculates after 10% of a table changed)
     */
    public java.util.Optional<String> analyze(List<String> tables) {
        return this == POSTGRESQL ? java.util.Optional.of("ANALYZE " + String.join(", ", tables))
                : java.util.Optional.empty();
    }

    /**
     * @return the select list that tells one database from another behind a sharding DataSource (PostgreSQL: the
     *         database's name, the server's address as the client reached it, its port and the current schema), for
     *         {@link TenantShards}; empty where the kit does not find tenants' shards itself (H2, MariaDB: untested
     *         as shards), so that every statement goes through the sharding DataSource
     */
    public Optional<String> shardIdentity() {
        return this == POSTGRESQL
                ? Optional.of("current_database(), CAST(inet_server_addr() AS VARCHAR), current_setting('port'),"
                        + " current_schema()")
                : Optional.empty();
    }

    /**
     * @return the list {@code (...)} of ids that follows an {@code IN}: placeholders with the ids as values; on H2
     *         the ids written as number literals, with no values, because H2 does not use the (tenant_id, id) index
     *         for an IN list of parameters and scans the tenant's rows instead (a thousand-id update took a second on
     *         100,000 customers, 50 ms with literals). Ids are longs: a literal cannot carry anything but a number.
     * @throws IllegalArgumentException unless there are 1 to {@value IdStatements#MAX_IDS} ids
     */
    public BoundSql idList(Collection<Long> ids) {
        if (this != H2) {
            return new BoundSql(IdStatements.in(ids.size()), List.copyOf(ids));
        }
        IdStatements.requireIdCount(ids.size());
        StringBuilder list = new StringBuilder(ids.size() * 20).append('(');
        boolean first = true;
        for (Long id : ids) {
            list.append(first ? "" : ", ").append(id.longValue());
            first = false;
        }
        return new BoundSql(list.append(')').toString(), List.of());
    }

    /**
     * @return the SELECT of the rows whose key is one of the select's keys, by the index that leads with the
     *         select's leading conditions and the key column: an {@code IN} list of parameters; on H2 a table of one
     *         array parameter joined by that index instead, because H2 answers an {@code IN} list of parameters on
     *         an index's last column by scanning the rows of its leading columns (scanCount 98,001 for 3 ids among
     *         98,000 customers; a second per import chunk of 200,000 customers) but a join by look-ups; on
     *         PostgreSQL {@code = ANY(CAST(? AS type[]))} of one parameter, the keys as an array's text, which it
     *         looks up by the same index as the list and binds and plans in half the time (three parts of 500
     *         identities among 600,000: 6.5 ms against 12-16 ms). The array is its text bound typed as the array
     *         ({@link IdStatements.PgArrayText}), not a JDBC {@code Array}, as ShardingSphere's connection does not
     *         create arrays; bound as plain text, the cast would run at execution and the planner, not seeing the
     *         keys, filtered a tenant's every tag row instead of looking the customers up while the table's
     *         statistics were stale (25 ms instead of under 1 per import chunk).
     */
    public BoundSql selectByKeys(KeySelect select) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select.columns).append(" FROM ");
        if (this == H2) {
            values.add(new IdStatements.SqlArray(select.keyType.sqlType(), select.keys.toArray()));
            values.addAll(select.leadingValues);
            sql.append("TABLE(key_value ").append(select.keyType.sqlType()).append(" = ?) key_list JOIN ")
                    .append(select.tableReference()).append(" ON ").append(select.leading).append(" AND ")
                    .append(select.qualifiedKey()).append(" = key_list.key_value").append(select.joins);
            if (!select.where.isEmpty()) {
                sql.append(" WHERE ").append(select.where);
            }
        } else {
            values.addAll(select.leadingValues);
            String keyCondition;
            if (this == POSTGRESQL) {
                values.add(new IdStatements.PgArrayText(select.keyType.pgArrayType(), arrayLiteral(select.keys)));
                keyCondition = " = ANY(CAST(? AS " + select.keyType.sqlType() + "[]))";
            } else {
                values.addAll(select.keys);
                keyCondition = " IN " + IdStatements.in(select.keys.size());
            }
            sql.append(select.tableReference()).append(select.joins).append(" WHERE ").append(select.leading)
                    .append(" AND ").append(select.qualifiedKey()).append(keyCondition);
            if (!select.where.isEmpty()) {
                sql.append(" AND ").append(select.where);
            }
        }
        values.addAll(select.whereValues);
        return new BoundSql(sql.append(select.after).toString(), values);
    }

    /**
     * @return PostgreSQL's text of a one-dimensional array of the keys: each element double-quoted, its backslashes
     *         and double quotes escaped, so that any text (commas, braces, "NULL", white space) stays one element
     */
    static String arrayLiteral(List<?> keys) {
        StringBuilder text = new StringBuilder(keys.size() * 16).append('{');
        for (Object key : keys) {
            text.append(text.length() == 1 ? "\"" : ",\"");
            String value = key.toString();
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '\\' || ch == '"') {
                    text.append('\\');
                }
                text.append(ch);
            }
            text.append('"');
        }
        return text.append('}').toString();
    }

    /**
     * Chooses how a page of customer ids runs. PostgreSQL and MariaDB plan every page well on their own. H2's
     * planner needs telling in two cases (a page sorted by a metric keeps its own plan):
     * <ul>
     *   <li>a keyword that is a phone number matches one customer or none, found through the identity key as
     *       {@code c.id IN (SELECT ...)}. H2 looks such a condition up by an index only when {@code id} is the
     *       index's first column, and still prefers the primary key (tenant_id, id) that reads the whole tenant:
     *       the hint names the (id) index of schema V11 (1,000,000 customers: 402 ms -> under 1 ms);</li>
     *   <li>without a keyword (or with a subquery condition, or from a cursor), ordering by the tenant first lets
     *       H2 walk the (tenant_id, column, id) index in order and stop at the page, instead of finding every
     *       matching customer and sorting them all; sorted by createdAt, a hint names that index, which H2 would
     *       otherwise pass over for the primary key whenever a condition on a column without an index looks
     *       selective to it (1,000,000 customers: a city, 2,033 -> 11 ms; nested any/all groups, 2,386 -> 5 ms;
     *       a createdAt range, 16 -> 1.9 ms). At worst, when nothing matches, it walks the whole index, as the
     *       scan would have read the whole tenant.</li>
     * </ul>
     * Any other keyword keeps H2's own plan.
     *
     * @param tablePrefix the validated table prefix, which the index names carry
     */
    public PagePlan customerPage(PageShape shape, String tablePrefix) {
        if (this != H2 || shape.sortedByMetric()) {
            return PagePlan.AS_WRITTEN;
        }
        if (shape.phoneLookup()) {
            return new PagePlan(" USE INDEX (" + tablePrefix + "customer_id)", false);
        }
        if (shape.keyword() && !shape.subquery() && !shape.fromCursor()) {
            return PagePlan.AS_WRITTEN;
        }
        return new PagePlan(shape.sortedByCreatedAt() ? " USE INDEX (" + tablePrefix + "customer_created)" : "",
                true);
    }

    /**
     * @return whether a locking read ({@code FOR UPDATE}) only takes locks, so that reading rows under the lock costs
     *         no more than reading them: MariaDB's InnoDB keeps row locks in memory, where PostgreSQL writes each
     *         locked row and H2 keeps its own
     */
    public boolean locksByReading() {
        return this == MARIADB;
    }

    /**
     * The tenant's column at the head of an ORDER BY whose WHERE fixes the tenant, for a walk in key order that stops
     * at a limit: H2 then reads the (tenant_id, ...) key in order and stops, where it would sort the tenant's rows.
     * MariaDB must not be given it: there the tenant compares with a value in the connection's collation (the
     * driver's utf8mb4_general_ci, not the column's utf8mb4_bin), so the column does not count as fixed and MariaDB
     * sorts every matching row (a bulk job's walk over 100,000 customers, chunk by chunk, read 5,000,000 rows).
     * PostgreSQL plans both the same.
     *
     * @param column    the tenant column, as the statement names it
     * @param direction " ASC", " DESC" or ""
     * @return {@code column + direction + ", "}, or "" on MariaDB
     */
    public String tenantOrder(String column, String direction) {
        return this == MARIADB ? "" : column + direction + ", ";
    }

    /**
     * @return whether the keyword search's indexes, where the tables hold them ({@link KeywordIndexes}), are
     *         PostgreSQL's trigram indexes, which serve a LIKE or a regular expression on the indexed text as written
     */
    public boolean trigramKeywordIndexes() {
        return this == POSTGRESQL;
    }

    /**
     * @return whether the keyword search's indexes, where the tables hold them ({@link KeywordIndexes}), are MariaDB's
     *         FULLTEXT indexes of words ({@link KeywordIndexes#WORDS_COLUMN}), which find every candidate by
     *         {@code MATCH} and always read all of them, so that a page walks its order first ({@link #pageWalk})
     */
    public boolean fullTextKeywordIndexes() {
        return this == MARIADB;
    }

    /**
     * @return whether a transaction's locks reach past the rows it reads and writes: MariaDB's REPEATABLE READ
     *         (the default) locks the gaps between index records, so two transactions writing neighbouring key
     *         ranges of one table may wait for each other; PostgreSQL and H2 lock rows only
     */
    public boolean locksGaps() {
        return this == MARIADB;
    }

    /**
     * @param text    an expression of text
     * @param pattern the placeholder of a regular expression written for every database's engine alike
     *                (PostgreSQL's ARE, MariaDB's PCRE2, H2's Java), as {@code SearchPlanner.wordStartPattern} writes
     * @return the condition that the text holds a match of the pattern, comparing case as the database does (the
     *         caller lower-cases both sides); on PostgreSQL the {@code ~} operator, which pg_trgm's GIN indexes serve
     */
    public String regexMatch(String text, String pattern) {
        return switch (this) {
            case POSTGRESQL -> text + " ~ " + pattern;
            case MARIADB -> text + " REGEXP " + pattern;
            case H2 -> "REGEXP_LIKE(" + text + ", " + pattern + ")";
        };
    }

    /**
     * A first try of a filtered page of customers, where the database's own plan reads every match: MariaDB
     * turns an EXISTS condition (a tag, a phone, any identity or custom value) into a semi-join, reads every match
     * and sorts them all (1,000,000 customers: "has tag" of 30,000 customers 0.4-1.8 s, "has no phone" 5 s). Walking
     * the page's order and checking each customer finds a page of a common condition after a few thousand rows; the
     * try stops after {@code rowsExamined} rows (a rare condition), and the caller then runs the page as planned.
     *
     * @param page         the page's statement, ending with its LIMIT
     * @param rowsExamined how many rows the try may read, of every table
     * @return the try, or empty where the database plans the page well on its own
     */
    public Optional<String> pageWalk(String page, int rowsExamined) {
        return this == MARIADB ? Optional.of("SET STATEMENT optimizer_switch='exists_to_in=off' FOR " + page
                + " ROWS EXAMINED " + rowsExamined) : Optional.empty();
    }

    /**
     * @param warnings the statement's warnings, or the failure it ended with: a walk that stopped at its rows
     *                 ({@link #pageWalk}) ends with a warning, or with a failure when its plan sorts
     * @return whether the statement stopped at the rows it may examine, so that its result may lack rows
     */
    public boolean stoppedAtRowsExamined(SQLException warnings) {
        if (this != MARIADB) {
            return false;
        }
        for (SQLException e = warnings; e != null; e = e instanceof SQLWarning warning ? warning.getNextWarning()
                : e.getNextException()) {
            boolean sortAborted = e.getErrorCode() == 1028 && String.valueOf(e.getMessage()).contains("ROWS EXAMINED");
            if (e.getErrorCode() == 1931 || sortAborted) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return an upsert of the rows of {@code select} into {@code table}: a row whose key exists gets the values of
     *         {@code updated} from the select, the others are inserted with every column of {@code columns}.
     *         PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE}, MariaDB {@code INSERT ... ON DUPLICATE KEY
     *         UPDATE}, H2 {@code MERGE INTO ... KEY}. The select must not yield one key twice; its parameters are
     *         the statement's.
     */
    public String upsert(String table, List<String> columns, List<String> key, List<String> updated,
                         String select) {
        String into = table + " (" + String.join(", ", columns) + ") ";
        return switch (this) {
            case POSTGRESQL -> "INSERT INTO " + into + select + " ON CONFLICT (" + String.join(", ", key)
                    + ") DO UPDATE SET " + String.join(", ", updated.stream().map(c -> c + " = EXCLUDED." + c)
                            .toList());
            case MARIADB -> "INSERT INTO " + into + select + " ON DUPLICATE KEY UPDATE " + String.join(", ",
                    updated.stream().map(c -> c + " = VALUES(" + c + ")").toList());
            default -> "MERGE INTO " + into + "KEY (" + String.join(", ", key) + ") " + select;
        };
    }

    /**
     * @return whether the database stopped a statement that ran past its query timeout: SQLState 57014 on
     *         PostgreSQL (a statement cancelled: by the driver at the query timeout, or by a statement_timeout or an
     *         administrator), MariaDB's error 1969 (max_statement_time exceeded, which its driver uses for the
     *         timeout); never a lock timeout or a killed connection
     */
    public boolean isTimeout(SQLException e) {
        for (SQLException cause : chain(e)) {
            if (this == MARIADB ? cause.getErrorCode() == 1969 : "57014".equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the failure is a violation of a primary key or unique constraint */
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException cause : chain(e)) {
            String state = cause.getSQLState();
            if ("23505".equals(state)) {
                return true;
            }
            if (this == MARIADB && cause.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether running the same transaction again may succeed: a serialization failure or a
     *         deadlock (SQLState 40001 / 40P01, MariaDB 1213; H2's lock timeout too). MariaDB's lock wait timeout
     *         (1205) is not: it comes after the transaction waited {@code innodb_lock_wait_timeout} (50 s by
     *         default) for a lock another transaction holds that long, and each repeat would wait as long again.
     */
    public boolean isRetryable(SQLException e) {
        for (SQLException cause : chain(e)) {
            String state = cause.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state)) {
                return true;
            }
            if (this == MARIADB && cause.getErrorCode() == 1213) {
                return true;
            }
            if (this == H2 && (cause.getErrorCode() == 40001 || cause.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }

    /** The exception with its next exceptions and causes: a failed batch reports the real error there. */
    private static List<SQLException> chain(SQLException e) {
        List<SQLException> chain = new ArrayList<>();
        for (SQLException next = e; next != null && chain.size() < 20; next = next.getNextException()) {
            for (Throwable cause = next; cause != null && chain.size() < 20; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && !chain.contains(sql)) {
                    chain.add(sql);
                }
            }
        }
        return chain;
    }
}
