package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The trash tables: a trashed customer's rows with the live tables' columns, and on the customer who deleted it,
 * when and why. Live tables then hold only live customers.
 */
public final class TrashTables {

    public static final Column DELETED_AT = Column.required("deleted_at", Kind.TIMESTAMP);
    public static final Column DELETED_BY = Column.required("deleted_by", Kind.TEXT);
    public static final Column DELETE_REASON = Column.required("delete_reason", Kind.TEXT);

    /** {@code trash_customer}: the customer's carried columns, then who deleted it, when and why. */
    public static final Table CUSTOMER = CustomerTable.TABLE.with("trash_customer", DELETED_AT, DELETED_BY,
            DELETE_REASON);
    public static final Table IDENTITY = IdentityTable.TABLE.named("trash_identity");
    public static final Table TAG = TagTable.TABLE.named("trash_tag");
    public static final Table CUSTOM_VALUE = CustomValueTable.TABLE.named("trash_custom_value");
    public static final Table GROUP_MEMBER = GroupMemberTable.TABLE.named("trash_group_member");

    /** Each child table of a customer with its trash table. */
    public static final List<Child> CHILDREN = List.of(
            new Child(IdentityTable.TABLE, IDENTITY),
            new Child(TagTable.TABLE, TAG),
            new Child(CustomValueTable.TABLE, CUSTOM_VALUE),
            new Child(GroupMemberTable.TABLE, GROUP_MEMBER));

    /** A child table of a customer and its trash table, with the same columns. */
    public record Child(Table live, Table trash) {
    }

    private TrashTables() {
    }
}
