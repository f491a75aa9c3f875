package io.crmkit.impl.audit;

import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.api.Actor;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.AuditTable;
import io.crmkit.impl.db.schema.Row;
import java.time.Clock;

/**
 * Writes who did what, and when, in the same transaction as the change itself, so that no change goes
 * unrecorded and no record outlives a rolled-back change; beside it, through {@link #events()}, the changed
 * customers' automatic timeline events.
 */
public final class AuditLog {

    private static final int DETAIL_MAX = 1000;

    private final IdGenerator ids;
    private final Clock clock;
    private final CustomerEvents events;

    /** @param events where the customers' automatic timeline events go, written beside the audit */
    public AuditLog(IdGenerator ids, Clock clock, CustomerEvents events) {
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @return the writer of the customers' automatic timeline events, for the same transaction as the audit
     *         record of the change ({@link CustomerEvents#OFF} when the kit turned them off)
     */
    public CustomerEvents events() {
        return events;
    }

    /**
     * @param action      such as {@code customer.create}
     * @param subjectType such as {@code customer}
     * @param detail      field names or counts; never personal data; cut to 1000 characters
     */
    public void record(Session session, Actor actor, String action, String subjectType, long subjectId,
                       String detail) {
        String cut = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
        Row row = new Row(AuditTable.TABLE)
                .set(AuditTable.TENANT_ID, actor.tenantId())
                .set(AuditTable.ID, ids.next())
                .set(AuditTable.ACTOR_ID, actor.actorId())
                .set(AuditTable.ACTION, action)
                .set(AuditTable.SUBJECT_TYPE, subjectType)
                .set(AuditTable.SUBJECT_ID, subjectId)
                .set(AuditTable.OCCURRED_AT, clock.instant())
                .set(AuditTable.DETAIL, cut);
        row.insert(session.getConnection(), session.prefix());
    }
}
