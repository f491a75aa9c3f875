package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CrmKitHealthTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class, CrmKitHealthAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::newDataSource)
            .withPropertyValues("crmkit.dev-actor.enabled=true");

    @Test
    void isUpWithTheDatabaseAndTablePrefixWhenTheKitAnswers() {
        runner.run(context -> {
            Health health = context.getBean("crmkitHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "h2").containsEntry("tablePrefix", "crm_")
                    .containsEntry("schemaVersion", context.getBean(CrmKit.class).schemaVersion())
                    .doesNotContainKey("appliedSchemaVersion");
        });
    }

    @Test
    void isDownWithBothVersionsWhenAnotherCrmKitHasMigratedTheTables() {
        runner.run(context -> {
            CrmKit kit = context.getBean(CrmKit.class);
            int next = Integer.parseInt(kit.schemaVersion()) + 1;
            TestDatabases.execute(context.getBean(DataSource.class), "INSERT INTO \"crm_schema_history\""
                    + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"installed_by\","
                    + " \"installed_on\", \"execution_time\", \"success\") VALUES (1000, '" + next + "', 'from a newer"
                    + " CRMKit', 'SQL', 'V" + next + "__newer.sql', 'other', CURRENT_TIMESTAMP, 1, TRUE)");

            Health health = context.getBean("crmkitHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("schemaVersion", kit.schemaVersion())
                    .containsEntry("appliedSchemaVersion", String.valueOf(next));
            assertThat(health.getDetails().get("error").toString()).contains("another CRMKit has migrated them");
        });
    }

    @Test
    void isDownWithTheErrorWhenTheTablesAreGone() {
        runner.run(context -> {
            TestDatabases.execute(context.getBean(DataSource.class), "DROP ALL OBJECTS");
            Health health = context.getBean("crmkitHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
    }

    @Test
    void isOffWhenDisabledByProperty() {
        runner.withPropertyValues("management.health.crmkit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CrmKitHealthIndicator.class));
    }

    @Test
    void isAbsentWithoutActuatorAndTheKitStillStarts() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("crmkitHealthIndicator");
            assertThat(context).hasBean("crmKit");
        });
    }

    @Test
    void backsOffForABeanOfTheSameName() {
        HealthIndicator own = () -> Health.up().withDetail("own", true).build();
        runner.withBean("crmkitHealthIndicator", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context.getBean("crmkitHealthIndicator")).isSameAs(own));
    }
}
