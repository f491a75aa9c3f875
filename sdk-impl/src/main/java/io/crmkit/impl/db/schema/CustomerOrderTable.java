package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code customer_order} table. An order of a customer, its lines in {@link OrderLineTable}; the order number is
 * unique in the tenant.
 */
public final class CustomerOrderTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column ORDER_NO = Column.required("order_no", Kind.TEXT);
    public static final Column ORDERED_AT = Column.required("ordered_at", Kind.TIMESTAMP);
    public static final Column STATUS = Column.required("status", Kind.TEXT);
    public static final Column AMOUNT = Column.required("amount", Kind.DECIMAL);
    public static final Column CURRENCY = Column.required("currency", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column CREATED_BY = Column.required("created_by", Kind.TEXT);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);
    public static final Column UPDATED_BY = Column.required("updated_by", Kind.TEXT);
    public static final Column VERSION = Column.required("version", Kind.BIGINT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("customer_order", TENANT_ID, ID, CUSTOMER_ID, ORDER_NO, ORDERED_AT,
            STATUS, AMOUNT, CURRENCY, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, VERSION);

    /** The columns an order is read from: all but the tenant, which the statement fixes, and the update stamp. */
    public static final List<Column> READ = TABLE.except(TENANT_ID, UPDATED_AT, UPDATED_BY);

    private CustomerOrderTable() {
    }
}
