package io.crmkit.impl.db;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} through pgjdbc's {@code CopyManager}. The one class of the SDK that names
 * a pgjdbc type: it is loaded only once {@link BulkRows} found pgjdbc on the class path (the driver is an optional
 * dependency of sdk-impl), so the SDK runs without it. Stateless.
 */
final class PgCopy {

    private PgCopy() {
    }

    /** @return whether the connection (or the pool's proxy of it) is a pgjdbc connection */
    static boolean wraps(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Runs {@code copy} (a {@code COPY table (columns) FROM STDIN} statement) with the data of {@code data}.
     *
     * @return the number of rows copied
     */
    static long copyIn(Connection connection, String copy, Reader data) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, data);
        } catch (IOException e) {
            throw new SQLException("COPY failed reading its own data: " + e.getMessage(), e);
        }
    }
}
