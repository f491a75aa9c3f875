package io.crmkit.api.merge;

import java.util.List;
import java.util.Objects;

/**
 * Customers linked by candidate pairs: each is a candidate of at least one other in the cluster. Merging a
 * cluster is {@code MergeService.merge(survivor, others, options)}.
 *
 * @param customerIds the customers, in id order; at least two
 * @param score       the best score of its pairs
 * @param pairs       the candidate pairs that link them
 */
public record DuplicateCluster(List<Long> customerIds, int score, List<DuplicateCandidate> pairs) {

    /**
     * Checks for nulls and copies the collections.
     *
     * @param customerIds the customers, in id order; neither the list nor an id may be null
     * @param score       the best score of its pairs, 1 to 100
     * @param pairs       the candidate pairs that link them; neither the list nor a pair may be null
     * @throws NullPointerException when a list or an element is null
     */
    public DuplicateCluster {
        customerIds = List.copyOf(Objects.requireNonNull(customerIds, "customerIds"));
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
    }
}
