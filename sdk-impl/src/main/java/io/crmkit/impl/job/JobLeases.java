package io.crmkit.impl.job;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.JobTable;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases the runs of one kit hold on their rows of the job table, and the heartbeat that renews them: every
 * {@code renewEvery} a daemon thread ({@code crmkit-lease}) moves each held lease's end to now plus the lease's
 * length. A run takes a job only by a conditional UPDATE (a new row, or one whose lease ended) and writes to it only
 * while {@code lease_owner} is still its token, so a job never runs in two places at once. Thread-safe.
 */
public final class JobLeases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);
    private static final SecureRandom TOKENS = new SecureRandom();
    /** The states in which a job is held by a run. */
    public static final String HELD_STATES = "('QUEUED', 'RUNNING')";
    /** SQL: the row is held by a run whose lease ended (or, from before leases, never had one); binds now. */
    public static final String LEASE_ENDED = "(state IN " + HELD_STATES + " AND (lease_until IS NULL OR lease_until"
            + " < ?))";

    private final Database database;
    private final Clock clock;
    private final String table;
    private final Duration length;
    /** The leases held, each with whether a renewal found it lost. */
    private final Map<Lease, Boolean> held = new ConcurrentHashMap<>();
    /** The leases held whose job was asked to stop from another kit, as a renewal found. */
    private final Set<Lease> cancelRequested = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    /**
     * @param tablePrefix the validated prefix of the SDK's tables, whose job table holds the leases
     * @param length      how long a lease lasts unless renewed
     * @param renewEvery  how often the held leases are renewed; less than half the length
     */
    public JobLeases(Database database, Clock clock, String tablePrefix, Duration length, Duration renewEvery) {
        this.database = database;
        this.clock = clock;
        this.table = JobTable.TABLE.in(tablePrefix);
        this.length = length;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crmkit-lease");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * @param held       whether the row's state is QUEUED or RUNNING
     * @param leaseUntil the row's lease end, or null
     * @return whether the row's run stopped without ending it: shown as INTERRUPTED, and free to take over
     */
    public static boolean ended(boolean held, Instant leaseUntil, Instant now) {
        return held && (leaseUntil == null || leaseUntil.isBefore(now));
    }

    /** @return a lease on a job for a new run, not yet held: the caller stores it on the row, then {@link #hold}s it */
    public Lease newLease(String tenantId, long jobId) {
        byte[] random = new byte[12];
        TOKENS.nextBytes(random);
        return new Lease(tenantId, jobId, HexFormat.of().formatHex(random));
    }

    /** @return when a lease taken or renewed now ends */
    public Instant until() {
        return clock.instant().plus(length);
    }

    /** Starts renewing a lease the caller stored on its row. */
    public void hold(Lease lease) {
        held.put(lease, Boolean.FALSE);
    }

    /** Stops renewing a lease, when its run ended. */
    public void release(Lease lease) {
        held.remove(lease);
        cancelRequested.remove(lease);
    }

    /**
     * @return whether a renewal with {@link #renewWith} found that the lease's job was asked to stop (by a kit in which
     *         it does not run, see {@link #requestCancel}): the run stops after its chunk as when cancelled here
     */
    public boolean cancelRequested(Lease lease) {
        return cancelRequested.contains(lease);
    }

    /**
     * Asks the run holding a queued or running job, in whichever kit, to stop: the request is recorded on the job's
     * row ({@code cancel_requested}), and the run reads it when it next renews its lease with a chunk.
     *
     * @return false when the job is not queued or running
     */
    public boolean requestCancel(String tenantId, long jobId) {
        return database.write("ask a job to stop", session -> IdStatements.execute(session.getConnection(), "UPDATE "
                + table + " SET cancel_requested = TRUE WHERE tenant_id = ? AND id = ? AND state IN " + HELD_STATES,
                List.of(tenantId, jobId))) == 1;
    }

    /** @return whether a renewal found that the job is no longer held by this lease */
    public boolean isLost(Lease lease) {
        return held.getOrDefault(lease, Boolean.FALSE);
    }

    /**
     * Locks the job's row as the first statement of a chunk's transaction that ends with {@link #renewWith}: the
     * heartbeat's renewal of the row, and a cancel request, then wait for the chunk to commit. Without it a database
     * running SERIALIZABLE refuses the chunk whenever the heartbeat renewed the row meanwhile, which is every time
     * once chunks take longer than the renewal interval. Checks nothing: {@link #renewWith} does.
     */
    public void hold(Connection connection, Lease lease) {
        IdStatements.rows(connection, "SELECT id FROM " + table + " WHERE tenant_id = ? AND id = ? FOR UPDATE",
                List.of(lease.tenantId(), lease.jobId()), row -> row.getLong(1));
    }

    /**
     * Checks, inside the caller's transaction, that the lease still holds the job in state RUNNING, renews it and
     * records progress columns set by {@code assignments} ("done = ?, ..."); the caller's transaction then commits
     * only while its run holds the job. A cancel requested on the row is noted for {@link #cancelRequested}; the
     * statement that checks it is the same one in the usual case.
     *
     * @throws LeaseLostException when the job is no longer held by this lease (the caller's transaction rolls back)
     */
    public void renewWith(Connection connection, Lease lease, String assignments, List<Object> values) {
        List<Object> all = new ArrayList<>(values);
        all.addAll(List.of(until(), lease.tenantId(), lease.jobId(), lease.owner()));
        String update = "UPDATE " + table + " SET " + assignments + ", lease_until = ? WHERE tenant_id = ? AND"
                + " id = ? AND lease_owner = ? AND state = 'RUNNING'";
        if (IdStatements.execute(connection, update + " AND cancel_requested = FALSE", all) == 1) {
            return;
        }
        if (IdStatements.execute(connection, update, all) != 1) {
            throw new LeaseLostException(lease.jobId());
        }
        cancelRequested.add(lease);
    }

    private void renew() {
        for (Lease lease : held.keySet()) {
            try {
                int renewed = database.write("renew a job's lease", session -> IdStatements.execute(
                        session.getConnection(), "UPDATE " + table + " SET lease_until = ? WHERE tenant_id = ?"
                                + " AND id = ? AND lease_owner = ? AND state IN " + HELD_STATES,
                        List.of(until(), lease.tenantId(), lease.jobId(), lease.owner())));
                if (renewed == 0) {
                    held.replace(lease, Boolean.TRUE);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the lease of job {} ({}); it ends in at most {} unless a later renewal"
                        + " succeeds", lease.jobId(), e.getMessage(), length);
            }
        }
    }

    /** Stops the heartbeat; leases still held end after their length, and their jobs can then be taken over. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
