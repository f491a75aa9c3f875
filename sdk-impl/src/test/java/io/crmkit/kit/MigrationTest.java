package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

class MigrationTest {

    private static Crm crm(CrmKit kit) {
        return kit.as(Actor.of("mig", "agent", Permission.ALL));
    }

    @DbTest
    void aRestartMigratesNothingTwiceAndKeepsTheData(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try {
            long id;
            try (CrmKit first = db.newKit(prefix, builder -> { })) {
                id = crm(first).customers().create(CustomerDraft.builder().name("Survivor").build()).id();
            }
            String history = "SELECT COUNT(*) FROM " + db.historyTable(prefix);
            String applied = db.column(history).get(0);

            try (CrmKit second = db.newKit(prefix, builder -> { })) {
                assertThat(crm(second).customers().get(id).name()).isEqualTo("Survivor");
            }
            assertThat(db.column(history)).containsExactly(applied);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void onPostgresTheCustomValueIndexesHoldOnlyRowsWithAValueAndServeItsFilters(TestDb db) {
        if (!db.dialect().equals("postgres")) {
            return; // H2 and MariaDB have no partial indexes: V21 changes nothing there
        }
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> { })) {
            for (String column : List.of("text", "number", "date", "time")) {
                assertThat(db.column("SELECT indexdef FROM pg_indexes WHERE indexname = ?", prefix + "custom_value_"
                        + column)).singleElement().asString().endsWith("WHERE (" + column + "_value IS NOT NULL)");
            }
            // A comparison of a value (here with a parameter, as the filters write it) implies the value is there.
            try (Connection connection = db.dataSource().getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off"); // the table is empty
                }
                assertThat(String.join("\n", TestDb.column(connection, "EXPLAIN SELECT customer_id FROM " + prefix
                        + "custom_value WHERE tenant_id = ? AND field_id = ? AND number_value > ?", "t", 1L,
                        new java.math.BigDecimal("5")))).contains(prefix + "custom_value_number");
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET enable_seqscan");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void theKitKnowsItsSchemaVersionAndReadsTheOneTheTablesAreAt(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> { })) {
            String latest = "23";
            assertThat(kit.schemaVersion()).isEqualTo(latest);
            assertThat(kit.appliedSchemaVersion()).isEqualTo(latest);

            String quote = db.dialect().equals("mariadb") ? "`" : "\"";
            db.execute("INSERT INTO " + db.historyTable(prefix) + " (" + String.join(", ", List.of("installed_rank",
                            "version", "description", "type", "script", "installed_by", "execution_time", "success")
                    .stream().map(column -> quote + column + quote).toList()) + ") VALUES (1000, '99', 'newer',"
                    + " 'SQL', 'V99__newer.sql', 'other', 1, TRUE)");

            assertThat(kit.appliedSchemaVersion()).isEqualTo("99");
            assertThat(kit.schemaVersion()).isEqualTo(latest);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void twoKitsWithDifferentPrefixesLiveInOneDatabaseWithoutTouchingEachOther(TestDb db) {
        String left = TestDb.uniquePrefix();
        String right = TestDb.uniquePrefix();
        try (CrmKit a = db.newKit(left, builder -> { }); CrmKit b = db.newKit(right, builder -> { })) {
            Customer inA = crm(a).customers().create(CustomerDraft.builder().phone("+84912345678").build());
            Customer inB = crm(b).customers().create(CustomerDraft.builder().phone("+84912345678").build());

            assertThat(crm(a).customers().find(inB.id())).isEmpty();
            assertThat(crm(b).customers().find(inA.id())).isEmpty();
            assertThat(db.column("SELECT COUNT(*) FROM " + left + "customer")).containsExactly("1");
            assertThat(db.column("SELECT COUNT(*) FROM " + right + "customer")).containsExactly("1");
        } finally {
            db.dropTables(left);
            db.dropTables(right);
        }
    }

    @DbTest
    void withoutMigrationAKitRefusesASchemaThatIsNotUpToDate(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try {
            assertThatThrownBy(() -> db.newKit(prefix, builder -> builder.migrate(false)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("migrate: the CRMKit tables are not up to date")
                    .hasMessageContaining("V1");
            assertThatThrownBy(() -> db.column("SELECT COUNT(*) FROM " + prefix + "customer"))
                    .as("no table was created").isInstanceOf(IllegalStateException.class);

            db.newKit(prefix, builder -> { }).close();
            try (CrmKit checked = db.newKit(prefix, builder -> builder.migrate(false))) {
                assertThat(crm(checked).customers().create(CustomerDraft.builder().name("ok").build()).name())
                        .isEqualTo("ok");
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void theHostsOwnTablesAreLeftAlone(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        String hostTable = prefix + "host_orders";
        try {
            db.execute("CREATE TABLE " + hostTable + " (id INT PRIMARY KEY)");
            db.execute("INSERT INTO " + hostTable + " VALUES (7)");

            db.newKit(prefix, builder -> { }).close();

            assertThat(db.column("SELECT id FROM " + hostTable)).containsExactly("7");
        } finally {
            db.execute("DROP TABLE IF EXISTS " + hostTable);
            db.dropTables(prefix);
        }
    }
}
