package io.crmkit.impl.db;

import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.parsing.PropertyParser;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's MyBatis sessions over the host's DataSource, and the one way to run work in a transaction:
 * {@link #write} commits or rolls back as a whole and runs the work again on a retryable database error
 * (serialization failure, deadlock); {@link #read} runs queries that write nothing.
 *
 * <p>Mapper XML refers to tables as {@code ${prefix}customer}; the prefix is substituted when the mappers
 * are loaded, since it was validated as an identifier and never comes from a user at run time.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 4;

    private final SqlSessionFactory sessions;
    private final Dialect dialect;
    private final boolean readAutoCommit;

    private Database(SqlSessionFactory sessions, Dialect dialect, boolean readAutoCommit) {
        this.sessions = sessions;
        this.dialect = dialect;
        this.readAutoCommit = readAutoCommit;
    }

    /**
     * @param dataSource      the host's (or the kit's own) pool
     * @param dialect         the detected dialect
     * @param tablePrefix     the validated table prefix
     * @param mapperResources class-path locations of the mapper XML files
     * @param ownPool         whether the kit owns the pool, whose connections start without autocommit: then
     *                        sessions leave autocommit off when they close instead of switching it on and
     *                        off for every transaction (a host's pool gets its connections back as lent)
     */
    public static Database open(DataSource dataSource, Dialect dialect, String tablePrefix,
                                List<String> mapperResources, boolean ownPool) {
        JdbcTransactionFactory transactions = new JdbcTransactionFactory();
        Properties transactionSettings = new Properties();
        transactionSettings.setProperty("skipSetAutoCommitOnClose", String.valueOf(ownPool));
        transactions.setProperties(transactionSettings);
        Configuration configuration = new Configuration(new Environment("crmkit", transactions, dataSource));
        configuration.setDatabaseId(dialect.id());
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setDefaultExecutorType(ExecutorType.REUSE);
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
        Properties variables = new Properties();
        variables.setProperty("prefix", tablePrefix);
        for (String resource : mapperResources) {
            String xml = PropertyParser.parse(readResource(resource), variables);
            InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
            new XMLMapperBuilder(in, configuration, resource, configuration.getSqlFragments()).parse();
        }
        return new Database(new SqlSessionFactoryBuilder().build(configuration), dialect,
                !ownPool && lendsAutoCommitConnections(dataSource));
    }

    /**
     * Whether the host's pool lends connections in autocommit mode, in which reads run as they come: wrapping
     * them in a transaction would switch autocommit off and on again, a COMMIT round trip per read.
     */
    private static boolean lendsAutoCommitConnections(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw failure("open a connection of the DataSource", e);
        }
    }

    /**
     * Refreshes the planner's statistics of the tables where the database needs it (PostgreSQL). A bulk load into
     * a new tenant otherwise leaves PostgreSQL planning look-ups by a key's last column as scans of the tenant's
     * rows until autovacuum comes by (a minute or more, or never where it is off). A refusal (the pool's user does
     * not own the tables) is logged and ignored: it makes the work slower, not wrong.
     */
    public void analyze(List<String> tables) {
        dialect.analyze(tables).ifPresent(sql -> {
            try {
                write("refresh table statistics", session -> {
                    try (java.sql.Statement statement = session.getConnection().createStatement()) {
                        statement.execute(sql);
                    } catch (java.sql.SQLException e) {
                        throw new IdStatements.StorageFailure(e);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("could not refresh the statistics of {}: {}; look-ups may be slow until autovacuum does it",
                        tables, e.getMessage());
            }
        });
    }

    /** @return the dialect of the database */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs work in one transaction and commits it; on a retryable error runs it again (up to 4 attempts),
     * so the work must not keep state outside the transaction between attempts.
     *
     * @param what what the work does, for error messages ("create a customer")
     * @throws DuplicateKeyException when a unique constraint refused a write (after rollback)
     * @throws StorageException      on any other database failure (after rollback)
     */
    public <T> T write(String what, Function<SqlSession, T> work) {
        return write(what, ExecutorType.REUSE, work);
    }

    /**
     * Like {@link #write(String, Function)}, on a session of the given executor. With
     * {@link ExecutorType#BATCH} statements run as JDBC batches when the transaction commits: consecutive
     * executions of one statement cost one round trip and no SQL is built per call, but update counts are
     * not known to the work, so use it for inserts whose failure the commit reports.
     */
    public <T> T write(String what, ExecutorType executor, Function<SqlSession, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (SqlSession session = sessions.openSession(executor, false)) {
                try {
                    T result = work.apply(session);
                    session.commit(true);
                    return result;
                } catch (RuntimeException e) {
                    // Forced: MyBatis skips the rollback when only plain JDBC wrote, and closing the session would
                    // then switch autocommit back on, which commits what the failed work wrote.
                    rollback(session, e);
                    throw e;
                }
            } catch (CrmException e) {
                throw e;
            } catch (PersistenceException | IdStatements.StorageFailure e) {
                SQLException sql = sqlCause(e);
                if (sql != null && dialect.isRetryable(sql) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("Retrying '{}' after a retryable database error (attempt {}): {}", what, attempt,
                            sql.getMessage());
                    backOff(attempt);
                    continue;
                }
                if (sql != null && dialect.isUniqueViolation(sql)) {
                    throw new DuplicateKeyException(what, sql);
                }
                throw failure(what, e);
            }
        }
    }

    /**
     * Runs queries on one connection and writes nothing. On a host's pool whose connections autocommit, each
     * query runs on its own, seeing what was committed when it started (no transaction, so no COMMIT round
     * trip); otherwise they share a transaction that is rolled back. Either way work that reads related rows
     * with several queries must tolerate a write committed between them, as it would on READ COMMITTED
     * (see {@code CustomerStore.loadConsistent}).
     *
     * @throws StorageException on a database failure
     */
    public <T> T read(String what, Function<SqlSession, T> work) {
        return read(what, readAutoCommit, work);
    }

    /**
     * Runs queries that stream large results in one transaction, which is rolled back: PostgreSQL's driver
     * honours a statement's fetch size only inside a transaction and otherwise reads every row into memory.
     *
     * @throws StorageException on a database failure
     */
    public <T> T stream(String what, Function<SqlSession, T> work) {
        return read(what, false, work);
    }

    private <T> T read(String what, boolean autoCommit, Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(autoCommit)) {
            return work.apply(session);
        } catch (PersistenceException | IdStatements.StorageFailure e) {
            throw failure(what, e);
        }
    }

    private static void rollback(SqlSession session, RuntimeException failure) {
        try {
            session.rollback(true);
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * @param what  what the SDK was doing ("read customers")
     * @param cause the failure, kept as the cause for the host's logs
     * @return the exception a host sees: what failed and the SQLState, never the driver's message, which may hold
     *         the statement's text or the values it carried
     */
    public static StorageException failure(String what, Throwable cause) {
        return new StorageException("could not " + what + ": " + describe(sqlCause(cause)), cause);
    }

    /** @return the SQLState and vendor code of a database failure, or a sentence for a failure without them */
    static String describe(SQLException sql) {
        if (sql == null) {
            return "the database access failed; the cause holds the details";
        }
        return "the database failed with SQLState " + sql.getSQLState() + " (vendor code " + sql.getErrorCode()
                + "); the cause holds the driver's message";
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while retrying a database transaction", interrupted);
        }
    }

    private static String readResource(String resource) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mapper " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
