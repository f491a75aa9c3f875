package io.crmkit.impl.filter;

import java.time.Instant;

/** A row of the saved filter table. */
final class SavedFilterRow {
    String tenantId;
    long id;
    String name;
    String filterJson;
    boolean segment;
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    long version;
}
