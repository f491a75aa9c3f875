package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.WorkBeside;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import io.crmkit.impl.job.RunningJobs;
import io.crmkit.impl.job.StoredJob;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job of a recompute of a tenant's metrics from its start to its end, the same whether it runs in the caller's
 * thread or on the scheduler: takes the tenant's one recompute job (a new one, or the one that was cancelled, failed
 * or interrupted, which then starts over), refreshes the customers in id order, a chunk per transaction (a lock of
 * the chunk's customers and one upsert of their metric rows, {@link MetricsStore#refreshNext}; a chunk is 1% of the
 * customers, at least {@value #MIN_CHUNK} and at most {@value #MAX_CHUNK}, as each transaction costs a few ms: at
 * 1,000,000 customers, chunks of 1,000 took 10 s longer than chunks of 10,000), each chunk committing with the job's
 * progress (the last customer refreshed) only while the run's lease holds the job, two chunks at a time on two
 * connections but on MariaDB ({@link #refreshPair}: a run uses a second connection and a thread of its own, so a
 * DataSource that routes by the caller's thread-local state sees none of it there; at most one chunk beyond the
 * progress stored may be refreshed already), stops after a pair of chunks when the job is cancelled, then rates the
 * tenant in one last transaction, again only while the lease holds the job. A failure is logged and stored with the
 * job. Thread-safe.
 */
final class MetricsRecompute {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRecompute.class);
    /** Fewest customers refreshed per transaction. */
    static final int MIN_CHUNK = 1_000;
    /** Most customers refreshed per transaction: the locks a chunk holds on its customers last about 0.2 s. */
    static final int MAX_CHUNK = 10_000;
    /** Chunks a large run is cut into: the job's progress moves by about 1% a chunk. */
    private static final int CHUNKS = 100;
    /** Customers refreshed in a run from which the metric table's statistics are refreshed before the rating. */
    private static final long ANALYZE_AFTER = 10_000;

    private final String customerTable;
    private final String metricTable;
    private final String ratingTable;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final GrowingTables growing;
    private final MetricsStore store;
    private final RfmRatings ratings;
    private final JobStore jobs;
    private final MetricsJobRows rows;
    private final RunningJobs running;
    private final JobLeases leases;

    MetricsRecompute(String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit,
                     IdStatements idSql, GrowingTables growing, JobStore jobs, RunningJobs running,
                     JobLeases leases) {
        this.customerTable = tablePrefix + "customer";
        this.metricTable = tablePrefix + "customer_metric";
        this.ratingTable = tablePrefix + "customer_rating";
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.growing = growing;
        this.store = new MetricsStore(tablePrefix, idSql);
        this.ratings = new RfmRatings(tablePrefix);
        this.jobs = jobs;
        this.rows = new MetricsJobRows(jobs);
        this.running = running;
        this.leases = leases;
    }

    /**
     * The tenant's recompute job as {@link #take} found it: taken by this run under {@code lease}, or held by a live
     * run elsewhere ({@code lease} null).
     *
     * @param jobId the job's id
     * @param lease this run's lease on it, registered as running here; null when another run holds the job
     */
    record Taken(long jobId, Lease lease) {
        boolean held() {
            return lease == null;
        }
    }

    /**
     * Takes the tenant's recompute job for a new run from the first customer, QUEUED under a new lease: a new job, or
     * the unfinished one when it stopped (cancelled, failed, or its process died). Of two runs taking it at once one
     * gets it; the other learns which job holds the work.
     */
    Taken take(Actor actor) {
        String tenantId = actor.tenantId();
        long total = remaining(tenantId, Long.MIN_VALUE);
        for (int attempt = 1; ; attempt++) {
            Optional<StoredJob> unfinished = rows.latest(tenantId).filter(job -> job.state() != JobState.DONE);
            if (unfinished.isPresent()) {
                long id = unfinished.get().id();
                Lease lease = jobs.newLease(tenantId, id);
                if (!jobs.claimAfresh(lease, total)) {
                    return new Taken(id, null);
                }
                running.started(id);
                return new Taken(id, lease);
            }
            Lease lease = jobs.newLease(tenantId, ids.next());
            try {
                rows.insertQueued(lease, actor.actorId(), total);
            } catch (DuplicateKeyException e) {
                // Another run stored the tenant's recompute between our look-up and our insert: look it up again.
                if (attempt == 3) {
                    throw e;
                }
                continue;
            }
            running.started(lease.jobId());
            return new Taken(lease.jobId(), lease);
        }
    }

    /**
     * Takes over a recompute for the scheduled run that picked it up: one waiting for the scheduler, or one whose
     * kit died, which continues after the last customer that kit refreshed.
     *
     * @return this run's lease, registered as running here, and where the run starts
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    Continued takeScheduled(String tenantId, long jobId) {
        Lease lease = jobs.newLease(tenantId, jobId);
        if (!jobs.claim(lease)) {
            throw new ConflictException("recompute " + jobId + " is held by a live run", jobId);
        }
        running.started(jobId);
        try {
            StoredJob stored = rows.find(tenantId, jobId).orElseThrow(() -> new LeaseLostException(jobId));
            return new Continued(lease, MetricsJobRows.progress(stored), stored.done());
        } catch (RuntimeException e) {
            LOG.warn("Recompute {} of tenant '{}' could not read where to continue; the job stores why", jobId,
                    tenantId, e);
            jobs.fail(lease, e);
            leases.release(lease);
            running.ended(jobId);
            throw e;
        }
    }

    /**
     * A recompute taken over to be continued.
     *
     * @param lease this run's lease
     * @param from  the progress stored: where the run starts
     * @param done  the customers refreshed before
     */
    record Continued(Lease lease, MetricsJobRows.Progress from, long done) {
    }

    /**
     * Hands a job taken by {@link #take} over to the kit's scheduler with its request: it no longer runs here, and
     * whichever kit's scheduler picks it up runs it ({@link ScheduledMetrics}).
     *
     * @throws LeaseLostException when the job was taken over elsewhere meanwhile
     */
    void handOver(Lease lease) {
        try {
            if (!jobs.handOver(lease, MetricsJobRows.REQUEST)) {
                throw new LeaseLostException(lease.jobId());
            }
        } catch (RuntimeException e) {
            jobs.fail(lease, e);
            throw e;
        } finally {
            leases.release(lease);
            running.ended(lease.jobId());
        }
    }

    /**
     * Runs a job held by the lease from {@code from} to its end: DONE with the ratings set, CANCELLED after a pair of
     * chunks (no rating written), or FAILED; releases the lease in every case.
     *
     * @param done the customers refreshed before {@code from}
     * @return the customers rated; 0 when the job was cancelled
     * @throws LeaseLostException when the job was taken over elsewhere after the lease ended
     * @throws RuntimeException   what made the job fail, stored with it and logged
     */
    long execute(Actor actor, Lease lease, MetricsJobRows.Progress from, long done) {
        String tenantId = actor.tenantId();
        long jobId = lease.jobId();
        long refreshed = done;
        try {
            if (running.isCancelled(jobId)) {
                jobs.cancel(lease, "cancelled before it started; no rating was written");
                return 0;
            }
            if (!jobs.begin(lease)) {
                throw new LeaseLostException(jobId);
            }
            Instant now = clock.instant();
            long total = done + remaining(tenantId, from.lastCustomerId());
            jobs.total(lease, total);
            long after = from.lastCustomerId();
            int chunkSize = chunkSize(total - done);
            try (WorkBeside beside = new WorkBeside("crmkit-metrics-" + jobId)) {
                while (true) {
                    List<Long> chunk = refreshPair(beside, lease, tenantId, after, chunkSize, refreshed, now);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    growing.wrote(List.of(metricTable), chunk.size());
                    refreshed += chunk.size();
                    after = chunk.get(chunk.size() - 1);
                    if (running.isCancelled(jobId) || leases.cancelRequested(lease)) {
                        jobs.cancel(lease, "cancelled after " + refreshed + " of " + total + " customers: those"
                                + " keep their new counts, no rating was written; " + MetricsJobRows.AGAIN + " to"
                                + " recompute from the first customer", refreshed, MetricsJobRows.toJson(
                                        new MetricsJobRows.Progress(after, null)));
                        return 0;
                    }
                }
            }
            if (refreshed - done >= ANALYZE_AFTER) {
                // The rating ranks the tenant's metric rows: planned on statistics from before a first recompute of
                // a large tenant, PostgreSQL would take the tenant for a few rows.
                database.analyze(List.of(metricTable));
            }
            long lastRefreshed = after;
            long counted = refreshed;
            long rated = database.write("rate customers", session -> {
                jobs.hold(session.getConnection(), lease);
                long count = ratings.rate(session.getConnection(), tenantId);
                audit.record(session, actor, "metrics.rate", "customer", 0, count + " customer(s) rated");
                // Commits the ratings only while this run still holds the job.
                jobs.progress(session.getConnection(), lease, counted, MetricsJobRows.toJson(
                        new MetricsJobRows.Progress(lastRefreshed, count)));
                return count;
            });
            growing.wrote(List.of(ratingTable), rated);
            if (refreshed > total) {
                jobs.total(lease, refreshed); // customers created during the run were refreshed too
            }
            jobs.finish(lease, refreshed, MetricsJobRows.toJson(new MetricsJobRows.Progress(after, rated)));
            return rated;
        } catch (RuntimeException e) {
            LOG.warn("Recompute {} of the metrics of tenant '{}' failed after {} customers; the job stores why",
                    jobId, tenantId, refreshed, e);
            jobs.fail(lease, e);
            throw e;
        } finally {
            leases.release(lease);
            running.ended(jobId);
        }
    }

    /**
     * Refreshes the next two chunks after {@code after} at once, each in a transaction of its own on a connection of
     * its own (the database works on both with two cores): the first, up to the id of its last customer, in this
     * thread, committing with the job's progress while the lease holds the job; the second, the customers after it,
     * on {@code beside}, committing on its own without progress. Neither waits for the other while it holds locks
     * (each locks its own customers in id order, as every locker does), so every wait is one the database sees.
     * A run that dies after the second committed and before the next pair's first continues after the first chunk
     * and refreshes the second's customers again (a refresh of counts is idempotent): at most one chunk beyond the
     * progress stored may be refreshed already. Where fewer than a chunk's customers follow, and on MariaDB (whose
     * next-key locks make two neighbouring ranges wait for each other), one chunk in this thread.
     *
     * @param before the customers refreshed before {@code after}
     * @return the ids refreshed, in order; empty when no customer follows {@code after}
     * @throws RuntimeException what made either chunk fail, once the other ended
     */
    private List<Long> refreshPair(WorkBeside beside, Lease lease, String tenantId, long after, int chunkSize,
                                   long before, Instant now) {
        Optional<Long> end = database.dialect().locksGaps() ? Optional.empty() : database.read("find the next chunk",
                session -> store.idAfter(session.getConnection(), tenantId, after, chunkSize));
        if (end.isEmpty()) {
            return refreshChunk(lease, before, session -> store.refreshNext(session.getConnection(), tenantId, after,
                    chunkSize, now));
        }
        Future<List<Long>> second = beside.submit(() -> database.write("refresh customer metrics", session ->
                store.refreshNext(session.getConnection(), tenantId, end.get(), chunkSize, now)));
        List<Long> first;
        try {
            first = refreshChunk(lease, before, session -> store.refreshRange(session.getConnection(), tenantId, after,
                    end.get(), now));
        } catch (RuntimeException | Error e) {
            // The failure is stored with the job once the second chunk ended too: nothing writes after it.
            WorkBeside.ended(second, e);
            throw e;
        }
        List<Long> ids = new ArrayList<>(first);
        ids.addAll(WorkBeside.result(second));
        return ids;
    }

    /** Refreshes one chunk in a transaction that commits with the job's progress while the lease holds the job. */
    private List<Long> refreshChunk(Lease lease, long before, Function<Session, List<Long>> refresh) {
        return database.write("refresh customer metrics", session -> {
            jobs.hold(session.getConnection(), lease);
            List<Long> ids = refresh.apply(session);
            if (!ids.isEmpty()) {
                jobs.progress(session.getConnection(), lease, before + ids.size(), MetricsJobRows.toJson(
                        new MetricsJobRows.Progress(ids.get(ids.size() - 1), null)));
            }
            return ids;
        });
    }

    /** @return the customers a chunk of a run over {@code customers} refreshes */
    static int chunkSize(long customers) {
        return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, customers / CHUNKS));
    }

    /** @return how many customers of the tenant come after {@code afterId} */
    private long remaining(String tenantId, long afterId) {
        return database.read("count customers", session -> IdStatements.rows(session.getConnection(),
                "SELECT COUNT(*) FROM " + customerTable + " WHERE tenant_id = ? AND id > ?", List.of(tenantId,
                        afterId), row -> row.getLong(1)).get(0));
    }
}
