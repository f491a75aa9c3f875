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

    /**
     * Checks for null; whether the field is sortable is checked when the query runs, on field {@code sort}.
     *
     * @param field     a sortable built-in field, such as {@code createdAt}; not null
     * @param ascending true for ascending, false for descending
     * @throws ValidationException on field {@code field}, code {@code required}, when it is null
     */
    public Sort {
        ValidationException.requireNonNull(field, "field");
    }

    /**
     * @param field a sortable built-in field, such as {@code name}
     * @return ascending order of the field
     * @throws ValidationException on field {@code field}, code {@code required}, when it is null
     */
    public static Sort asc(String field) {
        return new Sort(field, true);
    }

    /**
     * @param field a sortable built-in field, such as {@code updatedAt}
     * @return descending order of the field
     * @throws ValidationException on field {@code field}, code {@code required}, when it is null
     */
    public static Sort desc(String field) {
        return new Sort(field, false);
    }
}
