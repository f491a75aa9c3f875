package io.crmkit.impl.audit;

import io.crmkit.api.Actor;
import io.crmkit.impl.db.IdGenerator;
import java.time.Clock;
import org.apache.ibatis.session.SqlSession;

/**
 * Writes who did what, and when, in the same transaction as the change itself, so that no change goes
 * unrecorded and no record outlives a rolled-back change.
 */
public final class AuditLog {

    private static final int DETAIL_MAX = 1000;

    private final IdGenerator ids;
    private final Clock clock;

    public AuditLog(IdGenerator ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param action      such as {@code customer.create}
     * @param subjectType such as {@code customer}
     * @param detail      field names or counts; never personal data; cut to 1000 characters
     */
    public void record(SqlSession session, Actor actor, String action, String subjectType, long subjectId,
                       String detail) {
        String cut = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
        session.getMapper(AuditMapper.class).insert(new AuditEntry(actor.tenantId(), ids.next(), actor.actorId(),
                action, subjectType, subjectId, clock.instant(), cut));
    }
}
