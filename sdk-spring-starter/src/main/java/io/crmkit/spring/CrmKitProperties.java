package io.crmkit.spring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code crmkit.*} properties: the settings of {@link io.crmkit.CrmKit.Builder} that can be written in
 * {@code application.properties}. Each maps to the builder setting of the same name, has the builder's default and
 * limits, and is checked when the kit is built at start-up: a bad value fails start-up with an
 * {@code InvalidConfigurationPropertyValueException} naming the property, its value and the accepted values.
 *
 * <p>Settings that are objects rather than values (the clock, the address directory) are set by a
 * {@link CrmKitCustomizer} bean.
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
     * How long a merge can be undone before merges().purgeExpired() erases the data kept for it: 1 to 3650 days.
     * A number without a unit means days.
     */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration mergeRetention = Duration.ofDays(30);

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

    /** A connection pool of the kit's own, for applications without a DataSource bean. */
    private final Datasource datasource = new Datasource();

    /** The single-tenant development actor. */
    private final DevActor devActor = new DevActor();

    /** How the user signed in with Spring Security maps to the actor of each call. */
    private final Security security = new Security();

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public boolean isMigrate() {
        return migrate;
    }

    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    public String getDefaultPhoneRegion() {
        return defaultPhoneRegion;
    }

    public void setDefaultPhoneRegion(String defaultPhoneRegion) {
        this.defaultPhoneRegion = defaultPhoneRegion;
    }

    public Duration getTrashRetention() {
        return trashRetention;
    }

    public void setTrashRetention(Duration trashRetention) {
        this.trashRetention = trashRetention;
    }

    public Duration getMergeRetention() {
        return mergeRetention;
    }

    public void setMergeRetention(Duration mergeRetention) {
        this.mergeRetention = mergeRetention;
    }

    public int getJobThreads() {
        return jobThreads;
    }

    public void setJobThreads(int jobThreads) {
        this.jobThreads = jobThreads;
    }

    public int getImportMaxRows() {
        return importMaxRows;
    }

    public void setImportMaxRows(int importMaxRows) {
        this.importMaxRows = importMaxRows;
    }

    public long getExportMaxRows() {
        return exportMaxRows;
    }

    public void setExportMaxRows(long exportMaxRows) {
        this.exportMaxRows = exportMaxRows;
    }

    public Duration getFieldCacheExpiry() {
        return fieldCacheExpiry;
    }

    public void setFieldCacheExpiry(Duration fieldCacheExpiry) {
        this.fieldCacheExpiry = fieldCacheExpiry;
    }

    public Duration getJobLease() {
        return jobLease;
    }

    public void setJobLease(Duration jobLease) {
        this.jobLease = jobLease;
    }

    public Duration getJobLeaseRenewal() {
        return jobLeaseRenewal;
    }

    public void setJobLeaseRenewal(Duration jobLeaseRenewal) {
        this.jobLeaseRenewal = jobLeaseRenewal;
    }

    public Duration getJobFileRetention() {
        return jobFileRetention;
    }

    public void setJobFileRetention(Duration jobFileRetention) {
        this.jobFileRetention = jobFileRetention;
    }

    public Integer getNodeId() {
        return nodeId;
    }

    public void setNodeId(Integer nodeId) {
        this.nodeId = nodeId;
    }

    public List<String> getLifecycleStages() {
        return lifecycleStages;
    }

    public void setLifecycleStages(List<String> lifecycleStages) {
        this.lifecycleStages = lifecycleStages;
    }

    public Datasource getDatasource() {
        return datasource;
    }

    public DevActor getDevActor() {
        return devActor;
    }

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

        /** Connections of the kit's own pool at most: 1 to 200. */
        private int maxPoolSize = 10;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getMaxPoolSize() {
            return maxPoolSize;
        }

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

        public boolean isEnabled() {
            return enabled;
        }

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

        public String getTenantAuthorityPrefix() {
            return tenantAuthorityPrefix;
        }

        public void setTenantAuthorityPrefix(String tenantAuthorityPrefix) {
            this.tenantAuthorityPrefix = tenantAuthorityPrefix;
        }

        public String getPermissionAuthorityPrefix() {
            return permissionAuthorityPrefix;
        }

        public void setPermissionAuthorityPrefix(String permissionAuthorityPrefix) {
            this.permissionAuthorityPrefix = permissionAuthorityPrefix;
        }

        public String getTenantClaim() {
            return tenantClaim;
        }

        public void setTenantClaim(String tenantClaim) {
            this.tenantClaim = tenantClaim;
        }
    }
}
