package io.crmkit.spring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;

/**
 * The {@code crmkit.*} properties: the settings of {@link io.crmkit.CrmKit.Builder} that can be written in
 * {@code application.properties}. Each maps to the builder setting of the same name, has the builder's default and
 * limits, and is checked when the kit is built at start-up: a bad value fails start-up with an
 * {@code InvalidConfigurationPropertyValueException} naming the property, its value and the accepted values.
 *
 * <p>Settings that are objects rather than values (the clock, an address directory of the application's own) are
 * set by a {@link CrmKitCustomizer} bean; an address directory from a CSV file can be named here.
 *
 * <p>Two groups say who acts when the application defines no {@link ActorResolver}: {@code crmkit.security.*} (how
 * the signed-in user of Spring Security maps to a tenant and permissions) and {@code crmkit.dev-actor.enabled} (one
 * tenant with every permission, for development only).
 */
@ConfigurationProperties(prefix = "crmkit")
public class CrmKitProperties {

    // The defaults below are CrmKit.Builder's: repeated here so that an IDE shows them.

    /**
     * Put before every table name of the SDK, so that its tables live beside the application's: 0 to 20 characters
     * of a-z, 0-9 and _, starting with a letter.
     */
    private String tablePrefix = "crm_";

    /**
     * Whether to create and upgrade the SDK's tables (Flyway, history in {@code <prefix>schema_history}) at
     * start-up; false only checks that they are up to date and fails start-up otherwise.
     */
    private boolean migrate = true;

    /**
     * ISO 3166 region, such as VN or US, for phone numbers typed without a country code; without one, such numbers
     * are refused.
     */
    private String defaultPhoneRegion;

    /**
     * How long deleted customers stay in the trash before trash().purgeExpired() erases them: 1 to 3650 days. A
     * number without a unit means days.
     */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration trashRetention = Duration.ofDays(30);

    /**
     * How long one search statement (a page, a count, the next customers of a bulk operation or an export) may run
     * before the database stops it: whole seconds from 1 s to 1 h. A number without a unit means seconds.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration searchTimeout = Duration.ofSeconds(30);

    /**
     * How long a merge can be undone before merges().purgeExpired() erases the data kept for it: 1 to 3650 days.
     * A number without a unit means days.
     */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration mergeRetention = Duration.ofDays(30);
    /** Whether the SDK records its automatic timeline events. */
    private boolean automaticEvents = true;

    /** Threads running submitted jobs (bulk operations, imports and exports submitted as jobs): 1 to 64. */
    private int jobThreads = 2;

    /** Most data rows of an imported file, a larger file being refused before any row is written: 1 to 200000. */
    private int importMaxRows = 200_000;

    /** Most customers of one export, a larger export being refused before anything is written: 1 to 1000000. */
    private long exportMaxRows = 1_000_000;

    /**
     * How long custom field definitions are cached before other processes' changes are seen: 1 second to 1 hour.
     * A number without a unit means seconds.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration fieldCacheExpiry = Duration.ofSeconds(30);

    /**
     * How long a queued or running job stays held by its run without a renewal: 1 second to 1 hour. A job whose
     * process died shows as interrupted this long after its last renewal, and any instance may then continue it. A
     * number without a unit means seconds.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration jobLease = Duration.ofSeconds(10);

    /** How often the kit renews the leases of its running jobs: 100 ms to half the job lease. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration jobLeaseRenewal = Duration.ofSeconds(3);

    /**
     * How long the files of jobs kept in the database (exports submitted without a host path) stay there before they
     * are deleted: 1 hour to 3650 days. A number without a unit means days.
     */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration jobFileRetention = Duration.ofDays(7);

    /**
     * 0 to 1023, distinct for every process that writes to the same database at the same time, so that generated ids
     * never collide; random when not set.
     */
    private Integer nodeId;

    /**
     * The lifecycle stages customers move through by hand, the first being the default: 1 to 20 distinct keys of
     * a-z, 0-9 and _.
     */
    private List<String> lifecycleStages = new ArrayList<>(List.of("lead", "prospect", "customer", "churned"));

