package io.crmkit.spring;

import io.crmkit.CrmKit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Meters the starter's {@code Crm} bean when Micrometer is on the class path and the application has a
 * {@link MeterRegistry} bean (as Spring Boot Actuator provides):
 *
 * <table>
 *   <caption>meters</caption>
 *   <tr><th>meter</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code crmkit.imports}</td><td>timer of {@code imports().run}</td><td>outcome</td></tr>
 *   <tr><td>{@code crmkit.imports.rows}</td><td>counter of imported rows (not of dry runs)</td>
 *       <td>result: created, updated, unchanged, failed</td></tr>
 *   <tr><td>{@code crmkit.exports}</td><td>timer of {@code exports().run}</td><td>outcome</td></tr>
 *   <tr><td>{@code crmkit.exports.rows}</td><td>counter of exported rows</td><td></td></tr>
 *   <tr><td>{@code crmkit.merges}</td><td>timer of {@code merges().merge}</td><td>outcome</td></tr>
 *   <tr><td>{@code crmkit.merges.customers}</td><td>counter of customers merged away</td><td></td></tr>
 *   <tr><td>{@code crmkit.searches}</td><td>timer of {@code filters().search}, {@code searchView}, {@code count}</td>
 *       <td>kind: search, view, count; outcome</td></tr>
 *   <tr><td>{@code crmkit.transaction.retries}</td><td>counter of transactions the kit ran again after the database
 *       refused them as conflicting ({@code CrmKit.transactionRetries()})</td><td></td></tr>
 * </table>
 *
 * <p>{@code outcome} is {@code success} or {@code error} (the call threw). Imports and exports submitted as jobs are
 * measured when they end, on the same meters (time from start to end; {@code error} unless DONE), for every actor
 * of the starter's kit. Other calls on a {@code Crm} obtained from {@code kit.as(actor)} directly are not measured.
 */
@AutoConfiguration(after = CrmKitAutoConfiguration.class,
        afterName = {"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class CrmMetricsAutoConfiguration {

    @Bean
    CrmDecorator crmMeters(MeterRegistry registry) {
        CrmMeters meters = new CrmMeters(registry);
        return crm -> new MeteredCrm(crm, meters);
    }

    /** Counts the starter's kit's transactions run again after a serialization failure or a deadlock. */
    @Bean
    FunctionCounter crmTransactionRetries(MeterRegistry registry, CrmKit kit) {
        return FunctionCounter.builder(CrmMeters.RETRIES, kit, CrmKit::transactionRetries)
                .description("transactions run again after the database refused them as conflicting")
                .register(registry);
    }

    /** Meters the submitted imports and exports of the starter's kit as they end. */
    @Bean
    CrmKitCustomizer crmJobMeters(MeterRegistry registry) {
        MeteredJobs jobs = new MeteredJobs(new CrmMeters(registry));
        return builder -> builder.addTransferListener(jobs);
    }
}
