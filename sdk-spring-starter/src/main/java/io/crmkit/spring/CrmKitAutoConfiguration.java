package io.crmkit.spring;

import io.crmkit.CrmKit;
import io.crmkit.api.Crm;
import io.crmkit.api.error.ConfigurationException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

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
 *   <li>Each bean backs off when the application defines one of its type: its own {@code CrmKit}, its own
 *       {@link ActorResolver}, its own {@code Crm}.</li>
 * </ul>
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(CrmKitProperties.class)
public class CrmKitAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CrmKitAutoConfiguration.class);

    /**
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

    /** @return the resolver of applications that define none: tenant "default", actor "app", every permission */
    @Bean
    @ConditionalOnMissingBean
    public ActorResolver actorResolver() {
        LOG.warn("CRMKit: no ActorResolver bean, so every call of the Crm bean acts as tenant '{}', actor '{}', with"
                + " every permission. Define an ActorResolver bean to give each user their tenant and permissions.",
                DefaultActorResolver.TENANT, DefaultActorResolver.ACTOR_ID);
        return new DefaultActorResolver();
    }

    /**
     * @return the customer module as the resolver's current actor sees it, resolved again on every service call:
     *         inject it anywhere, including singletons
     */
    @Bean
    @ConditionalOnMissingBean
    Crm crm(CrmKit kit, ActorResolver resolver, ObjectProvider<CrmDecorator> decorators) {
        return new CurrentActorCrm(kit, resolver, decorators.orderedStream().toList());
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
