package io.crmkit.impl.db.schema;

/**
 * The {@code list_view} table. An actor's named list view: the columns of a customer list, as JSON.
 */
public final class ListViewTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column ACTOR_ID = Column.required("actor_id", Kind.TEXT);
    public static final Column NAME = Column.required("name", Kind.TEXT);
    public static final Column COLUMNS_JSON = Column.required("columns_json", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("list_view", TENANT_ID, ID, ACTOR_ID, NAME, COLUMNS_JSON, CREATED_AT, UPDATED_AT);

    private ListViewTable() {
    }
}
