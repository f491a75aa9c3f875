package io.crmkit.impl.customer;

import java.time.Instant;

/** A row of the tag table. */
record TagRow(String tenantId, long customerId, String tag, Instant createdAt) {
}
