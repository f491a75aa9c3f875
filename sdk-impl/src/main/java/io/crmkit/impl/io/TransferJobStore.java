package io.crmkit.impl.io;

import io.crmkit.impl.db.Database;
import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.TransferJob;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stored import and export jobs ({@code <prefix>transfer_job}) and the failed rows of imports
 * ({@code <prefix>import_failure}). An import's progress and failures are written in its chunk's transaction;
 * the rest in short transactions of their own, so that a host polling a job sees them at once. Thread-safe.
 */
final class TransferJobStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lease owner of a job handed over to the scheduler, until the scheduler's run takes it. */
    static final String SCHEDULED = "scheduled";
    /** The lease end of a job handed over to the scheduler: never, until the scheduler's run takes it. */
    private static final Instant SCHEDULED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");
    private static final String COLUMNS = "id, kind, file_name, actor_id, state, done, total, result, error,"
            + " created_at, updated_at, fingerprint, dry_run, lease_until, lease_owner";

    private final Database database;
    private final Clock clock;
    private final JobLeases leases;
    private final String jobs;
    private final String failures;

    TransferJobStore(String tablePrefix, Database database, Clock clock, JobLeases leases) {
        this.database = database;
        this.clock = clock;
        this.leases = leases;
        this.jobs = tablePrefix + "transfer_job";
        this.failures = tablePrefix + "import_failure";
    }

    /** A stored job with what only the SDK needs: the fingerprint of an import and whether it is a dry run. */
    record Row(TransferJob job, String fingerprint, boolean dryRun) {
    }

    /** An import's counts so far, as stored with each chunk. */
    record Counts(long rows, long created, long updated, long unchanged, long failed) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        ImportResult result(long jobId, boolean dryRun, List<ImportFailure> listed) {
            return new ImportResult(jobId, dryRun, rows, created, updated, unchanged, failed, listed);
        }
    }

    /** @return a lease for a new run of a job, to store with {@link #insert} or {@link #claim} */
    Lease newLease(String tenantId, long id) {
        return leases.newLease(jobs, tenantId, id);
    }

    /** Stores a new job QUEUED, held by the lease, and starts renewing it. */
    void insert(Lease lease, TransferJob.Kind kind, String actorId, String fileName, String fingerprint,
                boolean dryRun, long total) {
        Instant now = clock.instant();
        String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        // One unfinished import per file and request: a second insert of the same key fails on its unique index.
        String activeKey = kind == TransferJob.Kind.IMPORT && !dryRun ? fingerprint : null;
        execute("store a transfer job", "INSERT INTO " + jobs + " (tenant_id, id, kind, actor_id, file_name,"
                + " fingerprint, dry_run, state, total, done, result, created_at, updated_at, lease_owner, lease_until,"
                + " active_key) VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, ?, ?, ?, ?, ?, ?)", lease.tenantId(),
                lease.jobId(), kind.name(), actorId, name, fingerprint, dryRun, total,
                kind == TransferJob.Kind.IMPORT ? toJson(Counts.NONE) : null, now, now, lease.owner(),
                leases.until(), activeKey);
        leases.hold(lease);
    }

    /**
     * Takes over a stopped job (failed, cancelled, or held by a lease that ended) for a new run, QUEUED under the
     * lease; one conditional UPDATE, so that of two runs trying at once only one gets it.
     *
     * @return false when the job is held by a live lease or ended well
     */
    boolean claim(Lease lease) {
        Instant now = clock.instant();
        boolean claimed = execute("take over a transfer job", "UPDATE " + jobs + " SET state = 'QUEUED', error = NULL,"
                + " cancel_requested = FALSE, updated_at = ?, lease_owner = ?, lease_until = ? WHERE tenant_id = ? AND id = ? AND (state IN"
                + " ('FAILED', 'CANCELLED') OR " + JobLeases.LEASE_ENDED + ")", now, lease.owner(), leases.until(),
                        lease.tenantId(), lease.jobId(),
                now) == 1;
        if (claimed) {
            leases.hold(lease);
        }
        return claimed;
    }

    /** Moves a queued job held by the lease to RUNNING. @return false when the lease no longer holds it */
    boolean start(Lease lease) {
        return execute("start a transfer job", "UPDATE " + jobs + " SET state = 'RUNNING', updated_at = ?,"
                + " lease_until = ? WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state = 'QUEUED'",
                clock.instant(), leases.until(), lease.tenantId(), lease.jobId(), lease.owner()) == 1;
    }

    /**
     * Cancels a job whose lease ended (its process stopped) in one conditional UPDATE.
     *
     * @return false when a live lease holds it or it is not queued or running
     */
    boolean cancelAbandoned(String tenantId, long id) {
        Instant now = clock.instant();
        return execute("cancel an abandoned transfer job", "UPDATE " + jobs + " SET state = 'CANCELLED', error = ?,"
                + " updated_at = ? WHERE tenant_id = ? AND id = ? AND " + JobLeases.LEASE_ENDED, "cancelled after the process running it stopped;"
                + " run the same import again to continue after its last committed row", now, tenantId, id, now) == 1;
    }

    /**
     * Hands a queued job held by the lease over to the kit's scheduler: its settings are stored, and it stays QUEUED,
     * held until the scheduler's run takes it ({@link ScheduledImports}), so that running the same import meanwhile
     * is refused as for any queued job.
     *
     * @return false when the lease no longer holds the job
     */
    boolean handOver(Lease lease, String request) {
        return execute("hand an import over to the scheduler", "UPDATE " + jobs + " SET request = ?, lease_owner = '"
                + SCHEDULED + "', lease_until = ? WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state ="
                + " 'QUEUED'", request, SCHEDULED_UNTIL, lease.tenantId(), lease.jobId(), lease.owner()) == 1;
    }

    /** Asks the run holding a queued or running job, in any kit, to stop. @return false when it is neither */
    boolean requestCancel(String tenantId, long id) {
        return leases.requestCancel(jobs, tenantId, id);
    }

    /** Cancels a job waiting for the scheduler. @return false when it is not waiting for it */
    boolean cancelScheduled(String tenantId, long id) {
        return execute("cancel a scheduled import", "UPDATE " + jobs + " SET state = 'CANCELLED', error = ?,"
                + " lease_until = NULL WHERE tenant_id = ? AND id = ? AND lease_owner = '" + SCHEDULED + "' AND state"
                + " = 'QUEUED'", "cancelled before it started; run the same import again to start it", tenantId,
                id) == 1;
    }

    /** Records the number of rows a job has to process, once known. */
    void total(Lease lease, long total) {
        execute("record a transfer job's size", "UPDATE " + jobs + " SET total = ?, updated_at = ? WHERE tenant_id = ?"
                + " AND id = ? AND lease_owner = ?", total, clock.instant(), lease.tenantId(), lease.jobId(),
                lease.owner());
    }

    /**
     * Records progress in a transaction of its own, renewing the lease.
     *
     * @throws LeaseLostException when the lease no longer holds the job
     */
    void progress(Lease lease, long done) {
        database.write("record a transfer job's progress", session -> {
            leases.renewWith(session.getConnection(), lease, "done = ?, updated_at = ?",
                    List.of(done, clock.instant()));
            return null;
        });
    }

    /**
     * Records progress and counts inside the caller's transaction, so that they commit with the chunk, which commits
     * only while the lease holds the job.
     *
     * @throws LeaseLostException when the lease no longer holds the job
     */
    void progress(Connection connection, Lease lease, long done, Counts counts) {
        leases.renewWith(connection, lease, "done = ?, result = ?, updated_at = ?", Arrays.asList(done,
                counts == null ? null : toJson(counts), clock.instant()));
    }

    /** Records the end of a job held by the lease: DONE, FAILED or CANCELLED; no-op when the lease lost it. */
    void finish(Lease lease, TransferJob.State state, String error) {
        String message = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        // A job that ended well frees its import's key for a new run of the same file; one that failed or was
        // cancelled keeps it, since running that import again continues it.
        execute("finish a transfer job", "UPDATE " + jobs + " SET state = ?, error = ?, updated_at = ?, lease_until ="
                + " NULL, active_key = CASE WHEN ? THEN NULL ELSE active_key END WHERE tenant_id = ? AND id = ? AND"
                + " lease_owner = ? AND state IN " + JobLeases.HELD_STATES, state.name(), message,
                clock.instant(), state == TransferJob.State.DONE, lease.tenantId(), lease.jobId(), lease.owner());
    }

    /** Records that a job stopped on an error, with the error's message. */
    void fail(Lease lease, RuntimeException error) {
        finish(lease, TransferJob.State.FAILED, error.getMessage() == null ? error.toString() : error.getMessage());
    }

    /** Stores failed rows inside the caller's transaction, each cut to {@link FailureReport#STORED_CHARS}. */
    void addFailures(Connection connection, String tenantId, long jobId, List<ImportFailure> failed,
                     List<List<String>> cells) {
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + failures + " (tenant_id, job_id,"
                + " row_no, cells, reasons) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < failed.size(); i++) {
                IdStatements.bind(insert, 1, tenantId);
                insert.setLong(2, jobId);
                insert.setLong(3, failed.get(i).row());
                IdStatements.bind(insert, 4, toJson(FailureReport.stored(cells.get(i))));
                IdStatements.bind(insert, 5, toJson(FailureReport.stored(failed.get(i).reasons())));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** Streams an import's failed rows in row order: row number, original cells, reasons. */
    void failures(String tenantId, long jobId, int limit, Consumer<StoredFailure> each) {
        database.stream("read an import's failures", session -> {
            try (PreparedStatement statement = IdStatements.prepare(session.getConnection(), "SELECT row_no, cells,"
                    + " reasons FROM " + failures + " WHERE tenant_id = ? AND job_id = ? ORDER BY row_no"
                    + (limit > 0 ? " LIMIT " + limit : ""), List.of(tenantId, jobId))) {
                statement.setFetchSize(500);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        each.accept(new StoredFailure(result.getLong(1), fromJson(result.getString(2)),
                                fromJson(result.getString(3))));
                    }
                }
            } catch (SQLException e) {
                throw new IdStatements.StorageFailure(e);
            }
            return null;
        });
    }

    /** A failed row as stored. */
    record StoredFailure(long row, List<String> cells, List<String> reasons) {
    }

    Optional<Row> find(String tenantId, long id) {
        return query("read a transfer job", "SELECT " + COLUMNS + " FROM " + jobs + " WHERE tenant_id = ? AND id = ?",
                tenantId, id).stream().findFirst();
    }

    /** @return the latest import with this fingerprint that is not a dry run */
    Optional<Row> latestImport(String tenantId, String fingerprint) {
        return query("find an earlier import", "SELECT " + COLUMNS + " FROM " + jobs + " WHERE tenant_id = ? AND"
                + " fingerprint = ? AND kind = 'IMPORT' AND dry_run = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                tenantId, fingerprint, false).stream().findFirst();
    }

    /** @return the latest jobs of one kind, at most {@code limit}, newest first */
    List<Row> latest(String tenantId, TransferJob.Kind kind, int limit) {
        return query("list transfer jobs", "SELECT " + COLUMNS + " FROM " + jobs + " WHERE tenant_id = ? AND kind = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT " + limit, tenantId, kind.name());
    }

    List<Row> latest(String tenantId, int limit) {
        return query("list transfer jobs", "SELECT " + COLUMNS + " FROM " + jobs + " WHERE tenant_id = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT " + limit, tenantId);
    }

    /** @return the stored counts of an import */
    static Counts counts(Row row) {
        return row.job().imported().map(result -> new Counts(result.rows(), result.created(), result.updated(),
                result.unchanged(), result.failed())).orElse(Counts.NONE);
    }

    private int execute(String what, String sql, Object... values) {
        return database.write(what, session -> update(session.getConnection(), sql, values));
    }

    private static int update(Connection connection, String sql, Object... values) {
        return IdStatements.execute(connection, sql, Arrays.asList(values));
    }

    private List<Row> query(String what, String sql, Object... values) {
        Instant now = clock.instant();
        return database.read(what, session -> IdStatements.rows(session.getConnection(), sql,
                Arrays.asList(values), result -> row(result, now)));
    }

    private static Row row(ResultSet result, Instant now) throws SQLException {
        long id = result.getLong(1);
        TransferJob.State state = TransferJob.State.valueOf(result.getString(5));
        Instant updatedAt = IdStatements.instant(result, 11);
        String error = result.getString(9);
        Instant leaseUntil = IdStatements.instant(result, 14);
        // A job handed over to the scheduler is queued there until a kit's run takes it, whatever its lease says.
        boolean scheduled = state == TransferJob.State.QUEUED && SCHEDULED.equals(result.getString(15));
        if (!scheduled && JobLeases.ended(state == TransferJob.State.QUEUED || state == TransferJob.State.RUNNING,
                leaseUntil, now)) {
            state = TransferJob.State.INTERRUPTED;
            error = "the process running it stopped (its lease ended" + (leaseUntil == null ? "" : " at " + leaseUntil)
                    + "); run the same import again to continue after its last committed row, or cancel it";
        }
        boolean dryRun = result.getBoolean(13);
        Optional<ImportResult> imported = Optional.ofNullable(result.getString(8))
                .map(json -> countsFromJson(json).result(id, dryRun, List.of()));
        TransferJob job = new TransferJob(id, TransferJob.Kind.valueOf(result.getString(2)), result.getString(3),
                result.getString(4), state, result.getLong(6), result.getLong(7), imported, Optional.ofNullable(error),
                IdStatements.instant(result, 10), updatedAt);
        return new Row(job, result.getString(12), dryRun);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a transfer job's data could not be written as JSON", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import failure is not readable: " + e.getMessage(), e);
        }
    }

    private static Counts countsFromJson(String json) {
        try {
            return JSON.readValue(json, Counts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import result is not readable: " + e.getMessage(), e);
        }
    }
}
