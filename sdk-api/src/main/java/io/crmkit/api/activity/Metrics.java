package io.crmkit.api.activity;

import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;

/**
 * Per-customer metrics, kept in a table so that filters and sorts use them: {@code lastActivityAt},
 * {@code activity30d}, {@code orderCount}, {@code totalSpent} and {@code valueRating} are filter fields and sort
 * keys. Orders refresh their customer's metrics in their own transaction. Events refresh them moments later,
 * on the kit's job threads, so that recording events costs their writes only; {@link #awaitRefreshes} waits for
 * that, {@link #refresh} computes one customer's at once. What was waiting when the process stopped, and the
 * activity of the last 30 days (which changes as time passes), are made right by {@link #recomputeRatings()},
 * which a host runs daily.
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
     * Recomputes every customer's counts and the RFM quintiles and value ratings across the tenant, in chunks
     * with bounded memory. Customers without orders get no rating.
     *
     * @return how many customers were rated
     * @throws PermissionDeniedException without {@code BULK_EDIT}
     */
    long recomputeRatings();
}
