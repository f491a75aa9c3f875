package io.crmkit.spring;

import io.crmkit.CrmKit;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code crmkit} health contributor ({@link CrmKitHealthIndicator}) when Spring Boot Actuator is on the
 * class path and there is a {@link CrmKit} bean. {@code management.health.crmkit.enabled=false} turns it off; a
 * bean named {@code crmkitHealthIndicator} of the application replaces it.
 */
@AutoConfiguration(after = CrmKitAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(CrmKit.class)
@ConditionalOnEnabledHealthIndicator("crmkit")
public class CrmKitHealthAutoConfiguration {

    /**
     * @param kit the application's kit, whose database the indicator checks
     * @return the indicator reported as {@code crmkit} under {@code /actuator/health}
     */
    @Bean
    @ConditionalOnMissingBean(name = "crmkitHealthIndicator")
    public CrmKitHealthIndicator crmkitHealthIndicator(CrmKit kit) {
        return new CrmKitHealthIndicator(kit);
    }
}
