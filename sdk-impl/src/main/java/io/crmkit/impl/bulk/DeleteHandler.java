package io.crmkit.impl.bulk;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerEvents;
import java.util.Map;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.schema.EventTable;
import io.crmkit.impl.trash.TrashStore;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.crmkit.impl.db.Session;

/**
 * Moves customers to the trash with the actor's reason; the confirmation's token is checked by {@link DeleteTokens}.
 * A customer already in the trash is counted unchanged. After each chunk it tells {@link GrowingTables} how many
 * customers the trash tables received and how many events it recorded, so that their statistics follow a bulk
 * delete: without them PostgreSQL plans a restore's or an erase's look-up of a chunk of ids (trashed rows, and the
 * customers' events an erase deletes) as a scan of all the tenant's rows (100,000 customers restored: 48 s instead
 * of about the delete's time).
 */
final class DeleteHandler implements BulkHandler<BulkOperation.Delete> {

    private static final int REASON_MIN = 10;
    private static final int REASON_MAX = 500;

    private final TrashStore trash;
    private final GrowingTables growing;
    /** The event table's full name, alone: the table group {@link GrowingTables} counts events under. */
    private final List<String> eventTable;

    DeleteHandler(TrashStore trash, GrowingTables growing, String tablePrefix) {
        this.trash = trash;
        this.growing = growing;
        this.eventTable = List.of(EventTable.TABLE.in(tablePrefix));
    }

    @Override
    public Permission permission() {
        return Permission.BULK_DELETE;
    }

    @Override
    public ChunkWork prepare(Actor actor, BulkOperation.Delete confirmation) {
        Errors errors = new Errors();
        if (!confirmation.agreed()) {
            errors.add("agreed", "required", "agreed: the actor must read and agree to the deletion statement");
        }
        String reason = confirmation.reason().strip();
        if (reason.codePointCount(0, reason.length()) < REASON_MIN) {
            errors.add("reason", "too_short", "reason: give a reason of at least " + REASON_MIN + " characters, got "
                    + reason.codePointCount(0, reason.length()));
        } else {
            errors.text("reason", reason, REASON_MAX);
        }
        errors.throwIfAny();
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return confirmation;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                ChunkWrites.Outcome outcome = new ChunkWrites.Outcome();
                List<Long> moved = trash.moveToTrash(session.getConnection(), by.tenantId(), chunk, now,
                        by.actorId(), reason);
                outcome.changed.addAll(moved);
                moved.forEach(id -> outcome.events.add(new CustomerEvents.Change(id, EventTypes.DELETED, Map.of())));
                ChunkWrites.reportMissing(chunk, new HashSet<>(moved), outcome);
                return outcome;
            }

            @Override
            public void committed(ChunkWrites.Outcome outcome) {
                if (!outcome.changed.isEmpty()) {
                    growing.wrote(trash.tables(), outcome.changed.size());
                    growing.wrote(eventTable, outcome.events.size());
                }
            }

            @Override
            public Set<Long> alreadyDone(Session session, Actor by, List<Long> notFound) {
                return new HashSet<>(trash.inTrash(session.getConnection(), by.tenantId(), notFound));
            }
        };
    }
}
