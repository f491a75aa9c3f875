package io.crmkit.impl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stored state of bulk jobs in {@code <prefix>bulk_job}, each change in its own short transaction so that a
 * host polling the job sees it at once. Thread-safe.
 */
final class JobStore {

    /** A running job that reported nothing for this long is shown as interrupted. */
    static final Duration SILENCE = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, operation, actor_id, state, done, total, result, error, created_at,"
            + " updated_at, selection, token";

    private final KitContext kit;
    private final String table;

    JobStore(KitContext kit) {
        this.kit = kit;
        this.table = kit.tablePrefix() + "bulk_job";
    }

    /** A stored job with what only the SDK needs: the selection's fingerprint and the confirmation token. */
    record Row(BulkJob job, String selection, String token) {
    }

    void insert(String tenantId, long id, String actorId, String operation, String selection, BulkJob.State state,
                String token, long total) {
        Instant now = kit.clock().instant();
        execute("store a bulk job", "INSERT INTO " + table + " (tenant_id, id, actor_id, operation, selection, state,"
                + " token, total, done, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                tenantId, id, actorId, operation, selection, state.name(), token, total, now, now);
    }

    /** Moves a pending job to running; @return false when it was not pending (used or cancelled) */
    boolean start(String tenantId, long id, long total) {
        return execute("start a bulk job", "UPDATE " + table + " SET state = 'RUNNING', total = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND id = ? AND state = 'PENDING'", total, kit.clock().instant(), tenantId, id) == 1;
    }

    /** Records progress inside the caller's transaction, so that it commits with the chunk it counts. */
    void progress(Connection connection, String tenantId, long id, long done) {
        IdStatements.execute(connection, "UPDATE " + table + " SET done = ?, updated_at = ? WHERE tenant_id = ?"
                + " AND id = ?", List.of(done, kit.clock().instant(), tenantId, id));
    }

    void finish(String tenantId, long id, BulkResult result) {
        execute("finish a bulk job", "UPDATE " + table + " SET state = 'DONE', done = ?, result = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND id = ?", result.total(), toJson(result), kit.clock().instant(), tenantId, id);
    }

    void fail(String tenantId, long id, String error) {
        String message = error.length() > 1000 ? error.substring(0, 1000) : error;
        execute("record a failed bulk job", "UPDATE " + table + " SET state = 'FAILED', error = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND id = ?", message, kit.clock().instant(), tenantId, id);
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
        return kit.database().write(what, session -> IdStatements.execute(session.getConnection(), sql,
                Arrays.asList(values)));
    }

    private List<Row> query(String what, String sql, Object... values) {
        Instant now = kit.clock().instant();
        return kit.database().read(what, session -> IdStatements.rows(session.getConnection(), sql,
                Arrays.asList(values), result -> row(result, now)));
    }

    private static Row row(ResultSet result, Instant now) throws SQLException {
        BulkJob.State state = BulkJob.State.valueOf(result.getString(4));
        Instant updatedAt = IdStatements.instant(result, 10);
        if (state == BulkJob.State.RUNNING && updatedAt.plus(SILENCE).isBefore(now)) {
            state = BulkJob.State.INTERRUPTED;
        }
        String error = result.getString(8);
        if (state == BulkJob.State.INTERRUPTED && error == null) {
            error = "no progress since " + updatedAt + "; the process running it may have stopped. Run the same"
                    + " operation again to finish it: customers already processed are left as they are";
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
