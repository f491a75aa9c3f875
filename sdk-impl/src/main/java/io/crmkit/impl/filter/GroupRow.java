package io.crmkit.impl.filter;

import java.time.Instant;

/** A row of the group table. */
final class GroupRow {
    String tenantId;
    long id;
    String name;
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    long version;
}
