package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-dialect migrations describe one schema: after migrating a fresh prefix on every configured database,
 * each has the same tables, each table the same columns, and each column the same kind of type and nullability.
 * A migration added to one dialect's folder and forgotten in another fails here.
 */
class MigrationDriftTest {

    @Test
    @DisplayName("the migrations of H2, PostgreSQL and MariaDB make the same tables and columns [h2, postgres, mariadb]")
    void everyDialectMakesTheSameTablesAndColumns() throws SQLException {
        List<String> databases = TestDatabases.configured();
        assumeTrue(databases.size() > 1, "needs PostgreSQL or MariaDB besides H2 to compare with");
        String prefix = TestDb.uniquePrefix();

        Map<String, Map<String, Map<String, String>>> schemas = new TreeMap<>();
        for (String database : databases) {
            schemas.put(database, schemaOf(database, prefix));
        }

        Map<String, Map<String, String>> h2 = schemas.get("h2");
        assertThat(h2).as("tables of h2").isNotEmpty();
        for (String database : databases) {
            Map<String, Map<String, String>> other = schemas.get(database);
            assertThat(other.keySet()).as("tables of %s vs h2", database).isEqualTo(h2.keySet());
            h2.forEach((table, columns) ->
                    assertThat(other.get(table)).as("columns of %s on %s vs h2", table, database).isEqualTo(columns));
        }
    }

    /** Migrates a fresh prefix, reads its tables' columns as "kind, null / not null", and drops the tables. */
    private static Map<String, Map<String, String>> schemaOf(String database, String prefix) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.url(database));
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CrmKit.builder().dataSource(pool).tablePrefix(prefix).build().close();
            try (Connection connection = pool.getConnection()) {
                Map<String, Map<String, String>> tables = columns(connection.getMetaData(), connection, prefix);
                drop(connection, database, prefix, tables.keySet());
                return tables;
            }
        }
    }

    private static Map<String, Map<String, String>> columns(DatabaseMetaData meta, Connection connection,
                                                            String prefix) throws SQLException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (ResultSet rows = meta.getColumns(connection.getCatalog(), connection.getSchema(), null, null)) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith(prefix)) {
                    continue;
                }
                String column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                String kind = kind(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"))
                        + (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : " null");
                tables.computeIfAbsent(table.substring(prefix.length()), key -> new TreeMap<>()).put(column, kind);
            }
        }
        return tables;
    }

    /** The kind of a column's type, as far as the SDK relies on it (lengths and engine names aside). */
    private static String kind(int type, String name) {
        return switch (type) {
            case Types.CHAR, Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                    Types.NCLOB -> "text";
            case Types.BIGINT -> "bigint";
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.NUMERIC, Types.DECIMAL -> "decimal";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.DATE -> "date";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "float";
            default -> name.toLowerCase(Locale.ROOT);
        };
    }

    private static void drop(Connection connection, String database, String prefix, Iterable<String> tables)
            throws SQLException {
        String quote = database.equals("mariadb") ? "`" : "\"";
        List<String> drops = new ArrayList<>();
        tables.forEach(table -> drops.add("DROP TABLE IF EXISTS " + prefix + table));
        drops.add("DROP TABLE IF EXISTS " + quote + prefix + "schema_history" + quote);
        try (Statement statement = connection.createStatement()) {
            if (database.equals("mariadb")) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String drop : drops) {
                statement.execute(drop + (database.equals("mariadb") ? "" : " CASCADE"));
            }
        }
    }
}
