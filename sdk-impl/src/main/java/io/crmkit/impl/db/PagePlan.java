package io.crmkit.impl.db;

/**
 * How a dialect runs a page of customer ids ({@link Dialect#customerPage}).
 *
 * @param customerHint what to write after the customer table (an index hint), or ""
 * @param tenantFirst  whether the ORDER BY leads with the tenant, so that the database walks a
 *                     (tenant_id, column, id) index in order and stops at the page
 */
public record PagePlan(String customerHint, boolean tenantFirst) {

    /** The database's own plan of the query as written. */
    public static final PagePlan AS_WRITTEN = new PagePlan("", false);
}
