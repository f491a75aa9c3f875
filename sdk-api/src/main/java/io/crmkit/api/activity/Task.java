package io.crmkit.api.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task on a customer, as stored.
 *
 * @param id         the SDK-generated id of the task
 * @param customerId the customer the task is about
 * @param title      what to do, trimmed
 * @param dueAt      when it is due (UTC, to the microsecond), if it is
 * @param assignee   the actor id who should do it, if anyone
 * @param status     where it stands
 * @param createdAt  when it was created (UTC)
 * @param createdBy  the actor who created it
 * @param updatedAt  when it last changed (UTC)
 * @param updatedBy  the actor who last changed it
 * @param version    increases with every change; {@link Tasks#changeStatus} takes it to refuse stale writes
 */
public record Task(long id, long customerId, String title, Optional<Instant> dueAt, Optional<String> assignee,
                   TaskStatus status, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                   long version) {

    /**
     * Checks for nulls.
     *
     * @param id         the SDK-generated id of the task
     * @param customerId the customer the task is about
     * @param title      what to do; not null
     * @param dueAt      when it is due; empty for no due time; not null
     * @param assignee   who should do it; empty for an unassigned task; not null
     * @param status     where it stands; not null
     * @param createdAt  when it was created
     * @param createdBy  the actor who created it
     * @param updatedAt  when it last changed
     * @param updatedBy  the actor who last changed it
     * @param version    the task's version, 1 when created
     * @throws NullPointerException when {@code title}, {@code dueAt}, {@code assignee} or {@code status} is null
     */
    public Task {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(status, "status");
    }
}
