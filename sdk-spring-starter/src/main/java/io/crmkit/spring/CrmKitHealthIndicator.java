package io.crmkit.spring;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.filter.Query;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reports the kit UP when it answers a search: the kit reaches its database through its pool and its customer
 * tables are there and readable. The search reads one page of at most one customer of a tenant of its own
 * ({@value #TENANT}), which holds no customers, so it costs one indexed query and no application data.
 *
 * <p>It then reads the tables' migration history (one query): when they are at another version than the kit was
 * built for, it is DOWN with both versions. A newer CRMKit in another process has migrated them (this application
 * runs an SDK that may no longer fit them: upgrade it), or they were restored from an older backup.
 *
 * <p>Details: {@code database} (h2, postgresql, mariadb), {@code tablePrefix} and {@code schemaVersion} (and
 * {@code appliedSchemaVersion} when it differs). DOWN, with the error, when the search throws (database
 * unreachable, pool exhausted past its timeout, tables dropped or altered).
 */
public class CrmKitHealthIndicator extends AbstractHealthIndicator {

    /** The tenant the check reads as; no customer should be stored under it. */
    public static final String TENANT = "crmkit-health";

    private static final Actor PROBE = Actor.of(TENANT, "health-check", Permission.READ);

    private final CrmKit kit;

    /** @param kit the kit to check */
    public CrmKitHealthIndicator(CrmKit kit) {
        super("CRMKit health check failed");
        this.kit = kit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        kit.as(PROBE).filters().search(Query.all().pageSize(1));
        String applied = kit.appliedSchemaVersion();
        builder.withDetail("database", kit.databaseType()).withDetail("tablePrefix", kit.tablePrefix())
                .withDetail("schemaVersion", kit.schemaVersion());
        if (applied.equals(kit.schemaVersion())) {
            builder.up();
        } else {
            builder.down().withDetail("appliedSchemaVersion", applied).withDetail("error", "the CRMKit tables are at"
                    + " version " + applied + ", this application's CRMKit was built for version "
                    + kit.schemaVersion() + ": another CRMKit has migrated them, or they were restored from a backup");
        }
    }
}