    /**
     * A UTF-8 CSV file of address data that every written address is checked against, such as
     * classpath:addresses.csv or file:/etc/crm/addresses.csv: header
     * country_code,country_name,province_code,province_name,city_code,city_name,area_code,area_name, one entry per
     * line (see io.crmkit.AddressDirectories). Unset: every ISO 3166 country, any text below a country.
     */
    private Resource addressDirectoryCsv;

    /**
     * Whether the file of crmkit.address-directory-csv is added to the ISO 3166 countries, which stay open below
     * where the file lists nothing (true), or lists every country accepted itself (false).
     */
    private boolean addressDirectoryIsoCountries = true;

    /** A connection pool of the kit's own, for applications without a DataSource bean. */
    private final Datasource datasource = new Datasource();

    /** The single-tenant development actor. */
    private final DevActor devActor = new DevActor();

    /** How the user signed in with Spring Security maps to the actor of each call. */
    private final Security security = new Security();

    /** @return {@code crmkit.table-prefix}: the prefix of every table of the SDK; default {@code crm_} */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * Sets {@code crmkit.table-prefix}, read when the kit is built at start-up.
     *
     * @param tablePrefix the prefix of every table of the SDK; default {@code crm_}
     */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /**
     * @return {@code crmkit.migrate}: whether start-up creates and upgrades the SDK's tables rather than only checking
     *         them; default true
     */
    public boolean isMigrate() {
        return migrate;
    }

    /**
     * Sets {@code crmkit.migrate}, read when the kit is built at start-up.
     *
     * @param migrate whether start-up creates and upgrades the SDK's tables rather than only checking them; default
     *                true
     */
    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    /**
     * @return {@code crmkit.default-phone-region}: the region of phone numbers typed without a country code; null when
     *         unset
     */
    public String getDefaultPhoneRegion() {
        return defaultPhoneRegion;
    }

    /**
     * Sets {@code crmkit.default-phone-region}, read when the kit is built at start-up.
     *
     * @param defaultPhoneRegion the region of phone numbers typed without a country code; null when unset
     */
    public void setDefaultPhoneRegion(String defaultPhoneRegion) {
        this.defaultPhoneRegion = defaultPhoneRegion;
    }

    /** @return {@code crmkit.trash-retention}: how long deleted customers stay in the trash; default 30 days */
    public Duration getTrashRetention() {
        return trashRetention;
    }

    /**
     * Sets {@code crmkit.trash-retention}, read when the kit is built at start-up.
     *
     * @param trashRetention how long deleted customers stay in the trash; default 30 days
     */
    public void setTrashRetention(Duration trashRetention) {
        this.trashRetention = trashRetention;
    }

    /** @return {@code crmkit.search-timeout}: how long a search statement may run; default 30 seconds */
    public Duration getSearchTimeout() {
        return searchTimeout;
    }

    /**
     * Sets {@code crmkit.search-timeout}, read when the kit is built at start-up.
     *
     * @param searchTimeout how long a search statement may run; default 30 seconds
     */
    public void setSearchTimeout(Duration searchTimeout) {
        this.searchTimeout = searchTimeout;
    }

    /** @return {@code crmkit.merge-retention}: how long a merge can be undone; default 30 days */
    public Duration getMergeRetention() {
        return mergeRetention;
    }

    /**
     * Sets {@code crmkit.merge-retention}, read when the kit is built at start-up.
     *
     * @param mergeRetention how long a merge can be undone; default 30 days
     */
    public void setMergeRetention(Duration mergeRetention) {
        this.mergeRetention = mergeRetention;
    }

    /**
     * @return {@code crmkit.automatic-events}: whether the SDK records its automatic timeline events (created,
     *         fields changed, tags, merges...) with each change; default true
     */
    public boolean isAutomaticEvents() {
        return automaticEvents;
    }

    /**
     * Sets {@code crmkit.automatic-events}, read when the kit is built at start-up.
     *
     * @param automaticEvents whether the SDK records its automatic timeline events; default true
     */
    public void setAutomaticEvents(boolean automaticEvents) {
        this.automaticEvents = automaticEvents;
    }

