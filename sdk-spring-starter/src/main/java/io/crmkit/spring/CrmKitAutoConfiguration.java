package io.crmkit.spring;

import io.crmkit.CrmKit;
import io.crmkit.api.Crm;
import io.crmkit.api.error.ConfigurationException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Builds one {@link CrmKit} for the application and the {@link Crm} of the current actor.
 *
 * <ul>
 *   <li>The kit runs on {@code crmkit.datasource.url} (a pool of its own) when that is set, otherwise on the
 *       application's DataSource bean (the only one, or the {@code @Primary} one). With neither, start-up fails
 *       naming {@code crmkit.datasource.url}.</li>
 *   <li>The {@code crmkit.*} properties and then the {@link CrmKitCustomizer} beans configure it; a bad value
 *       fails start-up naming the property. The kit migrates its tables while the context starts.</li>
 *   <li>The kit is built after the application's own schema migrations (Flyway, Liquibase, SQL scripts), so that
 *       the application's Flyway meets an empty schema on a new database, not the kit's tables.</li>
 *   <li>On shutdown the kit is closed: its job threads stop and its own pool closes; the application's DataSource
 *       is left to the application.</li>
 *   <li>The {@code Crm} bean acts, call by call, as the actor the {@link ActorResolver} bean returns. Without
 *       the application's own resolver: with Spring Security on the class path, the signed-in user
 *       ({@link SpringSecurityActorResolver}, set by {@code crmkit.security.*}); with
 *       {@code crmkit.dev-actor.enabled=true}, one tenant with every permission, for development (a warning says
 *       so); otherwise start-up fails, showing how to define a resolver. No caller ever gets every permission by
 *       default.</li>
 *   <li>Each bean backs off when the application defines one of its type: its own {@code CrmKit}, its own
 *       {@link ActorResolver}, its own {@code Crm}.</li>
 * </ul>
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(CrmKitProperties.class)
public class CrmKitAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CrmKitAutoConfiguration.class);

    static final String NO_RESOLVER = """
            no ActorResolver bean: the Crm bean cannot tell which tenant, user and permissions a call acts as, and \
            CRMKit gives no caller every permission by default. Define one that reads the user signed in:

                @Bean ActorResolver actorResolver() {
                    return () -> Actor.of(tenantOfCurrentUser(), currentUserId(), permissionsOfCurrentUser());
                }

            or add Spring Security (spring-boot-starter-security): the starter then acts as its signed-in user, \
            tenant and permissions from the authorities TENANT_<tenant> and CRM_<permission> (see crmkit.security.*). \
            For development on one tenant only, set crmkit.dev-actor.enabled=true: every call then acts as tenant \
            'default' with every permission.""";

    /**
     * Builds the kit from the {@code crmkit.*} properties, on the kit's own pool when {@code crmkit.datasource.url} is
     * set, else on the application's single (or primary) DataSource, then lets each {@link CrmKitCustomizer} change
     * the builder, in their order.
     *
     * @param properties  the {@code crmkit.*} properties
     * @param dataSources the application's DataSource beans, used when {@code crmkit.datasource.url} is not set
     * @param customizers the application's customizers of the builder, applied last
     * @return the kit, migrated (or checked, with {@code crmkit.migrate=false}) and ready
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException naming
     *         the property with a bad value
     *         (also {@code crmkit.migrate=false} on tables that are not up to date)
     * @throws ConfigurationException when there is no DataSource to use, or the database cannot be reached or is not
     *         supported
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public CrmKit crmKit(CrmKitProperties properties, ObjectProvider<DataSource> dataSources,
                         ObjectProvider<CrmKitCustomizer> customizers) {
        CrmKit.Builder builder = CrmKit.builder();
        KitBuilderConfigurer.apply(properties, builder);
        if (properties.getDatasource().getUrl() != null) {
            KitBuilderConfigurer.applyOwnPool(properties.getDatasource(), builder);
        } else {
            builder.dataSource(applicationDataSource(dataSources));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return KitBuilderConfigurer.build(properties, builder);
    }

    /**
     * @return the resolver of {@code crmkit.dev-actor.enabled=true}: tenant "default", actor "dev", every
     *         permission, whoever calls
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "crmkit.dev-actor", name = "enabled", havingValue = "true")
    public ActorResolver devActorResolver() {
        LOG.warn("CRMKit: crmkit.dev-actor.enabled=true, so every call of the Crm bean, whoever makes it, acts as"
                + " tenant '{}', actor '{}', with every permission. For development only: before anyone else can reach"
                + " this application, define an ActorResolver bean or use Spring Security, and remove the property.",
                DevActorResolver.TENANT, DevActorResolver.ACTOR_ID);
        return new DevActorResolver();
    }

    /**
     * @return the customer module as the resolver's current actor sees it, resolved again on every service call:
     *         inject it anywhere, including singletons
     * @throws ConfigurationException when there is no {@link ActorResolver} bean, with the lines that define one
     */
    @Bean
    @ConditionalOnMissingBean
    Crm crm(CrmKit kit, ObjectProvider<ActorResolver> resolvers, ObjectProvider<CrmDecorator> decorators) {
        ActorResolver resolver = resolvers.getIfAvailable();
        if (resolver == null) {
            throw new ConfigurationException("actorResolver", null, NO_RESOLVER);
        }
        return new CurrentActorCrm(kit, resolver, decorators.orderedStream().toList());
    }

    /** With Spring Security, and neither a resolver of the application's nor the development actor. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityContextHolder.class)
    @ConditionalOnProperty(prefix = "crmkit.dev-actor", name = "enabled", havingValue = "false", matchIfMissing = true)
    static class SpringSecurityActors {

        /**
         * @return the resolver of the user signed in on the calling thread
         * @throws InvalidConfigurationPropertyValueException when an authority prefix is empty
         */
        @Bean
        @ConditionalOnMissingBean
        ActorResolver springSecurityActorResolver(CrmKitProperties properties) {
            CrmKitProperties.Security settings = properties.getSecurity();
            notEmpty("crmkit.security.tenant-authority-prefix", settings.getTenantAuthorityPrefix());
            notEmpty("crmkit.security.permission-authority-prefix", settings.getPermissionAuthorityPrefix());
            return new SpringSecurityActorResolver(settings);
        }

        private static void notEmpty(String property, String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new InvalidConfigurationPropertyValueException(property, prefix,
                        "must not be empty: every authority of the user would match it");
            }
        }
    }

    private static DataSource applicationDataSource(ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource != null) {
            return dataSource;
        }
        long found = dataSources.stream().count();
        throw new ConfigurationException("crmkit.datasource.url", null, "the application has "
                + (found == 0 ? "no DataSource bean" : found + " DataSource beans and none is @Primary")
                + "; set crmkit.datasource.url for a pool of the kit's own, or define one DataSource bean");
    }
}
