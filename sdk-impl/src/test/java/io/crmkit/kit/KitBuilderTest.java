package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.api.error.StorageException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder fails fast, naming the setting and the bad value. */
class KitBuilderTest {

    @ParameterizedTest
    @ValueSource(strings = {"Crm_", "1crm_", "crm-", "crm_; DROP TABLE x", "averyveryverylongprefix_"})
    void rejectsATablePrefixThatIsNotAnIdentifier(String prefix) {
        assertThatThrownBy(() -> CrmKit.builder().tablePrefix(prefix))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("tablePrefix: must be 0 to 20 characters")
                .hasMessageContaining("'" + prefix + "'");
    }

    @Test
    void acceptsAnEmptyPrefixAndTwentyCharacters() {
        CrmKit.builder().tablePrefix("").tablePrefix("a".repeat(20));
    }

    @Test
    void namesTheSettingItsValueAndTheProblemApartFromTheMessage() {
        ConfigurationException threads = catchThrowableOfType(ConfigurationException.class,
                () -> CrmKit.builder().jobThreads(0));
        assertThat(threads.setting()).isEqualTo("jobThreads");
        assertThat(threads.value()).contains("0");
        assertThat(threads.problem()).isEqualTo("must be between 1 and 64");
        assertThat(threads.code()).isEqualTo("configuration");

        ConfigurationException missing = catchThrowableOfType(ConfigurationException.class,
                () -> CrmKit.builder().clock(null));
        assertThat(missing.setting()).isEqualTo("clock");
        assertThat(missing.value()).isEmpty();

        ConfigurationException url = catchThrowableOfType(ConfigurationException.class,
                () -> CrmKit.builder().jdbcUrl("postgres://app:s3cret@db/x?password=s3cret", null, null));
        assertThat(url.setting()).isEqualTo("jdbcUrl");
        assertThat(url.value()).hasValueSatisfying(value -> assertThat(value).doesNotContain("s3cret"));
    }

