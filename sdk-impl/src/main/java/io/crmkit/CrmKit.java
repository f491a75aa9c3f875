package io.crmkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.TransferListener;
import io.crmkit.impl.activity.MetricsRefresher;
import io.crmkit.impl.activity.ScheduledMetrics;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.KeywordIndexes;
import io.crmkit.impl.bulk.JobThreads;
import io.crmkit.impl.job.JobFiles;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.io.ScheduledExports;
import io.crmkit.impl.io.ScheduledImports;
import io.crmkit.impl.bulk.ScheduledBulk;
import io.crmkit.impl.io.TransferEnds;
import io.crmkit.impl.io.TransferLimits;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.MicrosecondClock;
import io.crmkit.impl.db.Migrations;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The entry point of CRMKit: built once per application over its database, it hands out a {@link Crm}
 * per actor.
 *
 * <pre>{@code
 * CrmKit kit = CrmKit.builder()
 *         .dataSource(hostDataSource)        // or .jdbcUrl(url, user, password)
 *         .tablePrefix("crm_")
 *         .defaultPhoneRegion("VN")
 *         .build();
 * Crm crm = kit.as(Actor.of("tenant-a", "agent-7", Permission.ALL));
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes the connection pool when the kit created it from a JDBC URL; a
 * host's DataSource is left open.
 */
public final class CrmKit implements AutoCloseable {

    private final KitWiring wiring;
    private final HikariDataSource ownedPool;
    /** Where the migration history is: the kit's one database, or the first shard. */
    private final DataSource history;
    private final Dialect dialect;
    private final String tablePrefix;
    private final String schemaVersion;

    private final AddressDirectory addressDirectory;

    private CrmKit(KitWiring wiring, HikariDataSource ownedPool, DataSource history, Dialect dialect,
                   String tablePrefix, String schemaVersion, AddressDirectory addressDirectory) {
        this.history = history;
        this.schemaVersion = schemaVersion;
        this.addressDirectory = addressDirectory;
        this.wiring = wiring;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
    }

    /**
     * @return a builder with the defaults: prefix {@code crm_}, migrate on, system UTC clock, no phone region, the ISO
     *         3166 countries as address data
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param actor who acts, for which tenant, with which permissions
     * @return the customer module as that actor sees it; cheap, immutable, thread-safe
     */
    public Crm as(Actor actor) {
        return new ScopedCrm(ValidationException.requireNonNull(actor, "actor"), wiring);
    }

    /** @return the detected database: {@code h2}, {@code postgresql} or {@code mariadb} */
    public String databaseType() {
        return dialect.id();
    }

    /**
     * The address data every written address is checked against, for a UI to list the choices of each level with
     * {@link AddressDirectory#options}.
     *
     * @return the directory set with {@link Builder#addressDirectory}, or the default
     *         {@link AddressDirectories#isoCountries()}
     */
    public AddressDirectory addressDirectory() {
        return addressDirectory;
    }

    /**
     * How often the kit ran a transaction again because the database refused it as conflicting with a concurrent
     * one (a serialization failure, SQLState 40001, which databases running SERIALIZABLE such as CockroachDB and
     * YugabyteDB raise by design; or a deadlock). Each transaction runs at most 8 times; one that loses every time
     * ends in a {@link io.crmkit.api.error.StorageException} saying so. A count growing fast means hot rows: many
     * writers of one tenant's same customers at once.
     *
     * @return the repeats since the kit was built; never decreases
     */
    public long transactionRetries() {
        return wiring.database().retries();
    }

    /** @return the prefix of every table of the SDK */
    public String tablePrefix() {
        return tablePrefix;
    }

    /**
     * @return the version of the SDK's tables this kit was built for: the latest migration it knows for its
     *         database ("13"), which the tables were at when it was built
     */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Reads the version the SDK's tables are at now, from their migration history alone (one indexed query, no scan
     * of the migrations). It differs from {@link #schemaVersion()} when another process migrated them since (a
     * newer CRMKit: this kit may no longer fit them) or they were restored from an older backup. For health checks.
     *
     * @return the version ("13"), or "0" when the history holds none
     * @throws io.crmkit.api.error.StorageException when the history table cannot be read
     */
    public String appliedSchemaVersion() {
        try (java.sql.Connection connection = history.getConnection()) {
            String version = Migrations.appliedVersion(connection, dialect, tablePrefix);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return version;
        } catch (java.sql.SQLException e) {
            throw Database.failure("read the schema version from " + tablePrefix + "schema_history", e);
        }
    }

    /**
     * Stops picking up scheduled jobs (submitted imports, bulk operations, exports into the database and metric
     * recomputes), then stops the job threads (dry-run imports, exports to a host file, metric refreshes after
     * events), letting running jobs finish their current chunk (waiting up to 30 seconds each; a scheduled job stopped
     * in the middle is continued by another kit on the database, any other job by running it again), stops renewing
     * job leases (a job still queued here is interrupted once its lease ends and can be taken over by any kit), then
     * closes the connection pool the kit created from a JDBC URL; a host's DataSource stays open.
     */
    @Override
    public void close() {
        wiring.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /**
     * Configures a {@link CrmKit}. Each setter checks its argument at once and throws
     * {@link ConfigurationException} naming the setting and the bad value; {@link #build()} checks the
     * combination and the database.
     */
    public static final class Builder {

        private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,19})?");
        private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
        private static final int MAX_STAGES = 20;

        private DataSource dataSource;
        private String jdbcUrl;
        private String user;
        private String password;
        private int maxPoolSize = 10;
        private String tablePrefix = "crm_";
        private boolean migrate = true;
        private List<DataSource> shards = List.of();
        private boolean pinTenantsToShards = true;
        private Clock clock = Clock.systemUTC();
        private String defaultPhoneRegion;
        private AddressDirectory addressDirectory = AddressDirectories.isoCountries();
        private List<String> lifecycleStages = List.of("lead", "prospect", "customer", "churned");
        private Integer nodeId;
        private Duration fieldCacheExpiry = Duration.ofSeconds(30);
        private Duration trashRetention = Duration.ofDays(30);
        private Duration searchTimeout = Database.DEFAULT_SEARCH_TIMEOUT;
        private Duration mergeRetention = Duration.ofDays(30);
        private Duration jobFileRetention = Duration.ofDays(7);
        private int jobThreads = 2;
        private Duration jobLease = Duration.ofSeconds(10);
        private Duration jobLeaseRenewal = Duration.ofSeconds(3);
        private int importMaxRows = ImportService.MAX_ROWS;
        private long exportMaxRows = ExportService.MAX_ROWS;
        private boolean automaticEvents = true;
        private final List<TransferListener> transferListeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Uses the host's DataSource; the kit never closes it. Pass a pooled one: every operation borrows a
         * connection. Set this or {@link #jdbcUrl}, not both.
         *
         * @param dataSource the host's pool, reaching H2, PostgreSQL or MariaDB/MySQL
         * @return this builder
         * @throws ConfigurationException on {@code dataSource} when it is null
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = require(dataSource, "dataSource");
            return this;
        }

        /**
         * Names the databases behind a sharding {@link #dataSource} (such as ShardingSphere-JDBC's, sharding every
         * CRMKit table by {@code tenant_id}), in the sharding's order. The kit then migrates (or with
         * {@code migrate(false)} checks) the tables on each of them, reads their schema version and keyword indexes
         * on the first, and runs its job scheduler's table ({@code <prefix>scheduled_tasks}, which has no tenant)
         * on the first. A tenant's work (every service of {@link CrmKit#as}) runs on its shard's own pool, found
         * once per tenant by one statement the sharding DataSource routes (see {@link #pinTenantsToShards}); the
         * kit's own upkeep (job leases, field definitions, job files) goes through the sharding DataSource, which
         * routes each statement by its tenant. The kit never closes them. Default none: the DataSource is one
         * database. ShardingSphere reads the tables when its DataSource is created, so the tables must exist by then:
         * on a first start, and after an upgrade of CRMKit, build and close a kit on each shard's own pool first (it
         * migrates them), then create the sharding DataSource.
         *
         * @param shards the shards' own pools, the same kind of database as each other; one or more
         * @return this builder
         * @throws ConfigurationException on {@code shards} when the list or one of its entries is null, or it is
         *                                empty
         */
        public Builder shards(List<DataSource> shards) {
            require(shards, "shards");
            if (shards.isEmpty() || shards.stream().anyMatch(java.util.Objects::isNull)) {
                throw new ConfigurationException("shards", null, "must name one or more DataSources, none null");
            }
            this.shards = List.copyOf(shards);
            return this;
        }

        /**
         * Whether a tenant's work runs on its shard's own pool (default {@code true}) or every statement goes through
         * the sharding DataSource ({@code false}). ShardingSphere-JDBC parses, binds, routes and rewrites every
         * statement, about 110 us of CPU each on a 2-core machine, more than a whole statement on a nearby database;
         * a tenant's shard is found once instead, by a statement routed through the sharding DataSource whose answer
         * names the database it ran on, and remembered (up to 10,000 tenants). That requires every CRMKit table
         * sharded alike by {@code tenant_id} (the rules the SDK ships: one binding group) and no tenant moved between
         * shards while kits run (moving one means restarting them). Only on PostgreSQL shards, only when their pools
         * answer as different databases, and only when the sharding DataSource places at least one of 8 trial
         * tenants ({@code crmkit-shard-trial-0} ...) on one of the pools when the kit is built; otherwise, and for a
         * tenant placed on a database that is none of the pools, statements go through the sharding DataSource,
         * which is correct, only slower (logged). A tenant whose shard could not be asked for (a failed statement)
         * goes through it for 30 seconds, then is asked for again. Without {@link #shards} it does nothing.
         *
         * @param pin whether to run a tenant's work on its shard's own pool
         * @return this builder
         */
        public Builder pinTenantsToShards(boolean pin) {
            this.pinTenantsToShards = pin;
            return this;
        }

        /**
         * Lets the kit own a HikariCP pool on this URL; {@link CrmKit#close()} closes it.
         *
         * @param url      a JDBC URL of H2, PostgreSQL or MariaDB/MySQL
         * @param user     the user, or null when the URL carries it
         * @param password the password, or null when the URL carries it or there is none
         * @return this builder
         * @throws ConfigurationException on {@code jdbcUrl} when the URL is null or does not start with
         *                                {@code jdbc:} (shown without its user info and parameters)
         */
        public Builder jdbcUrl(String url, String user, String password) {
            if (url == null || !url.startsWith("jdbc:")) {
                throw new ConfigurationException("jdbcUrl", url == null ? null : withoutSecrets(url),
                        "must start with 'jdbc:'");
            }
            this.jdbcUrl = url;
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * @param maxPoolSize size of the pool the kit owns with {@link #jdbcUrl}; 2 to 200 (its migrations hold two
         *                    connections at once), default 10; ignored with a host {@link #dataSource}
         * @return this builder
         * @throws ConfigurationException on {@code maxPoolSize} when out of range
         */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 2 || maxPoolSize > 200) {
                throw new ConfigurationException("maxPoolSize", maxPoolSize, "must be between 2 and 200 (the kit's"
                        + " migrations hold two connections at once)");
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /**
         * @param tablePrefix put before every table name of the SDK, so that its tables live beside the host's:
         *                    0 to 20 characters of {@code a-z 0-9 _}, starting with a letter; default {@code crm_}
         * @return this builder
         * @throws ConfigurationException on {@code tablePrefix} when it is null or breaks the pattern
         */
        public Builder tablePrefix(String tablePrefix) {
            if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
                throw new ConfigurationException("tablePrefix", tablePrefix,
                        "must be 0 to 20 characters of a-z, 0-9 and _, starting with a letter");
            }
            this.tablePrefix = tablePrefix;
            return this;
        }

        /**
         * @param migrate true (default) to create and upgrade the SDK's tables at build; false to only check
         *                that they are up to date and fail otherwise
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * @param clock the source of every timestamp the SDK writes; default the system clock in UTC
         * @return this builder
         * @throws ConfigurationException on {@code clock} when it is null
         */
        public Builder clock(Clock clock) {
            this.clock = require(clock, "clock");
            return this;
        }

        /**
         * @param region ISO 3166 region, such as {@code VN} or {@code US}, for phone numbers typed without a
         *               country code, in any case; without one, such numbers are refused
         * @return this builder
         * @throws ConfigurationException on {@code defaultPhoneRegion} when it is null or not a region with phone
         *                                numbers
         */
        public Builder defaultPhoneRegion(String region) {
            String upper = require(region, "defaultPhoneRegion").toUpperCase(Locale.ROOT);
            if (!PhoneNormalizer.isKnownRegion(upper)) {
                throw new ConfigurationException("defaultPhoneRegion", region,
                        "must be a region with phone numbers, an ISO 3166 code such as VN, US or DE");
            }
            this.defaultPhoneRegion = upper;
            return this;
        }

        /**
         * @param directory the preset address data every written address is checked against: one of
         *                  {@link AddressDirectories} (such as a CSV file's), the host's own, or
         *                  {@link AddressDirectory#ANY} to accept every address (what kits before 004's address
         *                  data did); default {@link AddressDirectories#isoCountries()}, which refuses a country
         *                  that is not ISO 3166 and accepts any text below a country
         * @return this builder
         * @throws ConfigurationException on {@code addressDirectory} when it is null
         */
        public Builder addressDirectory(AddressDirectory directory) {
            this.addressDirectory = require(directory, "addressDirectory");
            return this;
        }

        /**
         * @param stages the lifecycle stages customers move through by hand, the first being the default:
         *               1 to 20 distinct keys of 1 to 32 characters of {@code a-z 0-9 _}, each starting with a
         *               letter; default lead, prospect, customer, churned
         * @return this builder
         * @throws ConfigurationException on {@code lifecycleStages} when the list is null, empty or longer than 20,
         *                                or a stage is null, breaks the pattern or is listed twice
         */
        public Builder lifecycleStages(List<String> stages) {
            require(stages, "lifecycleStages");
            if (stages.isEmpty() || stages.size() > MAX_STAGES) {
                throw new ConfigurationException("lifecycleStages", stages.size(),
                        "needs 1 to " + MAX_STAGES + " stages");
            }
            Set<String> seen = new HashSet<>();
            for (String stage : stages) {
                if (stage == null || !STAGE.matcher(stage).matches()) {
                    throw new ConfigurationException("lifecycleStages", stages, "stage '" + stage
                            + "' must be 1 to 32 characters of a-z, 0-9 and _, starting with a letter");
                }
                if (!seen.add(stage)) {
                    throw new ConfigurationException("lifecycleStages", stages, "stage '" + stage + "' is listed twice");
                }
            }
            this.lifecycleStages = List.copyOf(stages);
            return this;
        }

        /**
         * @param nodeId 0 to 1023, distinct for every kit that writes to the same database at the same time, so
         *               that their generated ids never collide; default random
         * @return this builder
         * @throws ConfigurationException on {@code nodeId} when out of range
         */
        public Builder nodeId(int nodeId) {
            if (nodeId < 0 || nodeId > IdGenerator.MAX_NODE) {
                throw new ConfigurationException("nodeId", nodeId, "must be between 0 and " + IdGenerator.MAX_NODE);
            }
            this.nodeId = nodeId;
            return this;
        }

        /**
         * How long one search statement may run on PostgreSQL and MariaDB (a page, a count, adding a filter's
         * customers to a group, the next customers of a bulk operation or an export) before the database stops it:
         * whole seconds from 1 s to 1 h, 30 s by default. Each statement of a tenant's filter or keyword then costs
         * the database no more than this (a page runs one or two and a count, a job one per chunk); a search
         * stopped fails with a {@link io.crmkit.api.error.SearchTimeoutException} (a job it belongs to fails with
         * its message). H2 searches run without it: H2's statement timeout is the whole session's.
         *
         * @param timeout how long a search statement may run
         * @return this builder
         * @throws ConfigurationException on {@code searchTimeout} when it is null, out of range or not whole seconds
         */
        public Builder searchTimeout(Duration timeout) {
            require(timeout, "searchTimeout");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0
                    || timeout.toNanosPart() != 0) {
                throw new ConfigurationException("searchTimeout", timeout, "must be whole seconds between 1 s and 1 h");
            }
            this.searchTimeout = timeout;
            return this;
        }

        /**
         * How long deleted customers stay in the trash before {@code trash().purgeExpired()} erases them: 1 to
         * 3650 days, 30 by default.
         *
         * @param retention how long a deleted customer can be restored
         * @return this builder
         * @throws ConfigurationException on {@code trashRetention} when it is null or out of range
         */
        public Builder trashRetention(Duration retention) {
            require(retention, "trashRetention");
            if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(Duration.ofDays(3650)) > 0) {
                throw new ConfigurationException("trashRetention", retention, "must be between 1 and 3650 days");
            }
            this.trashRetention = retention;
            return this;
        }

        /**
         * How long a merge can be undone, after which {@code merges().purgeExpired()} erases the merged customer's
         * data kept for it: 1 to 3650 days, 30 by default.
         *
         * @param retention how long a merge can be undone
         * @return this builder
         * @throws ConfigurationException on {@code mergeRetention} when it is null or out of range
         */
        public Builder mergeRetention(Duration retention) {
            require(retention, "mergeRetention");
            if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(Duration.ofDays(3650)) > 0) {
                throw new ConfigurationException("mergeRetention", retention, "must be between 1 and 3650 days");
            }
            this.mergeRetention = retention;
            return this;
        }

        /**
         * Whether the SDK records its automatic timeline events ({@link io.crmkit.api.activity.EventTypes}: created,
         * fields changed, stage changed, tags, merges, tasks, orders...) in the same transaction as each change;
         * on by default. Off, the timeline holds only what the host records, and changes cost one insert less.
         *
         * @param on whether to record them
         * @return this builder
         */
        public Builder automaticEvents(boolean on) {
            this.automaticEvents = on;
            return this;
        }

        /**
         * How long the files of jobs kept in the database (the output of an export submitted without a host path,
         * see {@code ExportService.submit(ExportRequest)}) stay there: 1 hour to 3650 days, 7 days by default. Older
         * files are deleted when a kit starts and whenever an export into the database starts.
         *
         * @param retention how long a job's file is kept
         * @return this builder
         * @throws ConfigurationException on {@code jobFileRetention} when it is null or out of range
         */
        public Builder jobFileRetention(Duration retention) {
            require(retention, "jobFileRetention");
            if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(3650)) > 0) {
                throw new ConfigurationException("jobFileRetention", retention, "must be between 1 hour and 3650"
                        + " days");
            }
            this.jobFileRetention = retention;
            return this;
        }

        /**
         * Most data rows of an imported file: 1 to {@value ImportService#MAX_ROWS} (the default). A larger file is
         * refused with a {@code LimitExceededException} before any row is written.
         *
         * @param rows the most data rows per imported file
         * @return this builder
         * @throws ConfigurationException on {@code importMaxRows} when out of range
         */
        public Builder importMaxRows(int rows) {
            if (rows < 1 || rows > ImportService.MAX_ROWS) {
                throw new ConfigurationException("importMaxRows", rows, "must be between 1 and " + ImportService.MAX_ROWS);
            }
            this.importMaxRows = rows;
            return this;
        }

        /**
         * Most customers of one export: 1 to {@value ExportService#MAX_ROWS} (the default). An export that would
         * write more is refused with a {@code LimitExceededException} before anything is written.
         *
         * @param rows the most customers per export
         * @return this builder
         * @throws ConfigurationException on {@code exportMaxRows} when out of range
         */
        public Builder exportMaxRows(long rows) {
            if (rows < 1 || rows > ExportService.MAX_ROWS) {
                throw new ConfigurationException("exportMaxRows", rows, "must be between 1 and " + ExportService.MAX_ROWS);
            }
            this.exportMaxRows = rows;
            return this;
        }

        /**
         * Adds a listener told when each import or export submitted as a job has ended (for metrics or
         * notifications); listeners are told in the order they were added.
         *
         * @param listener told of each ended import or export job
         * @return this builder
         * @throws ConfigurationException on {@code transferListener} when it is null
         */
        public Builder addTransferListener(TransferListener listener) {
            transferListeners.add(require(listener, "transferListener"));
            return this;
        }

        /**
         * Threads running submitted jobs: 1 to 64, 2 by default. As many run the scheduled jobs this kit picks up from
         * the database's scheduler (submitted imports, bulk operations, exports into the database and metric
         * recomputes), and as many again the jobs that run only here (dry-run imports, exports to a host file, metric
         * refreshes after events).
         *
         * @param threads the kit's job threads
         * @return this builder
         * @throws ConfigurationException on {@code jobThreads} when out of range
         */
        public Builder jobThreads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new ConfigurationException("jobThreads", threads, "must be between 1 and 64");
            }
            this.jobThreads = threads;
            return this;
        }

        /**
         * How long a queued or running job stays held by its run without a renewal, and how often this kit renews the
         * leases of its runs (a heartbeat). A job whose lease ended (its process died, or lost the database for longer
         * than the lease) shows as {@code INTERRUPTED} and any kit may take it over by running the same import or
         * operation again, or cancel it. Kits sharing a database need clocks in step well within the lease. The
         * scheduler of submitted imports beats its heartbeat and looks for due jobs every {@code renewEvery}, and takes
         * a kit whose heartbeats stopped for longer than the lease (plus two beats) for dead: another kit then continues
         * its import.
         *
         * @param lease      1 second to 1 hour, 10 seconds by default
         * @param renewEvery 100 ms to half the lease, 3 seconds by default
         * @return this builder
         * @throws ConfigurationException on {@code jobLease} when either is null or the lease is out of range, on
         *                                {@code jobLease.renewEvery} when the renewal is out of range
         */
        public Builder jobLease(Duration lease, Duration renewEvery) {
            if (lease == null || renewEvery == null) {
                throw new ConfigurationException("jobLease", null, "must not be null");
            }
            if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigurationException("jobLease", lease, "must be between 1 second and 1 hour");
            }
            if (renewEvery.compareTo(Duration.ofMillis(100)) < 0 || renewEvery.compareTo(lease.dividedBy(2)) > 0) {
                throw new ConfigurationException("jobLease.renewEvery", renewEvery, "must be between 100 ms and"
                        + " half the lease (" + lease.dividedBy(2) + ")");
            }
            this.jobLease = lease;
            this.jobLeaseRenewal = renewEvery;
            return this;
        }

        /**
         * @param expiry how long custom field definitions are cached before other processes' changes are seen:
         *               1 second to 1 hour, default 30 seconds
         * @return this builder
         * @throws ConfigurationException on {@code fieldCacheExpiry} when it is null or out of range
         */
        public Builder fieldCacheExpiry(Duration expiry) {
            require(expiry, "fieldCacheExpiry");
            if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigurationException("fieldCacheExpiry", expiry, "must be between 1 second and 1 hour");
            }
            this.fieldCacheExpiry = expiry;
            return this;
        }

        /**
         * Connects, detects the database, migrates (or checks) the SDK's tables and returns the kit.
         *
         * @return the kit, ready to use; close it when the application stops
         * @throws ConfigurationException when neither or both of dataSource and jdbcUrl are set, the database
         *                                cannot be reached or is not supported, or its tables are not up to date
         */
        public CrmKit build() {
            if ((dataSource == null) == (jdbcUrl == null)) {
                throw new ConfigurationException("dataSource", null, "set exactly one of dataSource(...) and jdbcUrl(...), "
                        + (dataSource == null ? "got neither" : "got both"));
            }
            Clock micros = new MicrosecondClock(clock);
            HikariDataSource pool = jdbcUrl == null ? null : openPool();
            try {
                DataSource source = pool != null ? pool : dataSource;
                Dialect dialect = Dialect.detect(source);
                List<DataSource> databases = shards.isEmpty() ? List.of(source) : shards;
                for (DataSource each : databases) {
                    if (each != source && Dialect.detect(each) != dialect) {
                        throw new ConfigurationException("shards", null, "every shard must be the same kind of"
                                + " database as the dataSource (" + dialect.id() + ")");
                    }
                    Migrations migrations = new Migrations(each, dialect, tablePrefix);
                    if (migrate) {
                        migrations.migrate();
                    } else {
                        migrations.requireUpToDate();
                    }
                }
                DataSource first = databases.get(0);
                String schemaVersion = new Migrations(first, dialect, tablePrefix).appliedVersion();
                Database database = Database.open(source, dialect, tablePrefix, pool != null,
                        KeywordIndexes.present(first, dialect, tablePrefix), searchTimeout);
                if (!shards.isEmpty() && pinTenantsToShards) {
                    database = database.withTenantShards(shards);
                }
                IdGenerator ids = new IdGenerator(micros,
                        nodeId != null ? nodeId : ThreadLocalRandom.current().nextInt(IdGenerator.MAX_NODE + 1));
                PhoneNormalizer phones = new PhoneNormalizer(defaultPhoneRegion);
                IdStatements idSql = IdStatements.of(dialect);
                ExecutorService jobs = JobThreads.open(jobThreads);
                JobScheduler scheduler = new JobScheduler(first, tablePrefix, jobThreads, jobLease, jobLeaseRenewal);
                GrowingTables growing = new GrowingTables(database);
                JobLeases leases = new JobLeases(database, micros, tablePrefix, jobLease, jobLeaseRenewal);
                JobFiles jobFiles = new JobFiles(database, micros, tablePrefix, jobFileRetention);
                TransferEnds transferEnds = new TransferEnds(transferListeners);
                KitWiring wiring = new KitWiring(new KitWiring.Settings(tablePrefix, addressDirectory, lifecycleStages,
                        trashRetention, mergeRetention, new TransferLimits(importMaxRows, exportMaxRows), transferEnds,
                        automaticEvents),
                        database, ids, micros, phones, new FieldCatalog(database, fieldCacheExpiry), idSql, jobs,
                                growing,
                        new MetricsRefresher(tablePrefix, idSql, database, jobs, growing, micros),
                        leases, jobFiles, scheduler);
                jobFiles.deleteExpired();
                CrmKit kit = new CrmKit(wiring, pool, first, dialect, tablePrefix, schemaVersion, addressDirectory);
                JobStore jobStore = new JobStore(tablePrefix, database, micros, leases);
                scheduler.start(new ScheduledImports(jobStore, jobFiles, transferEnds, kit::as)::run,
                        new ScheduledBulk(actor -> wiring.bulk(actor, wiring.filters(actor,
                                () -> wiring.activities(actor).timeline().types())))::run,
                        new ScheduledExports(jobStore, kit::as)::run,
                        new ScheduledMetrics(jobStore, kit::as)::run);
                return kit;
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }

        private HikariDataSource openPool() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maxPoolSize);
            config.setPoolName("crmkit");
            // Every statement of the SDK runs in a transaction: connections that start without autocommit
            // spare a round trip on and off per transaction (MariaDB sends both to the server).
            config.setAutoCommit(false);
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new ConfigurationException("jdbcUrl", null, "cannot open a connection pool on '"
                        + withoutSecrets(jdbcUrl) + "': " + rootMessage(e), e);
            }
        }

        /**
         * The URL for messages: its parameters (which may hold a password), after the first '?' or ';', replaced by
         * "...", and a user's password before an '@' too.
         */
        private static String withoutSecrets(String url) {
            int parameters = url.length();
            for (char separator : new char[] {'?', ';'}) {
                int at = url.indexOf(separator);
                if (at >= 0 && at < parameters) {
                    parameters = at;
                }
            }
            String base = url.substring(0, parameters).replaceAll("//[^/@]*@", "//...@");
            return parameters == url.length() ? base : base + url.charAt(parameters) + "...";
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }

        private static <T> T require(T value, String setting) {
            if (value == null) {
                throw new ConfigurationException(setting, null, "must not be null");
            }
            return value;
        }
    }
}
