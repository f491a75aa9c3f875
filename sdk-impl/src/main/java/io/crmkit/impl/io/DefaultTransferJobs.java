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
import io.crmkit.api.job.JobState;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link TransferJobs} for one actor; reading jobs needs {@code READ}, cancelling one IMPORT or EXPORT. A job queued or
 * running in this kit is cancelled through {@link RunningJobs}; one whose process stopped (its lease ended) or that
 * waits for the scheduler by a conditional UPDATE of its row; one running in another kit by a request on its row.
 */
public final class DefaultTransferJobs implements TransferJobs {

    private static final int LATEST = 100;

    private final Actor actor;
    private final RunningJobs running;
    private final JobStore store;
    private final TransferJobRows rows;

    public DefaultTransferJobs(Actor actor, String tablePrefix, Database database, Clock clock, RunningJobs running,
            JobLeases leases) {
        this.actor = actor;
        this.running = running;
        this.store = new JobStore(tablePrefix, database, clock, leases);
        this.rows = new TransferJobRows(store);
    }

    /** @return these jobs for {@code Crm.jobs()} */
    public JobSource jobSource() {
        return new TransferJobSource(this);
    }

    @Override
    public Optional<TransferJob> find(long id) {
        Access.require(actor, Permission.READ, "read import and export jobs");
        return rows.find(actor.tenantId(), id);
    }

    @Override
    public List<TransferJob> latest() {
        Access.require(actor, Permission.READ, "read import and export jobs");
        return rows.latest(actor.tenantId(), LATEST);
    }

    @Override
    public boolean cancel(long id) {
        TransferJob job = find(id).orElseThrow(() -> notFound(id));
        Access.require(actor, job.kind() == TransferJob.Kind.IMPORT ? Permission.IMPORT : Permission.EXPORT,
                "cancel a job");
        return store.cancel(actor.tenantId(), id, JobState.valueOf(job.state().name()), running,
                TransferJobRows.AGAIN);
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
