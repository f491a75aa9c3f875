package io.crmkit.api.merge;

import java.util.Objects;

/**
 * What a merge does with one field.
 *
 * @param field     a built-in field key ({@code "name"}, {@code "address"}, ...) or a custom field key
 * @param rule      the rule applied
 * @param source    whose value the merged customer keeps
 * @param value     that value: a String, Gender, LocalDate, Address or custom value; "" or null when empty
 * @param differed  whether the two customers had different non-empty values, which a person may want to check
 */
public record FieldOutcome(String field, Survivorship rule, Side source, Object value, boolean differed) {

    /** One of the two customers of a merge. */
    public enum Side {
        /** The customer that stays. */
        SURVIVOR,
        /** The customer merged into it, which disappears. */
        MERGED
    }

    /**
     * Checks for nulls.
     *
     * @param field    a built-in or custom field key; not null
     * @param rule     the rule applied; not null
     * @param source   whose value the merged customer keeps; not null
     * @param value    that value; "" or null when empty
     * @param differed whether the two customers had different non-empty values
     * @throws NullPointerException when {@code field}, {@code rule} or {@code source} is null
     */
    public FieldOutcome {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }
}
