package io.crmkit.spring;

import io.crmkit.AddressDirectories;
import io.crmkit.CrmKit;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

/**
 * Applies {@link CrmKitProperties} to a {@link CrmKit.Builder}. The builder checks each value; its refusal is
 * turned into Boot's {@link InvalidConfigurationPropertyValueException} from its parts (the problem, not the
 * message text), so that the message (and Boot's failure report) names the property rather than the builder setting.
 */
final class KitBuilderConfigurer {

    private KitBuilderConfigurer() {
    }

    /** Applies every property but the data source, which the auto-configuration chooses. */
    static void apply(CrmKitProperties properties, CrmKit.Builder builder) {
        set("crmkit.table-prefix", properties.getTablePrefix(), builder::tablePrefix);
        builder.migrate(properties.isMigrate());
        builder.automaticEvents(properties.isAutomaticEvents());
        if (properties.getDefaultPhoneRegion() != null) {
            set("crmkit.default-phone-region", properties.getDefaultPhoneRegion(), builder::defaultPhoneRegion);
        }
        set("crmkit.trash-retention", properties.getTrashRetention(), builder::trashRetention);
        set("crmkit.search-timeout", properties.getSearchTimeout(), builder::searchTimeout);
        set("crmkit.merge-retention", properties.getMergeRetention(), builder::mergeRetention);
        set("crmkit.job-threads", properties.getJobThreads(), builder::jobThreads);
        set("crmkit.import-max-rows", properties.getImportMaxRows(), builder::importMaxRows);
        set("crmkit.export-max-rows", properties.getExportMaxRows(), builder::exportMaxRows);
        set("crmkit.field-cache-expiry", properties.getFieldCacheExpiry(), builder::fieldCacheExpiry);
        try {
            builder.jobLease(properties.getJobLease(), properties.getJobLeaseRenewal());
        } catch (ConfigurationException e) {
            throw e.setting().equals("jobLease") ? invalid("crmkit.job-lease", properties.getJobLease(), e)
                    : invalid("crmkit.job-lease-renewal", properties.getJobLeaseRenewal(), e);
        }
        set("crmkit.job-file-retention", properties.getJobFileRetention(), builder::jobFileRetention);
        if (properties.getNodeId() != null) {
            set("crmkit.node-id", properties.getNodeId(), builder::nodeId);
        }
        set("crmkit.lifecycle-stages", properties.getLifecycleStages(), builder::lifecycleStages);
        if (properties.getAddressDirectoryCsv() != null) {
            builder.addressDirectory(addressDirectory(properties.getAddressDirectoryCsv(),
                    properties.isAddressDirectoryIsoCountries()));
        }
    }

    /** Loads {@code crmkit.address-directory-csv}; a file that cannot be read or breaks the format names the property. */
    private static AddressDirectory addressDirectory(Resource csv, boolean onIsoCountries) {
        String property = "crmkit.address-directory-csv";
        try (InputStream in = csv.getInputStream()) {
            return onIsoCountries ? AddressDirectories.isoCountriesWithCsv(in) : AddressDirectories.fromCsv(in);
        } catch (IOException e) {
            throw new InvalidConfigurationPropertyValueException(property, csv.getDescription(),
                    "cannot be read (" + e.getMessage() + ")");
        } catch (ConfigurationException e) {
            throw invalid(property, csv.getDescription(), e);
        }
    }

    /** Points the builder at {@code crmkit.datasource.url}, for a pool the kit owns. */
    static void applyOwnPool(CrmKitProperties.Datasource pool, CrmKit.Builder builder) {
        String url = pool.getUrl();
        // The URL's parameters may hold a password: the message shows the URL without them.
        int parameters = url.indexOf('?');
        String shown = parameters < 0 ? url : url.substring(0, parameters) + "?...";
        try {
            builder.jdbcUrl(url, pool.getUsername(), pool.getPassword());
        } catch (ConfigurationException e) {
            throw new InvalidConfigurationPropertyValueException("crmkit.datasource.url", shown, e.problem());
        }
        set("crmkit.datasource.max-pool-size", pool.getMaxPoolSize(), builder::maxPoolSize);
    }

    /**
     * Builds the kit; a schema that is not up to date while {@code crmkit.migrate=false} is reported on that
     * property.
     */
    static CrmKit build(CrmKitProperties properties, CrmKit.Builder builder) {
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            if (!properties.isMigrate() && e.setting().equals("migrate")) {
                throw invalid("crmkit.migrate", false, e);
            }
            throw e;
        }
    }

    private static <T> void set(String property, T value, Consumer<T> setting) {
        try {
            setting.accept(value);
        } catch (ConfigurationException e) {
            throw invalid(property, value, e);
        }
    }

    private static InvalidConfigurationPropertyValueException invalid(String property, Object value,
                                                                      ConfigurationException e) {
        return new InvalidConfigurationPropertyValueException(property, value, e.problem());
    }
}
