package io.crmkit.impl.bulk;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.RunningJobs;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.StorageException;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.activity.TaskStore;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.job.DefaultJobs;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.trash.TrashStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link BulkService} for one actor: its parts are the operation handlers ({@link BulkHandlers}), the delete
 * confirmations ({@link DeleteTokens}), the job runs ({@link BulkRuns}) and the runs of submitted jobs on the
 * scheduler ({@link ScheduledRuns}); this class only puts them together. Every submitted operation is stored with
 * its job ({@link StoredBulkRequest}) and run by the kit's scheduler.
 */
public final class DefaultBulkService implements BulkService {

    private static final int JOBS_LISTED = 100;

    private final Actor actor;
    private final BulkJobRows jobs;
    private final DeleteTokens tokens;
    private final BulkRuns runs;
    private final BulkJobSource source;
    private final DefaultJobs awaiting;
    private final JobScheduler scheduler;
    private final ScheduledRuns scheduled;

    public DefaultBulkService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, FieldCatalog fields, IdStatements idSql, RunningJobs running, JobLeases leases,
            JobScheduler scheduler, DefaultFilterService filters, ChunkWrites writes, GrowingTables growing) {
        this.actor = actor;
        JobStore store = new JobStore(tablePrefix, database, clock, leases);
        this.jobs = new BulkJobRows(store);
        Selections selections = new Selections(filters);
        this.tokens = new DeleteTokens(jobs, selections, ids, clock);
        BulkHandlers handlers = new BulkHandlers(writes, fields, new TrashStore(tablePrefix, idSql),
                new TaskStore(tablePrefix), ids, idSql, growing, tablePrefix);
        this.runs = new BulkRuns(store, jobs, selections, tokens, handlers, writes, filters, database, ids, clock,
                audit, running, leases);
        this.source = new BulkJobSource(actor, store, running);
        this.awaiting = new DefaultJobs(actor, running, store, List.of(source));
        this.scheduler = scheduler;
        this.scheduled = new ScheduledRuns(store, jobs, selections, handlers, filters, runs, running, leases);
    }

    /** @return the bulk jobs of the actor's tenant, for {@code Crm.jobs()} */
    public JobSource jobSource() {
        return source;
    }

    @Override
    public BulkResult run(Selection selection, BulkOperation operation, ProgressListener listener) {
        ValidationException.requireNonNull(listener, "listener");
        return runs.execute(prepare(selection, operation, false), listener);
    }

    @Override
    public long submit(Selection selection, BulkOperation operation) {
        BulkRuns.Plan plan = prepare(selection, operation, true);
        runs.handOver(plan);
        try {
            scheduler.scheduleBulk(new JobScheduler.ScheduledJob(actor.tenantId(), actor.actorId(), plan.jobId()));
        } catch (RuntimeException e) {
            scheduled.fail(actor.tenantId(), plan.jobId(), plan.total(), "the scheduler could not take it");
            throw e instanceof CrmException crm ? crm : new StorageException("could not schedule bulk job "
                    + plan.jobId(), e);
        }
        return plan.jobId();
    }

    /**
     * Runs (or continues) a submitted job on the scheduler, as {@link ScheduledRuns#run}; the service's actor names
     * who submitted it (its permissions are not used: the job runs with those its operation needs, checked when it
     * was submitted).
     *
     * @throws io.crmkit.api.error.ConflictException when a live run holds the job: the scheduler tries again
     * @throws io.crmkit.api.error.StorageException  when the database failed before the job was taken
     */
    void runScheduled(long jobId) {
        scheduled.run(actor.tenantId(), actor.actorId(), jobId);
    }

    private BulkRuns.Plan prepare(Selection selection, BulkOperation operation, boolean toStore) {
        ValidationException.requireNonNull(selection, "selection");
        ValidationException.requireNonNull(operation, "operation");
        return runs.prepare(actor, selection, operation, toStore);
    }

    @Override
    public DeletePreview previewDelete(Selection selection) {
        ValidationException.requireNonNull(selection, "selection");
        Access.require(actor, Permission.BULK_DELETE, "delete customers in bulk");
        return tokens.preview(actor, selection);
    }

    @Override
    public Optional<BulkJob> job(long id) {
        Access.require(actor, Permission.READ, "read bulk jobs");
        return jobs.find(actor.tenantId(), id);
    }

    @Override
    public List<BulkJob> jobs() {
        Access.require(actor, Permission.READ, "list bulk jobs");
        return jobs.latest(actor.tenantId(), JOBS_LISTED);
    }

    @Override
    public BulkJob await(long id, Duration timeout) throws InterruptedException {
        ValidationException.requireNonNull(timeout, "timeout");
        awaiting.awaitEnd(id, timeout);
        return job(id).orElseThrow(() -> new NotFoundException("no bulk job " + id + " in tenant '"
                + actor.tenantId() + "'"));
    }
}
