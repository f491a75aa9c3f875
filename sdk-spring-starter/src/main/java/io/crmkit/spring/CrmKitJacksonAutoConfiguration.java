package io.crmkit.spring;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.crmkit.api.customer.Customer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Lets the application's Jackson write a {@link Customer} as JSON, one property per component ({@code id},
 * {@code name}, ..., {@code version}), as it writes the SDK's records: a controller may return a {@code Customer}.
 * {@code Customer} is a class with record-style accessors ({@code name()}, not {@code getName()}), which Jackson does
 * not see on its own; the module has Jackson read its fields, so a component added in a later release appears
 * without a change here. Boot registers every {@link Module} bean with its {@code ObjectMapper}; a bean of the
 * application named {@code crmKitJacksonModule} replaces this one.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(ObjectMapper.class)
public class CrmKitJacksonAutoConfiguration {

    /** The name of the module bean, and of the module. */
    static final String MODULE = "crmKitJacksonModule";

    /** @return the Jackson module that writes (and reads) a {@link Customer} by its fields */
    @Bean(MODULE)
    @ConditionalOnMissingBean(name = MODULE)
    public Module crmKitJacksonModule() {
        SimpleModule module = new SimpleModule(MODULE);
        module.setMixInAnnotation(Customer.class, ComponentsAsProperties.class);
        return module;
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    private abstract static class ComponentsAsProperties {
    }
}
