package io.crmkit.api.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's metrics as last refreshed. Activity counts the host's events, not the SDK's automatic ones
 * ({@link EventTypes}); orders and spending count the orders whose
 * status counts ({@link OrderStatus#counts()}), summed in their own currencies as numbers (a tenant that sells
 * in several currencies converts before recording). The value rating comes from RFM quintiles across the tenant
 * and is set by a recompute ({@link Metrics#submitRecompute()}, {@link Metrics#recomputeRatings()}).
 *
 * @param customerId         whose metrics they are
 * @param lastActivityAt     the newest event or order time
 * @param activityLast30Days events in the 30 days before {@code refreshedAt}
 * @param orderCount         orders that count
 * @param totalSpent         their amounts summed
 * @param recency            RFM recency quintile, 1 (longest ago) to 5 (most recent); empty before rating or
 *                           without orders
 * @param frequency          RFM frequency quintile, 1 to 5
 * @param monetary           RFM monetary quintile, 1 to 5
 * @param valueRating        1 (lowest) to 5 (highest): the rounded mean of the three quintiles
 * @param refreshedAt        when the counts were computed
 */
public record CustomerMetrics(long customerId, Optional<Instant> lastActivityAt, int activityLast30Days,
                              int orderCount, BigDecimal totalSpent, Optional<Integer> recency,
                              Optional<Integer> frequency, Optional<Integer> monetary, Optional<Integer> valueRating,
                              Instant refreshedAt) {

    /**
     * Checks for nulls.
     *
     * @param customerId         whose metrics they are
     * @param lastActivityAt     the newest event or order time; empty before the first one; not null
     * @param activityLast30Days events in the 30 days before {@code refreshedAt}, 0 or more
     * @param orderCount         orders that count, 0 or more
     * @param totalSpent         their amounts summed; zero without orders; not null
     * @param recency            RFM recency quintile, 1 to 5; empty before rating or without orders; not null
     * @param frequency          RFM frequency quintile, 1 to 5; empty as {@code recency}; not null
     * @param monetary           RFM monetary quintile, 1 to 5; empty as {@code recency}; not null
     * @param valueRating        1 (lowest) to 5 (highest); empty as {@code recency}; not null
     * @param refreshedAt        when the counts were computed; not null
     * @throws NullPointerException when a reference component is null
     */
    public CustomerMetrics {
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        Objects.requireNonNull(totalSpent, "totalSpent");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(monetary, "monetary");
        Objects.requireNonNull(valueRating, "valueRating");
        Objects.requireNonNull(refreshedAt, "refreshedAt");
    }
}
