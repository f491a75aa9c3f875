package io.crmkit.impl.filter;

import java.util.List;

/**
 * One customer's membership of several segments, as one row of flags.
 *
 * @param tenantId   the actor's tenant
 * @param customerId the customer
 * @param columns    {@code CASE WHEN (condition) THEN 1 ELSE 0 END AS s<i>} per segment, built by
 *                   {@link FilterSql} from whitelisted identifiers and placeholders only
 * @param params     the bound values of the columns
 */
record SegmentStatement(String tenantId, long customerId, String columns, List<Object> params) {
}
