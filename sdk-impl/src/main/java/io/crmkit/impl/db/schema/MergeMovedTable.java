package io.crmkit.impl.db.schema;

/**
 * The {@code merge_moved} table. A row a merge moved from the merged customer to the survivor (an event, order,
 * task or link: {@code table_name} without the prefix), so that an undo moves exactly those back.
 */
public final class MergeMovedTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column MERGE_ID = Column.required("merge_id", Kind.BIGINT);
    public static final Column TABLE_NAME = Column.required("table_name", Kind.TEXT);
    public static final Column ROW_ID = Column.required("row_id", Kind.BIGINT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("merge_moved", TENANT_ID, MERGE_ID, TABLE_NAME, ROW_ID);

    private MergeMovedTable() {
    }
}
