package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code task} table. A task on a customer. {@code list_at} is the lists' sort key, never NULL: an open task's
 * due time (9999-12-31 without one), a closed task's closing time. {@code bulk_job_id} names the bulk job that
 * created the task, if one did.
 */
public final class TaskTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column TITLE = Column.required("title", Kind.TEXT);
    public static final Column DUE_AT = Column.optional("due_at", Kind.TIMESTAMP);
    public static final Column ASSIGNEE = Column.optional("assignee", Kind.TEXT);
    public static final Column STATUS = Column.required("status", Kind.TEXT);
    public static final Column CLOSED = Column.required("closed", Kind.BOOLEAN);
    public static final Column LIST_AT = Column.required("list_at", Kind.TIMESTAMP);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column CREATED_BY = Column.required("created_by", Kind.TEXT);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);
    public static final Column UPDATED_BY = Column.required("updated_by", Kind.TEXT);
    public static final Column VERSION = Column.required("version", Kind.BIGINT);
    public static final Column BULK_JOB_ID = Column.optional("bulk_job_id", Kind.BIGINT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("task", TENANT_ID, ID, CUSTOMER_ID, TITLE, DUE_AT, ASSIGNEE, STATUS,
            CLOSED, LIST_AT, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, VERSION, BULK_JOB_ID);

    /**
     * The columns a task is read from: all but the tenant, which the statement fixes, {@code closed}, which the
     * status tells, and the creating job.
     */
    public static final List<Column> READ = TABLE.except(TENANT_ID, CLOSED, BULK_JOB_ID);

    private TaskTable() {
    }
}
