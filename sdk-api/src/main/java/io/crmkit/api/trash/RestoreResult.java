package io.crmkit.api.trash;

import io.crmkit.api.bulk.BulkIssue;
import java.util.List;

/**
 * The outcome of a restore.
 *
 * @param restored the customers back in the customer list, as they were when deleted
 * @param refused  the customers left in the trash and why: not in the trash, or a phone, email or other
 *                 identity that now belongs to another customer
 */
public record RestoreResult(List<Long> restored, List<BulkIssue> refused) {

    /**
     * Checks for nulls and copies the collections.
     *
     * @param restored the ids of the customers restored; empty when none; not null
     * @param refused  the customers left in the trash, one issue each; empty when none; not null
     * @throws NullPointerException when a list or an element is null
     */
    public RestoreResult {
        restored = List.copyOf(restored);
        refused = List.copyOf(refused);
    }
}
