package io.crmkit.impl.filter;

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
}
