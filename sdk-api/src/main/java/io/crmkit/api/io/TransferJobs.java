package io.crmkit.api.io;

import io.crmkit.api.error.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The stored import and export jobs of the actor's tenant. {@code Crm.jobs()} ({@link io.crmkit.api.job.Jobs}) shows
 * the same jobs together with bulk operations, and waits for a job without reading it again and again.
 */
public interface TransferJobs {

    /** @return the job with this id */
    Optional<TransferJob> find(long id);

    /** @return the latest 100 jobs, newest first */
    List<TransferJob> latest();

    /**
     * Cancels a job: one queued or running in this kit is asked to stop after its current chunk (a queued one stops
     * before it starts); one whose process stopped ({@link TransferJob.State#INTERRUPTED}) is marked cancelled at
     * once, from any kit. An import keeps the rows it committed, and running it again continues after them. A job
     * running live in another kit is cancelled there.
     *
     * @return whether the job was asked to stop or was cancelled; false when it is not queued, running or
     *         interrupted here, or another kit took it over meanwhile
     * @throws NotFoundException when the tenant has no such job
     */
    boolean cancel(long id);

    /**
     * Waits for a job to end (any state but queued or running; an interrupted job has ended until it is run again),
     * reading it every 50 ms.
     *
     * @throws NotFoundException when the tenant has no such job
     * @throws InterruptedException when the calling thread is interrupted while it waits
     * @deprecated use {@code Crm.jobs().await(id, timeout)}, which a job ending in this kit wakes at once, then
     *             {@link #find} for the import's counts
     */
    @Deprecated
    TransferJob await(long id, Duration timeout) throws InterruptedException;
}
