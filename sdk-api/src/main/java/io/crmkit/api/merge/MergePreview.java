package io.crmkit.api.merge;

import io.crmkit.api.customer.Customer;
import java.util.List;
import java.util.Objects;

/**
 * What a merge would do, computed without writing anything.
 *
 * @param result    the survivor as it would be after the merge (its version as it would be)
 * @param fields    per field that takes part, its outcome, in field order
 * @param conflicts what refuses the merge; empty when it can run
 */
public record MergePreview(Customer result, List<FieldOutcome> fields, List<IdentityConflict> conflicts) {

    /**
     * Checks for nulls and copies the collections.
     *
     * @param result    the survivor as it would be after the merge; not null
     * @param fields    per field that takes part, its outcome; neither the list nor an outcome may be null
     * @param conflicts what refuses the merge; empty when it can run; neither the list nor a conflict may be null
     * @throws NullPointerException when a component or an element is null
     */
    public MergePreview {
        Objects.requireNonNull(result, "result");
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        conflicts = List.copyOf(Objects.requireNonNull(conflicts, "conflicts"));
    }

    /** @return whether the merge can run: no conflict */
    public boolean mergeable() {
        return conflicts.isEmpty();
    }
}