    /** @return {@code crmkit.job-threads}: the threads running submitted jobs; default 2 */
    public int getJobThreads() {
        return jobThreads;
    }

    /**
     * Sets {@code crmkit.job-threads}, read when the kit is built at start-up.
     *
     * @param jobThreads the threads running submitted jobs; default 2
     */
    public void setJobThreads(int jobThreads) {
        this.jobThreads = jobThreads;
    }

    /** @return {@code crmkit.import-max-rows}: the most data rows of an imported file; default 200000 */
    public int getImportMaxRows() {
        return importMaxRows;
    }

    /**
     * Sets {@code crmkit.import-max-rows}, read when the kit is built at start-up.
     *
     * @param importMaxRows the most data rows of an imported file; default 200000
     */
    public void setImportMaxRows(int importMaxRows) {
        this.importMaxRows = importMaxRows;
    }

    /** @return {@code crmkit.export-max-rows}: the most customers of one export; default 1000000 */
    public long getExportMaxRows() {
        return exportMaxRows;
    }

    /**
     * Sets {@code crmkit.export-max-rows}, read when the kit is built at start-up.
     *
     * @param exportMaxRows the most customers of one export; default 1000000
     */
    public void setExportMaxRows(long exportMaxRows) {
        this.exportMaxRows = exportMaxRows;
    }

    /** @return {@code crmkit.field-cache-expiry}: how long custom field definitions are cached; default 30 seconds */
    public Duration getFieldCacheExpiry() {
        return fieldCacheExpiry;
    }

    /**
     * Sets {@code crmkit.field-cache-expiry}, read when the kit is built at start-up.
     *
     * @param fieldCacheExpiry how long custom field definitions are cached; default 30 seconds
     */
    public void setFieldCacheExpiry(Duration fieldCacheExpiry) {
        this.fieldCacheExpiry = fieldCacheExpiry;
    }

    /** @return {@code crmkit.job-lease}: how long a job stays held without a renewal; default 10 seconds */
    public Duration getJobLease() {
        return jobLease;
    }

    /**
     * Sets {@code crmkit.job-lease}, read when the kit is built at start-up.
     *
     * @param jobLease how long a job stays held without a renewal; default 10 seconds
     */
    public void setJobLease(Duration jobLease) {
        this.jobLease = jobLease;
    }

    /** @return {@code crmkit.job-lease-renewal}: how often the kit renews its jobs' leases; default 3 seconds */
    public Duration getJobLeaseRenewal() {
        return jobLeaseRenewal;
    }

    /**
     * Sets {@code crmkit.job-lease-renewal}, read when the kit is built at start-up.
     *
     * @param jobLeaseRenewal how often the kit renews its jobs' leases; default 3 seconds
     */
    public void setJobLeaseRenewal(Duration jobLeaseRenewal) {
        this.jobLeaseRenewal = jobLeaseRenewal;
    }

    /** @return {@code crmkit.job-file-retention}: how long job files kept in the database stay there; default 7 days */
    public Duration getJobFileRetention() {
        return jobFileRetention;
    }

    /**
     * Sets {@code crmkit.job-file-retention}, read when the kit is built at start-up.
     *
     * @param jobFileRetention how long job files kept in the database stay there; default 7 days
     */
    public void setJobFileRetention(Duration jobFileRetention) {
        this.jobFileRetention = jobFileRetention;
    }

    /** @return {@code crmkit.node-id}: this process's node id for generated ids; null for a random one */
    public Integer getNodeId() {
        return nodeId;
    }

    /**
     * Sets {@code crmkit.node-id}, read when the kit is built at start-up.
     *
     * @param nodeId this process's node id for generated ids; null for a random one
     */
    public void setNodeId(Integer nodeId) {
        this.nodeId = nodeId;
    }

    /**
     * @return {@code crmkit.lifecycle-stages}: the lifecycle stages, the first being the default; default lead,
     *         prospect, customer, churned
     */
    public List<String> getLifecycleStages() {
        return lifecycleStages;
    }

