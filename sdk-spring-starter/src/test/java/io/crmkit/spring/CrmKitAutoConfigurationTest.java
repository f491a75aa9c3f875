package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

class CrmKitAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class))
            .withPropertyValues("crmkit.dev-actor.enabled=true");

    @Configuration(proxyBeanMethods = false)
    static class HostDataSource {
        @Bean
        DataSource dataSource() {
            return TestDatabases.newDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource first() {
            return TestDatabases.newDataSource();
        }

        @Bean
        DataSource second() {
            return TestDatabases.newDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostKit {
        @Bean
        CrmKit hostKit() {
            return CrmKit.builder().jdbcUrl(TestDatabases.newUrl(), null, null).tablePrefix("host_").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {
        static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

        @Bean
        CrmKitCustomizer fixedClock() {
            return builder -> builder.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        }
    }

    @Test
    void buildsTheKitOnTheApplicationsDataSourceWithTheDefaults() {
        runner.withUserConfiguration(HostDataSource.class).run(context -> {
            assertThat(context).hasSingleBean(CrmKit.class).hasSingleBean(Crm.class);
            CrmKit kit = context.getBean(CrmKit.class);
            assertThat(kit.databaseType()).isEqualTo("h2");
            assertThat(kit.tablePrefix()).isEqualTo("crm_");
            assertThat(TestDatabases.hasTable(context.getBean(DataSource.class), "crm_customer")).isTrue();
        });
    }

    @Test
    void usesThePrimaryOfSeveralDataSources() {
        runner.withUserConfiguration(TwoDataSources.class)
                .withBean("main", DataSource.class, TestDatabases::newDataSource, definition -> definition.setPrimary(true))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(TestDatabases.hasTable(context.getBean("main", DataSource.class), "crm_customer")).isTrue();
                    assertThat(TestDatabases.hasTable(context.getBean("first", DataSource.class), "crm_customer")).isFalse();
                });
    }

    @Test
    void failsNamingTheUrlPropertyWhenSeveralDataSourcesHaveNoPrimary() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("crmkit.datasource.url")
                    .hasMessageContaining("2 DataSource beans and none is @Primary");
        });
    }

    @Test
    void failsNamingTheUrlPropertyWhenThereIsNoDataSource() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("crmkit.datasource.url")
                    .hasMessageContaining("no DataSource bean");
        });
    }

    @Test
    void opensAPoolOfItsOwnOnCrmkitDatasourceUrl() {
        runner.withPropertyValues("crmkit.datasource.url=" + TestDatabases.newUrl()).run(context -> {
            Crm crm = context.getBean(Crm.class);
            long id = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
            assertThat(crm.customers().get(id).name()).isEqualTo("Lan");
        });
    }

    @Test
    void crmkitDatasourceUrlWinsOverTheApplicationsDataSource() {
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.datasource.url=" + TestDatabases.newUrl())
                .run(context -> assertThat(TestDatabases.hasTable(context.getBean(DataSource.class), "crm_customer"))
                        .isFalse());
    }

    @Test
    void closesTheKitAndItsOwnPoolOnShutdown() {
        Crm[] crm = new Crm[1];
        runner.withPropertyValues("crmkit.datasource.url=" + TestDatabases.newUrl())
                .run(context -> crm[0] = context.getBean(Crm.class));

        assertThatThrownBy(() -> crm[0].customers().create(CustomerDraft.builder().name("Lan").build()))
                .isInstanceOf(CrmException.class);
    }

    @Test
    void leavesTheApplicationsDataSourceToTheApplicationOnShutdown() {
        DataSource host = TestDatabases.newDataSource();
        runner.withBean(DataSource.class, () -> host).run(context -> assertThat(context).hasNotFailed());

        assertThat(TestDatabases.hasTable(host, "crm_customer")).isTrue();
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnKit() {
        runner.withUserConfiguration(HostDataSource.class, HostKit.class).run(context -> {
            assertThat(context).hasSingleBean(CrmKit.class);
            assertThat(context.getBean(CrmKit.class).tablePrefix()).isEqualTo("host_");
            assertThat(TestDatabases.hasTable(context.getBean(DataSource.class), "crm_customer")).isFalse();
            Crm crm = context.getBean(Crm.class);
            assertThat(crm.customers().create(CustomerDraft.builder().name("Lan").build()).id()).isPositive();
        });
    }

    @Test
    void appliesTheTablePrefix() {
        runner.withUserConfiguration(HostDataSource.class).withPropertyValues("crmkit.table-prefix=shop_crm_")
                .run(context -> {
                    assertThat(context.getBean(CrmKit.class).tablePrefix()).isEqualTo("shop_crm_");
                    assertThat(TestDatabases.hasTable(context.getBean(DataSource.class), "shop_crm_customer")).isTrue();
                });
    }

    @Test
    void appliesTheDefaultPhoneRegion() {
        runner.withUserConfiguration(HostDataSource.class).withPropertyValues("crmkit.default-phone-region=VN")
                .run(context -> assertThat(context.getBean(Crm.class).customers()
                        .create(CustomerDraft.builder().phone("0912 345 678").build()).phones())
                        .containsExactly("+84912345678"));
    }

    @Test
    void checksAddressesAgainstTheIsoCountriesByDefault() {
        runner.withUserConfiguration(HostDataSource.class).run(context -> {
            assertThat(context.getBean(CrmKit.class).addressDirectory().options(List.of()).options())
                    .contains(AddressOption.of("VN", "Vietnam"));
            assertThatThrownBy(() -> context.getBean(Crm.class).customers().create(CustomerDraft.builder().name("Lan")
                    .address(Address.of("Atlantis", "", "", "", "")).build()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("no country 'Atlantis'");
        });
    }

    @Test
    void loadsTheAddressDirectoryCsvOnTheIsoCountries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("addresses.csv");
        Files.writeString(file, "country_code,country_name,province_code,province_name,city_code,city_name,area_code,"
                + "area_name\nVN,Viet Nam,HN,Ha Noi,,,,\n");
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.address-directory-csv=" + file.toUri())
                .run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    assertThat(crm.customers().create(CustomerDraft.builder().name("Lan")
                            .address(Address.of("Viet Nam", "Ha Noi", "Hanoi", "", "")).build()).id()).isPositive();
                    assertThat(crm.customers().create(CustomerDraft.builder().name("Anna")
                            .address(Address.of("France", "Anywhere", "", "", "")).build()).id()).isPositive();
                    assertThatThrownBy(() -> crm.customers().create(CustomerDraft.builder().name("Minh")
                            .address(Address.of("VN", "Ha Nol", "", "", "")).build()))
                            .isInstanceOf(ValidationException.class)
                            .hasMessageContaining("no province 'Ha Nol' in country 'Vietnam'; nearest: Ha Noi");
                });
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.address-directory-csv=" + file.toUri(),
                        "crmkit.address-directory-iso-countries=false")
                .run(context -> assertThat(context.getBean(CrmKit.class).addressDirectory().options(List.of())
                        .options()).containsExactly(AddressOption.of("VN", "Viet Nam")));
    }

    @Test
    void failsStartUpNamingTheAddressDirectoryPropertyAndTheBadLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("addresses.csv");
        Files.writeString(file, "country_code,country_name,province_code,province_name,city_code,city_name,area_code,"
                + "area_name\nVN,Vietnam,HN,,,,,\n");
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.address-directory-csv=" + file.toUri())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                            .hasMessageContaining("crmkit.address-directory-csv")
                            .hasMessageContaining("line 2, column province_name: required with province_code");
                });
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.address-directory-csv=" + dir.resolve("missing.csv").toUri())
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("crmkit.address-directory-csv").hasMessageContaining("cannot be read"));
    }

    @Test
    void turnsAutomaticTimelineEventsOffWhenThePropertySaysSo() {
        runner.withUserConfiguration(HostDataSource.class).run(context -> {
            Crm crm = context.getBean(Crm.class);
            long id = crm.customers().create(CustomerDraft.builder().name("An").build()).id();
            assertThat(crm.activities().timeline().read(id, io.crmkit.api.activity.TimelineQuery.newest()).items())
                    .extracting(io.crmkit.api.activity.Event::type).containsExactly("customer_created");
        });
        runner.withUserConfiguration(HostDataSource.class).withPropertyValues("crmkit.automatic-events=false")
                .run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    long id = crm.customers().create(CustomerDraft.builder().name("Binh").build()).id();
                    assertThat(crm.activities().timeline().read(id, io.crmkit.api.activity.TimelineQuery.newest())
                            .items()).isEmpty();
                });
    }

    @Test
    void appliesTheImportAndExportLimits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("three.csv");
        Files.writeString(file, "name\nAn\nBinh\nChau\n");
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.import-max-rows=2", "crmkit.export-max-rows=1")
                .run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    assertThatThrownBy(() -> crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build()))
                            .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 2 data rows");
                    crm.customers().create(CustomerDraft.builder().name("An").build());
                    crm.customers().create(CustomerDraft.builder().name("Binh").build());
                    assertThatThrownBy(() -> crm.exports().run(ExportRequest.builder(FileFormat.CSV).build(),
                            OutputStream.nullOutputStream()))
                            .isInstanceOf(LimitExceededException.class).hasMessageContaining("at most 1 per export");
                });
    }

    @Test
    void appliesTheLifecycleStages() {
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.lifecycle-stages=visitor,buyer")
                .run(context -> assertThat(context.getBean(Crm.class).customers()
                        .create(CustomerDraft.builder().name("Lan").build()).stage()).isEqualTo("visitor"));
    }

    @Test
    void withoutMigrateFailsNamingThePropertyOnADatabaseWithoutTheTables() {
        DataSource empty = TestDatabases.newDataSource();
        runner.withBean(DataSource.class, () -> empty).withPropertyValues("crmkit.migrate=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(
                    "Property crmkit.migrate with value 'false' is invalid: the CRMKit tables are not up to date");
        });

        assertThat(TestDatabases.hasTable(empty, "crm_customer")).isFalse();
    }

    @Test
    void readsDurationsWithoutAUnitAsDaysForRetentionsAndSecondsForTheFieldCacheAndJobLeases() {
        runner.withUserConfiguration(HostDataSource.class)
                .withPropertyValues("crmkit.trash-retention=7", "crmkit.merge-retention=90",
                        "crmkit.field-cache-expiry=5", "crmkit.job-lease=20", "crmkit.job-lease-renewal=2",
                        "crmkit.job-file-retention=3", "crmkit.search-timeout=45")
                .run(context -> {
                    CrmKitProperties properties = context.getBean(CrmKitProperties.class);
                    assertThat(properties.getTrashRetention()).isEqualTo(Duration.ofDays(7));
                    assertThat(properties.getSearchTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(properties.getMergeRetention()).isEqualTo(Duration.ofDays(90));
                    assertThat(properties.getFieldCacheExpiry()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.getJobLease()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(properties.getJobLeaseRenewal()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.getJobFileRetention()).isEqualTo(Duration.ofDays(3));
                });
    }

    @Test
    void customizersSetWhatPropertiesCannot() {
        runner.withUserConfiguration(HostDataSource.class, FixedClock.class).run(context -> assertThat(
                context.getBean(Crm.class).customers().create(CustomerDraft.builder().name("Lan").build()).createdAt())
                .isEqualTo(FixedClock.NOW));
    }
}
