package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code customer_link} table. A link from a customer to an object of the host application; one per customer,
 * type and external id.
 */
public final class CustomerLinkTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column LINK_TYPE = Column.required("link_type", Kind.TEXT);
    public static final Column EXTERNAL_ID = Column.required("external_id", Kind.TEXT);
    public static final Column LABEL = Column.required("label", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column CREATED_BY = Column.required("created_by", Kind.TEXT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("customer_link", TENANT_ID, ID, CUSTOMER_ID, LINK_TYPE, EXTERNAL_ID,
            LABEL, CREATED_AT, CREATED_BY);

    /** The columns a link is read from: all but the tenant, which the statement fixes. */
    public static final List<Column> READ = TABLE.except(TENANT_ID);

    private CustomerLinkTable() {
    }
}
