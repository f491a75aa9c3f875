package io.crmkit.impl.db.schema;

/**
 * The {@code customer_group} table. A group of customers.
 */
public final class CustomerGroupTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column NAME = Column.required("name", Kind.TEXT);
    public static final Column CREATED_BY = Column.required("created_by", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);
    public static final Column VERSION = Column.required("version", Kind.BIGINT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("customer_group", TENANT_ID, ID, NAME, CREATED_BY, CREATED_AT, UPDATED_AT, VERSION);

    private CustomerGroupTable() {
    }
}
