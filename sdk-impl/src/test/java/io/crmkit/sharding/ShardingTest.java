package io.crmkit.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.job.JobState;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardStatements;
import io.crmkit.testing.ShardedDataSource;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.StatementHooks;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit on ShardingSphere-JDBC, every table sharded by {@code tenant_id} over two PostgreSQL databases: a tenant's
 * rows all live on the shard its id hashes to, the other shard holds none of them, and every statement of the
 * tenant's work (customers, identities, tags, search, import, export, merge, trash, tasks, orders) is sent to that
 * shard alone: routed by ShardingSphere statement by statement, or (by default) on the shard's own pool that
 * ShardingSphere's placement names. Runs on the {@code [sharded]} target, for a tenant on each shard.
 */
@ShardedToo
class ShardingTest {

    private static final List<String> TABLES = List.of("customer", "identity", "tag", "audit", "event", "task",
            "customer_order", "merge_record", "job");

    @TempDir
    Path dir;

    @DbTest
    void aTenantsRowsAndStatementsStayOnItsOwnShard(TestDb db) throws Exception {
        assumeTrue(db.name().equals("sharded"), "the [sharded] target's own test");
        ShardStatements sent = new ShardStatements();
        try (ShardedDataSource sharded = ShardedDataSource.open("routing", sent);
             CrmKit kit = CrmKit.builder().dataSource(sharded.routed()).shards(sharded.shards())
                     .pinTenantsToShards(false).defaultPhoneRegion("VN").build()) {
            for (String tenant : tenantOnEachShard(db.tenant())) {
                sent.clear();

                work(kit.as(Actor.of(tenant, "agent", Permission.ALL)));

                assertSentToItsShardOnly(sent, tenant);
                assertThat(sent.sent()).as("statements ShardingSphere routed")
                        .anyMatch(statement -> statement.sql().startsWith("INSERT INTO crm_customer "))
                        .anyMatch(statement -> statement.sql().startsWith("INSERT INTO crm_tag "))
                        .anyMatch(statement -> statement.sql().contains("crm_customer_rating"));
                assertRowsOnItsShardOnly(sharded, tenant);
            }
        }
    }

    @DbTest
    void aPinnedTenantsWorkRunsOnItsShardsOwnPoolWhereShardingSpherePlacesIt(TestDb db) throws Exception {
        assumeTrue(db.name().equals("sharded"), "the [sharded] target's own test");
        ShardStatements sent = new ShardStatements();
        try (ShardedDataSource sharded = ShardedDataSource.open("pinned", sent);
             CrmKit kit = CrmKit.builder().dataSource(sharded.routed()).shards(sharded.shards())
                     .defaultPhoneRegion("VN").build()) {
            for (String tenant : tenantOnEachShard(db.tenant())) {
                sent.clear();

                work(kit.as(Actor.of(tenant, "agent", Permission.ALL)));

                assertSentToItsShardOnly(sent, tenant);
                assertThat(sent.sent()).as("the tenant's own statements, sent to its shard's pool, not routed")
                        .noneMatch(statement -> statement.sql().startsWith("INSERT INTO crm_customer "))
                        .noneMatch(statement -> statement.sql().startsWith("INSERT INTO crm_tag "))
                        .noneMatch(statement -> statement.sql().contains("crm_customer_rating"));
                assertRowsOnItsShardOnly(sharded, tenant);
            }
            // Many tenants: each one's customer is where ShardingSphere's rules put it.
            for (int i = 0; i < 16; i++) {
                String tenant = db.tenant() + "-many-" + i;
                kit.as(Actor.of(tenant, "agent", Permission.ALL)).customers()
                        .create(CustomerDraft.builder().name("Customer " + i).build());
                int home = ShardedDataSource.shardOf(tenant);
                assertThat(rows(sharded.shards().get(home), "customer", tenant)).as("on shard %d", home).isOne();
                assertThat(rows(sharded.shards().get(1 - home), "customer", tenant)).isZero();
            }
        }
    }

