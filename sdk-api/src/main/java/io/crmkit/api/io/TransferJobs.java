package io.crmkit.api.io;

import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The stored import and export jobs of the actor's tenant. {@code Crm.jobs()} ({@link io.crmkit.api.job.Jobs}) shows
 * the same jobs together with bulk operations, and waits for a job without reading it again and again.
 */
public interface TransferJobs {

    /**
     * Reads an import or export job.
     *
     * @param id the job's id, as {@code submit} or an {@link ImportResult} gave it
     * @return the job with this id; empty when the tenant has no import or export job with it (a bulk job's id
     *         included)
     * @throws PermissionDeniedException without {@code READ}
     */
    Optional<TransferJob> find(long id);

    /**
     * Lists the tenant's import and export jobs.
     *
     * @return the latest 100 jobs, newest first; empty when the tenant has none
     * @throws PermissionDeniedException without {@code READ}
     */
    List<TransferJob> latest();

    /**
     * Cancels a job: one queued or running in this kit is asked to stop after its current chunk (a queued one stops
     * before it starts); one whose process stopped ({@link TransferJob.State#INTERRUPTED}) is marked cancelled at
     * once, from any kit. An import keeps the rows it committed, and running it again continues after them. A job
     * running live in another kit is cancelled there.
     *
     * @param id the job's id
     * @return whether the job was asked to stop or was cancelled; false when it is not queued, running or
     *         interrupted here, or another kit took it over meanwhile
     * @throws NotFoundException         when the tenant has no such job
     * @throws PermissionDeniedException without {@code IMPORT} for an import, {@code EXPORT} for an export
     */
    boolean cancel(long id);

    /**
     * Waits for a job to end (any state but queued or running; an interrupted job has ended until it is run again),
     * reading it every 50 ms.
     *
     * @param id      the job's id
     * @param timeout how long to wait at most; zero or negative reads the job once; not null
     * @return the job as stored when it ended, or at the timeout (then still queued or running)
     * @throws NotFoundException         when the tenant has no such job
     * @throws PermissionDeniedException without {@code READ}
     * @throws InterruptedException      when the calling thread is interrupted while it waits
     * @deprecated use {@code Crm.jobs().await(id, timeout)}, which a job ending in this kit wakes at once, then
     *             {@link #find} for the import's counts
     */
    @Deprecated
    TransferJob await(long id, Duration timeout) throws InterruptedException;
}
