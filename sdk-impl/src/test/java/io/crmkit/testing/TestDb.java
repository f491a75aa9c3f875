package io.crmkit.testing;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One database for one test: the shared kit (prefix {@code crm_}, default phone region VN) and a tenant
 * of the test's own, so that tests never see each other's data and need no clean-up.
 */
public final class TestDb {

    /**
     * Every table of the SDK, without prefix, and those of older versions (bulk_job and transfer_job, before V16) that
     * a migration test leaves; for dropping the tables of a test's own prefix.
     */
    private static final List<String> TABLES = List.of("custom_value", "tag", "identity", "customer", "field",
            "audit", "saved_filter", "group_member", "customer_group", "list_view", "trash_customer",
            "trash_identity", "trash_tag", "trash_custom_value", "trash_group_member", "job", "job_file",
            "scheduled_tasks", "import_failure", "bulk_job", "transfer_job", "merge_record", "merge_moved",
            "event_type", "event", "customer_metric", "customer_rating", "task", "customer_order", "order_line",
            "customer_link");

    private final String name;
    private final DataSource dataSource;
    private final DataSource direct;
    private final CrmKit kit;
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 13);

    TestDb(String name, DataSource dataSource, DataSource direct, CrmKit kit) {
        this.name = name;
        this.dataSource = dataSource;
        this.direct = direct;
        this.kit = kit;
    }

    /**
     * @return the target, as the test's display name shows it: h2, postgres, mariadb, serializable (PostgreSQL
     *         running every transaction SERIALIZABLE) or sharded (ShardingSphere over two PostgreSQL databases)
     */
    public String name() {
        return name;
    }

    /** @return the SQL dialect of the target: h2, postgres or mariadb; for SQL and plans that differ by database */
    public String dialect() {
        return TestDatabases.dialect(name);
    }

    /** @return the pool the shared kit works through (on the sharded target, ShardingSphere's) */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * @return the pool of one database, for a kit of the test's own ({@link #newKit}) that wraps it: the test's
     *         database, or on the sharded target the first shard (the sharding covers the prefix {@code crm_} only)
     */
    public DataSource ownKitDataSource() {
        return direct;
    }

    /** @return the kit shared by every test on this database */
    public CrmKit kit() {
        return kit;
    }

    /** @return this test's tenant id */
    public String tenant() {
        return tenant;
    }

    /** @return this test's tenant as actor "agent-1" with every permission */
    public Crm crm() {
        return kit.as(Actor.of(tenant, "agent-1", Permission.ALL));
    }

    /** @return this test's tenant as actor "agent-2" with only the given permissions */
    public Crm crm(Permission... permissions) {
        return kit.as(Actor.of(tenant, "agent-2", permissions));
    }

    /** @return another tenant, with every permission */
    public Crm otherTenant() {
        return kit.as(Actor.of(tenant + "-other", "agent-9", Permission.ALL));
    }

    /**
     * Builds a kit of the test's own on this database with a fresh table prefix (on the sharded target, on the first
     * shard alone: the sharding covers the prefix crm_); the caller closes it and calls {@link #dropTables(String)}.
     */
    public CrmKit newKit(String prefix, Consumer<CrmKit.Builder> settings) {
        CrmKit.Builder builder = CrmKit.builder().dataSource(direct).tablePrefix(prefix);
        settings.accept(builder);
        return builder.build();
    }

    /** @return a table prefix no other test uses */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    }

    /** Drops every SDK table with this prefix, if it exists. */
    public void dropTables(String prefix) {
        TABLES.forEach(table -> execute("DROP TABLE IF EXISTS " + prefix + table));
        execute("DROP TABLE IF EXISTS " + historyTable(prefix));
    }

    /** @return the name of Flyway's history table of a prefix, quoted as Flyway created it (lower case) */
    public String historyTable(String prefix) {
        String table = prefix + "schema_history";
        return dialect().equals("mariadb") ? "`" + table + "`" : "\"" + table + "\"";
    }

    /**
     * Runs one statement of a test's own, such as a host table. On the sharded target a statement on the shared
     * kit's tables (prefix {@code crm_}) goes through the sharding, any other to the first shard, where the kits of
     * {@link #newKit} live.
     */
    public void execute(String sql) {
        try (Connection connection = on(sql).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** @return the first column of every row of a query with bound parameters, as text; runs as {@link #execute} */
    public List<String> column(String sql, Object... params) {
        try (Connection connection = on(sql).getConnection()) {
            return column(connection, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** @return the first column of every row of a query with bound parameters on the connection, as text */
    public static List<String> column(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** @return where a statement of the test runs: see {@link #execute} */
    private DataSource on(String sql) {
        return sql.contains(" crm_") ? dataSource : direct;
    }

    /** @return how many rows of an SDK table (prefix crm_) belong to this test's tenant */
    public int count(String table) {
        return Integer.parseInt(column("SELECT COUNT(*) FROM crm_" + table + " WHERE tenant_id = ?", tenant).get(0));
    }

    /** @return how many rows of each SDK table belong to this test's tenant, for "nothing was written" checks */
    public List<Integer> counts(Collection<String> tables) {
        return tables.stream().map(this::count).toList();
    }

    /** @return row counts of every data table of this tenant: customer, identity, tag, custom_value, field, audit */
    public List<Integer> allCounts() {
        return counts(List.of("customer", "identity", "tag", "custom_value", "field", "audit"));
    }
}
