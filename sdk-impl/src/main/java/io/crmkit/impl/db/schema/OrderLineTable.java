package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code order_line} table. A line item of an order in {@link CustomerOrderTable}, numbered from 1 in the
 * order given.
 */
public final class OrderLineTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ORDER_ID = Column.required("order_id", Kind.BIGINT);
    public static final Column LINE_NO = Column.required("line_no", Kind.INTEGER);
    public static final Column SKU = Column.required("sku", Kind.TEXT);
    public static final Column NAME = Column.required("name", Kind.TEXT);
    public static final Column QUANTITY = Column.required("quantity", Kind.DECIMAL);
    public static final Column UNIT_PRICE = Column.required("unit_price", Kind.DECIMAL);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("order_line", TENANT_ID, ORDER_ID, LINE_NO, SKU, NAME, QUANTITY,
            UNIT_PRICE);

    /** The columns a line is read from, with its order: all but the tenant and the number, which orders them. */
    public static final List<Column> READ = TABLE.except(TENANT_ID, LINE_NO);

    private OrderLineTable() {
    }
}
