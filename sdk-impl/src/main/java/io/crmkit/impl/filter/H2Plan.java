package io.crmkit.impl.filter;

import io.crmkit.api.filter.Query;

/**
 * How a search page runs on H2, whose planner needs telling in two cases. The other databases plan these well
 * on their own.
 *
 * <ul>
 *   <li>{@link #LOOK_UP_PHONE}: a keyword that is a phone number matches one customer or none, found through the
 *       identity key as {@code c.id IN (SELECT ...)}. H2 looks such a condition up by an index only when
 *       {@code id} is the index's first column, and still prefers the primary key (tenant_id, id) that reads the
 *       whole tenant: the hint names the (id) index of schema V11 (1,000,000 customers: 402 ms -> under 1 ms).</li>
 *   <li>{@link #WALK_SORT_INDEX}: without a keyword (or with an EXISTS condition, or from a cursor), ordering by
 *       the tenant first lets H2 walk the (tenant_id, column, id) index in order and stop at the page, instead of
 *       finding every matching customer and sorting them all; sorted by createdAt, a hint names that index,
 *       which H2 would otherwise pass over for the primary key whenever a condition on a column without an index
 *       looks selective to it (1,000,000 customers: a city, 2,033 -> 11 ms; nested any/all groups, 2,386 -> 5 ms;
 *       a createdAt range, 16 -> 1.9 ms). At worst, when nothing matches, it walks the whole index, as the scan
 *       would have read the whole tenant.</li>
 *   <li>{@link #OWN}: any other keyword keeps H2's own plan.</li>
 * </ul>
 */
enum H2Plan {
    LOOK_UP_PHONE,
    WALK_SORT_INDEX,
    OWN;

    /** @param sql the compiler of the page's conditions, after it has compiled them */
    static H2Plan of(FilterSql sql, Query query, CharSequence where) {
        if (sql.keywordWasPhone()) {
            return LOOK_UP_PHONE;
        }
        boolean walk = query.keyword().isBlank() || where.toString().contains("EXISTS (")
                || query.cursor().isPresent();
        return walk ? WALK_SORT_INDEX : OWN;
    }

    /** @return the table hint after the customer table, or "" */
    String hint(String tablePrefix, SortKey key) {
        return switch (this) {
            case LOOK_UP_PHONE -> " USE INDEX (" + tablePrefix + "customer_id)";
            case WALK_SORT_INDEX -> key.key().equals("createdAt") ? " USE INDEX (" + tablePrefix + "customer_created)"
                    : "";
            case OWN -> "";
        };
    }
}
