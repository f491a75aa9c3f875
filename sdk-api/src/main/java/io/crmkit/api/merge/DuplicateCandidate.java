package io.crmkit.api.merge;

import java.util.List;
import java.util.Objects;

/**
 * Two customers that may be the same person.
 *
 * @param customerId the smaller id of the two
 * @param otherId    the larger id
 * @param score      1 to 100; see {@link MatchRules}
 * @param reasons    every rule that matched, best first
 */
public record DuplicateCandidate(long customerId, long otherId, int score, List<MatchReason> reasons) {

    /**
     * Checks for nulls and copies the reasons.
     *
     * @param customerId the smaller id of the two
     * @param otherId    the larger id
     * @param score      1 to 100
     * @param reasons    every rule that matched, best first; neither the list nor a reason may be null
     * @throws NullPointerException when {@code reasons} or a reason is null
     */
    public DuplicateCandidate {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
