package io.crmkit.impl.db.schema;

/**
 * The {@code group_member} table. A customer's membership of a group.
 */
public final class GroupMemberTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column GROUP_ID = Column.required("group_id", Kind.BIGINT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column ADDED_AT = Column.required("added_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("group_member", TENANT_ID, GROUP_ID, CUSTOMER_ID, ADDED_AT);

    private GroupMemberTable() {
    }
}
