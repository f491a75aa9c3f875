package io.crmkit.api.bulk;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The customers a bulk operation acts on: those matching a filter and keyword (as a search would find them
 * when the operation runs), or an explicit list of ids. Ids of customers the actor's tenant does not have
 * are reported as failed, never touched.
 *
 * @param filter  the filter, when selecting by query
 * @param keyword the keyword, 0-255 characters ("" for none), when selecting by query
 * @param ids     the ids, when selecting by id (then filter is empty and keyword "")
 */
public record Selection(Optional<Filter> filter, String keyword, List<Long> ids) {

    /** Most ids in an explicit selection. */
    public static final int MAX_IDS = 100_000;

    /**
     * @param filter  the filter, when selecting by query; empty otherwise; not null
     * @param keyword the keyword, 0 to 255 characters (checked when the operation runs); "" for none; not null
     * @param ids     the ids, when selecting by id; empty when selecting by query; at most {@value #MAX_IDS};
     *                neither the list nor an id may be null
     * @throws ValidationException on field {@code ids}: code {@code not_allowed} when both a query and ids are given,
     *                             {@code too_many} with more than {@value #MAX_IDS} ids; code {@code required} on
     *                             field {@code filter}, {@code keyword} or {@code ids} ({@code ids[index]} for a null
     *                             id) when it is null
     */
    public Selection {
        ValidationException.requireNonNull(filter, "filter");
        ValidationException.requireNonNull(keyword, "keyword");
        ids = ValidationException.requireNoNulls(ids, "ids");
        if (!ids.isEmpty() && (filter.isPresent() || !keyword.isEmpty())) {
            throw ValidationException.of("ids", "not_allowed", "ids: a selection is either a query or ids, not both");
        }
        if (ids.size() > MAX_IDS) {
            throw new ValidationException(List.of(FieldError.of("ids", "too_many", "ids: a selection holds at most "
                    + MAX_IDS + " ids, got " + ids.size(), MAX_IDS)));
        }
    }

    /** @return every customer of the tenant */
    public static Selection all() {
        return new Selection(Optional.empty(), "", List.of());
    }

    /**
     * @param filter the condition
     * @return the customers matching the filter
     * @throws ValidationException on field {@code filter}, code {@code required}, when it is null
     */
    public static Selection matching(Filter filter) {
        return new Selection(Optional.of(ValidationException.requireNonNull(filter, "filter")), "", List.of());
    }

    /**
     * @param filter  the condition
     * @param keyword 0 to 255 characters, as a search takes it; "" for none
     * @return the customers matching the filter and the keyword, as {@code search} would find them
     * @throws ValidationException on field {@code filter} or {@code keyword}, code {@code required}, when it is null
     */
    public static Selection matching(Filter filter, String keyword) {
        return new Selection(Optional.of(ValidationException.requireNonNull(filter, "filter")), keyword, List.of());
    }

    /**
     * @param ids 1 to {@value #MAX_IDS} distinct ids of customers of the tenant; none null
     * @return the customers with these ids (duplicates count once)
     * @throws ValidationException on field {@code ids}: code {@code required} when it is null or empty
     *                             ({@code ids[index]} for a null id), {@code too_many} with more than
     *                             {@value #MAX_IDS} distinct ids
     */
    public static Selection ids(Collection<Long> ids) {
        List<Long> given = ValidationException.requireNoNulls(ids, "ids");
        if (given.isEmpty()) {
            throw ValidationException.of("ids", "required", "ids: select at least one customer");
        }
        return new Selection(Optional.empty(), "", List.copyOf(new java.util.LinkedHashSet<>(given)));
    }

    /** @return whether this selects by explicit ids */
    public boolean byIds() {
        return !ids.isEmpty();
    }
}
