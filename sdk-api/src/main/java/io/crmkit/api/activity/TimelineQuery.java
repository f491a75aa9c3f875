package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;
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

    /** @throws ValidationException naming the component that is null or invalid */
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

    /** @return this query restricted to the given types */
    public TimelineQuery types(String... types) {
        return new TimelineQuery(Set.of(types), from, to, page);
    }

    /** @return this query restricted to events in {@code [from, to)} */
    public TimelineQuery between(Instant from, Instant to) {
        return new TimelineQuery(types, Optional.of(ValidationException.requireNonNull(from, "from")),
                Optional.of(ValidationException.requireNonNull(to, "to")), page);
    }

    /** @return this query reading the given page */
    public TimelineQuery page(PageRequest page) {
        return new TimelineQuery(types, from, to, page);
    }
}
