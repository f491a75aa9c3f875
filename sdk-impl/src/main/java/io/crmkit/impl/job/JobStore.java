package io.crmkit.impl.job;

import static io.crmkit.impl.db.schema.JobTable.ACTIVE_KEY;
import static io.crmkit.impl.db.schema.JobTable.ACTOR_ID;
import static io.crmkit.impl.db.schema.JobTable.CANCEL_REQUESTED;
import static io.crmkit.impl.db.schema.JobTable.CREATED_AT;
import static io.crmkit.impl.db.schema.JobTable.DONE;
import static io.crmkit.impl.db.schema.JobTable.DRY_RUN;
import static io.crmkit.impl.db.schema.JobTable.ERROR;
import static io.crmkit.impl.db.schema.JobTable.ID;
import static io.crmkit.impl.db.schema.JobTable.KIND;
import static io.crmkit.impl.db.schema.JobTable.LEASE_OWNER;
import static io.crmkit.impl.db.schema.JobTable.LEASE_UNTIL;
import static io.crmkit.impl.db.schema.JobTable.REQUEST;
import static io.crmkit.impl.db.schema.JobTable.RESULT;
import static io.crmkit.impl.db.schema.JobTable.SELECTION;
import static io.crmkit.impl.db.schema.JobTable.STATE;
import static io.crmkit.impl.db.schema.JobTable.TABLE;
import static io.crmkit.impl.db.schema.JobTable.TENANT_ID;
import static io.crmkit.impl.db.schema.JobTable.TOTAL;
import static io.crmkit.impl.db.schema.JobTable.UPDATED_AT;

