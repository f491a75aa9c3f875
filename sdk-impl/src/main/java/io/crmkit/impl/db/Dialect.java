package io.crmkit.impl.db;

import io.crmkit.api.error.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The one place where the supported databases differ: detection, migration folder, and the meaning of
 * error codes. Statements themselves are portable SQL.
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
     *         deadlock (SQLState 40001 / 40P01, MariaDB 1213 and 1205 lock wait timeout)
     */
    public boolean isRetryable(SQLException e) {
        for (SQLException cause : chain(e)) {
            String state = cause.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state)) {
                return true;
            }
            if (this == MARIADB && (cause.getErrorCode() == 1213 || cause.getErrorCode() == 1205)) {
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
