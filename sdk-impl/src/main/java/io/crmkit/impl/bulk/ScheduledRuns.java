package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.filter.CompiledMatch;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.RunningJobs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of submitted bulk jobs on the scheduler, in whichever kit picks one up: reads the job's stored request,
 * checks it against the job, takes the job over by its id (a job handed over to the scheduler, or one whose kit died
 * while running it: customers that kit processed are found as the operation leaves them and counted unchanged) and
 * runs it through {@link BulkRuns#execute}. A request that cannot run (unreadable, of another job, a delete without
 * its confirmation, values no longer valid) fails its job with the reason; nothing of it escapes to the scheduler but
 * a job held by a live run elsewhere and a storage failure, which the scheduler tries again. Thread-safe.
 */
final class ScheduledRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);
    private final JobStore jobs;
    private final BulkJobRows rows;
    private final Selections selections;
    private final BulkHandlers handlers;
    private final DefaultFilterService filters;
    private final BulkRuns runs;
    private final RunningJobs running;
    private final JobLeases leases;

    ScheduledRuns(JobStore jobs, BulkJobRows rows, Selections selections, BulkHandlers handlers, DefaultFilterService filters,
                  BulkRuns runs, RunningJobs running, JobLeases leases) {
        this.jobs = jobs;
        this.rows = rows;
        this.selections = selections;
        this.handlers = handlers;
        this.filters = filters;
        this.runs = runs;
        this.running = running;
        this.leases = leases;
    }

    /**
     * Runs (or continues) a scheduled bulk job as the actor that submitted it, with the permissions its operation
     * needs (its submission checked them); returns normally when the job ended, whatever its end, and when it had
     * ended already.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     * @throws StorageException  when the database failed before the job was taken: the scheduler tries again
     */
    void run(String tenantId, String actorId, long jobId) {
        Optional<JobStore.Stored> stored = jobs.stored(tenantId, jobId);
        if (stored.isEmpty() || stored.get().request() == null) {
            LOG.warn("Scheduled bulk job {} of tenant '{}' has no stored request; nothing to run", jobId, tenantId);
            return;
        }
        if (stored.get().ended()) {
            return;
        }
        Optional<BulkJobRows.Scheduled> row = rows.findScheduled(tenantId, jobId);
        if (row.isEmpty()) {
            return;
        }
        BulkRuns.Plan plan;
        try {
            plan = plan(tenantId, actorId, row.get(), stored.get().request());
        } catch (ConflictException | StorageException retried) {
            throw retried;
        } catch (UnreadableBulkRequest e) {
            fail(tenantId, row.get(), "its stored request is not readable (" + e.getMessage() + "); submit the"
                    + " operation again");
            return;
        } catch (RuntimeException e) {
            fail(tenantId, row.get(), e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        if (plan == null) {
            return;
        }
        try {
            runs.execute(plan, ProgressListener.NONE);
        } catch (RuntimeException e) {
            // execute logged the failure and stored it with the job.
        }
    }

    /**
     * Fails a job handed over to the scheduler that will not run, such as one the scheduler could not take; a no-op
     * when a live run holds it or it ended.
     */
    void fail(String tenantId, long jobId, long total, String reason) {
        jobs.releaseScheduled(tenantId, jobId);
        Lease lease = jobs.newLease(tenantId, jobId);
        if (!jobs.takeOver(lease, total)) {
            LOG.warn("Bulk job {} of tenant '{}' cannot run ({}), and is held by a run or ended", jobId, tenantId,
                    reason);
            return;
        }
        try {
            jobs.fail(lease, "the job cannot run: " + reason);
        } finally {
            leases.release(lease);
        }
        LOG.warn("Bulk job {} of tenant '{}' cannot run and failed: {}", jobId, tenantId, reason);
    }

    private void fail(String tenantId, BulkJobRows.Scheduled row, String reason) {
        fail(tenantId, row.job().id(), row.job().total(), reason);
    }

    /**
     * @return the run of the job as its request describes it, with the job taken over under a new lease; null when the
     *         job ended meanwhile
     * @throws UnreadableBulkRequest when the request does not describe the job
     * @throws ConflictException     when a live run holds the job
     */
    private BulkRuns.Plan plan(String tenantId, String actorId, BulkJobRows.Scheduled row, String json) {
        long jobId = row.job().id();
        StoredBulkRequest request = StoredBulkRequest.fromJson(json);
        if (request.jobId() != jobId) {
            throw new UnreadableBulkRequest("job: the request is of job " + request.jobId() + ", not " + jobId);
        }
        BulkOperation operation = request.operation();
        if (!operation.name().equals(row.job().operation())) {
            throw new UnreadableBulkRequest("operation: the request is a " + operation.name() + ", its job a "
                    + row.job().operation());
        }
        BulkHandler<BulkOperation> handler = handlers.of(operation);
        Actor actor = Actor.of(tenantId, actorId, handler.permissions());
        ChunkWork work = handler.prepare(actor, operation);
        Selection selection = request.selection();
        List<Long> members = operation instanceof BulkOperation.Delete delete ? confirmed(row, request, delete) : null;
        long total = members != null ? members.size() : selections.count(selection);
        Selections.requireWithinLimit(total, operation.name());
        CompiledMatch match = Selections.byQuery(selection) ? filters.compile(selection.filter(), selection.keyword())
                : null;
        Lease lease = takeOver(tenantId, jobId, total);
        return lease == null ? null : new BulkRuns.Plan(actor, lease, selection, operation, work, total, members, match,
                request.confirmed());
    }

    /**
     * A stored delete runs only as the job its token was confirmed for: its submission consumed the token (the job
     * left PENDING in one conditional update, which no second confirmation passes), and stored that it did, the job's
     * id, and the customers the preview bound. The request must carry the job's own token, its previewed selection
     * and, for a query, exactly the customers the preview counted.
     *
     * @return the ids the preview bound, for a selection by query; null for one by ids
     * @throws ValidationException on {@code token} when the request was not confirmed for this job
     */
    private static List<Long> confirmed(BulkJobRows.Scheduled row, StoredBulkRequest request, BulkOperation.Delete delete) {
        if (!request.confirmed() || row.token() == null || !MessageDigest.isEqual(
                row.token().getBytes(StandardCharsets.UTF_8), delete.token().getBytes(StandardCharsets.UTF_8))) {
            throw ValidationException.of("token", "invalid", "token: the stored delete was not confirmed with the"
                    + " token of job " + row.job().id() + "'s preview; preview the delete again");
        }
        if (!PreviewedMembers.fingerprint(row.selection()).equals(Selections.fingerprint(request.selection()))) {
            throw ValidationException.of("token", "invalid", "token: the stored delete is of another selection than"
                    + " its preview; preview the delete again");
        }
        Optional<PreviewedMembers> previewed = PreviewedMembers.boundIn(row.selection());
        if (previewed.isEmpty()) {
            return null;
        }
        if (request.members() == null) {
            throw ValidationException.of("token", "changed", "token: the stored delete does not list the customers"
                    + " its preview counted; preview the delete again");
        }
        DeleteTokens.requireSameMembers(previewed.get(), request.members());
        return request.members();
    }

    /**
     * Takes the job over for this run, registered as running here.
     *
     * @return the lease; null when the job is no longer queued or running
     * @throws ConflictException when a live run holds it
     */
    private Lease takeOver(String tenantId, long jobId, long total) {
        jobs.releaseScheduled(tenantId, jobId);
        Lease lease = jobs.newLease(tenantId, jobId);
        if (jobs.takeOver(lease, total)) {
            running.started(jobId);
            return lease;
        }
        Optional<JobStore.Stored> state = jobs.stored(tenantId, jobId);
        if (state.isPresent() && (state.get().state() == JobState.QUEUED
                || state.get().state() == JobState.RUNNING)) {
            throw new ConflictException("bulk job " + jobId + " is held by a live run; the scheduler tries again once"
                    + " its lease ended", jobId);
        }
        if (state.isPresent() && !state.get().ended()) {
            LOG.warn("Scheduled bulk job {} of tenant '{}' is {}, not queued; nothing to run", jobId, tenantId,
                    state.get().state());
        }
        return null;
    }
}
