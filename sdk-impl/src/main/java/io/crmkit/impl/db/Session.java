package io.crmkit.impl.db;

import java.sql.Connection;

/**
 * One unit of work of {@link Database}: a plain JDBC connection, in the transaction the database opened for the
 * work, and the validated table prefix its statements name tables with. Valid only while the work runs; not
 * thread-safe.
 */
public final class Session {

    private final Connection connection;
    private final String prefix;
    private final int searchTimeoutSeconds;

    Session(Connection connection, String prefix, int searchTimeoutSeconds) {
        this.connection = connection;
        this.prefix = prefix;
        this.searchTimeoutSeconds = searchTimeoutSeconds;
    }

    /**
     * @return the seconds a search statement may run before the database stops it ({@link IdStatements#prepareSearch});
     *         0 for no limit
     */
    public int searchTimeoutSeconds() {
        return searchTimeoutSeconds;
    }

    /** @return the connection of the work's transaction; the database commits, rolls back and closes it */
    public Connection getConnection() {
        return connection;
    }

    /** @return the kit's validated table prefix */
    public String prefix() {
        return prefix;
    }
}
