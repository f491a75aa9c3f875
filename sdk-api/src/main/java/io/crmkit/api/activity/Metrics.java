package io.crmkit.api.activity;

import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;

/**
 * Per-customer metrics, kept in a table so that filters and sorts use them: {@code lastActivityAt},
 * {@code activity30d}, {@code orderCount}, {@code totalSpent} and {@code valueRating} are filter fields and sort
 * keys. They are refreshed when the customer's events or orders change, and on demand; activity in the last 30
 * days also changes as time passes, so a host refreshes all of them daily with {@link #recomputeRatings()}.
 */
public interface Metrics {

    /**
     * @return the customer's metrics as last refreshed (all zero and empty before its first event or order)
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code READ}
     */
    CustomerMetrics of(long customerId);

    /**
     * Recomputes one customer's counts now (not its rating).
     *
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code WRITE}
     */
    CustomerMetrics refresh(long customerId);

    /**
     * Recomputes every customer's counts and the RFM quintiles and value ratings across the tenant, in chunks
     * with bounded memory. Customers without orders get no rating.
     *
     * @return how many customers were rated
     * @throws PermissionDeniedException without {@code BULK_EDIT}
     */
    long recomputeRatings();
}
