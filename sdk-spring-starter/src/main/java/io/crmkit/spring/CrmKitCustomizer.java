package io.crmkit.spring;

import io.crmkit.CrmKit;

/**
 * Sets what {@code crmkit.*} properties cannot express on the builder of the auto-configured {@link CrmKit}: the
 * {@link java.time.Clock}, an {@link io.crmkit.api.customer.AddressDirectory} of the application's own (one from a CSV
 * file is the property {@code crmkit.address-directory-csv}), or any setting computed at start-up.
 *
 * <pre>{@code
 * @Bean
 * CrmKitCustomizer vietnameseAddresses(AddressDirectory directory) {
 *     return builder -> builder.addressDirectory(directory);
 * }
 * }</pre>
 *
 * <p>Every customizer bean runs once, in {@code @Order}, after the properties are applied and before
 * {@code build()}; what it sets wins over the properties. A bad value fails start-up with the builder's
 * {@link io.crmkit.api.error.ConfigurationException} naming the setting. Not used when the application defines
 * its own {@code CrmKit} bean.
 */
@FunctionalInterface
public interface CrmKitCustomizer {

    /** @param builder the builder with the properties applied; change it in place */
    void customize(CrmKit.Builder builder);
}
