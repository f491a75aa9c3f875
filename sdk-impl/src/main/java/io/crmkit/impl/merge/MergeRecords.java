package io.crmkit.impl.merge;

import io.crmkit.api.merge.MergeRecord;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.MergeMovedTable;
import io.crmkit.impl.db.schema.MergeRecordTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code merge_record} table, with plain JDBC on the caller's connection. Thread-safe. */
final class MergeRecords {

    /** Most records a history lists. */
    static final int HISTORY_MAX = 100;

    private static final String COLUMNS = Table.list(MergeRecordTable.READ);

    private final String table;
    private final String movedTable;
    private final String insert;

    MergeRecords(String prefix) {
        this.table = MergeRecordTable.TABLE.in(prefix);
        this.movedTable = MergeMovedTable.TABLE.in(prefix);
        this.insert = MergeRecordTable.TABLE.insert(prefix, MergeRecordTable.CREATED);
    }

    void insert(Connection connection, String tenantId, MergeRecord record, MergeSnapshot snapshot) {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            new Row(MergeRecordTable.TABLE).set(MergeRecordTable.TENANT_ID, tenantId)
                    .set(MergeRecordTable.ID, record.id()).set(MergeRecordTable.SURVIVOR_ID, record.survivorId())
                    .set(MergeRecordTable.MERGED_ID, record.mergedId()).set(MergeRecordTable.ACTOR_ID, record.actorId())
                    .set(MergeRecordTable.MERGED_AT, record.mergedAt())
                    .set(MergeRecordTable.UNDOABLE_UNTIL, record.undoableUntil())
                    .set(MergeRecordTable.SNAPSHOT, snapshot.toJson())
                    .bind(statement, MergeRecordTable.CREATED, 1);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
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
        return MergeSnapshot.fromJson(IdStatements.rows(connection, "SELECT " + MergeRecordTable.SNAPSHOT.name()
                + " FROM " + table + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id), row -> row.getString(1))
                .get(0));
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

    private static MergeRecord record(ResultSet result) throws SQLException {
        Row row = new Row(MergeRecordTable.TABLE).read(result, MergeRecordTable.READ, 1);
        return new MergeRecord(row.bigint(MergeRecordTable.ID), row.bigint(MergeRecordTable.SURVIVOR_ID),
                row.bigint(MergeRecordTable.MERGED_ID), row.text(MergeRecordTable.ACTOR_ID),
                (Instant) row.get(MergeRecordTable.MERGED_AT), (Instant) row.get(MergeRecordTable.UNDOABLE_UNTIL),
                Optional.ofNullable((Instant) row.get(MergeRecordTable.UNDONE_AT)),
                Optional.ofNullable(row.text(MergeRecordTable.UNDONE_BY)));
    }
}
