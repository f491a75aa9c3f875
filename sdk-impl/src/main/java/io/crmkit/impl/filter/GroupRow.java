package io.crmkit.impl.filter;

import io.crmkit.impl.db.schema.CustomerGroupTable;
import io.crmkit.impl.db.schema.Row;
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

    Row toRow() {
        return new Row(CustomerGroupTable.TABLE)
                .set(CustomerGroupTable.TENANT_ID, tenantId)
                .set(CustomerGroupTable.ID, id)
                .set(CustomerGroupTable.NAME, name)
                .set(CustomerGroupTable.CREATED_BY, createdBy)
                .set(CustomerGroupTable.CREATED_AT, createdAt)
                .set(CustomerGroupTable.UPDATED_AT, updatedAt)
                .set(CustomerGroupTable.VERSION, version);
    }

    static GroupRow of(Row row) {
        GroupRow value = new GroupRow();
        value.tenantId = row.text(CustomerGroupTable.TENANT_ID);
        value.id = row.bigint(CustomerGroupTable.ID);
        value.name = row.text(CustomerGroupTable.NAME);
        value.createdBy = row.text(CustomerGroupTable.CREATED_BY);
        value.createdAt = (Instant) row.get(CustomerGroupTable.CREATED_AT);
        value.updatedAt = (Instant) row.get(CustomerGroupTable.UPDATED_AT);
        value.version = row.bigint(CustomerGroupTable.VERSION);
        return value;
    }
}
