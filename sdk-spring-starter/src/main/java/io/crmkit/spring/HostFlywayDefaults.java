package io.crmkit.spring;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps Spring Boot's own Flyway from running on an application that has no migrations of its own.
 *
 * <p>The SDK brings Flyway onto the classpath for its own tables (history table {@code <prefix>schema_history},
 * scripts under {@code io/crmkit/db/migration}). Boot then starts its Flyway on the application's DataSource as
 * well, finds the kit's tables and no history of its own, and stops start-up ("Found non-empty schema(s) but no
 * schema history table"). So when the application sets neither {@code spring.flyway.enabled} nor
 * {@code spring.flyway.locations} and has nothing at Boot's default location {@code classpath:db/migration}, this
 * sets {@code spring.flyway.enabled=false} as a default of the lowest precedence, and says so in the log. An
 * application with migrations of its own keeps its Flyway, which runs before the kit is built.
 */
public class HostFlywayDefaults implements EnvironmentPostProcessor {

    /** The property source this adds. */
    static final String SOURCE = "crmkit-host-flyway-defaults";

    private static final String FLYWAY = "org.flywaydb.core.Flyway";
    private static final String DEFAULT_LOCATION = "db/migration";

    private final Log log;

    /** @param logs Boot's logs of the time before logging is set up */
    public HostFlywayDefaults(DeferredLogFactory logs) {
        this.log = logs.getLog(HostFlywayDefaults.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader loader = application.getClassLoader();
        if (!isPresent(FLYWAY, loader) || environment.containsProperty("spring.flyway.enabled")
                || environment.containsProperty("spring.flyway.locations")
                || loader.getResource(DEFAULT_LOCATION) != null) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of("spring.flyway.enabled", "false")));
        log.info("CRMKit: the application has no Flyway migrations of its own (nothing at classpath:"
                + DEFAULT_LOCATION + "), so Spring Boot's Flyway is off (spring.flyway.enabled=false); the kit"
                + " migrates its own tables. Set spring.flyway.enabled=true to keep it on.");
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
