package io.crmkit.api.merge;

import io.crmkit.api.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The survivorship rules of a merge: one rule for every field, and overrides per field. Fields that take part:
 * name, nickname, gender, birthday, company, address (its five parts as one), remark, source and every custom
 * field. The survivor keeps its id, status, owner, stage and creation; identities, tags and group memberships
 * are united.
 *
 * @param defaultRule the rule of the fields without an override
 * @param overrides   per field key, its rule; keys are checked when the merge runs
 */
public record MergeOptions(Survivorship defaultRule, Map<String, Survivorship> overrides) {

    /** @throws ValidationException naming the component that is null or invalid */
    public MergeOptions {
        ValidationException.requireNonNull(defaultRule, "defaultRule");
        overrides = Map.copyOf(ValidationException.requireNonNull(overrides, "overrides"));
    }

    /** @return {@link Survivorship#NON_EMPTY} for every field */
    public static MergeOptions defaults() {
        return new MergeOptions(Survivorship.NON_EMPTY, Map.of());
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rule of a field */
    public Survivorship ruleOf(String field) {
        return overrides.getOrDefault(field, defaultRule);
    }

    /** Builds {@link MergeOptions}. Not thread-safe. */
    public static final class Builder {
        private Survivorship defaultRule = Survivorship.NON_EMPTY;
        private final Map<String, Survivorship> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param rule the rule of every field without an override */
        public Builder defaultRule(Survivorship rule) {
            this.defaultRule = ValidationException.requireNonNull(rule, "rule");
            return this;
        }

        /** @param field a built-in or custom field key; @param rule its rule in this merge */
        public Builder field(String field, Survivorship rule) {
            overrides.put(ValidationException.requireNonNull(field, "field"),
                    ValidationException.requireNonNull(rule, "rule"));
            return this;
        }

        /** @return the options: the default rule and the fields that override it */
        public MergeOptions build() {
            return new MergeOptions(defaultRule, overrides);
        }
    }
}
