package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A bad crmkit.* value fails start-up, and the failure names the property a developer has to fix. */
class BadPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::newDataSource)
            .withPropertyValues("crmkit.dev-actor.enabled=true");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            crmkit.table-prefix          | Shop-CRM              | must be 0 to 20 characters
            crmkit.table-prefix          | a_prefix_of_21_chars_ | must be 0 to 20 characters
            crmkit.default-phone-region  | XX                    | must be a region with phone numbers
            crmkit.trash-retention       | 0                     | between 1 and 3650 days
            crmkit.trash-retention       | 3651                  | between 1 and 3650 days
            crmkit.merge-retention       | 12h                   | between 1 and 3650 days
            crmkit.search-timeout        | 0                     | whole seconds between 1 s and 1 h
            crmkit.search-timeout        | 2h                    | whole seconds between 1 s and 1 h
            crmkit.job-threads           | 0                     | between 1 and 64
            crmkit.job-threads           | 65                    | between 1 and 64
            crmkit.import-max-rows       | 0                     | between 1 and 200000
            crmkit.import-max-rows       | 200001                | between 1 and 200000
            crmkit.export-max-rows       | 1000001               | between 1 and 1000000
            crmkit.field-cache-expiry    | 0                     | between 1 second and 1 hour
            crmkit.field-cache-expiry    | 61m                   | between 1 second and 1 hour
            crmkit.job-lease             | 0                     | between 1 second and 1 hour
            crmkit.job-lease-renewal     | 6                     | between 100 ms and half the lease
            crmkit.job-file-retention    | 59m                   | between 1 hour and 3650 days
            crmkit.job-file-retention    | 3651                  | between 1 hour and 3650 days
            crmkit.node-id               | -1                    | between 0 and 1023
            crmkit.node-id               | 1024                  | between 0 and 1023
            crmkit.lifecycle-stages      | lead,lead             | listed twice
            crmkit.lifecycle-stages      | Lead                  | must be 1 to 32 characters
            """)
    void failsStartUpNamingThePropertyTheValueAndTheLimit(String property, String value, String reason) {
        runner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException invalid = find(context.getStartupFailure(),
                    InvalidConfigurationPropertyValueException.class);
            assertThat(invalid.getName()).isEqualTo(property);
            assertThat(invalid.getMessage()).contains(property).contains(reason);
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            crmkit.job-threads | many
            crmkit.node-id     | first
            crmkit.migrate     | perhaps
            crmkit.trash-retention | a month
            """)
    void failsStartUpNamingThePropertyWhenTheValueIsNotOfItsType(String property, String value) {
        runner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).anyMatch(message -> message.contains(property));
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            crmkit.datasource.url           | postgres://db/crm?password=secret | must start with 'jdbc:'
            crmkit.datasource.max-pool-size | 0                                 | between 2 and 200
            """)
    void failsStartUpNamingTheOwnPoolsProperty(String property, String value, String reason) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class))
                .withPropertyValues("crmkit.datasource.url=" + TestDatabases.newUrl(), property + "=" + value)
                .run(context -> {
                    InvalidConfigurationPropertyValueException invalid = find(context.getStartupFailure(),
                            InvalidConfigurationPropertyValueException.class);
                    assertThat(invalid.getName()).isEqualTo(property);
                    assertThat(invalid.getMessage()).contains(reason);
                    assertThat(context.getStartupFailure()).hasStackTraceContaining(property)
                            .satisfies(failure -> assertThat(messages(failure)).noneMatch(m -> m.contains("secret")));
                });
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }
}