    @DbTest
    void shardPoolsThatCannotBeToldApartLeaveEveryStatementToShardingSphere(TestDb db) throws Exception {
        assumeTrue(db.name().equals("sharded"), "the [sharded] target's own test");
        ShardStatements sent = new ShardStatements();
        try (ShardedDataSource sharded = ShardedDataSource.open("alike", sent);
             CrmKit kit = CrmKit.builder().dataSource(sharded.routed())
                     .shards(List.of(sharded.shards().get(0), sharded.shards().get(0))).defaultPhoneRegion("VN")
                     .build()) {
            for (String tenant : tenantOnEachShard(db.tenant())) {
                assertCreatedThroughShardingSphere(sent, sharded, kit, tenant);
            }
        }
    }

    @DbTest
    void aTenantWhoseShardCannotBeFoundIsServedThroughShardingSphere(TestDb db) throws Exception {
        assumeTrue(db.name().equals("sharded"), "the [sharded] target's own test");
        ShardStatements sent = new ShardStatements();
        AtomicBoolean refuse = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        Predicate<String> probe = sql -> refuse.get() && sql.startsWith("SELECT MAX(id), ");
        try (ShardedDataSource sharded = ShardedDataSource.open("unfound", sent);
             CrmKit kit = CrmKit.builder()
                     .dataSource(StatementHooks.failing(sharded.routed(),
                             sql -> probe.test(sql) && refused.incrementAndGet() > 0, "the shard probe refused"))
                     .shards(sharded.shards()).defaultPhoneRegion("VN").build()) {
            refuse.set(true); // the kit found the shards when it started; now it cannot find a tenant's
            List<String> tenants = tenantOnEachShard(db.tenant());
            for (String tenant : tenants) {
                assertCreatedThroughShardingSphere(sent, sharded, kit, tenant);
            }
            for (String tenant : tenants) {
                assertThat(kit.as(Actor.of(tenant, "agent", Permission.ALL)).filters().search(Query.all()).items())
                        .hasSize(1);
            }
            assertThat(refused).as("probes refused: one per tenant, not asked again for a while").hasValue(2);
        }
    }

    @DbTest
    void aTenantOnADatabaseThatIsNoneOfThePoolsIsServedThroughShardingSphere(TestDb db) throws Exception {
        assumeTrue(db.name().equals("sharded"), "the [sharded] target's own test");
        assumeTrue(TestDatabases.configured().contains("postgres"), "needs another PostgreSQL database");
        ShardStatements sent = new ShardStatements();
        try (ShardedDataSource sharded = ShardedDataSource.open("elsewhere", sent);
             HikariDataSource other = new HikariDataSource(pool(TestDatabases.url("postgres")));
             CrmKit kit = CrmKit.builder().dataSource(sharded.routed())
                     .shards(List.of(sharded.shards().get(0), other)).defaultPhoneRegion("VN").build()) {
            List<String> tenants = tenantOnEachShard(db.tenant());
            String onShard1 = tenants.stream().filter(tenant -> ShardedDataSource.shardOf(tenant) == 1).findFirst()
                    .orElseThrow();
            String onShard0 = tenants.stream().filter(tenant -> ShardedDataSource.shardOf(tenant) == 0).findFirst()
                    .orElseThrow();

            assertCreatedThroughShardingSphere(sent, sharded, kit, onShard1);
            assertThat(rows(other, "customer", onShard1)).as("rows on the pool that is not shard 1").isZero();

            sent.clear();
            kit.as(Actor.of(onShard0, "agent", Permission.ALL)).customers()
                    .create(CustomerDraft.builder().name("Lan").build());
            assertThat(sent.sent()).as("a tenant of shard 0, pinned to its pool")
                    .noneMatch(statement -> statement.sql().startsWith("INSERT INTO crm_customer "));
            assertThat(rows(sharded.shards().get(0), "customer", onShard0)).isOne();
        }
    }

