package io.crmkit.impl.db;

import io.crmkit.api.error.ConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The SDK's own tables, migrated by Flyway from {@code io/crmkit/db/migration/<dialect>} with the table
 * prefix as the {@code ${prefix}} placeholder and a history table of its own ({@code <prefix>schema_history}),
 * so that kits with different prefixes, and the host's own Flyway, never touch each other's migrations.
 * Migrations that need Java (the match-key backfill, 7.1) are registered here beside the scripts.
 */
public final class Migrations {

    private final Flyway flyway;
    private final String historyTable;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final String tablePrefix;

    /**
     * @param dataSource  the database
     * @param dialect     its dialect, which picks the migration folder
     * @param tablePrefix the validated table prefix
     */
    public Migrations(DataSource dataSource, Dialect dialect, String tablePrefix) {
        this.historyTable = tablePrefix + "schema_history";
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:io/crmkit/db/migration/" + dialect.id())
                .table(historyTable)
                .placeholders(Map.of("prefix", tablePrefix))
                .javaMigrations(new MatchKeyBackfill(tablePrefix))
                // The host's schema already holds its own tables: start our history at 0 beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true)
                .load();
    }

    /**
     * Applies pending migrations; a schema that is up to date is left alone.
     *
     * @return how many migrations ran
     * @throws ConfigurationException when a migration fails or the schema was changed by hand
     */
    public int migrate() {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new ConfigurationException("migrate", null, "could not migrate the CRMKit tables (history table "
                    + historyTable + "): " + e.getMessage(), e);
        }
    }

    /**
     * @return the version the tables are at, read as {@link #appliedVersion(Connection, Dialect, String)} does:
     *         after {@link #migrate} or {@link #requireUpToDate}, the latest migration this SDK knows ("13")
     * @throws ConfigurationException when the history table cannot be read
     */
    public String appliedVersion() {
        try (Connection connection = dataSource.getConnection()) {
            return appliedVersion(connection, dialect, tablePrefix);
        } catch (SQLException e) {
            throw new ConfigurationException("migrate", null, "cannot read the migration history table "
                    + historyTable + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the version the tables are at now, from the history table alone (no scan of the migrations): the
     * latest successful versioned migration.
     *
     * @return the version ("11"), or "0" when the history table holds none
     * @throws SQLException when the history table cannot be read (dropped, no connection)
     */
    public static String appliedVersion(Connection connection, Dialect dialect, String tablePrefix)
            throws SQLException {
        String sql = "SELECT " + dialect.quote("version") + " FROM " + dialect.quote(tablePrefix + "schema_history")
                + " WHERE " + dialect.quote("success") + " = ? AND " + dialect.quote("version") + " IS NOT NULL"
                + " ORDER BY " + dialect.quote("installed_rank") + " DESC";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBoolean(1, true);
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "0";
            }
        }
    }

    /**
     * Checks, without changing anything, that every migration has been applied.
     *
     * @throws ConfigurationException naming the first pending migration
     */
    public void requireUpToDate() {
        MigrationInfo[] pending;
        try {
            pending = flyway.info().pending();
        } catch (FlywayException e) {
            throw new ConfigurationException("migrate", null, "cannot read the migration"
                    + " history table " + historyTable + ": " + e.getMessage(), e);
        }
        if (pending.length > 0) {
            throw new ConfigurationException("migrate", null, "the CRMKit tables are not up"
                    + " to date, " + pending.length + " migration(s) pending, the first is V" + pending[0].getVersion() + " '"
                    + pending[0].getDescription() + "'; build the kit with migrate(true) or apply them first");
        }
    }
}
