package io.crmkit.api.merge;

import io.crmkit.api.error.ConflictException;
import java.util.List;

/**
 * The customers cannot be merged: their identities conflict (two different values of a type that holds one
 * per customer) or the united identities or tags exceed a limit. Nothing changed. Resolve the conflicts (for
 * instance remove one of the values) and merge again.
 */
public class MergeConflictException extends ConflictException {

    /** Every conflict; never empty. */
    private final List<IdentityConflict> conflicts;

    /**
     * @param survivorId the customer that would have stayed
     * @param mergedId   the customer that would have been merged into it
     * @param conflicts  every conflict, at least one; neither the list nor a conflict may be null
     * @throws NullPointerException when {@code conflicts} or a conflict is null
     */
    public MergeConflictException(long survivorId, long mergedId, List<IdentityConflict> conflicts) {
        super("customers " + survivorId + " and " + mergedId + " cannot be merged: " + describe(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    private static String describe(List<IdentityConflict> conflicts) {
        StringBuilder text = new StringBuilder();
        for (IdentityConflict conflict : conflicts) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(conflict.field()).append(": ").append(conflict.reason());
        }
        return text.toString();
    }

    /** @return every conflict */
    public List<IdentityConflict> conflicts() {
        return conflicts;
    }
}