import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.JobTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored jobs of every kind, in {@code <prefix>job} ({@link JobTable}), and the life they share from their insert
 * to their end. Each change runs in a short transaction of its own, so that a host polling a job sees it at once, but
 * for a chunk's progress, which commits with the chunk in the caller's transaction. A queued or running job is held
 * by its run's {@link Lease}: a run takes a job by one conditional UPDATE (of two runs trying at once only one gets it)
 * and writes to it only while it holds it. What only one kind has (a bulk operation's selection, an import's file
 * name) the kind sets on the row it inserts ({@link #newJob}) and reads back from the {@link StoredJob}. Reads return
 * only jobs of the kinds the caller names, so that a kind stored by a newer kit never reaches a reader that does not
 * know it. Thread-safe.
 */
public final class JobStore {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

    /** The lease owner of a job handed over to the scheduler, until a scheduled run takes it. */
    private static final String SCHEDULED = "scheduled";
    /** The lease end of a job handed over to the scheduler: never, until a scheduled run takes it. */
    private static final Instant SCHEDULED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");
    /** SQL: the row can be taken over for a new run: it stopped, or its lease ended; binds now. */
    private static final String STOPPED = "(state IN ('FAILED', 'CANCELLED') OR " + JobLeases.LEASE_ENDED + ")";
    private static final String HELD_BY = "lease_owner = ? AND state IN " + JobLeases.HELD_STATES;

    private final Database database;
    private final Clock clock;
    private final JobLeases leases;
    private final String prefix;
    private final String table;

    /**
     * @param tablePrefix the validated prefix of the SDK's tables
     * @param leases      the leases of the kit's job runs
     */
    public JobStore(String tablePrefix, Database database, Clock clock, JobLeases leases) {
        this.database = database;
        this.clock = clock;
        this.leases = leases;
        this.prefix = tablePrefix;
        this.table = TABLE.in(tablePrefix);
    }

    /**
     * A job's stored request and state, as a scheduled run reads them.
     *
     * @param request the request's JSON, or null when the job was not handed over to the scheduler
     * @param state   the stored state (a job whose lease ended reads as queued or running here)
     */
    public record Stored(String request, JobState state) {
        /** @return whether the job ended: done, failed or cancelled */
        public boolean ended() {
            return state == JobState.DONE || state == JobState.FAILED || state == JobState.CANCELLED;
        }
    }

    /**
     * @return a new job's row with its kind, actor and size, not a dry run; the kind sets its own columns on it and
     *         stores it with {@link #insertQueued} or {@link #insertPending}, which set the rest
     */
    public static Row newJob(JobKind kind, String actorId, long total) {
        return new Row(TABLE).set(KIND, kind.name()).set(ACTOR_ID, actorId).set(TOTAL, total).set(DRY_RUN, false);
    }

    /** @return a lease for a new run of a job, to store with {@link #insertQueued}, {@link #queuePending} or a claim */
    public Lease newLease(String tenantId, long id) {
        return leases.newLease(tenantId, id);
    }

    /**
     * Stores a new job QUEUED under the lease, and starts renewing it.
     *
     * @param job a row of {@link #newJob}; its {@code active_key}, when set, makes a second unfinished job of the same
     *            key fail on the unique index
     * @throws DuplicateKeyException when an unfinished job holds the same active key
     */
    public void insertQueued(Lease lease, Row job) {
        job.set(LEASE_OWNER, lease.owner()).set(LEASE_UNTIL, leases.until());
        insert("store a job", lease.tenantId(), lease.jobId(), JobState.QUEUED, job);
        leases.hold(lease);
    }

    /** Stores a new job PENDING: held by no run until {@link #queuePending} queues it. */
    public void insertPending(String tenantId, long id, Row job) {
        insert("store a pending job", tenantId, id, JobState.PENDING, job);
    }

    private void insert(String what, String tenantId, long id, JobState state, Row job) {
        Instant now = clock.instant();
        job.set(TENANT_ID, tenantId).set(ID, id).set(STATE, state.name()).set(DONE, 0L).set(CREATED_AT, now)
                .set(UPDATED_AT, now).set(CANCEL_REQUESTED, false);
        database.write(what, session -> {
            job.insert(session.getConnection(), prefix);
            return null;
        });
    }

    /** Moves a pending job to QUEUED under the lease; @return false when it was not pending (used or cancelled) */
    public boolean queuePending(Lease lease, long total) {
        return take(lease, new Change().set(TOTAL, total).set(DONE, 0L), "state = 'PENDING'");
    }

    /**
     * Takes over a stopped job (failed, cancelled, or held by a lease that ended) for a new run QUEUED under the lease,
     * keeping its progress, which the new run continues.
     *
     * @return false when a live lease holds the job or it ended well
     */
    public boolean claim(Lease lease) {
        return take(lease, new Change(), STOPPED, clock.instant());
    }

    /**
     * Takes over a stopped job as {@link #claim(Lease)}, for a new run that counts its work again from 0 of
     * {@code total}.
     */
    public boolean claim(Lease lease, long total) {
        return take(lease, new Change().set(TOTAL, total).set(DONE, 0L), STOPPED, clock.instant());
    }

    /**
     * Takes over a queued or running job whose lease ended (its process stopped, or it was released for the scheduled
     * run that takes it, see {@link #releaseScheduled}), for a new run QUEUED under the lease that counts its work
     * again from 0 of {@code total}; unlike a claim never a job that ended, so that a cancelled or failed job stays so.
     * One conditional UPDATE.
     *
     * @return false when a live lease holds the job or it is not queued or running
     */
    public boolean takeOver(Lease lease, long total) {
        return take(lease, new Change().set(TOTAL, total).set(DONE, 0L), JobLeases.LEASE_ENDED, clock.instant());
    }

    /**
     * Takes over a stopped job as {@link #claim(Lease, long)}, for a new run that does its work again from the start:
     * its result so far (where a kind keeps the point a continuing run resumes from) is dropped.
     */
    public boolean claimAfresh(Lease lease, long total) {
        return take(lease, new Change().set(TOTAL, total).set(DONE, 0L).set(RESULT, null), STOPPED, clock.instant());
    }

    private boolean take(Lease lease, Change change, String condition, Object... values) {
        change.set(STATE, JobState.QUEUED.name()).set(ERROR, null).set(CANCEL_REQUESTED, false)
                .set(UPDATED_AT, clock.instant()).set(LEASE_OWNER, lease.owner()).set(LEASE_UNTIL, leases.until());
        boolean taken = update("queue a job", lease.tenantId(), lease.jobId(), change, condition, values) == 1;
        if (taken) {
            leases.hold(lease);
        }
        return taken;
    }

    /** Moves a queued job held by the lease to RUNNING. @return false when the lease no longer holds it */
    public boolean begin(Lease lease) {
        return update("start a job", lease.tenantId(), lease.jobId(), new Change().set(STATE, JobState.RUNNING.name())
                .set(UPDATED_AT, clock.instant()).set(LEASE_UNTIL, leases.until()), "lease_owner = ? AND state ="
                + " 'QUEUED'", lease.owner()) == 1;
    }

    /** Records the work a job held by the lease has to do, once known. */
    public void total(Lease lease, long total) {
        update("record a job's size", lease.tenantId(), lease.jobId(), new Change().set(TOTAL, total)
                .set(UPDATED_AT, clock.instant()), "lease_owner = ?", lease.owner());
    }

    /**
     * Locks the job's row first in a chunk's transaction that records progress ({@link JobLeases#hold}), so that
     * the heartbeat waits for the chunk instead of making a SERIALIZABLE database refuse it.
     */
    public void hold(Connection connection, Lease lease) {
        leases.hold(connection, lease);
    }

    /**
     * Records progress inside the caller's transaction, so that it commits with the work it counts, and only while
     * the lease holds the job in state RUNNING.
     *
     * @throws LeaseLostException when it no longer does (the caller's transaction rolls back)
     */
    public void progress(Connection connection, Lease lease, long done) {
        leases.renewWith(connection, lease, Table.assignments(List.of(DONE, UPDATED_AT)), List.of(done,
                clock.instant()));
    }

    /**
     * Records progress and the result so far ({@code result}, JSON of the job's kind) inside the caller's
     * transaction, as {@link #progress(Connection, Lease, long)}.
     */
    public void progress(Connection connection, Lease lease, long done, String result) {
        leases.renewWith(connection, lease, Table.assignments(List.of(DONE, RESULT, UPDATED_AT)),
                Arrays.asList(done, result, clock.instant()));
    }

    /**
     * Records progress in a transaction of its own, as {@link #progress(Connection, Lease, long)}.
     *
     * @throws LeaseLostException when the lease no longer holds the job
     */
    public void progress(Lease lease, long done) {
        database.write("record a job's progress", session -> {
            progress(session.getConnection(), lease, done);
            return null;
        });
    }

    /** Records that a job held by the lease is DONE; a no-op when the lease no longer holds it. */
    public void finish(Lease lease) {
        end(lease, JobState.DONE, null, new Change());
    }

    /** Records that a job held by the lease is DONE with its work and result (JSON); a no-op as {@link #finish}. */
    public void finish(Lease lease, long done, String result) {
        end(lease, JobState.DONE, null, new Change().set(DONE, done).set(RESULT, result));
    }

    /**
     * Records that a job held by the lease stopped on a cancel, and why; a no-op when the lease no longer holds it.
     * The job keeps its active key, so that running it again continues it.
     */
    public void cancel(Lease lease, String why) {
        end(lease, JobState.CANCELLED, why, new Change());
    }

    /** Records a cancel as {@link #cancel(Lease, String)}, with the work done and its result (JSON). */
    public void cancel(Lease lease, String why, long done, String result) {
        end(lease, JobState.CANCELLED, why, new Change().set(DONE, done).set(RESULT, result));
    }

    /**
     * Records that a job held by the lease failed, with the error cut to {@link JobTable#ERROR_MAX} characters; a no-op
     * when the lease no longer holds it. The job keeps its active key, so that running it again continues it.
     */
    public void fail(Lease lease, String error) {
        end(lease, JobState.FAILED, error, new Change());
    }

    /** Records a failure as {@link #fail(Lease, String)}, with the exception's message. */
    public void fail(Lease lease, RuntimeException error) {
        fail(lease, error.getMessage() == null ? error.toString() : error.getMessage());
    }

    private void end(Lease lease, JobState state, String error, Change change) {
        change.set(STATE, state.name()).set(ERROR, cut(error)).set(UPDATED_AT, clock.instant()).set(LEASE_UNTIL, null);
        if (state == JobState.DONE) {
            // A job that ended well frees its key for a new run of the same work.
            change.set(ACTIVE_KEY, null);
        }
        update("record the end of a job", lease.tenantId(), lease.jobId(), change, HELD_BY, lease.owner());
    }

    /**
     * Hands a queued job held by the lease over to the kit's scheduler: its request (JSON of its kind) is stored, and
     * it stays QUEUED, held until a scheduled run takes it ({@link #releaseScheduled}), so that starting the same job
     * meanwhile is refused as for any queued job.
     *
     * @return false when the lease no longer holds the job
     */
    public boolean handOver(Lease lease, String request) {
        return update("hand a job over to the scheduler", lease.tenantId(), lease.jobId(), new Change()
                .set(REQUEST, request).set(LEASE_OWNER, SCHEDULED).set(LEASE_UNTIL, SCHEDULED_UNTIL),
                "lease_owner = ? AND state = 'QUEUED'", lease.owner()) == 1;
    }

    /** @return a job's stored request and state, for the scheduled run that takes it */
    public Optional<Stored> stored(String tenantId, long id) {
        return database.read("read a scheduled job", session -> IdStatements.rows(session.getConnection(),
                "SELECT " + Table.list(List.of(REQUEST, STATE)) + " FROM " + table + " WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id), row -> new Stored(row.getString(1), JobState.valueOf(row.getString(2)))))
                .stream().findFirst();
    }

    /**
     * The start of every scheduled run: reads the job's stored request, when there is one and the job has not ended.
     *
     * @param what the job, for the log, e.g. "export job"
     * @return the request to run; empty when the job ended or has no request (logged: there is nothing to run)
     */
    public Optional<String> requestToRun(JobScheduler.ScheduledJob job, String what) {
        Optional<Stored> stored = stored(job.tenantId(), job.jobId());
        if (stored.isEmpty() || stored.get().request() == null) {
            LOG.warn("Scheduled {} {} of tenant '{}' has no stored request; nothing to run", what, job.jobId(),
                    job.tenantId());
            return Optional.empty();
        }
        return stored.get().ended() ? Optional.empty() : Optional.of(stored.get().request());
    }

    /**
     * Frees a job waiting for the scheduler for the scheduled run that takes it over (its lease has then ended, so
     * the run claims it); a no-op otherwise.
     */
    public void releaseScheduled(String tenantId, long id) {
        update("take a job from the scheduler", tenantId, id, new Change().set(LEASE_UNTIL, null), "lease_owner = ? AND"
                + " state = 'QUEUED'", SCHEDULED);
    }

    /**
     * Cancels a job as {@code Jobs.cancel} promises, whichever kit holds it: one whose process stopped (interrupted)
     * or that waits for the scheduler at once, by a conditional UPDATE; one running here through its run, which
     * stops after its chunk; one running in another kit by a request on its row, which its run reads when it next
     * records progress.
     *
     * @param state   the job's state as read
     * @param running the jobs running in this kit
     * @param again   what running the job again is, for its error, e.g. "run the same import again"
     * @return whether the job was cancelled or asked to stop; false when it is not queued, running or interrupted
     */
    public boolean cancel(String tenantId, long id, JobState state, RunningJobs running, String again) {
        if (state == JobState.INTERRUPTED) {
            return cancelAbandoned(tenantId, id, "cancelled after the process running it stopped; " + again
                    + " to continue it");
        }
        return state.isActive() && (running.cancel(id) || cancelScheduled(tenantId, id, "cancelled before it"
                + " started; " + again + " to start it") || leases.requestCancel(tenantId, id));
    }

    /** Cancels a job whose lease ended, in one conditional UPDATE. @return false when a live lease holds it */
    private boolean cancelAbandoned(String tenantId, long id, String why) {
        Instant now = clock.instant();
        return update("cancel an abandoned job", tenantId, id, new Change().set(STATE, JobState.CANCELLED.name())
                .set(ERROR, why).set(UPDATED_AT, now), JobLeases.LEASE_ENDED, now) == 1;
    }

    /** Cancels a job waiting for the scheduler. @return false when it is not waiting for it */
    private boolean cancelScheduled(String tenantId, long id, String why) {
        return update("cancel a scheduled job", tenantId, id, new Change().set(STATE, JobState.CANCELLED.name())
                .set(ERROR, why).set(UPDATED_AT, clock.instant()).set(LEASE_UNTIL, null), "lease_owner = ? AND state"
                + " = 'QUEUED'", SCHEDULED) == 1;
    }

    /** @return the tenant's job with this id, when it is of one of the kinds */
    public Optional<StoredJob> find(String tenantId, long id, Collection<JobKind> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return query("read a job", JobTable.READ, "id = ? AND " + kindIn(kinds), "", values(tenantId, id, kinds))
                .stream().findFirst();
    }

    /** @return the tenant's job of the kind with this id, with its selection (read only on demand: it may be long) */
    public Optional<StoredJob> findWithSelection(String tenantId, long id, JobKind kind) {
        List<Column> columns = new ArrayList<>(JobTable.READ);
        columns.add(SELECTION);
        return query("read a job", columns, "id = ? AND kind = ?", "", List.of(tenantId, id, kind.name())).stream()
                .findFirst();
    }

    /** @return the tenant's latest jobs of the kinds, at most {@code limit}, newest first: one query for every kind */
    public List<StoredJob> latest(String tenantId, Collection<JobKind> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return query("list jobs", JobTable.READ, kindIn(kinds), " ORDER BY created_at DESC, id DESC LIMIT " + limit,
                values(tenantId, kinds));
    }

    /**
     * @return the latest job of the kind, not a dry run, with this run key (the job running the same again continues,
     *         unless it ended well)
     */
    public Optional<StoredJob> latestRun(String tenantId, JobKind kind, String runKey) {
        return query("find an earlier job", JobTable.READ, "kind = ? AND run_key = ? AND dry_run = ?", " ORDER BY"
                + " created_at DESC, id DESC LIMIT 1", List.of(tenantId, kind.name(), runKey, false)).stream()
                .findFirst();
    }

    /** @return the job of the kind holding this token, with its selection */
    public Optional<StoredJob> findByToken(String tenantId, JobKind kind, String token) {
        List<Column> columns = new ArrayList<>(JobTable.READ);
        columns.add(SELECTION);
        return query("find a job by its token", columns, "kind = ? AND token = ?", "", List.of(tenantId, kind.name(),
                token)).stream().findFirst();
    }

    private static String kindIn(Collection<JobKind> kinds) {
        return "kind IN (" + kinds.stream().map(kind -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static List<Object> values(String tenantId, Collection<JobKind> kinds) {
        List<Object> values = new ArrayList<>(List.of(tenantId));
        kinds.forEach(kind -> values.add(kind.name()));
        return values;
    }

    private static List<Object> values(String tenantId, long id, Collection<JobKind> kinds) {
        List<Object> values = new ArrayList<>(List.of(tenantId, id));
        kinds.forEach(kind -> values.add(kind.name()));
        return values;
    }

    private List<StoredJob> query(String what, List<Column> columns, String condition, String tail,
                                  List<Object> values) {
        Instant now = clock.instant();
        return database.read(what, session -> IdStatements.rows(session.getConnection(), "SELECT "
                + Table.list(columns) + " FROM " + table + " WHERE tenant_id = ? AND " + condition + tail, values,
                result -> stored(new Row(TABLE).read(result, columns, 1), now)));
    }

    private static StoredJob stored(Row row, Instant now) {
        JobState state = JobState.valueOf(row.text(STATE));
        // A job handed over to the scheduler waits there until a kit's run takes it, whatever its lease says.
        boolean scheduled = state == JobState.QUEUED && SCHEDULED.equals(row.text(LEASE_OWNER));
        return new StoredJob(row, !scheduled && JobLeases.ended(state.isActive(), (Instant) row.get(LEASE_UNTIL),
                now));
    }

    /**
     * Runs {@code UPDATE job SET <change> WHERE tenant_id = ? AND id = ? AND <condition>} in a transaction of its own.
     *
     * @return the rows changed: 1, or 0 when the condition did not hold
     */
    private int update(String what, String tenantId, long id, Change change, String condition, Object... values) {
        List<Object> all = new ArrayList<>(change.values);
        all.add(tenantId);
        all.add(id);
        all.addAll(List.of(values));
        return database.write(what, session -> IdStatements.execute(session.getConnection(), "UPDATE " + table
                + " SET " + Table.assignments(change.columns) + " WHERE tenant_id = ? AND id = ? AND " + condition,
                all));
    }

    private static String cut(String error) {
        return error == null || error.length() <= JobTable.ERROR_MAX ? error : error.substring(0, JobTable.ERROR_MAX);
    }

    /** The columns an UPDATE sets, each with its value; a NULL bound as its column's type. */
    private static final class Change {
        final List<Column> columns = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Change set(Column column, Object value) {
            columns.add(column);
            values.add(value == null ? new IdStatements.SqlNull(column.kind().sqlType()) : value);
            return this;
        }
    }
}
