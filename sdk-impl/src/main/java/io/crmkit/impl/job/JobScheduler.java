package io.crmkit.impl.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The kit's persistent, cluster-safe job executions on db-scheduler, in {@code <prefix>scheduled_tasks}: a job
 * scheduled here runs in whichever kit on the database picks it up first, and when the kit running it dies (its
 * heartbeats stop) another kit picks it up again. The heartbeat is the job lease's renewal interval and an execution
 * is dead after enough missed heartbeats to outlast the job lease, so that the job row's lease has always ended when
 * another kit continues it. Thread-safe.
 */
public final class JobScheduler implements AutoCloseable {

    /** The task of submitted imports. */
    static final String IMPORT_TASK = "crmkit-import";
    /** The task of submitted bulk operations. */
    static final String BULK_TASK = "crmkit-bulk";
    /** The task of exports submitted into the database. */
    static final String EXPORT_TASK = "crmkit-export";
    /** The task of submitted recomputes of metrics. */
    static final String METRICS_TASK = "crmkit-metrics";
    private static final SecureRandom NAMES = new SecureRandom();

    private final OneTimeTask<ScheduledJob> imports;
    private final AtomicReference<Consumer<ScheduledJob>> importRunner = new AtomicReference<>();
    private final OneTimeTask<ScheduledJob> bulk;
    private final AtomicReference<Consumer<ScheduledJob>> bulkRunner = new AtomicReference<>();
    private final OneTimeTask<ScheduledJob> exports;
    private final AtomicReference<Consumer<ScheduledJob>> exportRunner = new AtomicReference<>();
    private final OneTimeTask<ScheduledJob> metrics;
    private final AtomicReference<Consumer<ScheduledJob>> metricsRunner = new AtomicReference<>();
    private final Scheduler scheduler;

    /**
     * A job to run, as stored with its execution.
     *
     * @param tenantId the job's tenant
     * @param actorId  who submitted it; the job runs as this actor
     * @param jobId    the job's id
     */
    public record ScheduledJob(String tenantId, String actorId, long jobId) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A scheduler not yet started, see {@link #start}.
     *
     * @param threads    threads running executions
     * @param lease      the job lease's length
     * @param renewEvery the job lease's renewal interval: the heartbeat, and how often due executions are polled
     */
    public JobScheduler(DataSource dataSource, String tablePrefix, int threads, Duration lease, Duration renewEvery) {
        this.imports = Tasks.oneTime(IMPORT_TASK, ScheduledJob.class)
                // A run that found the job held by a live lease (a kit dying just now) tries again once it ended.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(lease))
                .execute((instance, context) -> importRunner.get().accept(instance.getData()));
        this.bulk = Tasks.oneTime(BULK_TASK, ScheduledJob.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(lease))
                .execute((instance, context) -> bulkRunner.get().accept(instance.getData()));
        this.exports = Tasks.oneTime(EXPORT_TASK, ScheduledJob.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(lease))
                .execute((instance, context) -> exportRunner.get().accept(instance.getData()));
        this.metrics = Tasks.oneTime(METRICS_TASK, ScheduledJob.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(lease))
                .execute((instance, context) -> metricsRunner.get().accept(instance.getData()));
        int missed = (int) Math.min(Integer.MAX_VALUE, lease.toMillis() / renewEvery.toMillis() + 2);
        byte[] random = new byte[6];
        NAMES.nextBytes(random);
        this.scheduler = Scheduler.create(dataSource, imports, bulk, exports, metrics)
                .tableName(tablePrefix + "scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed("crmkit-" + HexFormat.of().formatHex(random)))
                .threads(threads)
                .heartbeatInterval(renewEvery)
                .missedHeartbeatsLimit(missed)
                .pollingInterval(renewEvery)
                // A job scheduled to run now wakes this kit's scheduler at once instead of waiting for its next poll.
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                // The kit's own pool hands out connections without auto-commit.
                .commitWhenAutocommitDisabled(true)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Starts picking up executions: due ones and, after their kit died, dead ones.
     *
     * @param runImport  runs (or continues) a submitted import
     * @param runBulk    runs (or continues) a submitted bulk operation
     * @param runExport  runs (or runs again) an export submitted into the database
     * @param runMetrics runs (or continues) a submitted recompute of metrics
     */
    public void start(Consumer<ScheduledJob> runImport, Consumer<ScheduledJob> runBulk,
                      Consumer<ScheduledJob> runExport, Consumer<ScheduledJob> runMetrics) {
        importRunner.set(runImport);
        bulkRunner.set(runBulk);
        exportRunner.set(runExport);
        metricsRunner.set(runMetrics);
        scheduler.start();
    }

    /** Schedules an import's job to run now, in whichever kit picks it up first; see {@link #executionName}. */
    public void scheduleImport(ScheduledJob job) {
        scheduler.schedule(imports.instance(executionName(job), job), Instant.now());
    }

    /** Schedules a bulk operation's job to run now, in whichever kit picks it up first; see {@link #executionName}. */
    public void scheduleBulk(ScheduledJob job) {
        scheduler.schedule(bulk.instance(executionName(job), job), Instant.now());
    }

    /** Schedules an export's job to run now, in whichever kit picks it up first; see {@link #executionName}. */
    public void scheduleExport(ScheduledJob job) {
        scheduler.schedule(exports.instance(executionName(job), job), Instant.now());
    }

    /** Schedules a recompute's job to run now, in whichever kit picks it up first; see {@link #executionName}. */
    public void scheduleMetrics(ScheduledJob job) {
        scheduler.schedule(metrics.instance(executionName(job), job), Instant.now());
    }

    /**
     * Each submission is an execution of its own: a job submitted again (after a cancel, a failure or its kit's death)
     * keeps its id, and an execution of its earlier submission may not have been removed yet, which would swallow a
     * second one of the same name. Whichever execution takes the job first runs it; another finds it held (and tries
     * again after the lease) or ended (and does nothing).
     *
     * @return the job's execution name: tenant, job id and a random suffix
     */
    static String executionName(ScheduledJob job) {
        byte[] nonce = new byte[4];
        NAMES.nextBytes(nonce);
        return job.tenantId() + ":" + job.jobId() + ":" + HexFormat.of().formatHex(nonce);
    }

    /** Stops picking up executions, waiting up to 30 seconds for running ones; their jobs continue elsewhere. */
    @Override
    public void close() {
        scheduler.stop();
    }
}
