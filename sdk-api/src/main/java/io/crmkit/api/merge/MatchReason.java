package io.crmkit.api.merge;

import java.util.Objects;

/**
 * One reason two customers may be the same.
 *
 * @param rule   the rule that matched
 * @param detail what matched, for a person deciding: {@code "emails j.doe@gmail.com and jdoe@gmail.com"}
 */
public record MatchReason(MatchRule rule, String detail) {

    /** Checks for nulls and copies the collections. */
    public MatchReason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
