package io.crmkit.impl.io;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.RunningJobs;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferJobs;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.job.JobSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link TransferJobs} for one actor; reading jobs needs {@code READ}, cancelling one IMPORT or EXPORT. A job queued or
 * running in this kit is cancelled through {@link RunningTransfers}; one whose process stopped (its lease ended) by a
 * conditional UPDATE of its row.
 */
public final class DefaultTransferJobs implements TransferJobs {

    private static final int LATEST = 100;

    private final Actor actor;
    private final RunningJobs running;
    private final TransferJobStore store;

    public DefaultTransferJobs(Actor actor, String tablePrefix, Database database, Clock clock, RunningJobs running,
            JobLeases leases) {
        this.actor = actor;
        this.running = running;
        this.store = new TransferJobStore(tablePrefix, database, clock, leases);
    }

    /** @return these jobs for {@code Crm.jobs()} */
    public JobSource jobSource() {
        return new TransferJobSource(this, store, actor.tenantId());
    }

    @Override
    public Optional<TransferJob> find(long id) {
        Access.require(actor, Permission.READ, "read import and export jobs");
        return store.find(actor.tenantId(), id).map(TransferJobStore.Row::job);
    }

    @Override
    public List<TransferJob> latest() {
        Access.require(actor, Permission.READ, "read import and export jobs");
        return store.latest(actor.tenantId(), LATEST).stream().map(TransferJobStore.Row::job).toList();
    }

    @Override
    public boolean cancel(long id) {
        TransferJob job = find(id).orElseThrow(() -> notFound(id));
        Access.require(actor, job.kind() == TransferJob.Kind.IMPORT ? Permission.IMPORT : Permission.EXPORT,
                "cancel a job");
        if (job.state() == TransferJob.State.INTERRUPTED) {
            return store.cancelAbandoned(actor.tenantId(), id);
        }
        return (job.state() == TransferJob.State.QUEUED || job.state() == TransferJob.State.RUNNING)
                && (running.cancel(id) || store.cancelScheduled(actor.tenantId(), id)
                || store.requestCancel(actor.tenantId(), id));
    }

    @Override
    public TransferJob await(long id, Duration timeout) throws InterruptedException {
        ValidationException.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TransferJob job = find(id).orElseThrow(() -> notFound(id));
            boolean held = job.state() == TransferJob.State.QUEUED || job.state() == TransferJob.State.RUNNING;
            if (!held || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException("no import or export job " + id + " in tenant '" + actor.tenantId() + "'");
    }
}
