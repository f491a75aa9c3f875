package io.crmkit.impl.filter;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.validation.Errors;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Inlines saved filters in place of the conditions that refer to them, for one compilation: reads each referenced
 * saved filter once however often it is referred to, refuses a reference back to a saved filter being inlined (a
 * cycle) or deeper than {@link Filter#MAX_DEPTH}, and counts the conditions of a filter with every reference
 * inlined, so that one past {@link Filter#MAX_EXPANDED_CONDITIONS} stops the compilation at once. Not thread-safe.
 */
final class SavedFilterInliner {

    /** The pseudo-field of a condition on membership of a saved filter. */
    static final String SAVED_FILTER = FilterFields.SAVED_FILTER;

    private final Function<Long, Optional<Filter>> savedFilters;
    private final Errors errors;
    /** Saved filters read so far: each is read once however often it is referred to. */
    private final Map<Long, Optional<Filter>> loaded = new HashMap<>();
    private final Deque<Long> referencing = new ArrayDeque<>();
    private final int outside;
    /** The path of the outermost reference being inlined, or null outside any reference; and its saved filter. */
    private String outermostPath;
    private long outermostId;
    /** Conditions counted in the current filter, saved filters inlined. */
    private int expanded;
    /** Conditions counted in every finished filter. */
    private int compiled;

    /**
     * @param savedFilters looks up the filter of a saved filter of the tenant
     * @param referencing  saved filters whose own condition is being compiled, so that a reference back to one
     *                     of them is refused as a cycle
     * @param errors       receives the problems of references
     */
    SavedFilterInliner(Function<Long, Optional<Filter>> savedFilters, Collection<Long> referencing, Errors errors) {
        this.savedFilters = savedFilters;
        this.errors = errors;
        this.referencing.addAll(referencing);
        this.outside = this.referencing.size();
    }

    /** Starts counting the conditions of another filter. */
    void startFilter() {
        expanded = 0;
    }

    /** Adds the finished filter's conditions to {@link #conditions()}. */
    void endFilter() {
        compiled += expanded;
    }

    /** @return how many conditions the finished filters hold, saved filters inlined */
    int conditions() {
        return compiled;
    }

    /**
     * Counts one condition of the current filter.
     *
     * @throws ValidationException alone, at the outermost reference that took the filter past
     *                             {@link Filter#MAX_EXPANDED_CONDITIONS} (or at the condition when no reference did)
     */
    void count(String path) {
        if (++expanded > Filter.MAX_EXPANDED_CONDITIONS) {
            throw tooLarge(path);
        }
    }

    /**
     * Enters a reference: the filter it names replaces it (the reference itself is no longer counted). A caller
     * that gets a filter calls {@link #exit()} once it has compiled it.
     *
     * @return the filter of saved filter {@code id}, or empty after recording why it cannot be inlined
     */
    Optional<Filter> enter(long id, String path) {
        if (referencing.contains(id)) {
            errors.add(path, "not_allowed", "saved filter " + id + " would refer to itself through " + referencing);
            return Optional.empty();
        }
        if (referencing.size() >= Filter.MAX_DEPTH) {
            errors.add(path, "not_allowed", "saved filters refer to each other at most " + Filter.MAX_DEPTH + " deep");
            return Optional.empty();
        }
        Optional<Filter> saved = loaded.computeIfAbsent(id, savedFilters);
        if (saved.isEmpty()) {
            errors.add(path, "unknown_field", "no saved filter " + id + " in this tenant");
            return Optional.empty();
        }
        if (outermostPath == null) {
            outermostPath = path;
            outermostId = id;
        }
        referencing.push(id);
        expanded--;
        return saved;
    }

    /** Leaves the reference last entered. */
    void exit() {
        referencing.pop();
        if (referencing.size() == outside) {
            outermostPath = null;
        }
    }

    /** @return the ids of the saved filters a filter refers to itself (not through them) */
    static Set<Long> references(Filter filter) {
        if (filter instanceof Filter.Group group) {
            Set<Long> ids = new LinkedHashSet<>();
            group.filters().forEach(child -> ids.addAll(references(child)));
            return ids;
        }
        Filter.Condition condition = (Filter.Condition) filter;
        boolean reference = condition.field().equals(SAVED_FILTER) && condition.operator() == Operator.EQ
                && condition.values().get(0) instanceof Long;
        return reference ? Set.of((Long) condition.values().get(0)) : Set.of();
    }

    /** @return the error of a filter past the expanded limit, at the outermost reference that took it there */
    private ValidationException tooLarge(String path) {
        String at = outermostPath == null ? path : outermostPath;
        String cause = outermostPath == null ? "the filter has"
                : "saved filter " + outermostId + " brings the filter to";
        return new ValidationException(List.of(FieldError.of(at, "too_many", at + ": " + cause + " more than "
                + Filter.MAX_EXPANDED_CONDITIONS + " conditions once every saved filter it refers to is inlined"
                + " (each reference counts all the conditions of the filter it names); refer to fewer or smaller"
                + " saved filters", Filter.MAX_EXPANDED_CONDITIONS)));
    }
}
