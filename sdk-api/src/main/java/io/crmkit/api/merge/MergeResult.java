package io.crmkit.api.merge;

import io.crmkit.api.customer.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A merge done.
 *
 * @param mergeIds      the merge records, one per merged customer, in the order merged; each can be undone
 * @param survivor      the survivor after the merge
 * @param mergedIds     the customers merged into it, which no longer exist
 * @param undoableUntil until when the merges can be undone
 */
public record MergeResult(List<Long> mergeIds, Customer survivor, List<Long> mergedIds, Instant undoableUntil) {

    /**
     * Checks for nulls and copies the collections.
     *
     * @param mergeIds      the merge records, one per merged customer, in the order merged; no null
     * @param survivor      the survivor after the merge; not null
     * @param mergedIds     the customers merged into it; no null
     * @param undoableUntil until when the merges can be undone; not null
     * @throws NullPointerException when a component or an id is null
     */
    public MergeResult {
        mergeIds = List.copyOf(Objects.requireNonNull(mergeIds, "mergeIds"));
        Objects.requireNonNull(survivor, "survivor");
        mergedIds = List.copyOf(Objects.requireNonNull(mergedIds, "mergedIds"));
        Objects.requireNonNull(undoableUntil, "undoableUntil");
    }
}
