package io.crmkit.api.filter;

import io.crmkit.api.error.ValidationException;


/**
 * The order of a search: one field and a direction; ties are broken by the customer id in the same
 * direction, so that paging is stable.
 *
 * @param field     a sortable built-in field: {@code createdAt}, {@code updatedAt}, {@code name},
 *                  {@code nickname}, {@code company}, {@code country}, {@code province}, {@code city},
 *                  {@code source}, {@code status}, {@code stage} or {@code id}
 * @param ascending true for ascending, false for descending
 */
public record Sort(String field, boolean ascending) {

    /** The default order: newest first. */
    public static final Sort NEWEST_FIRST = new Sort("createdAt", false);

    /** Checks for null. */
    public Sort {
        ValidationException.requireNonNull(field, "field");
    }

    /** @return ascending order of the field */
    public static Sort asc(String field) {
        return new Sort(field, true);
    }

    /** @return descending order of the field */
    public static Sort desc(String field) {
        return new Sort(field, false);
    }
}