    private static HikariConfig pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        return config;
    }

    /** Creates a customer for the tenant and checks ShardingSphere routed it to the tenant's shard, and only there. */
    private static void assertCreatedThroughShardingSphere(ShardStatements sent, ShardedDataSource sharded, CrmKit kit,
                                                           String tenant) throws SQLException {
        sent.clear();
        Crm crm = kit.as(Actor.of(tenant, "agent", Permission.ALL));
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());

        assertThat(crm.customers().get(lan.id()).name()).isEqualTo("Lan");
        assertSentToItsShardOnly(sent, tenant);
        assertThat(sent.sent()).as("statements ShardingSphere routed")
                .anyMatch(statement -> statement.sql().startsWith("INSERT INTO crm_customer "));
        int home = ShardedDataSource.shardOf(tenant);
        assertThat(rows(sharded.shards().get(home), "customer", tenant)).isOne();
        assertThat(rows(sharded.shards().get(1 - home), "customer", tenant)).isZero();
    }

    private static void assertSentToItsShardOnly(ShardStatements sent, String tenant) {
        int home = ShardedDataSource.shardOf(tenant);
        List<ShardStatements.Sent> statements = sent.sent();
        assertThat(statements).as("statements sent to shard %d, the tenant's", home)
                .anyMatch(statement -> statement.shard().equals("ds_" + home));
        assertThat(statements).as("statements sent to the other shard")
                .allMatch(statement -> statement.shard().equals("ds_" + home));
    }

    private static void assertRowsOnItsShardOnly(ShardedDataSource sharded, String tenant) throws SQLException {
        int home = ShardedDataSource.shardOf(tenant);
        for (int shard = 0; shard < 2; shard++) {
            for (String table : TABLES) {
                long rows = rows(sharded.shards().get(shard), table, tenant);
                if (shard == home) {
                    assertThat(rows).as("rows of crm_%s on the tenant's shard %d", table, shard).isPositive();
                } else {
                    assertThat(rows).as("rows of crm_%s on the other shard %d", table, shard).isZero();
                }
            }
        }
    }

    /** @return the test's tenant and a tenant on the other shard */
    private static List<String> tenantOnEachShard(String tenant) {
        List<String> tenants = new ArrayList<>(List.of(tenant));
        for (int i = 0; tenants.size() < 2; i++) {
            String other = tenant + "-" + i;
            if (ShardedDataSource.shardOf(other) != ShardedDataSource.shardOf(tenant)) {
                tenants.add(other);
            }
        }
        return tenants;
    }

    /** A tenant's everyday work, touching every kind of statement the kit sends. */
    private void work(Crm crm) throws Exception {
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678")
                .email("lan@example.com").tag("vip").build());
        Customer copy = crm.customers().create(CustomerDraft.builder().name("Lan copy").phone("+84912345679").build());
        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").tag("vip").build());
        lan = crm.customers().update(lan.id(), CustomerPatch.builder(lan.version()).nickname("Lanny").build());
        crm.customers().addTags(minh.id(), List.of("hanoi"));
        assertThat(crm.filters().search(Query.where(Filter.hasTag("vip"))).items()).hasSize(2);
        assertThat(crm.filters().search(Query.all().keyword("lanny")).items()).extracting(Customer::id)
                .containsExactly(lan.id());
        assertThat(crm.filters().count(Filter.isNotEmpty("phones"))).isEqualTo(2);
        crm.activities().tasks().create(lan.id(), TaskDraft.of("Call back"));
        crm.activities().orders().create(minh.id(), OrderDraft.ofAmount("R-1", Instant.now(), OrderStatus.PAID,
                "VND", BigDecimal.valueOf(1000)));
        crm.merges().merge(lan.id(), copy.id(), MergeOptions.defaults());
        crm.customers().delete(minh.id());
        assertThat(crm.trash().restore(List.of(minh.id())).restored()).hasSize(1);
        Path file = Files.writeString(dir.resolve("people-" + crm.hashCode() + ".csv"),
                "name,phones\r\nAn,0912000311\r\nBinh,0912000312\r\n");
        assertThat(crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build()).created()).isEqualTo(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(crm.exports().run(ExportRequest.builder(FileFormat.CSV).build(), out)).isEqualTo(4);
        // Jobs the scheduler runs (on the first shard's table), each on the tenant's shard.
        long tagging = crm.bulk().submit(Selection.matching(Filter.hasTag("vip")), BulkOperation.addTags(
                List.of("bulk")));
        assertThat(crm.bulk().await(tagging, Duration.ofSeconds(60)).state()).isEqualTo(BulkJob.State.DONE);
        assertThat(crm.filters().count(Filter.hasTag("bulk"))).isEqualTo(2);
        long recompute = crm.activities().metrics().submitRecompute();
        assertThat(crm.jobs().await(recompute, Duration.ofSeconds(60)).state()).isEqualTo(JobState.DONE);
    }

    private static long rows(DataSource shard, String table, String tenant) throws SQLException {
        try (Connection connection = shard.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM crm_" + table
                     + " WHERE tenant_id = ?")) {
            count.setString(1, tenant);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
