package io.crmkit.impl.db.schema;

/**
 * The {@code job_file} table. The file of a job kept in the database (an export submitted without a host path, a
 * submitted import's upload): chunks {@code seq} 0, 1, ... of at most 1 MiB each. {@code job_id} is the job's id in
 * {@link JobTable}; {@code created_at} is when the chunk was written, for the kit's retention.
 */
public final class JobFileTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column JOB_ID = Column.required("job_id", Kind.BIGINT);
    public static final Column SEQ = Column.required("seq", Kind.INTEGER);
    public static final Column BYTES = Column.required("bytes", Kind.BYTES);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("job_file", TENANT_ID, JOB_ID, SEQ, BYTES, CREATED_AT);

    private JobFileTable() {
    }
}
