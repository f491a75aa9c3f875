package io.crmkit.api.merge;

import java.util.Objects;

/**
 * One reason two customers may be the same.
 *
 * @param rule   the rule that matched
 * @param detail what matched, for a person deciding: {@code "emails j.doe@gmail.com and jdoe@gmail.com"}
 */
public record MatchReason(MatchRule rule, String detail) {

    /**
     * Checks for nulls.
     *
     * @param rule   the rule that matched; not null
     * @param detail what matched, for a person deciding; not null
     * @throws NullPointerException when a component is null
     */
    public MatchReason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
