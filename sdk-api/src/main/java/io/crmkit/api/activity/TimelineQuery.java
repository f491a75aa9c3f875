package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which events of a customer to read, newest first (by occurrence time, then id).
 *
 * @param types the event types to include; empty for all
 * @param from  only events that occurred at or after this time
 * @param to    only events that occurred before this time
 * @param page  the page size and cursor
 */
public record TimelineQuery(Set<String> types, Optional<Instant> from, Optional<Instant> to, PageRequest page) {

    /**
     * Copies the types; unknown types are refused when the query is read, on field {@code types}.
     *
     * @param types the event types to include; empty for all; neither the set nor a type may be null
     * @param from  only events that occurred at or after this time; empty for no lower bound; not null
     * @param to    only events that occurred before this time; empty for no upper bound; not null
     * @param page  the page size and cursor; not null
     * @throws ValidationException code {@code required} on field {@code types} ({@code types[index]} for a null
     *                             type), {@code from}, {@code to} or {@code page}, when it is null
     */
    public TimelineQuery {
        types = Set.copyOf(ValidationException.requireNoNulls(types, "types"));
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(page, "page");
    }

    /** @return the newest {@value PageRequest#DEFAULT_SIZE} events of every type */
    public static TimelineQuery newest() {
        return new TimelineQuery(Set.of(), Optional.empty(), Optional.empty(), PageRequest.first());
    }

    /**
     * @param types the event types to include, built-in or registered; none for all types; a type listed twice
     *              counts once; not null, nor a type in it
     * @return this query restricted to the given types
     * @throws ValidationException on field {@code types} ({@code types[index]} for a null type), code
     *                             {@code required}, when it is null
     */
    public TimelineQuery types(String... types) {
        ValidationException.requireNonNull(types, "types");
        return new TimelineQuery(new HashSet<>(ValidationException.requireNoNulls(Arrays.asList(types), "types")),
                from, to, page);
    }

    /**
     * @param from the earliest occurrence time included, within the years 0001 to 9999
     * @param to   the occurrence time from which events are left out, within the years 0001 to 9999
     * @return this query restricted to events in {@code [from, to)}
     * @throws ValidationException on field {@code from} or {@code to}, code {@code required}, when it is null
     */
    public TimelineQuery between(Instant from, Instant to) {
        return new TimelineQuery(types, Optional.of(ValidationException.requireNonNull(from, "from")),
                Optional.of(ValidationException.requireNonNull(to, "to")), page);
    }

    /**
     * @param page the page size and cursor
     * @return this query reading the given page
     * @throws ValidationException on field {@code page}, code {@code required}, when it is null
     */
    public TimelineQuery page(PageRequest page) {
        return new TimelineQuery(types, from, to, page);
    }
}
