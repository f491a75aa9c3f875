package io.crmkit.impl.db;

import io.crmkit.impl.identity.MatchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 7.1: computes the {@code match_key} of the identities, live and trashed, that V7 found in place
 * ({@link MatchKeys} needs Java). Reads each table in primary-key order, {@value #PAGE} rows per query, and
 * updates them by key in one batch per page, so memory stays bounded; on an empty table it costs one query. It
 * runs once, in Flyway's transaction: on a large table that is one long transaction.
 */
final class MatchKeyBackfill implements JavaMigration {

    private static final int PAGE = 1000;

    private final String prefix;

    /** @param prefix the kit's validated table prefix */
    MatchKeyBackfill(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7.1");
    }

    @Override
    public String getDescription() {
        return "identity match key backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        run(context.getConnection());
    }

    /** Computes the keys of every identity of the kit's tables on the connection, in its transaction. */
    void run(Connection connection) throws SQLException {
        backfill(connection, prefix + "identity", List.of("tenant_id", "id_type", "id_value"));
        backfill(connection, prefix + "trash_identity", List.of("tenant_id", "customer_id", "id_type", "id_value"));
    }

    /** Walks the table by its primary key, whose last two columns are id_type and id_value. */
    private static void backfill(Connection connection, String table, List<String> key) throws SQLException {
        String columns = String.join(", ", key);
        String first = "SELECT " + columns + " FROM " + table + " ORDER BY " + columns + " LIMIT " + PAGE;
        String next = "SELECT " + columns + " FROM " + table + " WHERE (" + columns + ") > ("
                + "?, ".repeat(key.size() - 1) + "?) ORDER BY " + columns + " LIMIT " + PAGE;
        String update = "UPDATE " + table + " SET match_key = ? WHERE " + String.join(" = ? AND ", key) + " = ?";
        List<Object[]> page = read(connection, first, null, key.size());
        try (PreparedStatement write = connection.prepareStatement(update)) {
            while (!page.isEmpty()) {
                for (Object[] row : page) {
                    String type = (String) row[key.size() - 2];
                    String value = (String) row[key.size() - 1];
                    write.setString(1, MatchKeys.of(type, value));
                    for (int i = 0; i < row.length; i++) {
                        write.setObject(i + 2, row[i]);
                    }
                    write.addBatch();
                }
                write.executeBatch();
                page = page.size() < PAGE ? List.of() : read(connection, next, page.get(page.size() - 1), key.size());
            }
        }
    }

    private static List<Object[]> read(Connection connection, String sql, Object[] after, int width)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(PAGE);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; after != null && i < after.length; i++) {
                statement.setObject(i + 1, after[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
