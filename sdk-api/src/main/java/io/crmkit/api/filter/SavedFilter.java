package io.crmkit.api.filter;

import java.time.Instant;
import java.util.Objects;

/**
 * A named filter of a tenant. Its members are whoever matches it now: search with
 * {@code Filter.eq("savedFilter", id)}, alone or inside another filter.
 *
 * @param id        SDK-generated id
 * @param name      1 to 80 characters, unique in the tenant
 * @param filter    the condition
 * @param segment   whether it is a segment (a smart group), listed among the segments of the customers it matches
 * @param createdBy the actor who saved it
 * @param createdAt when it was saved
 * @param updatedAt when it last changed
 * @param version   incremented on each change
 */
public record SavedFilter(long id, String name, Filter filter, boolean segment, String createdBy,
                          Instant createdAt, Instant updatedAt, long version) {

    /**
     * Checks for nulls.
     *
     * @param id        SDK-generated id
     * @param name      the name; not null
     * @param filter    the condition; not null
     * @param segment   whether it is a segment
     * @param createdBy the actor who saved it; not null
     * @param createdAt when it was saved; not null
     * @param updatedAt when it last changed; not null
     * @param version   the saved filter's version, 1 when created
     * @throws NullPointerException when a reference component is null
     */
    public SavedFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
