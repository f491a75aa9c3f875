package io.crmkit.samples.web;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes every {@code long} of the API as a JSON string. The SDK's ids are 64-bit (384166219726038116), and a
 * JavaScript number holds integers exactly only up to 2^53: read as numbers, a browser would round them and ask
 * for customers that do not exist. Requests may send ids as strings or numbers.
 */
@Configuration(proxyBeanMethods = false)
class LongsAsText {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer longsAsJsonStrings() {
        return builder -> builder.serializerByType(Long.class, ToStringSerializer.instance)
                .serializerByType(Long.TYPE, ToStringSerializer.instance);
    }
}
