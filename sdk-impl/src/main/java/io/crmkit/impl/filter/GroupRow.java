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

    /** @return a new group of the tenant, version 1 */
    static GroupRow of(String tenantId, long id, String name, String createdBy, Instant now) {
        GroupRow row = new GroupRow();
        row.tenantId = tenantId;
        row.id = id;
        row.name = name;
        row.createdBy = createdBy;
        row.createdAt = now;
        row.updatedAt = now;
        row.version = 1;
        return row;
    }
}
