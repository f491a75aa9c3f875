package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code merge_record} table. One pairwise merge: who merged which customer into which, and until the retention
 * ends the snapshot (a JSON document) an undo restores from.
 */
public final class MergeRecordTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column SURVIVOR_ID = Column.required("survivor_id", Kind.BIGINT);
    public static final Column MERGED_ID = Column.required("merged_id", Kind.BIGINT);
    public static final Column ACTOR_ID = Column.required("actor_id", Kind.TEXT);
    public static final Column MERGED_AT = Column.required("merged_at", Kind.TIMESTAMP);
    public static final Column UNDOABLE_UNTIL = Column.required("undoable_until", Kind.TIMESTAMP);
    public static final Column UNDONE_AT = Column.optional("undone_at", Kind.TIMESTAMP);
    public static final Column UNDONE_BY = Column.optional("undone_by", Kind.TEXT);
    public static final Column SNAPSHOT = Column.required("snapshot", Kind.TEXT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("merge_record", TENANT_ID, ID, SURVIVOR_ID, MERGED_ID, ACTOR_ID,
            MERGED_AT, UNDOABLE_UNTIL, UNDONE_AT, UNDONE_BY, SNAPSHOT);

    /** The columns a new record is inserted with: an undo sets the others. */
    public static final List<Column> CREATED = TABLE.except(UNDONE_AT, UNDONE_BY);

    /** The columns a record is read from: all but the tenant, which the statement fixes, and the large snapshot. */
    public static final List<Column> READ = TABLE.except(TENANT_ID, SNAPSHOT);

    private MergeRecordTable() {
    }
}
