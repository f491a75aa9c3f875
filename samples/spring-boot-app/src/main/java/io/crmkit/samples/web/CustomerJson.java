package io.crmkit.samples.web;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.crmkit.api.customer.Customer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes a {@link Customer} as JSON with one property per component ({@code id}, {@code name}, ...,
 * {@code version}). {@code Customer} is a class with record-style accessors ({@code name()}, not
 * {@code getName()}), which Jackson does not see on its own; this mix-in has Jackson read its fields instead,
 * so a component added in a later release appears without a change here.
 */
@Configuration(proxyBeanMethods = false)
class CustomerJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer customerComponentsAsProperties() {
        return builder -> builder.mixIn(Customer.class, ComponentsAsProperties.class);
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    abstract static class ComponentsAsProperties {
    }
}
