package io.crmkit.impl.filter;

import java.util.List;

/**
 * A compiled search for the filter mapper.
 *
 * @param tenantId the actor's tenant
 * @param where    conditions to append after the tenant's, starting with " AND ", built by {@link FilterSql}
 *                 from whitelisted identifiers and placeholders only
 * @param params   the bound values of {@code where}
 */
record SearchStatement(String tenantId, String where, List<Object> params) {
}
