package io.crmkit.impl.filter;

import io.crmkit.impl.db.schema.ListViewTable;
import io.crmkit.impl.db.schema.Row;
import java.time.Instant;

/** A row of the list view table. */
final class ListViewRow {
    String tenantId;
    long id;
    String actorId;
    String name;
    String columnsJson;
    Instant createdAt;
    Instant updatedAt;

    Row toRow() {
        return new Row(ListViewTable.TABLE)
                .set(ListViewTable.TENANT_ID, tenantId)
                .set(ListViewTable.ID, id)
                .set(ListViewTable.ACTOR_ID, actorId)
                .set(ListViewTable.NAME, name)
                .set(ListViewTable.COLUMNS_JSON, columnsJson)
                .set(ListViewTable.CREATED_AT, createdAt)
                .set(ListViewTable.UPDATED_AT, updatedAt);
    }

    static ListViewRow of(Row row) {
        ListViewRow value = new ListViewRow();
        value.tenantId = row.text(ListViewTable.TENANT_ID);
        value.id = row.bigint(ListViewTable.ID);
        value.actorId = row.text(ListViewTable.ACTOR_ID);
        value.name = row.text(ListViewTable.NAME);
        value.columnsJson = row.text(ListViewTable.COLUMNS_JSON);
        value.createdAt = (Instant) row.get(ListViewTable.CREATED_AT);
        value.updatedAt = (Instant) row.get(ListViewTable.UPDATED_AT);
        return value;
    }
}
