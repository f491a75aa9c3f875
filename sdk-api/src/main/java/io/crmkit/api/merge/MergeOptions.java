package io.crmkit.api.merge;

import io.crmkit.api.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The survivorship rules of a merge: one rule for every field, and overrides per field. Fields that take part:
 * name, nickname, gender, birthday, company, address (its five parts as one), remark, avatarUrl, source and every custom
 * field. The survivor keeps its id, status, owner, stage and creation; identities, tags and group memberships
 * are united.
 *
 * @param defaultRule the rule of the fields without an override
 * @param overrides   per field key, its rule; keys are checked when the merge runs
 */
public record MergeOptions(Survivorship defaultRule, Map<String, Survivorship> overrides) {

    /**
     * Copies the overrides.
     *
     * @param defaultRule the rule of the fields without an override; not null
     * @param overrides   per field key, its rule; an unknown key is refused when the merge runs (field
     *                    {@code overrides.<key>}, code {@code unknown}); neither the map nor a key or rule may be null
     * @throws ValidationException on field {@code defaultRule} or {@code overrides}, code {@code required}, when it
     *                             is null; on {@code overrides} for a null key, {@code overrides.<key>} for a null
     *                             rule
     */
    public MergeOptions {
        ValidationException.requireNonNull(defaultRule, "defaultRule");
        ValidationException.requireNonNull(overrides, "overrides");
        overrides.forEach((key, rule) -> {
            ValidationException.requireNonNull(key, "overrides");
            ValidationException.requireNonNull(rule, "overrides." + key);
        });
        overrides = Map.copyOf(overrides);
    }

    /** @return {@link Survivorship#NON_EMPTY} for every field */
    public static MergeOptions defaults() {
        return new MergeOptions(Survivorship.NON_EMPTY, Map.of());
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param field a built-in or custom field key
     * @return the rule of a field: its override, or the default rule
     * @throws ValidationException on field {@code field}, code {@code required}, when it is null
     */
    public Survivorship ruleOf(String field) {
        ValidationException.requireNonNull(field, "field");
        return overrides.getOrDefault(field, defaultRule);
    }

    /** Builds {@link MergeOptions}. Not thread-safe. */
    public static final class Builder {
        private Survivorship defaultRule = Survivorship.NON_EMPTY;
        private final Map<String, Survivorship> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param rule the rule of every field without an override
         * @return this builder
         * @throws ValidationException on field {@code rule}, code {@code required}, when it is null
         */
        public Builder defaultRule(Survivorship rule) {
            this.defaultRule = ValidationException.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param field a built-in or custom field key that takes part in a merge (checked when the merge runs)
         * @param rule  its rule in this merge; setting a field again replaces its rule
         * @return this builder
         * @throws ValidationException on field {@code field} or {@code rule}, code {@code required}, when it is null
         */
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
