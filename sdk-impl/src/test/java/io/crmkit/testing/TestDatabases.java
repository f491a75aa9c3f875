package io.crmkit.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);

    /** @return the databases this run tests on: h2 first, then those whose variable is set */
    public static List<String> configured() {
        List<String> names = new ArrayList<>(List.of("h2"));
        if (isSet(POSTGRES_ENV)) {
            names.add("postgres");
        }
        if (isSet(MARIADB_ENV)) {
            names.add("mariadb");
        }
        return names;
    }

    /** @return the JDBC URL of a configured database */
    public static String url(String name) {
        return switch (name) {
            case "h2" -> "jdbc:h2:mem:crmkit_test;DB_CLOSE_DELAY=-1";
            case "postgres" -> System.getenv(POSTGRES_ENV);
            case "mariadb" -> System.getenv(MARIADB_ENV);
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
        return configured().stream().map(name -> new TestTemplateInvocationContext() {
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

    /** Hands each test a TestDb on the invocation's database. */
    private record Resolver(String name, ExtensionContext.Store store) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDb.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Shared shared = store.getOrComputeIfAbsent("db:" + name, key -> Shared.open(name), Shared.class);
            return new TestDb(name, shared.pool, shared.kit);
        }
    }

    /** One pool and one kit (prefix crm_) per database and run. */
    static final class Shared implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final HikariDataSource pool;
        final CrmKit kit;

        private Shared(HikariDataSource pool, CrmKit kit) {
            this.pool = pool;
            this.kit = kit;
        }

        static Shared open(String name) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url(name));
            config.setMaximumPoolSize(8);
            config.setPoolName("test-" + name);
            HikariDataSource pool = new HikariDataSource(config);
            CrmKit kit = CrmKit.builder().dataSource(pool).defaultPhoneRegion("VN").build();
            return new Shared(pool, kit);
        }

        @Override
        public void close() {
            kit.close();
            pool.close();
        }
    }
}
