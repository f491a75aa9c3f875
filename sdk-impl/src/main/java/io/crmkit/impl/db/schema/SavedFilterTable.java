package io.crmkit.impl.db.schema;

/**
 * The {@code saved_filter} table. A saved filter, as JSON; a segment is one whose membership a customer shows.
 */
public final class SavedFilterTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column NAME = Column.required("name", Kind.TEXT);
    public static final Column FILTER_JSON = Column.required("filter_json", Kind.TEXT);
    public static final Column SEGMENT = Column.required("segment", Kind.BOOLEAN);
    public static final Column CREATED_BY = Column.required("created_by", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);
    public static final Column VERSION = Column.required("version", Kind.BIGINT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("saved_filter", TENANT_ID, ID, NAME, FILTER_JSON, SEGMENT, CREATED_BY, CREATED_AT, UPDATED_AT, VERSION);

    private SavedFilterTable() {
    }
}
