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

    /** @return a new saved filter of the tenant, version 1 */
    static SavedFilterRow of(String tenantId, long id, String name, String filterJson, String createdBy, Instant now) {
        SavedFilterRow row = new SavedFilterRow();
        row.tenantId = tenantId;
        row.id = id;
        row.name = name;
        row.filterJson = filterJson;
        row.createdBy = createdBy;
        row.createdAt = now;
        row.updatedAt = now;
        row.version = 1;
        return row;
    }
}
