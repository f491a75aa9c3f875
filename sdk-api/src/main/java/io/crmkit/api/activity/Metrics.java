package io.crmkit.api.activity;

import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;

/**
 * Per-customer metrics, kept in a table so that filters and sorts use them: {@code lastActivityAt},
 * {@code activity30d}, {@code orderCount}, {@code totalSpent} and {@code valueRating} are filter fields and sort
 * keys. Orders refresh their customer's metrics in their own transaction. Events refresh them moments later,
 * on the kit's job threads, so that recording events costs their writes only; {@link #awaitRefreshes} waits for
 * that, {@link #refresh} computes one customer's at once.
 *
 * <p>That refresh after events is a cache refresh held in the memory of the kit that recorded the events, not a
 * stored job: what was waiting when its process stopped is not refreshed, and a refresh that failed is logged and
 * dropped. A recompute makes both right, together with the activity of the last 30 days (which changes as time
 * passes) and the value ratings: {@link #submitRecompute()} runs it as a persistent job (which survives the process
 * that started it), and a host submits it daily; {@link #recomputeRatings()} runs the same in the calling thread.
 */
public interface Metrics {

    /**
     * @param customerId the customer whose metrics to read
     * @return the customer's metrics as last refreshed (all zero and empty before its first event or order)
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code READ}
     */
    CustomerMetrics of(long customerId);

    /**
     * Recomputes one customer's counts now (not its rating).
     *
     * @param customerId the customer whose counts to recompute
     * @return the customer's metrics after the refresh, with the rating it had
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code WRITE}
     */
    CustomerMetrics refresh(long customerId);

    /**
     * Waits until the metrics of the customers of every event recorded so far through this kit are refreshed.
     *
     * @param timeout how long to wait at most; zero checks without waiting; not null
     * @return true when every refresh is done, false when the timeout passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean awaitRefreshes(java.time.Duration timeout) throws InterruptedException;

    /**
     * Submits a recompute of the tenant's metrics to the kit's scheduler and returns at once: every customer's
     * counts are recomputed, 1% of the customers per transaction (1,000 to 10,000) with bounded memory, then the RFM
     * quintiles and value ratings are set across the tenant in one last transaction (customers without orders get no
     * rating). The recompute is a persistent job: it runs in whichever kit on the database picks it up, and when
     * that kit dies another kit continues it once the job's lease ended, from the first customer not yet refreshed.
     * It is a job of kind {@code METRICS} named {@code recompute_ratings} in {@code Crm.jobs()}, where it is found,
     * listed, awaited and cancelled; its done and total count customers refreshed.
     *
     * <p>A tenant has at most one unfinished recompute: while one is queued or running, submitted or run by
     * {@link #recomputeRatings()} in any kit, this returns that job's id and starts nothing. One that was
     * cancelled, failed or interrupted is taken over by the next submit, which runs it again under the same id from
     * the first customer (its counts are then all of the new run's time). Cancelling the job stops it after its
     * current chunk: the customers refreshed so far keep their new counts, no rating is written (every customer
     * keeps the one it had), and the job ends {@code CANCELLED}. A failure ends it {@code FAILED} with its error,
     * which is also logged; the chunks committed before it stay.
     *
     * @return the job's id, for {@code Crm.jobs()}: a new job's, or that of the recompute already queued or running
     * @throws PermissionDeniedException without {@code BULK_EDIT}
     */
    long submitRecompute();

    /**
     * Recomputes the tenant's metrics as {@link #submitRecompute()} does, in the calling thread: every customer's
     * counts, then the RFM quintiles and value ratings across the tenant (customers without orders get no rating).
     * The run is stored as the same kind of job, so that {@code Crm.jobs()} shows its progress and any kit may
     * cancel it; it takes over a recompute that was cancelled, failed or interrupted. When its process stops
     * midway, the job is interrupted and the next submit or run recomputes from the first customer.
     *
     * @return how many customers were rated; 0 when the run was cancelled (no rating was written, what was
     *         refreshed keeps its new counts)
     * @throws ConflictException         when a recompute of the tenant is queued or running, in this kit or another;
     *                                   its {@code conflictingId} is that job's id, to await it with
     *                                   {@code Crm.jobs().await}
     * @throws PermissionDeniedException without {@code BULK_EDIT}
     */
    long recomputeRatings();
}
