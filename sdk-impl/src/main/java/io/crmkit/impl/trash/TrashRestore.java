package io.crmkit.impl.trash;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.EventTypes;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.WorkBeside;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores one call's customers from the trash, a chunk of {@value IdStatements#MAX_IDS} ids per transaction, each
 * with its audit entry and the customers' {@code restored} events. Restoring inserts every row back into the live
 * tables and their indexes (a delete only marks rows dead), so where the database allows, two chunks run at once,
 * each on its own connection: the first in the caller's thread, the next on a thread of the call's own (the
 * database works on both with two cores). Not on MariaDB, whose next-key locks make two neighbouring id ranges
 * wait for each other ({@link io.crmkit.impl.db.Dialect#locksGaps()}).
 *
 * <p>The outcome is the one of chunks restored one after the other: the chunk beside leaves a customer holding an
 * identity of the first chunk's customers to be restored after the first committed
 * ({@link TrashStore#restore(java.sql.Connection, String, List, List, List, List)}), so that the two never insert
 * the same identity, and the customer is then checked against what the first restored. Neither chunk waits for the
 * other while it holds locks, so a pool of one connection serves the pair one after the other. A chunk that failed
 * beside another runs again alone (it may have lost a connection or a lock to its neighbour); a chunk that fails
 * alone ends the call, with the chunks committed before it, and the one beside it, restored.
 */
final class TrashRestore {

    private static final Logger LOG = LoggerFactory.getLogger(TrashRestore.class);

    private final Actor actor;
    private final Database database;
    private final TrashStore store;
    private final AuditLog audit;
    private final GrowingTables growing;
    /** The event table's full name, alone: the table group {@link GrowingTables} counts events under. */
    private final List<String> eventTable;

    TrashRestore(Actor actor, Database database, TrashStore store, AuditLog audit, GrowingTables growing,
                 List<String> eventTable) {
        this.actor = actor;
        this.database = database;
        this.store = store;
        this.audit = audit;
        this.growing = growing;
        this.eventTable = eventTable;
    }

    /**
     * @param ids distinct ids in ascending order
     * @return the customers restored, in ascending order, and those refused
     */
    RestoreResult restore(List<Long> ids) {
        List<List<Long>> chunks = IdStatements.chunks(ids);
        TreeSet<Long> restored = new TreeSet<>();
        List<BulkIssue> refused = new ArrayList<>();
        if (chunks.size() < 2 || database.dialect().locksGaps()) {
            chunks.forEach(chunk -> add(alone(chunk), restored, refused));
            return new RestoreResult(List.copyOf(restored), refused);
        }
        try (WorkBeside beside = new WorkBeside("crmkit-restore")) {
            for (int first = 0; first < chunks.size(); first += 2) {
                if (first + 1 == chunks.size()) {
                    add(alone(chunks.get(first)), restored, refused);
                } else {
                    pair(beside, chunks.get(first), chunks.get(first + 1), restored, refused);
                }
            }
        }
        return new RestoreResult(List.copyOf(restored), refused);
    }

    /** Restores {@code first} in this thread and {@code second} beside it, then what the second left for after. */
    private void pair(WorkBeside beside, List<Long> first, List<Long> second, TreeSet<Long> restored,
                      List<BulkIssue> refused) {
        Future<Chunk> later = beside.submit(() -> chunk(second, first));
        Chunk one;
        try {
            one = alone(first);
        } catch (RuntimeException | Error e) {
            WorkBeside.ended(later, e); // nothing of this call writes after the failure
            throw e;
        }
        add(one, restored, refused);
        Chunk two;
        try {
            two = WorkBeside.result(later);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the call stops; what committed stays restored
            }
            // It may have lost a connection or a lock to its neighbour: alone, it fails only for a reason of its own.
            LOG.debug("A chunk of a restore of tenant '{}' failed beside another; it runs again alone",
                    actor.tenantId(), e);
            two = alone(second);
        }
        add(two, restored, refused);
        if (!two.deferred().isEmpty()) {
            add(alone(two.deferred()), restored, refused);
        }
    }

    private Chunk alone(List<Long> ids) {
        return chunk(ids, List.of());
    }

    /** Restores {@code ids} in one transaction while {@code earlier} may be restored in another. */
    private Chunk chunk(List<Long> ids, List<Long> earlier) {
        List<BulkIssue> refused = new ArrayList<>();
        List<Long> deferred = new ArrayList<>();
        List<Long> done = database.write("restore customers", session -> {
            refused.clear();
            deferred.clear();
            List<Long> restored = store.restore(session.getConnection(), actor.tenantId(), ids, earlier, refused,
                    deferred);
            if (!restored.isEmpty()) {
                audit.record(session, actor, "trash.restore", "customer", restored.get(0),
                        restored.size() + " customer(s)");
                audit.events().recordEach(session, actor, restored, EventTypes.RESTORED, Map.of());
            }
            return restored;
        });
        return new Chunk(done, List.copyOf(refused), List.copyOf(deferred));
    }

    private void add(Chunk chunk, TreeSet<Long> restored, List<BulkIssue> refused) {
        restored.addAll(chunk.restored());
        refused.addAll(chunk.refused());
        if (!chunk.restored().isEmpty()) {
            // Their events, one each: an erase deletes events by (tenant, customer), planned on statistics.
            growing.wrote(eventTable, chunk.restored().size());
        }
    }

    /** What one transaction restored, refused, and left for after the chunk beside it. */
    private record Chunk(List<Long> restored, List<BulkIssue> refused, List<Long> deferred) {
    }
}
