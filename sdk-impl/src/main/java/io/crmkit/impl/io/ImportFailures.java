package io.crmkit.impl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.ImportFailureTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The failed rows of imports ({@code <prefix>import_failure}, {@link ImportFailureTable}), for their failure reports:
 * written in the chunk's transaction, so that they commit with the chunk, and streamed back in row order. Each row's
 * cells and reasons are stored as JSON arrays, cut to {@link FailureReport#STORED_CHARS}. Thread-safe.
 */
final class ImportFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Column> READ = List.of(ImportFailureTable.ROW_NO, ImportFailureTable.CELLS,
            ImportFailureTable.REASONS);

    private final Database database;
    private final String prefix;

    ImportFailures(String tablePrefix, Database database) {
        this.database = database;
        this.prefix = tablePrefix;
    }

    /** A failed row as stored. */
    record StoredFailure(long row, List<String> cells, List<String> reasons) {
    }

    /** Stores failed rows inside the caller's transaction, each cut to {@link FailureReport#STORED_CHARS}. */
    void add(Connection connection, String tenantId, long jobId, List<ImportFailure> failed,
             List<List<String>> cells) {
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(ImportFailureTable.TABLE.insert(prefix))) {
            for (int i = 0; i < failed.size(); i++) {
                new Row(ImportFailureTable.TABLE).set(ImportFailureTable.TENANT_ID, tenantId)
                        .set(ImportFailureTable.JOB_ID, jobId).set(ImportFailureTable.ROW_NO, failed.get(i).row())
                        .set(ImportFailureTable.CELLS, toJson(FailureReport.stored(cells.get(i))))
                        .set(ImportFailureTable.REASONS, toJson(FailureReport.stored(failed.get(i).reasons())))
                        .bind(insert);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** Streams an import's failed rows in row order, at most {@code limit} (0: all of them). */
    void each(String tenantId, long jobId, int limit, Consumer<StoredFailure> each) {
        database.stream("read an import's failures", session -> {
            try (PreparedStatement statement = IdStatements.prepare(session.getConnection(), "SELECT "
                    + Table.list(READ) + " FROM " + ImportFailureTable.TABLE.in(prefix) + " WHERE tenant_id = ?"
                    + " AND job_id = ? ORDER BY row_no" + (limit > 0 ? " LIMIT " + limit : ""), List.of(tenantId,
                    jobId))) {
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

    private static String toJson(List<String> texts) {
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import's failed row could not be written as JSON", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import failure is not readable: " + e.getMessage(), e);
        }
    }
}
