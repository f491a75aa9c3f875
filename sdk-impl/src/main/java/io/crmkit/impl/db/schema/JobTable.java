package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code job} table. Every stored job, whatever its kind: a bulk operation, an import, an export (and kinds a
 * newer kit stores, which {@code kind} names: no constraint limits it). Ids are unique per database (the kit's id
 * generator), so a job's id names it among every kind, and the files, failed rows and tasks of a job refer to it by
 * id alone.
 *
 * <p>What every kind shares: its state, progress ({@code done} of {@code total}), result (JSON, of its kind), error,
 * the stored request of a job handed over to the scheduler, and the lease a run holds while the job is QUEUED or
 * RUNNING ({@code lease_owner}, {@code lease_until}, {@code cancel_requested}). {@code run_key} is what the job is
 * (a bulk operation's parameters and selection, an import's file and settings, as a digest): running the same again
 * continues its unfinished job; {@code active_key} holds it while the job is not DONE, and a unique index refuses a
 * second unfinished job of the same key. What only some kinds have: a bulk operation's {@code operation},
 * {@code selection} and a pending delete's confirmation {@code token}; an import's or export's {@code file_name} and
 * {@code dry_run}.
 */
public final class JobTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column KIND = Column.required("kind", Kind.TEXT);
    public static final Column ACTOR_ID = Column.required("actor_id", Kind.TEXT);
    public static final Column STATE = Column.required("state", Kind.TEXT);
    public static final Column OPERATION = Column.optional("operation", Kind.TEXT);
    public static final Column SELECTION = Column.optional("selection", Kind.TEXT);
    public static final Column TOKEN = Column.optional("token", Kind.TEXT);
    public static final Column FILE_NAME = Column.optional("file_name", Kind.TEXT);
    public static final Column DRY_RUN = Column.required("dry_run", Kind.BOOLEAN);
    public static final Column RUN_KEY = Column.optional("run_key", Kind.TEXT);
    public static final Column ACTIVE_KEY = Column.optional("active_key", Kind.TEXT);
    public static final Column TOTAL = Column.required("total", Kind.BIGINT);
    public static final Column DONE = Column.required("done", Kind.BIGINT);
    public static final Column RESULT = Column.optional("result", Kind.TEXT);
    public static final Column ERROR = Column.optional("error", Kind.TEXT);
    public static final Column REQUEST = Column.optional("request", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);
    public static final Column LEASE_OWNER = Column.optional("lease_owner", Kind.TEXT);
    public static final Column LEASE_UNTIL = Column.optional("lease_until", Kind.TIMESTAMP);
    public static final Column CANCEL_REQUESTED = Column.required("cancel_requested", Kind.BOOLEAN);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("job", TENANT_ID, ID, KIND, ACTOR_ID, STATE, OPERATION, SELECTION,
            TOKEN, FILE_NAME, DRY_RUN, RUN_KEY, ACTIVE_KEY, TOTAL, DONE, RESULT, ERROR, REQUEST, CREATED_AT,
            UPDATED_AT, LEASE_OWNER, LEASE_UNTIL, CANCEL_REQUESTED);

    /**
     * The columns a job is read from: all but the tenant, which the statement fixes, and the large ones only some
     * readers need: a bulk operation's selection (a pending delete's may bind every previewed customer) and the
     * stored request.
     */
    public static final List<Column> READ = TABLE.except(TENANT_ID, SELECTION, REQUEST);

    /** The longest {@code file_name}; a longer name is stored cut. */
    public static final int FILE_NAME_MAX = 255;
    /** The longest {@code error}; a longer message is stored cut. */
    public static final int ERROR_MAX = 1000;

    private JobTable() {
    }
}
