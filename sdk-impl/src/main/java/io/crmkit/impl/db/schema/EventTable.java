package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code event} table. One event of a customer's timeline; {@code properties} is a JSON object. Rows stay while
 * their customer is in the trash and move with it in a merge.
 */
public final class EventTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column EVENT_TYPE = Column.required("event_type", Kind.TEXT);
    public static final Column OCCURRED_AT = Column.required("occurred_at", Kind.TIMESTAMP);
    public static final Column SOURCE = Column.required("source", Kind.TEXT);
    public static final Column PROPERTIES = Column.required("properties", Kind.TEXT);
    public static final Column RECORDED_AT = Column.required("recorded_at", Kind.TIMESTAMP);
    public static final Column RECORDED_BY = Column.required("recorded_by", Kind.TEXT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("event", TENANT_ID, ID, CUSTOMER_ID, EVENT_TYPE, OCCURRED_AT, SOURCE,
            PROPERTIES, RECORDED_AT, RECORDED_BY);

    /** The columns an event is read from: all but the tenant, which the statement fixes. */
    public static final List<Column> READ = TABLE.except(TENANT_ID);

    private EventTable() {
    }
}