    /**
     * Sets {@code crmkit.lifecycle-stages}, read when the kit is built at start-up.
     *
     * @param lifecycleStages the lifecycle stages, the first being the default; default lead, prospect, customer,
     *                        churned
     */
    public void setLifecycleStages(List<String> lifecycleStages) {
        this.lifecycleStages = lifecycleStages;
    }

    /**
     * @return {@code crmkit.address-directory-csv}: the CSV file of address data; null when unset (the ISO 3166
     *         countries)
     */
    public Resource getAddressDirectoryCsv() {
        return addressDirectoryCsv;
    }

    /**
     * Sets {@code crmkit.address-directory-csv}, read when the kit is built at start-up.
     *
     * @param addressDirectoryCsv the CSV file of address data; null for the ISO 3166 countries
     */
    public void setAddressDirectoryCsv(Resource addressDirectoryCsv) {
        this.addressDirectoryCsv = addressDirectoryCsv;
    }

    /**
     * @return {@code crmkit.address-directory-iso-countries}: whether the CSV file adds to the ISO 3166 countries;
     *         default true
     */
    public boolean isAddressDirectoryIsoCountries() {
        return addressDirectoryIsoCountries;
    }

    /**
     * Sets {@code crmkit.address-directory-iso-countries}, read when the kit is built at start-up.
     *
     * @param addressDirectoryIsoCountries true to add the CSV file to the ISO 3166 countries, false for the file's
     *                                     countries only
     */
    public void setAddressDirectoryIsoCountries(boolean addressDirectoryIsoCountries) {
        this.addressDirectoryIsoCountries = addressDirectoryIsoCountries;
    }

    /** @return the {@code crmkit.datasource.*} group: the kit's own connection pool settings; never null */
    public Datasource getDatasource() {
        return datasource;
    }

    /** @return the {@code crmkit.dev-actor.*} group: the development actor settings; never null */
    public DevActor getDevActor() {
        return devActor;
    }

    /** @return the {@code crmkit.security.*} group: how a Spring Security user maps to an actor; never null */
    public Security getSecurity() {
        return security;
    }

    /**
     * {@code crmkit.datasource.*}: a HikariCP pool the kit opens on {@link #getUrl() url} and closes on shutdown.
     * When the url is set, the kit uses this pool even if the application has a DataSource bean; when it is not,
     * the kit uses the application's DataSource.
     */
    public static class Datasource {

        /** JDBC URL of H2, PostgreSQL or MariaDB/MySQL for a pool of the kit's own; unset to use the application's DataSource. */
        private String url;

        /** User of the kit's own pool; unset when the URL carries it. */
        private String username;

        /** Password of the kit's own pool; unset when the URL carries it or there is none. */
        private String password;

        /** Connections of the kit's own pool at most: 2 to 200 (migrations hold two at once). */
        private int maxPoolSize = 10;

        /**
         * @return {@code crmkit.datasource.url}: the JDBC URL of the kit's own pool; null to use the application's
         *         DataSource
         */
        public String getUrl() {
            return url;
        }

        /**
         * Sets {@code crmkit.datasource.url}, read when the kit is built at start-up.
         *
         * @param url the JDBC URL of the kit's own pool; null to use the application's DataSource
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /** @return {@code crmkit.datasource.username}: the user of the kit's own pool; null when the URL carries it */
        public String getUsername() {
            return username;
        }

        /**
         * Sets {@code crmkit.datasource.username}, read when the kit is built at start-up.
         *
         * @param username the user of the kit's own pool; null when the URL carries it
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * @return {@code crmkit.datasource.password}: the password of the kit's own pool; null when the URL carries it
         *         or there is none
         */
        public String getPassword() {
            return password;
        }

        /**
         * Sets {@code crmkit.datasource.password}, read when the kit is built at start-up.
         *
         * @param password the password of the kit's own pool; null when the URL carries it or there is none
         */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return {@code crmkit.datasource.max-pool-size}: the most connections of the kit's own pool; default 10 */
        public int getMaxPoolSize() {
            return maxPoolSize;
        }

