package io.crmkit.impl.db.schema;

/**
 * The {@code audit} table. An audit entry: who changed what and when; detail names the fields changed, never their values.
 */
public final class AuditTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column ACTOR_ID = Column.required("actor_id", Kind.TEXT);
    public static final Column ACTION = Column.required("action", Kind.TEXT);
    public static final Column SUBJECT_TYPE = Column.required("subject_type", Kind.TEXT);
    public static final Column SUBJECT_ID = Column.required("subject_id", Kind.BIGINT);
    public static final Column OCCURRED_AT = Column.required("occurred_at", Kind.TIMESTAMP);
    public static final Column DETAIL = Column.required("detail", Kind.TEXT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("audit", TENANT_ID, ID, ACTOR_ID, ACTION, SUBJECT_TYPE, SUBJECT_ID, OCCURRED_AT, DETAIL);

    private AuditTable() {
    }
}
