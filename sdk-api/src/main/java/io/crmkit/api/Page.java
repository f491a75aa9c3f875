package io.crmkit.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list: search results, timeline events, tasks, orders. Shared by every package that pages.
 *
 * @param items      the items of the page, in the list's order
 * @param nextCursor the cursor for the next page ({@link io.crmkit.api.filter.Query#after(String)} for a search,
 *                   {@link io.crmkit.api.activity.PageRequest#after(String)} for the activity lists); empty on the
 *                   last page
 * @param total      the number of all matching items, when the request asked for it
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor, OptionalLong total) {

    /**
     * Copies the items.
     *
     * @param items      the items of the page, in the list's order; neither the list nor an item may be null
     * @param nextCursor the cursor for the next page; empty on the last page; not null
     * @param total      the number of all matching items, empty when the request did not ask for it; not null
     * @throws NullPointerException when a component or an item is null
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
        Objects.requireNonNull(total, "total");
    }
}
