package io.crmkit.api.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task on a customer, as stored.
 *
 * @param version increases with every change; {@link Tasks#changeStatus} takes it to refuse stale writes
 */
public record Task(long id, long customerId, String title, Optional<Instant> dueAt, Optional<String> assignee,
                   TaskStatus status, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                   long version) {

    /** Checks for nulls and copies the collections. */
    public Task {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(status, "status");
    }
}
