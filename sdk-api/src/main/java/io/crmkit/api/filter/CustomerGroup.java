package io.crmkit.api.filter;

import java.time.Instant;
import java.util.Objects;

/**
 * A static list of customers of a tenant (000's "group", 003's saved list). Its members are the customers
 * added to it, whatever they become; search them with {@code Filter.eq("group", id)}.
 *
 * @param id        SDK-generated id
 * @param name      1 to 80 characters, unique in the tenant
 * @param createdBy the actor who created it
 * @param createdAt when it was created
 * @param updatedAt when it was last renamed or its members changed
 */
public record CustomerGroup(long id, String name, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * Checks for nulls.
     *
     * @param id        SDK-generated id
     * @param name      the name; not null
     * @param createdBy the actor who created it; not null
     * @param createdAt when it was created; not null
     * @param updatedAt when it last changed; not null
     * @throws NullPointerException when a reference component is null
     */
    public CustomerGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
