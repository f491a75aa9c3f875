package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.crmkit.api.customer.Customer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A controller may return a {@link Customer}: the application's Jackson writes one property per component. */
class CrmKitJacksonTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitJacksonAutoConfiguration.class));

    @Test
    void writesEveryComponentOfACustomerAsAProperty() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        Customer customer = Customer.builder().id(42).name("Lan").stage("lead").tags(List.of("vip"))
                .custom(Map.of("tier", "gold")).createdAt(at).createdBy("agent-1").updatedAt(at).updatedBy("agent-1")
                .version(3).build();

        runner.run(context -> {
            // A Boot application's mapper also has the Optional module; this one writes an Optional as a bean.
            JsonMapper json = JsonMapper.builder().findAndAddModules()
                    .disable(MapperFeature.REQUIRE_HANDLERS_FOR_JAVA8_OPTIONALS)
                    .addModule(context.getBean(CrmKitJacksonAutoConfiguration.MODULE, Module.class)).build();
            JsonNode written = json.valueToTree(customer);

            List<String> properties = new ArrayList<>();
            written.fieldNames().forEachRemaining(properties::add);
            assertThat(properties).containsExactlyInAnyOrderElementsOf(components());
            assertThat(written.get("id").asLong()).isEqualTo(42);
            assertThat(written.get("name").asText()).isEqualTo("Lan");
            assertThat(written.get("tags").get(0).asText()).isEqualTo("vip");
            assertThat(written.get("custom").get("tier").asText()).isEqualTo("gold");
        });
    }

    @Test
    void theApplicationsModuleOfTheSameNameWins() {
        Module own = new SimpleModule("own");

        runner.withBean(CrmKitJacksonAutoConfiguration.MODULE, Module.class, () -> own)
                .run(context -> assertThat(context.getBean(CrmKitJacksonAutoConfiguration.MODULE)).isSameAs(own));
    }

    private static List<String> components() {
        return Arrays.stream(Customer.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .toList();
    }
}
