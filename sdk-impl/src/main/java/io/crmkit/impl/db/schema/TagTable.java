package io.crmkit.impl.db.schema;

/**
 * The {@code tag} table. A tag of a customer.
 */
public final class TagTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column TAG = Column.required("tag", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("tag", TENANT_ID, CUSTOMER_ID, TAG, CREATED_AT);

    private TagTable() {
    }
}
