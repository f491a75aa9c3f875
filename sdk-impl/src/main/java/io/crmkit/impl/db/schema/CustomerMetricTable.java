package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code customer_metric} table. A customer's counts (recomputed from its events and orders), for filters and
 * sorts; a customer has a row once its metrics were refreshed on their own (an order, an event, {@code refresh}) or
 * by a recompute that found orders or events of its own. No row reads as zeros. Its RFM ratings are in
 * {@link CustomerRatingTable}.
 */
public final class CustomerMetricTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column LAST_ACTIVITY_AT = Column.optional("last_activity_at", Kind.TIMESTAMP);
    public static final Column ACTIVITY_30D = Column.required("activity_30d", Kind.INTEGER);
    public static final Column ORDER_COUNT = Column.required("order_count", Kind.INTEGER);
    public static final Column TOTAL_SPENT = Column.required("total_spent", Kind.DECIMAL);
    public static final Column LAST_ORDER_AT = Column.optional("last_order_at", Kind.TIMESTAMP);
    public static final Column REFRESHED_AT = Column.required("refreshed_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("customer_metric", TENANT_ID, CUSTOMER_ID, LAST_ACTIVITY_AT,
            ACTIVITY_30D, ORDER_COUNT, TOTAL_SPENT, LAST_ORDER_AT, REFRESHED_AT);

    /** The columns a new row gets values for; the times of last activity and order start NULL. */
    public static final List<Column> CREATED = List.of(TENANT_ID, CUSTOMER_ID, ACTIVITY_30D, ORDER_COUNT, TOTAL_SPENT,
            REFRESHED_AT);

    /** The columns a customer's metrics are read from: all but the key and the last order's time. */
    public static final List<Column> READ = TABLE.except(TENANT_ID, CUSTOMER_ID, LAST_ORDER_AT);

    private CustomerMetricTable() {
    }
}
