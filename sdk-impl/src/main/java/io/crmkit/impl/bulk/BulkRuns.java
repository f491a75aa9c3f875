package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.ConflictException;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.filter.CompiledMatch;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import io.crmkit.impl.job.RunningJobs;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job of a bulk operation from its start to its end: checks the operation through its handler, stores its job
 * QUEUED under a lease (or takes over its unfinished earlier job), then runs its chunks, each committing only while
 * the lease holds the job, and stops after a chunk when the job is cancelled. A failure is logged and stored with
 * the job. Thread-safe.
 */
final class BulkRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRuns.class);

    private final JobStore jobs;
    private final BulkJobRows rows;
    private final Selections selections;
    private final DeleteTokens tokens;
    private final BulkHandlers handlers;
    private final ChunkWrites writes;
    private final DefaultFilterService filters;
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final JobLeases leases;
    private final RunningJobs running;

    BulkRuns(JobStore jobs, BulkJobRows rows, Selections selections, DeleteTokens tokens, BulkHandlers handlers,
             ChunkWrites writes, DefaultFilterService filters, Database database, IdGenerator ids, Clock clock,
             AuditLog audit, RunningJobs running, JobLeases leases) {
        this.jobs = jobs;
        this.rows = rows;
        this.selections = selections;
        this.tokens = tokens;
        this.handlers = handlers;
        this.writes = writes;
        this.filters = filters;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.leases = leases;
        this.running = running;
    }

    /**
     * An operation checked and counted, with its job stored QUEUED under the lease and registered as running here.
     *
     * @param members   the ids a delete's preview bound, in order, when it selects by query; else null
     * @param match     the selection's query, compiled to check each chunk again under lock; null for all or ids
     * @param confirmed whether a delete's token was consumed for this job
     */
    record Plan(Actor actor, Lease lease, Selection selection, BulkOperation operation, ChunkWork work, long total,
                List<Long> members, CompiledMatch match, boolean confirmed) {
        long jobId() {
            return lease.jobId();
        }

        Chunks chunks(DefaultFilterService filters) {
            return members != null ? Chunks.of(members)
                    : new Chunks(selection, filters, Selections.limit(operation.name()), total);
        }

        /** @return what a scheduled run of this job runs */
        StoredBulkRequest request() {
            return new StoredBulkRequest(selection, operation, jobId(), confirmed, members);
        }
    }

    /**
     * Checks an operation (permission, values, size), then stores its job QUEUED under a lease, or takes over its
     * unfinished earlier job; a delete consumes its token here, once.
     *
     * @param toStore whether the operation is to be stored with its job (submitted): it is checked to be storable
     *                before anything is written
     */
    Plan prepare(Actor actor, Selection selection, BulkOperation operation, boolean toStore) {
        BulkHandler<BulkOperation> handler = handlers.of(operation);
        Access.require(actor, handler.permission(), operation.name().replace('_', ' ') + " customers in bulk");
        ChunkWork work = handler.prepare(actor, operation);
        long total = selections.count(selection);
        Selections.requireWithinLimit(total, operation.name());
        CompiledMatch match = Selections.byQuery(selection) ? filters.compile(selection.filter(), selection.keyword())
                : null;
        if (toStore) {
            StoredBulkRequest.requireStorable(operation);
        }
        if (operation instanceof BulkOperation.Delete confirmation) {
            return confirmed(actor, selection, confirmation, work, total, match);
        }
        Lease lease = queue(actor, selection, operation, total, Selections.runKey(selection, work.parameters()));
        return new Plan(actor, lease, selection, operation, work, total, null, match, false);
    }

    /** Starts the pending delete a confirmation's token names, once, and audits it. */
    private Plan confirmed(Actor actor, Selection selection, BulkOperation.Delete confirmation, ChunkWork work,
                           long total, CompiledMatch match) {
        BulkJobRows.Pending pending = tokens.pending(actor, confirmation.token(), selection);
        Optional<PreviewedMembers> previewed = PreviewedMembers.boundIn(pending.selection());
        List<Long> members = null;
        if (previewed.isPresent()) {
            members = selections.members(selection, total);
            DeleteTokens.requireSameMembers(previewed.get(), members);
            total = members.size();
        }
        long jobId = pending.job().id();
        Lease lease = jobs.newLease(actor.tenantId(), jobId);
        if (!jobs.queuePending(lease, total)) {
            throw DeleteTokens.used();
        }
        running.started(jobId);
        String detail = total + " customer(s): " + confirmation.reason().strip();
        try {
            database.write("audit a bulk delete", session -> {
                audit.record(session, actor, "bulk.delete", "bulk_job", jobId, detail);
                return null;
            });
        } catch (RuntimeException e) {
            jobs.fail(lease, e);
            leases.release(lease);
            running.ended(jobId);
            throw e;
        }
        return new Plan(actor, lease, selection, confirmation, work, total, members, match, true);
    }

    /**
     * Stores the job of an operation QUEUED under a new lease: the unfinished job of the same operation on the same
     * selection when there is one (failed, cancelled, or its process stopped), so that running it again finishes
     * that job.
     *
     * @throws ConflictException when that job is queued or running, held by a live lease
     */
    private Lease queue(Actor actor, Selection selection, BulkOperation operation, long total, String runKey) {
        Optional<BulkJob> earlier = rows.latestRun(actor.tenantId(), runKey);
        if (earlier.isPresent() && earlier.get().state() != BulkJob.State.DONE) {
            long id = earlier.get().id();
            Lease lease = jobs.newLease(actor.tenantId(), id);
            if (!jobs.claim(lease, total)) {
                throw running(id);
            }
            running.started(id);
            return lease;
        }
        Lease lease = jobs.newLease(actor.tenantId(), ids.next());
        try {
            rows.insertQueued(lease, actor.actorId(), operation.name(), Selections.fingerprint(selection), runKey,
                    total);
        } catch (DuplicateKeyException e) {
            // Another run stored the same operation between our look-up and our insert.
            throw running(rows.latestRun(actor.tenantId(), runKey).map(BulkJob::id).orElse(0L));
        }
        running.started(lease.jobId());
        return lease;
    }

    /**
     * Hands a prepared job over to the kit's scheduler with its stored request ({@link Plan#request()}): it no longer
     * runs here, and whichever kit's scheduler picks it up runs it ({@link ScheduledRuns}). On a failure the job is
     * failed.
     *
     * @throws LeaseLostException when the job was taken over elsewhere meanwhile
     */
    void handOver(Plan plan) {
        try {
            if (!jobs.handOver(plan.lease(), plan.request().toJson())) {
                throw new LeaseLostException(plan.jobId());
            }
        } catch (RuntimeException e) {
            jobs.fail(plan.lease(), e);
            throw e;
        } finally {
            leases.release(plan.lease());
            running.ended(plan.jobId());
        }
    }

    private static ConflictException running(long id) {
        return new ConflictException("the same operation on the same selection is running as job " + id
                + "; wait for it", id);
    }

    /**
     * Runs the job's chunks, each committing only while the run's lease holds the job; stops after a chunk when the
     * job was cancelled here.
     *
     * @return what was done: all of it, or up to the cancel
     * @throws LeaseLostException when the job was taken over elsewhere after the lease ended
     */
    BulkResult execute(Plan plan, ProgressListener listener) {
        Tally tally = new Tally(plan.operation().name(), plan.total());
        try {
            if (running.isCancelled(plan.jobId())) {
                return cancelled(plan, tally, "cancelled before it started");
            }
            if (!jobs.begin(plan.lease())) {
                throw new LeaseLostException(plan.jobId());
            }
            Chunks chunks = plan.chunks(filters);
            for (List<Long> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
                ChunkWrites.Outcome outcome = runChunk(plan, chunk, tally.done() + chunk.size());
                plan.work().committed(outcome);
                tally.add(outcome);
                listener.progress(tally.done(), plan.total());
                if (running.isCancelled(plan.jobId()) || leases.cancelRequested(plan.lease())) {
                    return cancelled(plan, tally, "cancelled after " + tally.done() + " of " + plan.total()
                            + " customers");
                }
            }
            BulkResult result = tally.result();
            jobs.finish(plan.lease(), result.total(), BulkJobRows.toJson(result));
            return result;
        } catch (RuntimeException e) {
            LOG.warn("Bulk job {} ({}) of tenant '{}' failed after {} of {} customers; the job stores why, and running"
                    + " the same operation again continues it", plan.jobId(), plan.operation().name(),
                    plan.actor().tenantId(), tally.done(), plan.total(), e);
            jobs.fail(plan.lease(), e);
            throw e;
        } finally {
            leases.release(plan.lease());
            running.ended(plan.jobId());
        }
    }

    private BulkResult cancelled(Plan plan, Tally tally, String message) {
        BulkResult result = tally.result();
        jobs.cancel(plan.lease(), message + "; the customers processed stay processed, and running the same"
                + " operation on the same selection again continues it", result.changed() + result.unchanged()
                + result.skipped() + result.failed(), BulkJobRows.toJson(result));
        return result;
    }

    private ChunkWrites.Outcome runChunk(Plan plan, List<Long> chunk, long doneAfter) {
        Actor actor = plan.actor();
        String what = plan.operation().name().replace('_', ' ') + " customers in bulk";
        return database.write(what, session -> {
            jobs.hold(session.getConnection(), plan.lease());
            Instant now = clock.instant();
            ChunkWrites.Outcome rechecked = new ChunkWrites.Outcome();
            List<Long> targets = plan.match() == null ? chunk : stillMatching(session.getConnection(), actor,
                    plan.match(), chunk, rechecked);
            ChunkWrites.Outcome outcome = targets.isEmpty() ? new ChunkWrites.Outcome()
                    : plan.work().apply(session, actor, plan.jobId(), targets, now);
            outcome.skipped.addAll(rechecked.skipped);
            outcome.failed.addAll(rechecked.failed);
            countAlreadyDone(session, plan, outcome);
            if (!outcome.changed.isEmpty()) {
                audit.record(session, actor, "bulk." + plan.operation().name(), "bulk_job", plan.jobId(),
                        outcome.changed.size() + " customer(s)");
                audit.events().recordAll(session, actor, outcome.events);
            }
            jobs.progress(session.getConnection(), plan.lease(), doneAfter);
            return outcome;
        });
    }

    /** Moves the customers not found that the operation finds already done from failed to unchanged. */
    private static void countAlreadyDone(Session session, Plan plan, ChunkWrites.Outcome outcome) {
        List<Long> notFound = outcome.failed.stream().filter(issue -> issue.code().equals("not_found"))
                .map(BulkIssue::customerId).sorted().toList();
        if (notFound.isEmpty()) {
            return;
        }
        Set<Long> done = plan.work().alreadyDone(session, plan.actor(), notFound);
        if (!done.isEmpty()) {
            outcome.failed.removeIf(issue -> issue.code().equals("not_found") && done.contains(issue.customerId()));
            outcome.unchanged += done.size();
        }
    }

    /**
     * Locks the chunk's customers and checks them against the selection's query again: a customer that stopped
     * matching since the chunk was listed is skipped and reported, one that is gone is reported as failed.
     *
     * @return the locked customers that still match, in id order
     */
    private List<Long> stillMatching(Connection connection, Actor actor, CompiledMatch match, List<Long> chunk,
                                     ChunkWrites.Outcome outcome) {
        List<Long> locked = writes.lock(connection, actor.tenantId(), chunk, outcome);
        if (locked.isEmpty()) {
            return locked;
        }
        List<Long> matching = match.among(connection, locked);
        if (matching.size() < locked.size()) {
            Set<Long> still = new HashSet<>(matching);
            for (Long id : locked) {
                if (!still.contains(id)) {
                    outcome.skipped.add(new BulkIssue(id, "no_longer_matches", "customer " + id + " no longer"
                            + " matches the selection's query; left as it is"));
                }
            }
        }
        return matching;
    }
}
