package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.merge.MergeOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CrmMetricsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class, CrmMetricsAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::newDataSource)
            .withPropertyValues("crmkit.dev-actor.enabled=true");

    private final ApplicationContextRunner withRegistry = runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void timesSearchesByKindAndOutcome() {
        withRegistry.run(context -> {
            Crm crm = context.getBean(Crm.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            crm.filters().search(Query.all());
            crm.filters().search(Query.all());
            crm.filters().count(Filter.eq("name", "Lan"));
            assertThatThrownBy(() -> crm.filters().search(Query.where(Filter.eq("no_such_field", "x"))))
                    .isInstanceOf(ValidationException.class);

            assertThat(timerCount(registry, CrmMeters.SEARCHES, "kind", "search", "success")).isEqualTo(2);
            assertThat(timerCount(registry, CrmMeters.SEARCHES, "kind", "count", "success")).isEqualTo(1);
            assertThat(timerCount(registry, CrmMeters.SEARCHES, "kind", "search", "error")).isEqualTo(1);
        });
    }

    @Test
    void countsTheKitsTransactionRetries() {
        withRegistry.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            io.crmkit.CrmKit kit = context.getBean(io.crmkit.CrmKit.class);
            context.getBean(Crm.class).customers().create(CustomerDraft.builder().name("Lan").build());

            assertThat(registry.get(CrmMeters.RETRIES).functionCounter().count())
                    .isEqualTo((double) kit.transactionRetries()).isZero();
        });
    }

    @Test
    void theMeteredBeanDescribesTheFilterFieldsOfTheActorsTenantUntimed() {
        withRegistry.run(context -> {
            Crm crm = context.getBean(Crm.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(crm.filters()).isInstanceOf(MeteredFilters.class);

            List<FieldMetadata> fields = crm.filters().fields();

            assertThat(fields).extracting(FieldMetadata::key).contains("name", "phones", "tags", "group");
            assertThat(registry.find(CrmMeters.SEARCHES).timers()).isEmpty();
        });
    }

    @Test
    void timesImportsAndCountsTheirRowsByResult(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"), "Name\nLan\nMinh\n");
        withRegistry.run(context -> {
            Crm crm = context.getBean(Crm.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ImportRequest.Builder request = ImportRequest.builder(ImportFile.of(csv)).map("Name", "name");

            crm.imports().run(request.dryRun(true).build());
            assertThat(registry.find(CrmMeters.IMPORTS + ".rows").counters()).isEmpty();

            crm.imports().run(request.dryRun(false).build());
            assertThat(registry.get(CrmMeters.IMPORTS).tag("outcome", "success").timer().count()).isEqualTo(2);
            assertThat(registry.get(CrmMeters.IMPORTS + ".rows").tag("result", "created").counter().count())
                    .isEqualTo(2);
        });
    }

    @Test
    void timesExportsAndCountsTheirRows() {
        withRegistry.run(context -> {
            Crm crm = context.getBean(Crm.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            for (String name : List.of("Lan", "Minh", "Hoa")) {
                crm.customers().create(CustomerDraft.builder().name(name).build());
            }

            crm.exports().run(ExportRequest.builder(FileFormat.CSV).columns(List.of("name")).build(),
                    new ByteArrayOutputStream());

            assertThat(registry.get(CrmMeters.EXPORTS).tag("outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(CrmMeters.EXPORTS + ".rows").counter().count()).isEqualTo(3);
        });
    }

    @Test
    void measuresSubmittedImportsAndExportsWhenTheyEnd(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"), "Name,Email\nLan,lan@x.vn\nMinh,not an email\n");
        withRegistry.run(context -> {
            Crm crm = context.getBean(Crm.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            long imported = crm.imports().submit(ImportRequest.builder(ImportFile.of(csv)).build());
            crm.imports().jobs().await(imported, Duration.ofSeconds(30));
            long exported = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build(),
                    dir.resolve("out.csv"));
            crm.exports().jobs().await(exported, Duration.ofSeconds(30));

            // The listener runs just after the job's end is stored, which await may see first.
            await(() -> registry.find(CrmMeters.IMPORTS).tag("outcome", "success").timer() != null
                    && registry.find(CrmMeters.EXPORTS).tag("outcome", "success").timer() != null);
            assertThat(registry.get(CrmMeters.IMPORTS).tag("outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(CrmMeters.IMPORTS + ".rows").tag("result", "created").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(CrmMeters.IMPORTS + ".rows").tag("result", "failed").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(CrmMeters.EXPORTS).tag("outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(CrmMeters.EXPORTS + ".rows").counter().count()).isEqualTo(1);
        });
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

    @Test
    void timesMergesAndCountsTheCustomersMergedAway() {
        withRegistry.run(context -> {
            Crm crm = context.getBean(Crm.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            long lan = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
            long copy = crm.customers().create(CustomerDraft.builder().name("Lan N.").build()).id();

            crm.merges().merge(lan, copy, MergeOptions.defaults());

            assertThat(registry.get(CrmMeters.MERGES).tag("outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(CrmMeters.MERGES + ".customers").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void meterNothingWithoutAMeterRegistryBean() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CrmDecorator.class);
            assertThat(context.getBean(Crm.class).filters()).isNotInstanceOf(MeteredFilters.class);
        });
    }

    @Test
    void startsWithoutMicrometerOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CrmDecorator.class);
            assertThat(context.getBean(Crm.class).customers().create(CustomerDraft.builder().name("Lan").build())
                    .id()).isPositive();
        });
    }

    private static double timerCount(MeterRegistry registry, String name, String tag, String value, String outcome) {
        return registry.get(name).tag(tag, value).tag("outcome", outcome).timer().count();
    }
}
