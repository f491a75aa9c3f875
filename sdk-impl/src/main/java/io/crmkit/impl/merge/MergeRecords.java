package io.crmkit.impl.merge;

import io.crmkit.api.merge.MergeRecord;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code merge_record} table, with plain JDBC on the caller's connection. Thread-safe. */
final class MergeRecords {

    /** Most records a history lists. */
    static final int HISTORY_MAX = 100;

    private static final String COLUMNS = "id, survivor_id, merged_id, actor_id, merged_at, undoable_until,"
            + " undone_at, undone_by";

    private final String table;
    private final String movedTable;

    MergeRecords(String prefix) {
        this.table = prefix + "merge_record";
        this.movedTable = prefix + "merge_moved";
    }

    void insert(Connection connection, String tenantId, MergeRecord record, MergeSnapshot snapshot) {
        IdStatements.execute(connection, "INSERT INTO " + table + " (tenant_id, id, survivor_id, merged_id, actor_id,"
                + " merged_at, undoable_until, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", List.of(tenantId,
                record.id(), record.survivorId(), record.mergedId(), record.actorId(), record.mergedAt(),
                record.undoableUntil(), snapshot.toJson()));
    }

    /**
     * Reads a record and locks it until the caller's transaction ends, so that work on one merge (an undo) runs
     * one at a time and sees what the one before it wrote.
     */
    Optional<MergeRecord> lock(Connection connection, String tenantId, long id) {
        return IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND id = ?"
                + " FOR UPDATE", List.of(tenantId, id), MergeRecords::record).stream().findFirst();
    }

    MergeSnapshot snapshot(Connection connection, String tenantId, long id) {
        return MergeSnapshot.fromJson(IdStatements.rows(connection, "SELECT snapshot FROM " + table + " WHERE"
                + " tenant_id = ? AND id = ?", List.of(tenantId, id), row -> row.getString(1)).get(0));
    }

    /** @return the newest merge, not undone, that merged the customer away */
    Optional<MergeRecord> mergedAway(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND"
                + " merged_id = ? AND undone_at IS NULL ORDER BY id DESC", List.of(tenantId, customerId),
                MergeRecords::record).stream().findFirst();
    }

    /** @return the first merge after {@code id}, not undone, that one of the customers took part in */
    Optional<MergeRecord> laterMerge(Connection connection, String tenantId, long id, long survivorId,
                                     long mergedId) {
        return IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND"
                + " id > ? AND undone_at IS NULL AND (survivor_id IN (?, ?) OR merged_id IN (?, ?)) ORDER BY id",
                List.of(tenantId, id, survivorId, mergedId, survivorId, mergedId), MergeRecords::record)
                .stream().findFirst();
    }

    void markUndone(Connection connection, String tenantId, long id, Instant at, String actorId) {
        IdStatements.execute(connection, "UPDATE " + table + " SET undone_at = ?, undone_by = ? WHERE tenant_id = ?"
                + " AND id = ?", List.of(at, actorId, tenantId, id));
    }

    List<MergeRecord> history(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND"
                + " (survivor_id = ? OR merged_id = ?) ORDER BY id DESC LIMIT " + HISTORY_MAX,
                List.of(tenantId, customerId, customerId), MergeRecords::record);
    }

    /** @return how many records whose retention ended before {@code now} were deleted */
    int purge(Connection connection, String tenantId, Instant now) {
        IdStatements.execute(connection, "DELETE FROM " + movedTable + " WHERE tenant_id = ? AND merge_id IN (SELECT id"
                + " FROM " + table + " WHERE tenant_id = ? AND undoable_until < ?)", List.of(tenantId, tenantId, now));
        return IdStatements.execute(connection, "DELETE FROM " + table + " WHERE tenant_id = ? AND undoable_until < ?",
                List.of(tenantId, now));
    }

    private static MergeRecord record(ResultSet row) throws SQLException {
        return new MergeRecord(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4),
                IdStatements.instant(row, 5), IdStatements.instant(row, 6),
                Optional.ofNullable(IdStatements.instant(row, 7)), Optional.ofNullable(row.getString(8)));
    }
}
