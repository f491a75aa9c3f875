package io.crmkit.impl.db;

import io.crmkit.api.error.ConfigurationException;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.SearchTimeoutException;
import io.crmkit.api.error.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's JDBC connections over the host's DataSource, and the one way to run work in a transaction:
 * {@link #write} commits or rolls back as a whole and runs the work again on a retryable database error
 * (serialization failure, deadlock), at most {@value #MAX_ATTEMPTS} times in all, counting the repeats
 * ({@link #retries()}); {@link #read} runs queries that write nothing.
 *
 * <p>Statements name tables with the kit's prefix ({@link Session#prefix()}), which was validated as an
 * identifier and never comes from a user at run time; their column lists come from the schema definition
 * ({@code io.crmkit.impl.db.schema}).
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * Most runs of one {@link #write}: the first and up to 7 repeats after retryable errors, which on a database
     * running SERIALIZABLE come whenever writers of the same rows overlap.
     */
    public static final int MAX_ATTEMPTS = 8;
    /** How long a search statement may run unless the kit says otherwise. */
    public static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String tablePrefix;
    private final boolean ownPool;
    private final boolean readAutoCommit;
    private final boolean keywordIndexes;
    private final Duration searchTimeout;
    private final LongAdder retries;
    /** Where each tenant's rows are, on a sharding DataSource whose shards the kit reaches directly; else null. */
    private final TenantShards tenantShards;
    /** The shards' own pools, in the order of {@link #tenantShards}. */
    private final List<Database> shards;

    private Database(DataSource dataSource, Dialect dialect, String tablePrefix, boolean ownPool,
                     boolean readAutoCommit, boolean keywordIndexes, Duration searchTimeout, LongAdder retries,
                     TenantShards tenantShards, List<Database> shards) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.ownPool = ownPool;
        this.readAutoCommit = readAutoCommit;
        this.keywordIndexes = keywordIndexes;
        this.searchTimeout = searchTimeout;
        this.retries = retries;
        this.tenantShards = tenantShards;
        this.shards = shards;
    }

    /**
     * @param dataSource  the host's (or the kit's own) pool
     * @param dialect     the detected dialect
     * @param tablePrefix the validated table prefix
     * @param ownPool     whether the kit owns the pool, whose connections start without autocommit: then work
     *                    leaves autocommit off when it ends instead of switching it on and off for every
     *                    transaction (a host's pool gets its connections back as lent)
     */
    public static Database open(DataSource dataSource, Dialect dialect, String tablePrefix, boolean ownPool) {
        return open(dataSource, dialect, tablePrefix, ownPool, false);
    }

    /**
     * Like {@link #open(DataSource, Dialect, String, boolean)}, on tables that may hold the keyword search's
     * indexes.
     *
     * @param dataSource     the host's (or the kit's own) pool
     * @param dialect        the detected dialect
     * @param tablePrefix    the validated table prefix
     * @param ownPool        whether the kit owns the pool (see {@link #open(DataSource, Dialect, String, boolean)})
     * @param keywordIndexes whether the tables hold the trigram indexes of the keyword search
     *                       ({@link KeywordIndexes#present}), which the keyword's SQL is then written for
     */
    public static Database open(DataSource dataSource, Dialect dialect, String tablePrefix, boolean ownPool,
                                boolean keywordIndexes) {
        return open(dataSource, dialect, tablePrefix, ownPool, keywordIndexes, DEFAULT_SEARCH_TIMEOUT);
    }

    /**
     * Like {@link #open(DataSource, Dialect, String, boolean, boolean)}, with the time a search statement may run.
     *
     * @param searchTimeout whole seconds, at least one: how long a search statement may run before the database
     *                      stops it ({@link IdStatements#prepareSearch}); the work then fails with a
     *                      {@link SearchTimeoutException}
     */
    public static Database open(DataSource dataSource, Dialect dialect, String tablePrefix, boolean ownPool,
                                boolean keywordIndexes, Duration searchTimeout) {
        return new Database(dataSource, dialect, tablePrefix, ownPool,
                !ownPool && lendsAutoCommitConnections(dataSource), keywordIndexes, searchTimeout, new LongAdder(),
                null, List.of());
    }

    /**
     * This database, a sharding DataSource, with each tenant's work sent straight to its shard's own pool
     * ({@link #forTenant}), found once per tenant through the sharding DataSource ({@link TenantShards}). Where the
     * dialect cannot tell the shards apart (H2, MariaDB), two pools answer alike, or the trial tenants of
     * {@link TenantShards#find} match no pool, this database as it is (logged).
     *
     * @param shardPools the shards' own pools (the host's: never closed by the kit)
     * @throws ConfigurationException on {@code shards} when a shard's own pool cannot be asked which database it is
     */
    public Database withTenantShards(List<DataSource> shardPools) {
        try {
            Optional<TenantShards> found = TenantShards.find(dataSource, shardPools, dialect, tablePrefix);
            if (found.isEmpty()) {
                return this;
            }
            List<Database> pools = new ArrayList<>();
            for (DataSource pool : shardPools) {
                pools.add(new Database(pool, dialect, tablePrefix, false, lendsAutoCommitConnections(pool),
                        keywordIndexes, searchTimeout, retries, null, List.of()));
            }
            return new Database(dataSource, dialect, tablePrefix, ownPool, readAutoCommit, keywordIndexes,
                    searchTimeout, retries, found.get(), List.copyOf(pools));
        } catch (SQLException | StorageException e) {
            throw new ConfigurationException("shards", null, "cannot ask the shards' pools which database they are: "
                    + describe(sqlCause(e)), e);
        }
    }

    /**
     * @return where a tenant's work runs: on a database {@link #withTenantShards with its shards}, the pool of the
     *         tenant's shard (the sharding DataSource when its shard cannot be found); otherwise this database. Either
     *         way every table and connection setting is this one's and retries are counted here.
     */
    public Database forTenant(String tenantId) {
        if (tenantShards == null) {
            return this;
        }
        int shard = tenantShards.shardOf(tenantId);
        return shard < 0 ? this : shards.get(shard);
    }

    /**
     * @return how many times a {@link #write} or a {@link #read} ran its work again after a retryable database
     *         error (a serialization failure or a deadlock: the transaction lost to a concurrent one and was rolled
     *         back), since this object was opened
     */
    public long retries() {
        return retries.sum();
    }

    /** @return whether the tables hold the trigram indexes of the keyword search (PostgreSQL with pg_trgm) */
    public boolean keywordIndexes() {
        return keywordIndexes;
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

    /**
     * @return the seconds a search statement may run; 0 (no limit) on H2, whose statement timeout is the whole
     *         session's: it would stay on the pooled connection for every later statement of any work
     */
    private int searchTimeoutSeconds() {
        return dialect == Dialect.H2 ? 0 : (int) searchTimeout.toSeconds();
    }

    /** @return the dialect of the database */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs work in one transaction and commits it; on a retryable error (a serialization failure, which
     * databases running SERIALIZABLE such as CockroachDB raise whenever transactions conflict, or a deadlock)
     * rolls back and runs it again after a short random pause, up to {@value #MAX_ATTEMPTS} attempts in all, so the
     * work must not keep state outside the transaction between attempts.
     *
     * @param what what the work does, for error messages ("create a customer")
     * @throws DuplicateKeyException when a unique constraint refused a write (after rollback)
     * @throws StorageException      on any other database failure (after rollback), and when the last attempt
     *                               also lost to a concurrent transaction: the message says so
     */
    public <T> T write(String what, Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            SQLException sql;
            RuntimeException failure;
            try {
                return inTransaction(work);
            } catch (StorageException e) {
                // Work that read through a helper of its own may have made the refusal a StorageException already.
                sql = retryableCause(e);
                failure = e;
            } catch (CrmException e) {
                throw e;
            } catch (IdStatements.StorageFailure e) {
                sql = e.sqlException();
                if (!dialect.isRetryable(sql)) {
                    throw dialect.isUniqueViolation(sql) ? new DuplicateKeyException(what, sql) : failureOf(what, e);
                }
                failure = e;
            }
            again(what, attempt, sql, failure);
        }
    }

    /**
     * @return the refusal behind a failure, when the database refused the work as conflicting
     * @throws StorageException the failure itself, when it has another cause
     */
    private SQLException retryableCause(StorageException failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null || !dialect.isRetryable(sql)) {
            throw failure;
        }
        return sql;
    }

    /**
     * Counts a retry and pauses before the next attempt of work the database refused as conflicting.
     *
     * @throws StorageException when that was the last attempt: the database refused it every time
     */
    private void again(String what, int attempt, SQLException sql, RuntimeException failure) {
        if (attempt == MAX_ATTEMPTS) {
            throw new StorageException("could not " + what + ": the database refused it " + MAX_ATTEMPTS
                    + " times as conflicting with concurrent work (" + describe(sql) + "); try again", failure);
        }
        LOG.debug("Retrying '{}' after a retryable database error (attempt {}): {}", what, attempt, sql.getMessage());
        retries.increment();
        backOff(attempt);
    }

    /** Runs work once in a transaction: commits when it returns, rolls back when it throws. */
    private <T> T inTransaction(Function<Session, T> work) {
        try (Lent lent = lend(false)) {
            try {
                T result = work.apply(new Session(lent.connection, tablePrefix, searchTimeoutSeconds()));
                lent.connection.commit();
                return result;
            } catch (SQLException e) {
                rollback(lent.connection, e);
                throw new IdStatements.StorageFailure(e);
            } catch (RuntimeException e) {
                rollback(lent.connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /**
     * Runs queries on one connection and writes nothing. On a host's pool whose connections autocommit, each
     * query runs on its own, seeing what was committed when it started (no transaction, so no COMMIT round
     * trip); otherwise they share a transaction that is rolled back. Either way work that reads related rows
     * with several queries must tolerate a write committed between them, as it would on READ COMMITTED
     * (see {@code CustomerStore.loadConsistent}). A read the database refuses as conflicting (SERIALIZABLE can refuse
     * even a reading transaction) runs again, as {@link #write} does, so the work must have no effect but its result.
     *
     * @throws StorageException on a database failure, and when the last attempt was refused too
     */
    public <T> T read(String what, Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read(what, readAutoCommit, work);
            } catch (StorageException e) {
                again(what, attempt, retryableCause(e), e);
            }
        }
    }

    /**
     * Runs queries that stream large results in one transaction, which is rolled back: PostgreSQL's driver
     * honours a statement's fetch size only inside a transaction and otherwise reads every row into memory.
     *
     * @throws StorageException on a database failure
     */
    public <T> T stream(String what, Function<Session, T> work) {
        return read(what, false, work);
    }

    private <T> T read(String what, boolean autoCommit, Function<Session, T> work) {
        try (Lent lent = lend(autoCommit)) {
            try {
                return work.apply(new Session(lent.connection, tablePrefix, searchTimeoutSeconds()));
            } finally {
                if (!autoCommit) {
                    lent.connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw failureOf(what, e);
        } catch (IdStatements.StorageFailure e) {
            throw failureOf(what, e);
        }
    }

    /**
     * @return {@link #failure}, or where the database stopped a search at the search timeout, the
     *         {@link SearchTimeoutException} that says so
     */
    private StorageException failureOf(String what, Throwable cause) {
        SQLException sql = sqlCause(cause);
        if (sql != null && searched(cause) && dialect.isTimeout(sql)) {
            return new SearchTimeoutException("could not " + what + ": a search ran longer than the search timeout"
                    + " of " + searchTimeout.toSeconds() + " s (or a limit the database sets) and the database"
                    + " stopped it; narrow the search (a longer keyword, fewer or more selective conditions), or raise"
                    + " CrmKit.builder().searchTimeout", searchTimeout, cause);
        }
        return failure(what, cause);
    }

    /** @return whether the failure is of a search statement ({@link IdStatements.SearchFailure}) */
    private static boolean searched(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IdStatements.SearchFailure) {
                return true;
            }
        }
        return false;
    }

    /**
     * Borrows a connection in the given autocommit mode; closing gives it back as it was lent (on the kit's own
     * pool, whose connections never autocommit, as it is).
     */
    private Lent lend(boolean autoCommit) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            boolean lentAutoCommit = connection.getAutoCommit();
            if (lentAutoCommit != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
            return new Lent(connection, lentAutoCommit != autoCommit && !ownPool, lentAutoCommit);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A borrowed connection and how to give it back. */
    private record Lent(Connection connection, boolean restoreAutoCommit, boolean lentAutoCommit)
            implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (connection) {
                if (restoreAutoCommit) {
                    connection.setAutoCommit(lentAutoCommit);
                }
            }
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
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

    /** Sleeps 5 to 20 ms, times 2, 4, 8, then 16 from the fifth attempt: at most about 1.3 s over all attempts. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) << Math.min(attempt - 1, 4));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while retrying a database transaction", interrupted);
        }
    }
}
