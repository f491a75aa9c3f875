package io.crmkit.impl.db.schema;

/**
 * The {@code import_failure} table. The failed rows of an import, for its failure report: the row's number, its
 * original cells and every reason (each a JSON array of strings). The import's file header is stored as row 1, which
 * no data row has. {@code job_id} is the import's id in {@link JobTable}.
 */
public final class ImportFailureTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column JOB_ID = Column.required("job_id", Kind.BIGINT);
    public static final Column ROW_NO = Column.required("row_no", Kind.BIGINT);
    public static final Column CELLS = Column.required("cells", Kind.TEXT);
    public static final Column REASONS = Column.required("reasons", Kind.TEXT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("import_failure", TENANT_ID, JOB_ID, ROW_NO, CELLS, REASONS);

    private ImportFailureTable() {
    }
}
