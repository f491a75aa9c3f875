package io.crmkit.api.job;

import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every stored job of the actor's tenant: bulk operations, imports, exports and recomputes of metrics, in one view. A job of another
 * tenant is never found, listed, cancelled or awaited: its id is unknown here ({@link NotFoundException}).
 *
 * <p>Reading jobs ({@link #find}, {@link #latest}, {@link #await}) needs {@code READ}. Cancelling one needs the
 * permission that starts a job of its kind: {@code BULK_EDIT} for a bulk operation ({@code BULK_DELETE} for a bulk
 * delete), {@code IMPORT} for an import, {@code EXPORT} for an export, {@code BULK_EDIT} for a recompute of metrics.
 *
 * <p>Jobs are started by their services ({@code BulkService.submit}, {@code ImportService.submit},
 * {@code ExportService.submit}, {@code Metrics.submitRecompute}) or run in the caller's thread ({@code run},
 * {@code Metrics.recomputeRatings}); both are stored and show here.
 */
public interface Jobs {

    /** Most jobs one {@link #latest} call returns. */
    int MAX_LISTED = 100;

    /**
     * @param id the job's id, as a service's {@code submit}, a result or {@link #latest} gave it
     * @return the job with this id, empty when the tenant has none
     * @throws PermissionDeniedException without {@code READ}
     */
    Optional<Job> find(long id);

    /**
     * @param limit how many jobs at most, 1 to {@value #MAX_LISTED}
     * @return the tenant's latest jobs of every kind, newest first
     * @throws ValidationException       on {@code limit} out of range
     * @throws PermissionDeniedException without {@code READ}
     */
    List<Job> latest(int limit);

    /**
     * @param kind  the kind of job listed; not null
     * @param limit how many jobs at most, 1 to {@value #MAX_LISTED}
     * @return the tenant's latest jobs of this kind, newest first
     * @throws ValidationException       on {@code limit} out of range
     * @throws PermissionDeniedException without {@code READ}
     */
    List<Job> latest(JobKind kind, int limit);

    /**
     * Cancels a job. One queued or running in this kit is asked to stop after its current chunk (a queued one stops
     * before it starts) and ends {@link JobState#CANCELLED}: what it committed stays, and a bulk operation's result
     * reports it. One whose process stopped ({@link JobState#INTERRUPTED}) is cancelled at once, from any kit. A job
     * running live in another kit is cancelled there, not here. Running a cancelled import or bulk operation again
     * continues it.
     *
     * @param id the job's id
     * @return whether the job was asked to stop or was cancelled; false when it already ended, is pending, runs in
     *         another kit, or another kit took it over meanwhile
     * @throws NotFoundException         when the tenant has no such job
     * @throws PermissionDeniedException without the permission that starts a job of its kind
     */
    boolean cancel(long id);

    /**
     * Waits until a job is no longer {@linkplain JobState#isActive() active}, or the timeout passed. A job running in
     * this kit wakes the caller the moment it ends, without reading the database meanwhile; one running in another
     * kit is read again every 500 ms at most.
     *
     * @param id      the job's id
     * @param timeout how long to wait at most; zero reads the job once; not null
     * @return the job as stored when it ended, or at the timeout (then still active)
     * @throws NotFoundException         when the tenant has no such job
     * @throws ValidationException       when the timeout is negative
     * @throws PermissionDeniedException without {@code READ}
     * @throws InterruptedException      when the calling thread is interrupted while it waits
     */
    Job await(long id, Duration timeout) throws InterruptedException;
}
