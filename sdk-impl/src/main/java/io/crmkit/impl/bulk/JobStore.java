package io.crmkit.impl.bulk;

import io.crmkit.impl.db.Database;
import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stored state of bulk jobs in {@code <prefix>bulk_job}, each change in its own short transaction so that a
 * host polling the job sees it at once. A queued or running job is held by its run's {@link Lease}; the run writes
 * to it only while it holds it. Thread-safe.
 */
final class JobStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, operation, actor_id, state, done, total, result, error, created_at,"
            + " updated_at, selection, token, lease_until, lease_owner";

    /** The lease owner of a job handed over to the scheduler, until a scheduled run takes it. */
    static final String SCHEDULED = "scheduled";
    private static final Instant SCHEDULED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    private final Database database;
    private final Clock clock;
    private final JobLeases leases;
    private final String table;

    JobStore(String tablePrefix, Database database, Clock clock, JobLeases leases) {
        this.database = database;
        this.clock = clock;
        this.leases = leases;
        this.table = tablePrefix + "bulk_job";
    }

    /** A stored job with what only the SDK needs: the selection's fingerprint and the confirmation token. */
    record Row(BulkJob job, String selection, String token) {
    }

    void insert(String tenantId, long id, String actorId, String operation, String selection, BulkJob.State state,
                String token, long total) {
        Instant now = clock.instant();
        execute("store a bulk job", "INSERT INTO " + table + " (tenant_id, id, actor_id, operation, selection, state,"
                + " token, total, done, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                tenantId, id, actorId, operation, selection, state.name(), token, total, now, now);
    }

    /** @return a lease for a new run of a job, to store with {@link #insertQueued}, {@link #start} or {@link #claim} */
    Lease newLease(String tenantId, long id) {
        return leases.newLease(table, tenantId, id);
    }

    /** Stores a new job QUEUED under the lease, and starts renewing it. */
    void insertQueued(Lease lease, String actorId, String operation, String selection, String runKey, long total) {
        Instant now = clock.instant();
        // One unfinished job per operation and selection: a second insert of the same key fails on its unique index.
        execute("store a bulk job", "INSERT INTO " + table + " (tenant_id, id, actor_id, operation, selection, state,"
                + " run_key, total, done, created_at, updated_at, lease_owner, lease_until, active_key) VALUES (?, ?,"
                + " ?, ?, ?, 'QUEUED', ?, ?, 0, ?, ?, ?, ?, ?)", lease.tenantId(), lease.jobId(), actorId, operation,
                selection, runKey, total, now, now, lease.owner(), leases.until(), runKey);
        leases.hold(lease);
    }

    /** Moves a pending job to QUEUED under the lease; @return false when it was not pending (used or cancelled) */
    boolean start(Lease lease, long total) {
        return take(lease, total, "state = 'PENDING'");
    }

    /**
     * Takes over a failed or cancelled job, or one whose lease ended, for a new run QUEUED under the lease; one
     * conditional UPDATE, so that of two runs trying at once only one gets it.
     *
     * @return false when a live lease holds the job or it ended well
     */
    boolean claim(Lease lease, long total) {
        return take(lease, total, "(state IN ('FAILED', 'CANCELLED') OR " + JobLeases.LEASE_ENDED + ")",
                clock.instant());
    }

    /**
     * Takes over a queued or running job whose lease ended (its process stopped, or it was released for the scheduled
     * run that takes it, see {@link #releaseScheduled}), for a new run QUEUED under the lease; unlike {@link #claim}
     * never a job that ended, so that a cancelled or failed job stays so. One conditional UPDATE.
     *
     * @return false when a live lease holds the job or it is not queued or running
     */
    boolean takeOver(Lease lease, long total) {
        return take(lease, total, JobLeases.LEASE_ENDED, clock.instant());
    }

    private boolean take(Lease lease, long total, String condition, Object... values) {
        List<Object> all = new ArrayList<>(List.of(total, clock.instant(), lease.owner(), leases.until(),
                lease.tenantId(), lease.jobId()));
        all.addAll(List.of(values));
        boolean taken = execute("queue a bulk job", "UPDATE " + table + " SET state = 'QUEUED', total = ?, done = 0,"
                + " error = NULL, cancel_requested = FALSE, updated_at = ?, lease_owner = ?, lease_until = ? WHERE tenant_id = ? AND id = ? AND "
                + condition, all.toArray()) == 1;
        if (taken) {
            leases.hold(lease);
        }
        return taken;
    }

    /** Moves a queued job held by the lease to RUNNING. @return false when the lease no longer holds it */
    boolean begin(Lease lease) {
        return execute("start a bulk job", "UPDATE " + table + " SET state = 'RUNNING', updated_at = ?, lease_until = ?"
                + " WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state = 'QUEUED'", clock.instant(),
                leases.until(), lease.tenantId(), lease.jobId(), lease.owner()) == 1;
    }

    /**
     * Records progress inside the caller's transaction, so that it commits with the chunk it counts, and only while
     * the lease holds the job.
     *
     * @throws LeaseLostException when it no longer does (the caller's transaction rolls back)
     */
    void progress(Connection connection, Lease lease, long done) {
        leases.renewWith(connection, lease, "done = ?, updated_at = ?", List.of(done, clock.instant()));
    }

    /** Records the end of a job the lease holds; a no-op when it no longer does. */
    void finish(Lease lease, BulkResult result) {
        execute("finish a bulk job", "UPDATE " + table + " SET state = 'DONE', done = ?, result = ?, updated_at = ?,"
                + " lease_until = NULL, active_key = NULL WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state IN "
                + JobLeases.HELD_STATES, result.total(), toJson(result), clock.instant(), lease.tenantId(),
                lease.jobId(), lease.owner());
    }

    /**
     * Records that a job the lease holds stopped on a cancel, with what it did; a no-op when it no longer holds it.
     * The job keeps its run key active, so that running the same operation again continues it.
     */
    void cancel(Lease lease, BulkResult done, String message) {
        execute("record a cancelled bulk job", "UPDATE " + table + " SET state = 'CANCELLED', done = ?, result = ?,"
                + " error = ?, updated_at = ?, lease_until = NULL WHERE tenant_id = ? AND id = ? AND lease_owner = ?"
                + " AND state IN " + JobLeases.HELD_STATES, done.changed() + done.unchanged() + done.skipped()
                + done.failed(), toJson(done), message, clock.instant(), lease.tenantId(), lease.jobId(),
                lease.owner());
    }

    /**
     * Cancels a job whose lease ended (its process stopped) in one conditional UPDATE.
     *
     * @return false when a live lease holds it or it is not queued or running
     */
    boolean cancelAbandoned(String tenantId, long id) {
        Instant now = clock.instant();
        return execute("cancel an abandoned bulk job", "UPDATE " + table + " SET state = 'CANCELLED', error = ?,"
                + " updated_at = ? WHERE tenant_id = ? AND id = ? AND " + JobLeases.LEASE_ENDED, "cancelled after the"
                + " process running it stopped; run the same operation on the same selection again to finish it", now,
                tenantId, id, now) == 1;
    }

    /**
     * Hands a queued job held by the lease over to the kit's scheduler: its request is stored, and it stays QUEUED,
     * held until a scheduled run takes it ({@link ScheduledBulk}), so that running the same operation meanwhile is
     * refused as for any queued job.
     *
     * @return false when the lease no longer holds the job
     */
    boolean handOver(Lease lease, String request) {
        return execute("hand a bulk job over to the scheduler", "UPDATE " + table + " SET request = ?, lease_owner = ?,"
                + " lease_until = ? WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state = 'QUEUED'", request,
                SCHEDULED, SCHEDULED_UNTIL, lease.tenantId(), lease.jobId(), lease.owner()) == 1;
    }

    /** Asks the run holding a queued or running job, in any kit, to stop. @return false when it is neither */
    boolean requestCancel(String tenantId, long id) {
        return leases.requestCancel(table, tenantId, id);
    }

    /** Frees a job waiting for the scheduler for the scheduled run that takes it over; a no-op otherwise. */
    void releaseScheduled(String tenantId, long id) {
        execute("take a bulk job from the scheduler", "UPDATE " + table + " SET lease_until = NULL WHERE tenant_id = ?"
                + " AND id = ? AND lease_owner = ? AND state = 'QUEUED'", tenantId, id, SCHEDULED);
    }

    /** Cancels a job waiting for the scheduler. @return false when it is not waiting for it */
    boolean cancelScheduled(String tenantId, long id) {
        return execute("cancel a scheduled bulk job", "UPDATE " + table + " SET state = 'CANCELLED', error = ?,"
                + " updated_at = ?, lease_until = NULL WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state ="
                + " 'QUEUED'", "cancelled before it started; run the same operation on the same selection again to"
                + " start it", clock.instant(), tenantId, id, SCHEDULED) == 1;
    }

    /**
     * A submitted job's stored request and state.
     *
     * @param request the request's JSON, or null when the job was not handed over to the scheduler
     */
    record Stored(String request, BulkJob.State state) {
    }

    Optional<Stored> stored(String tenantId, long id) {
        return database.read("read a scheduled bulk job", session -> IdStatements.rows(session.getConnection(),
                "SELECT request, state FROM " + table + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                row -> new Stored(row.getString(1), BulkJob.State.valueOf(row.getString(2))))).stream().findFirst();
    }

    /** Records the failure of a job the lease holds; a no-op when it no longer does. */
    void fail(Lease lease, String error) {
        String message = error.length() > 1000 ? error.substring(0, 1000) : error;
        execute("record a failed bulk job", "UPDATE " + table + " SET state = 'FAILED', error = ?, updated_at = ?,"
                + " lease_until = NULL WHERE tenant_id = ? AND id = ? AND lease_owner = ? AND state IN "
                + JobLeases.HELD_STATES, message, clock.instant(), lease.tenantId(), lease.jobId(), lease.owner());
    }

    /** @return the latest job of the operation with this run key (its parameters and selection) */
    Optional<Row> latestRun(String tenantId, String runKey) {
        return query("find an earlier bulk job", "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND"
                + " run_key = ? ORDER BY created_at DESC, id DESC LIMIT 1", tenantId, runKey).stream().findFirst();
    }

    Optional<Row> find(String tenantId, long id) {
        List<Row> rows = query("read a bulk job", "SELECT " + COLUMNS + " FROM " + table
                + " WHERE tenant_id = ? AND id = ?", tenantId, id);
        return rows.stream().findFirst();
    }

    Optional<Row> findByToken(String tenantId, String token) {
        return query("read a bulk job", "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND token = ?",
                tenantId, token).stream().findFirst();
    }

    List<Row> latest(String tenantId, int limit) {
        return query("list bulk jobs", "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT " + limit, tenantId);
    }

    private int execute(String what, String sql, Object... values) {
        return database.write(what, session -> IdStatements.execute(session.getConnection(), sql,
                Arrays.asList(values)));
    }

    private List<Row> query(String what, String sql, Object... values) {
        Instant now = clock.instant();
        return database.read(what, session -> IdStatements.rows(session.getConnection(), sql,
                Arrays.asList(values), result -> row(result, now)));
    }

    private static Row row(ResultSet result, Instant now) throws SQLException {
        BulkJob.State state = BulkJob.State.valueOf(result.getString(4));
        Instant updatedAt = IdStatements.instant(result, 10);
        Instant leaseUntil = IdStatements.instant(result, 13);
        String error = result.getString(8);
        // A job handed over to the scheduler is queued there until a kit's run takes it, whatever its lease says.
        boolean scheduled = state == BulkJob.State.QUEUED && SCHEDULED.equals(result.getString(14));
        if (!scheduled && JobLeases.ended(state == BulkJob.State.QUEUED || state == BulkJob.State.RUNNING, leaseUntil,
                now)) {
            state = BulkJob.State.INTERRUPTED;
            error = "the process running it stopped (its lease ended" + (leaseUntil == null ? "" : " at " + leaseUntil)
                    + "); run the same operation on the same selection again to finish it: customers already"
                    + " processed are left as they are";
        }
        BulkJob job = new BulkJob(result.getLong(1), result.getString(2), result.getString(3), state,
                result.getLong(5), result.getLong(6), Optional.ofNullable(result.getString(7)).map(JobStore::fromJson),
                Optional.ofNullable(error), IdStatements.instant(result, 9), updatedAt);
        return new Row(job, result.getString(11), result.getString(12));
    }

    private static String toJson(BulkResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bulk result could not be written as JSON", e);
        }
    }

    private static BulkResult fromJson(String json) {
        try {
            return JSON.readValue(json, BulkResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored bulk result is not readable: " + e.getMessage(), e);
        }
    }
}
