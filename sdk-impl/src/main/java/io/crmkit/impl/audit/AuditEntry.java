package io.crmkit.impl.audit;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param detail the names of the fields changed or a count, never personal data
 */
public record AuditEntry(String tenantId, long id, String actorId, String action, String subjectType,
                         long subjectId, Instant occurredAt, String detail) {
}