    @Test
    void rejectsAnUnknownPhoneRegion() {
        assertThatThrownBy(() -> CrmKit.builder().defaultPhoneRegion("XX"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("defaultPhoneRegion: must be a region with phone numbers, an ISO 3166 code such as"
                        + " VN, US or DE, got 'XX'");
        CrmKit.builder().defaultPhoneRegion("vn");
    }

    @Test
    void rejectsBadLifecycleStages() {
        assertThatThrownBy(() -> CrmKit.builder().lifecycleStages(List.of()))
                .hasMessage("lifecycleStages: needs 1 to 20 stages, got 0");
        assertThatThrownBy(() -> CrmKit.builder().lifecycleStages(List.of("lead", "Lead")))
                .hasMessageContaining("stage 'Lead' must be 1 to 32 characters");
        assertThatThrownBy(() -> CrmKit.builder().lifecycleStages(List.of("lead", "lead")))
                .hasMessage("lifecycleStages: stage 'lead' is listed twice, got [lead, lead]");
    }

    @Test
    void rejectsAJobLeaseOutsideItsRangeOrRenewedTooRarely() {
        assertThatThrownBy(() -> CrmKit.builder().jobLease(Duration.ofMillis(999), Duration.ofMillis(100)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("jobLease: must be between 1 second and 1 hour, got PT0.999S");
        assertThatThrownBy(() -> CrmKit.builder().jobLease(Duration.ofSeconds(10), Duration.ofSeconds(6)))
                .hasMessage("jobLease.renewEvery: must be between 100 ms and half the lease (PT5S), got PT6S");
        assertThatThrownBy(() -> CrmKit.builder().jobLease(Duration.ofSeconds(10), Duration.ofMillis(99)))
                .hasMessage("jobLease.renewEvery: must be between 100 ms and half the lease (PT5S), got PT0.099S");
        assertThatThrownBy(() -> CrmKit.builder().jobLease(null, Duration.ofSeconds(1)))
                .hasMessage("jobLease: must not be null");
        CrmKit.builder().jobLease(Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void rejectsOutOfRangeNumbersAndNulls() {
        assertThatThrownBy(() -> CrmKit.builder().nodeId(1024)).hasMessage("nodeId: must be between 0 and 1023, got 1024");
        assertThatThrownBy(() -> CrmKit.builder().nodeId(-1)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> CrmKit.builder().maxPoolSize(0)).hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> CrmKit.builder().searchTimeout(null)).hasMessage("searchTimeout: must not be null");
        assertThatThrownBy(() -> CrmKit.builder().searchTimeout(Duration.ZERO)).hasMessage("searchTimeout: must be"
                + " whole seconds between 1 s and 1 h, got PT0S");
        assertThatThrownBy(() -> CrmKit.builder().searchTimeout(Duration.ofMillis(1500)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> CrmKit.builder().searchTimeout(Duration.ofMinutes(61)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("got PT1H1M");
        CrmKit.builder().searchTimeout(Duration.ofSeconds(1)).searchTimeout(Duration.ofHours(1));
        assertThatThrownBy(() -> CrmKit.builder().maxPoolSize(1)).hasMessage("maxPoolSize: must be between 2 and 200"
                + " (the kit's migrations hold two connections at once), got 1");
        assertThatThrownBy(() -> CrmKit.builder().importMaxRows(0))
                .hasMessage("importMaxRows: must be between 1 and 200000, got 0");
        assertThatThrownBy(() -> CrmKit.builder().importMaxRows(200_001)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> CrmKit.builder().exportMaxRows(1_000_001))
                .hasMessage("exportMaxRows: must be between 1 and 1000000, got 1000001");
        assertThatThrownBy(() -> CrmKit.builder().fieldCacheExpiry(Duration.ofMillis(10)))
                .hasMessageContaining("fieldCacheExpiry");
        assertThatThrownBy(() -> CrmKit.builder().clock(null)).hasMessage("clock: must not be null");
        assertThatThrownBy(() -> CrmKit.builder().dataSource(null)).hasMessage("dataSource: must not be null");
        assertThatThrownBy(() -> CrmKit.builder().jdbcUrl("postgres://x", null, null))
                .hasMessage("jdbcUrl: must start with 'jdbc:', got 'postgres://x'");
        assertThatThrownBy(() -> CrmKit.builder().jdbcUrl("postgres://admin:s3cret@db/x?password=s3cret", "u", "p"))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("s3cret")
                .hasMessageContaining("postgres://...@db/x?...");
    }

    @Test
    void needsExactlyOneOfDataSourceAndJdbcUrl() {
        assertThatThrownBy(() -> CrmKit.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("dataSource: set exactly one of dataSource(...) and jdbcUrl(...), got neither");
        assertThatThrownBy(() -> CrmKit.builder().dataSource(fakeDatabase("H2")).jdbcUrl("jdbc:h2:mem:x", null, null)
                .build()).hasMessageEndingWith("got both");
    }

    @Test
    void refusesAnUnsupportedDatabaseNamingIt() {
        assertThatThrownBy(() -> CrmKit.builder().dataSource(fakeDatabase("Oracle")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("dataSource: unsupported database; CRMKit supports H2, PostgreSQL and MariaDB/MySQL, got 'Oracle'");
    }

    @Test
    void reportsADatabaseThatCannotBeReachedNamingTheUrl() {
        assertThatThrownBy(() -> CrmKit.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:1/none", "u", "p").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("jdbcUrl: cannot open a connection pool on 'jdbc:postgresql://127.0.0.1:1/none'");
    }

    @Test
    void aKitBuiltFromAUrlOwnsItsPoolAndClosesIt() {
        CrmKit kit = CrmKit.builder().jdbcUrl("jdbc:h2:mem:owned_pool;DB_CLOSE_DELAY=-1", "sa", "").build();
        var crm = kit.as(Actor.of("t", "a", Permission.ALL));
        long id = crm.customers().create(CustomerDraft.builder().name("Pooled").build()).id();
        assertThat(crm.customers().get(id).name()).isEqualTo("Pooled");
        assertThat(kit.databaseType()).isEqualTo("h2");

        kit.close();

        assertThatThrownBy(() -> crm.customers().get(id)).isInstanceOf(StorageException.class);
    }

    @Test
    void refusesNoShardsANullShardAndAShardOfAnotherKindOfDatabase() {
        assertThatThrownBy(() -> CrmKit.builder().shards(List.of())).isInstanceOf(ConfigurationException.class)
                .hasMessage("shards: must name one or more DataSources, none null");
        assertThatThrownBy(() -> CrmKit.builder().shards(Arrays.asList(h2("one"), null)))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("shards: ");
        assertThatThrownBy(() -> CrmKit.builder().dataSource(h2("router")).shards(List.of(fakeDatabase("MariaDB")))
                .build()).isInstanceOf(ConfigurationException.class)
                .hasMessage("shards: every shard must be the same kind of database as the dataSource (h2)");
    }

    @Test
    void migratesEveryShardAndKeepsTheHistoryOfTheFirst() throws Exception {
        DataSource first = h2("shard_a");
        DataSource second = h2("shard_b");
        try (CrmKit kit = CrmKit.builder().dataSource(first).shards(List.of(first, second)).build()) {
            assertThat(kit.appliedSchemaVersion()).isEqualTo(kit.schemaVersion());
        }
        for (DataSource shard : List.of(first, second)) {
            try (Connection connection = shard.getConnection();
                 var tables = connection.getMetaData().getTables(null, null, "CRM_CUSTOMER", null)) {
                assertThat(tables.next()).as("crm_customer on each shard").isTrue();
            }
        }
        try (CrmKit checked = CrmKit.builder().dataSource(first).shards(List.of(first, second)).migrate(false)
                .build()) {
            assertThat(checked.appliedSchemaVersion()).isEqualTo(checked.schemaVersion());
        }
    }

    private static DataSource h2(String name) {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** A DataSource whose connections report the given product name and nothing else. */
    private static DataSource fakeDatabase(String product) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (method, args) ->
                method.equals("getDatabaseProductName") ? product : null);
        Connection connection = proxy(Connection.class, (method, args) ->
                method.equals("getMetaData") ? metaData : null);
        return proxy(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> method.getName().equals("toString") ? type.getSimpleName()
                        : answer.answer(method.getName(), args == null ? new Object[0] : Arrays.copyOf(args, args.length))));
    }
}
