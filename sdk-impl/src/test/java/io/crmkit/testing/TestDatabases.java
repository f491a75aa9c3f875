package io.crmkit.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Provides one invocation of a {@link DbTest} per configured database. The pool and the shared kit of each
 * database are made once per test run and closed at its end.
 */
public final class TestDatabases implements TestTemplateInvocationContextProvider {

    /** Environment variable with the JDBC URL (user in the URL) of the PostgreSQL test database. */
    public static final String POSTGRES_ENV = "CRMKIT_TEST_POSTGRES_URL";
    /** Environment variable with the JDBC URL (user in the URL) of the MariaDB test database. */
    public static final String MARIADB_ENV = "CRMKIT_TEST_MARIADB_URL";
    /**
     * Environment variable with the JDBC URL of a PostgreSQL database whose transactions run SERIALIZABLE by default
     * ({@code ALTER DATABASE ... SET default_transaction_isolation = 'serializable'}), as distributed SQL engines
     * (CockroachDB, YugabyteDB) run them: the target {@code serializable}.
     */
    public static final String SERIALIZABLE_ENV = "CRMKIT_TEST_SERIALIZABLE_URL";
    /**
     * Environment variable with the JDBC URLs, comma-separated, of the two PostgreSQL databases of the target
     * {@code sharded}: every CRMKit table sharded by {@code tenant_id} over them with ShardingSphere-JDBC
     * (the rules CRMKit ships, {@code io/crmkit/sharding/crmkit-sharding.yaml}).
     */
    public static final String SHARDED_ENV = "CRMKIT_TEST_SHARDED_URLS";

    /** The packages whose every test class runs on the serializable target: jobs, leases, crash recovery, retries. */
    private static final Set<String> SERIALIZABLE_PACKAGES = Set.of("io.crmkit.jobs", "io.crmkit.kit");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);

    /**
     * @return the targets this run tests on: h2 first, then those whose variable is set (postgres, mariadb,
     *         serializable, sharded; those two run a part of the classes, see {@link #runs})
     */
    public static List<String> configured() {
        List<String> names = new ArrayList<>(List.of("h2"));
        if (isSet(POSTGRES_ENV)) {
            names.add("postgres");
        }
        if (isSet(MARIADB_ENV)) {
            names.add("mariadb");
        }
        if (isSet(SERIALIZABLE_ENV)) {
            names.add("serializable");
        }
        if (isSet(SHARDED_ENV)) {
            names.add("sharded");
        }
        return names;
    }

    /** @return the SQL dialect of a target: h2, postgres or mariadb (serializable and sharded are PostgreSQL) */
    public static String dialect(String name) {
        return name.equals("serializable") || name.equals("sharded") ? "postgres" : name;
    }

    /** @return the JDBC URLs of the sharded target's databases, in the sharding's order ({@code ds_0}, ...) */
    public static List<String> shardUrls() {
        return List.of(System.getenv(SHARDED_ENV).split(","));
    }

    /** @return the JDBC URL of a configured database */
    public static String url(String name) {
        return switch (name) {
            case "h2" -> "jdbc:h2:mem:crmkit_test;DB_CLOSE_DELAY=-1";
            case "postgres" -> System.getenv(POSTGRES_ENV);
            case "mariadb" -> System.getenv(MARIADB_ENV);
            case "serializable" -> System.getenv(SERIALIZABLE_ENV);
            case "sharded" -> shardUrls().get(0); // a kit of a test's own runs on the first shard alone
            default -> throw new IllegalArgumentException("unknown test database " + name);
        };
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        String method = context.getDisplayName();
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Class<?> testClass = context.getRequiredTestClass();
        return configured().stream().filter(name -> runs(testClass, name))
                .map(name -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + name + "]";
            }

            @Override
            public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
                return List.of(new Resolver(name, store));
            }
        });
    }

    /**
     * @return whether a test class runs on a target: every class on h2, postgres and mariadb; on serializable the
     *         classes marked {@link SerializableToo} or {@link ShardedToo} and those of {@code io.crmkit.jobs} and
     *         {@code io.crmkit.kit}; on sharded the classes marked {@link ShardedToo}
     */
    static boolean runs(Class<?> testClass, String target) {
        boolean shardedToo = testClass.isAnnotationPresent(ShardedToo.class);
        return switch (target) {
            case "sharded" -> shardedToo;
            case "serializable" -> shardedToo || testClass.isAnnotationPresent(SerializableToo.class)
                    || SERIALIZABLE_PACKAGES.contains(testClass.getPackageName());
            default -> true;
        };
    }

    /** Hands each test a TestDb on the invocation's database. */
    private record Resolver(String name, ExtensionContext.Store store) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDb.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Shared shared = store.getOrComputeIfAbsent("db:" + name, key -> Shared.open(name), Shared.class);
            return new TestDb(name, shared.dataSource, shared.direct, shared.kit);
        }
    }

    /**
     * One kit (prefix crm_) per target and run, on one pool, or for the sharded target on ShardingSphere over a pool
     * per shard.
     */
    static final class Shared implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final DataSource dataSource;
        final DataSource direct;
        final CrmKit kit;
        private final List<Runnable> resources;

        private Shared(DataSource dataSource, DataSource direct, CrmKit kit, List<Runnable> resources) {
            this.dataSource = dataSource;
            this.direct = direct;
            this.kit = kit;
            this.resources = resources;
        }

        static Shared open(String name) {
            if (name.equals("sharded")) {
                return openSharded();
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url(name));
            config.setMaximumPoolSize(8);
            config.setPoolName("test-" + name);
            HikariDataSource pool = new HikariDataSource(config);
            CrmKit kit = CrmKit.builder().dataSource(pool).defaultPhoneRegion("VN").build();
            return new Shared(pool, pool, kit, List.of(pool::close));
        }

        /**
         * ShardingSphere-JDBC over the shards, which the kit checks, routing every statement: pinned to its shard's
         * pool (the default), a tenant's own statements would be the [postgres] target's again, while this target is
         * there to show ShardingSphere parses and routes each of them ({@code ShardingTest} covers the pinning).
         */
        private static Shared openSharded() {
            ShardedDataSource sharded = ShardedDataSource.open("test-sharded", new ShardStatements());
            try {
                CrmKit kit = CrmKit.builder().dataSource(sharded.routed()).shards(sharded.shards())
                        .pinTenantsToShards(false).defaultPhoneRegion("VN").build();
                return new Shared(sharded.routed(), sharded.shards().get(0), kit, List.of(sharded::close));
            } catch (RuntimeException e) {
                sharded.close();
                throw e;
            }
        }

        @Override
        public void close() {
            kit.close();
            resources.forEach(Runnable::run);
        }
    }
}
