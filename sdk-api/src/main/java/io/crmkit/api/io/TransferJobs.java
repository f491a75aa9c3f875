package io.crmkit.api.io;

import io.crmkit.api.error.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The stored import and export jobs of the actor's tenant. */
public interface TransferJobs {

    /** @return the job with this id */
    Optional<TransferJob> find(long id);

    /** @return the latest 100 jobs, newest first */
    List<TransferJob> latest();

    /**
     * Asks a running job of this kit to stop after its current chunk; an import keeps the rows it committed.
     *
     * @return whether the job was running here and was asked to stop
     */
    boolean cancel(long id);

    /**
     * Waits for a job to end (any state but running).
     *
     * @throws NotFoundException when the tenant has no such job
     */
    TransferJob await(long id, Duration timeout) throws InterruptedException;
}
