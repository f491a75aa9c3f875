package io.crmkit.api.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a search.
 *
 * @param items      the customers of the page, in the query's order
 * @param nextCursor pass to {@link Query#after(String)} for the next page; empty on the last page
 * @param total      the number of all matching customers, when the query asked for it
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor, OptionalLong total) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
        Objects.requireNonNull(total, "total");
    }
}
