package io.crmkit.impl.filter;

import io.crmkit.impl.db.schema.SavedFilterTable;
import io.crmkit.impl.db.schema.Row;
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

    Row toRow() {
        return new Row(SavedFilterTable.TABLE)
                .set(SavedFilterTable.TENANT_ID, tenantId)
                .set(SavedFilterTable.ID, id)
                .set(SavedFilterTable.NAME, name)
                .set(SavedFilterTable.FILTER_JSON, filterJson)
                .set(SavedFilterTable.SEGMENT, segment)
                .set(SavedFilterTable.CREATED_BY, createdBy)
                .set(SavedFilterTable.CREATED_AT, createdAt)
                .set(SavedFilterTable.UPDATED_AT, updatedAt)
                .set(SavedFilterTable.VERSION, version);
    }

    static SavedFilterRow of(Row row) {
        SavedFilterRow value = new SavedFilterRow();
        value.tenantId = row.text(SavedFilterTable.TENANT_ID);
        value.id = row.bigint(SavedFilterTable.ID);
        value.name = row.text(SavedFilterTable.NAME);
        value.filterJson = row.text(SavedFilterTable.FILTER_JSON);
        value.segment = (Boolean) row.get(SavedFilterTable.SEGMENT);
        value.createdBy = row.text(SavedFilterTable.CREATED_BY);
        value.createdAt = (Instant) row.get(SavedFilterTable.CREATED_AT);
        value.updatedAt = (Instant) row.get(SavedFilterTable.UPDATED_AT);
        value.version = row.bigint(SavedFilterTable.VERSION);
        return value;
    }
}