        /**
         * Sets {@code crmkit.datasource.max-pool-size}, read when the kit is built at start-up.
         *
         * @param maxPoolSize the most connections of the kit's own pool; default 10
         */
        public void setMaxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
        }
    }

    /**
     * {@code crmkit.dev-actor.*}: for development on one tenant, without users. Off by default: an application
     * without an {@link ActorResolver} bean (and without Spring Security) then fails to start.
     */
    public static class DevActor {

        /**
         * Whether every call of the Crm bean, whoever makes it, acts as tenant 'default', actor 'dev', with every
         * permission, when the application defines no ActorResolver bean. For development only: a warning at start-up
         * says so.
         */
        private boolean enabled;

        /**
         * @return {@code crmkit.dev-actor.enabled}: whether every call acts as the all-permission development actor
         *         when the application has no ActorResolver; default false
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@code crmkit.dev-actor.enabled}, read when the kit is built at start-up.
         *
         * @param enabled whether every call acts as the all-permission development actor when the application has no
         *                ActorResolver; default false
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * {@code crmkit.security.*}: read with Spring Security on the class path and no ActorResolver bean of the
     * application's. The tenant is the claim {@link #getTenantClaim() tenant-claim} of the user's token, or the
     * authority {@link #getTenantAuthorityPrefix() tenant-authority-prefix} + tenant; the permissions are the
     * authorities {@link #getPermissionAuthorityPrefix() permission-authority-prefix} + permission name.
     */
    public static class Security {

        /** Authorities naming the user's tenant start with this: TENANT_shop-a is tenant shop-a. Not empty. */
        private String tenantAuthorityPrefix = "TENANT_";

        /**
         * Authorities granting a permission are this followed by the permission's name: CRM_READ, CRM_WRITE,
         * CRM_DELETE, CRM_BULK_EDIT, CRM_BULK_DELETE, CRM_IMPORT, CRM_EXPORT, CRM_MERGE, CRM_FIELD_ADMIN. Not empty.
         */
        private String permissionAuthorityPrefix = "CRM_";

        /**
         * Claim of the user's token (JWT, OpenID Connect ID token, introspected token) holding the tenant; when the
         * token has it, it wins over the tenant authority. Unset: the tenant comes from the authorities only.
         */
        private String tenantClaim;

        /**
         * @return {@code crmkit.security.tenant-authority-prefix}: the prefix of the authorities naming the user's
         *         tenant; default {@code TENANT_}
         */
        public String getTenantAuthorityPrefix() {
            return tenantAuthorityPrefix;
        }

        /**
         * Sets {@code crmkit.security.tenant-authority-prefix}, read when the kit is built at start-up.
         *
         * @param tenantAuthorityPrefix the prefix of the authorities naming the user's tenant; default {@code TENANT_}
         */
        public void setTenantAuthorityPrefix(String tenantAuthorityPrefix) {
            this.tenantAuthorityPrefix = tenantAuthorityPrefix;
        }

        /**
         * @return {@code crmkit.security.permission-authority-prefix}: the prefix of the authorities granting a
         *         permission; default {@code CRM_}
         */
        public String getPermissionAuthorityPrefix() {
            return permissionAuthorityPrefix;
        }

        /**
         * Sets {@code crmkit.security.permission-authority-prefix}, read when the kit is built at start-up.
         *
         * @param permissionAuthorityPrefix the prefix of the authorities granting a permission; default {@code CRM_}
         */
        public void setPermissionAuthorityPrefix(String permissionAuthorityPrefix) {
            this.permissionAuthorityPrefix = permissionAuthorityPrefix;
        }

        /**
         * @return {@code crmkit.security.tenant-claim}: the token claim holding the tenant; null when the tenant comes
         *         from the authorities only
         */
        public String getTenantClaim() {
            return tenantClaim;
        }

        /**
         * Sets {@code crmkit.security.tenant-claim}, read when the kit is built at start-up.
         *
         * @param tenantClaim the token claim holding the tenant; null when the tenant comes from the authorities only
         */
        public void setTenantClaim(String tenantClaim) {
            this.tenantClaim = tenantClaim;
        }
    }
}
