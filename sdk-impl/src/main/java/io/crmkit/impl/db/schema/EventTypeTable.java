package io.crmkit.impl.db.schema;

/**
 * The {@code event_type} table. An event type a tenant registered; the built-in ones are not stored.
 */
public final class EventTypeTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column NAME = Column.required("name", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("event_type", TENANT_ID, NAME, CREATED_AT);

    private EventTypeTable() {
    }
}
