package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

class HostFlywayDefaultsTest {

    private final HostFlywayDefaults defaults = new HostFlywayDefaults(new DeferredLogs());

    @Test
    void turnsBootsFlywayOffForAnApplicationWithoutMigrations() {
        StandardEnvironment environment = new StandardEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
        assertThat(environment.getPropertySources().contains(HostFlywayDefaults.SOURCE)).isTrue();
    }

    @Test
    void leavesAnExplicitChoiceAlone() {
        StandardEnvironment environment = environment(Map.of("spring.flyway.enabled", "true"));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("true");
        assertThat(environment.getPropertySources().contains(HostFlywayDefaults.SOURCE)).isFalse();
    }

    @Test
    void leavesAnApplicationWithItsOwnLocationsAlone() {
        StandardEnvironment environment = environment(Map.of("spring.flyway.locations", "classpath:app/sql"));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.flyway.enabled")).isNull();
    }

    @Test
    void leavesAnApplicationWithMigrationsAtTheDefaultLocationAlone(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("db/migration"));
        Files.writeString(classes.resolve("db/migration/V1__app.sql"), "CREATE TABLE app (id INT)");
        StandardEnvironment environment = new StandardEnvironment();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            defaults.postProcessEnvironment(environment, new SpringApplication(new DefaultResourceLoader(loader)));
        }

        assertThat(environment.getProperty("spring.flyway.enabled")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        return environment;
    }
}
