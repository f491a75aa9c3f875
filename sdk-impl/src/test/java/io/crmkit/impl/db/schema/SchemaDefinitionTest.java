package io.crmkit.impl.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.db.KeywordIndexes;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schema definition and the migrated database agree: every table the SDK defines in Java has, on every
 * configured database, exactly the defined columns, each of the defined kind and nullability. A column added to a
 * migration but not to the definition (so that no statement would list it, and a trash or merge copy would drop
 * its value) fails here, and so does a definition that names a column no migration makes.
 */
class SchemaDefinitionTest {

    /** The prefix of the shared test kit, whose tables the test database was migrated with. */
    private static final String PREFIX = "crm_";

    private static final List<Table> DEFINED = List.of(CustomerTable.TABLE, IdentityTable.TABLE, TagTable.TABLE,
            CustomValueTable.TABLE, GroupMemberTable.TABLE, CustomerGroupTable.TABLE, FieldTable.TABLE,
            AuditTable.TABLE, ListViewTable.TABLE, SavedFilterTable.TABLE, TrashTables.CUSTOMER, TrashTables.IDENTITY,
            TrashTables.TAG, TrashTables.CUSTOM_VALUE, TrashTables.GROUP_MEMBER, EventTable.TABLE,
            EventTypeTable.TABLE, CustomerMetricTable.TABLE, CustomerRatingTable.TABLE, TaskTable.TABLE,
            CustomerOrderTable.TABLE, OrderLineTable.TABLE, CustomerLinkTable.TABLE, MergeRecordTable.TABLE,
            MergeMovedTable.TABLE, JobTable.TABLE, ImportFailureTable.TABLE, JobFileTable.TABLE);

    /**
     * Tables the SDK migrates but whose layout is another library's, so that no statement of the SDK lists their
     * columns: Flyway's history, and db-scheduler's executions (their columns are db-scheduler's, see V14).
     */
    private static final Set<String> OWNED_BY_LIBRARIES = Set.of("schema_history", "scheduled_tasks");

    @DbTest
    void everyMigratedTableHasADefinition(TestDb db) throws SQLException {
        Set<String> defined = DEFINED.stream().map(Table::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(migratedColumns(db).keySet());
        missing.removeAll(defined);
        missing.removeAll(OWNED_BY_LIBRARIES);

        assertThat(missing).as("migrated tables on %s without a definition in io.crmkit.impl.db.schema", db.name())
                .isEmpty();
    }

    /**
     * Every defined column, and on MariaDB also the words of the keyword search ({@link KeywordIndexes#WORDS_COLUMN})
     * on the customer and identity tables, which the database generates and no statement of the SDK lists.
     */
    @DbTest
    void everyDefinedTableHasExactlyItsDefinedColumnsWithTheirKindAndNullability(TestDb db) throws SQLException {
        Map<String, Map<String, String>> migrated = migratedColumns(db);
        if (db.dialect().equals("mariadb")) {
            for (Table table : List.of(CustomerTable.TABLE, IdentityTable.TABLE)) {
                assertThat(migrated.get(table.name()).remove(KeywordIndexes.WORDS_COLUMN))
                        .as("MariaDB's keyword words on %s", table).isEqualTo("text null");
            }
        }

        for (Table table : DEFINED) {
            Map<String, String> defined = new TreeMap<>();
            table.columns().forEach(column -> defined.put(column.name(), describe(column)));
            assertThat(migrated.get(table.name())).as("columns of %s on %s (name -> kind, nullability)", table,
                    db.name()).isEqualTo(defined);
        }
    }

    @Test
    void aTrashedCustomerCarriesEveryCustomerColumn() {
        assertThat(CustomerTable.TRASHED).isEqualTo(CustomerTable.TABLE.columns());
        assertThat(TrashTables.CUSTOMER.columns()).startsWith(CustomerTable.TABLE.columns().toArray(Column[]::new));
        TrashTables.CHILDREN.forEach(child ->
                assertThat(child.trash().columns()).as(child.trash().name()).isEqualTo(child.live().columns()));
    }

    @Test
    void aMergeRecordKeepsEveryCustomerColumnButTheKey() {
        assertThat(CustomerTable.MERGED).containsExactlyElementsOf(
                CustomerTable.TABLE.except(CustomerTable.TENANT_ID, CustomerTable.ID));
    }

    @Test
    void anUpdateWritesTheFieldsAndUpdateStampButNotKeyOwnerStatusCreationOrVersion() {
        assertThat(CustomerTable.EDITED).doesNotContain(CustomerTable.TENANT_ID, CustomerTable.ID,
                CustomerTable.OWNER_ID, CustomerTable.STATUS, CustomerTable.CREATED_AT, CustomerTable.CREATED_BY,
                CustomerTable.VERSION).contains(CustomerTable.NAME, CustomerTable.UPDATED_AT, CustomerTable.UPDATED_BY);
    }

    @Test
    void statementsListTheDefinedColumnsInOrder() {
        assertThat(TagTable.TABLE.insert("p_")).isEqualTo(
                "INSERT INTO p_tag (tenant_id, customer_id, tag, created_at) VALUES (?, ?, ?, ?)");
        assertThat(TagTable.TABLE.select("p_")).isEqualTo("SELECT tenant_id, customer_id, tag, created_at FROM p_tag");
        assertThat(Table.assignments(List.of(TagTable.TAG, TagTable.CREATED_AT))).isEqualTo("tag = ?, created_at = ?");
    }

    /** @return every column of the prefix's tables: table (without prefix) to column to "kind, null / not null" */
    private static Map<String, Map<String, String>> migratedColumns(TestDb db) throws SQLException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (Connection connection = db.dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
                     null, null)) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith(PREFIX)) {
                    continue;
                }
                String kind = kind(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"))
                        + (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : " null");
                tables.computeIfAbsent(table.substring(PREFIX.length()), key -> new TreeMap<>())
                        .put(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), kind);
            }
        }
        return tables;
    }

    private static String describe(Column column) {
        return column.kind().name().toLowerCase(Locale.ROOT) + (column.nullable() ? " null" : " not null");
    }

    /** The kind of a column's JDBC type, in the names of {@link Kind}. */
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
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            default -> name.toLowerCase(Locale.ROOT);
        };
    }
}
