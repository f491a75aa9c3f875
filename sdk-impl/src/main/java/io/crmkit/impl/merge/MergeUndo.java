package io.crmkit.impl.merge;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.IdStatements;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.merge.MergeRecord;
import io.crmkit.impl.activity.MetricsStore;
import io.crmkit.impl.activity.OwnedRows;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.merge.MergeSnapshot.IdentityRow;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Undoes one merge inside the caller's transaction: brings the merged customer back from the record's snapshot
 * and takes back from the survivor what the merge gave it, except what was changed since. Thread-safe.
 */
final class MergeUndo {

    private final Actor actor;
    private final Clock clock;
    private final AuditLog audit;
    private final CustomerReader customers;
    private final MergeRows rows;
    private final MergeRecords records;
    private final OwnedRows owned;
    private final MetricsStore metrics;

    MergeUndo(Actor actor, String tablePrefix, Clock clock, AuditLog audit, CustomerReader customers,
            IdStatements idSql, MergeRows rows, MergeRecords records) {
        this.actor = actor;
        this.clock = clock;
        this.audit = audit;
        this.customers = customers;
        this.rows = rows;
        this.records = records;
        this.owned = new OwnedRows(tablePrefix, idSql);
        this.metrics = new MetricsStore(tablePrefix, idSql);
    }

    /**
     * Locks first, then checks: the merge record (so that two undos of one merge run one after the other and the
     * second finds it undone), then the survivor (so that a merge into it either committed before, and is seen
     * as a later merge, or waits for this undo).
     *
     * @return the merged customer, restored
     * @throws NotFoundException when no merge has the id
     * @throws ConflictException when the merge cannot be undone (see {@code MergeService.undo})
     */
    Customer undo(Session session, long mergeId, TenantFields fields) {
        Connection connection = session.getConnection();
        String tenant = actor.tenantId();
        Instant now = clock.instant();
        MergeRecord record = records.lock(connection, tenant, mergeId).orElseThrow(() -> new NotFoundException(
                "no merge " + mergeId + " in tenant '" + tenant + "'"));
        checkNotUndone(record);
        long survivorId = record.survivorId();
        long mergedId = record.mergedId();
        if (!rows.lock(connection, tenant, List.of(survivorId)).isEmpty()) {
            throw new ConflictException("merge " + mergeId + " cannot be undone: its survivor, customer " + survivorId
                    + ", no longer exists; restore it from the trash first", survivorId);
        }
        checkUndoable(connection, record, now);
        MergeSnapshot snapshot = records.snapshot(connection, tenant, mergeId);

        Map<String, String> restored = new LinkedHashMap<>(snapshot.merged());
        restored.put("version", String.valueOf(Long.parseLong(restored.get("version")) + 1));
        restored.put("updated_at", now.toString());
        restored.put("updated_by", actor.actorId());
        rows.insertCustomer(connection, tenant, mergedId, restored);
        List<String> kept = new ArrayList<>();
        for (IdentityRow identity : snapshot.identities()) {
            if (!rows.moveIdentity(connection, tenant, identity, survivorId, mergedId)) {
                kept.add(identity.type());
            }
        }
        rows.insertTags(connection, tenant, mergedId, snapshot.tags());
        rows.deleteTags(connection, tenant, survivorId, snapshot.tagsAdded());
        rows.insertGroups(connection, tenant, mergedId, snapshot.groups());
        rows.deleteGroups(connection, tenant, survivorId, snapshot.groupsAdded());
        rows.insertValues(connection, tenant, mergedId, snapshot.customValues());
        List<String> keptFields = new ArrayList<>();
        snapshot.customChanges().forEach((fieldId, change) -> {
            if (rows.values(connection, tenant, survivorId, fieldId).equals(change.after())) {
                rows.deleteValues(connection, tenant, survivorId, fieldId);
                rows.insertValues(connection, tenant, survivorId, change.before());
            } else {
                keptFields.add("custom field " + fieldId);
            }
        });
        Map<String, String> survivorNow = rows.customer(connection, tenant, survivorId);
        Map<String, String> revert = new LinkedHashMap<>();
        snapshot.survivorColumns().forEach((column, change) -> {
            if (Objects.equals(survivorNow.get(column), change.get(1))) {
                revert.put(column, change.get(0));
            } else {
                keptFields.add(column);
            }
        });
        revert.put("updated_at", now.toString());
        revert.put("updated_by", actor.actorId());
        rows.updateCustomer(connection, tenant, survivorId, revert);
        owned.moveBack(connection, tenant, mergeId, survivorId, mergedId);
        metrics.refresh(connection, tenant, List.of(survivorId, mergedId), now);
        records.markUndone(connection, tenant, mergeId, now, actor.actorId());

        audit.record(session, actor, "customer.unmerge", "customer", survivorId, "undid merge " + mergeId
                + ": customer " + mergedId + " restored; edited since, kept: " + (keptFields.isEmpty() ? "none"
                : keptFields) + "; identities no longer on the survivor: " + kept.size());
        audit.record(session, actor, "customer.restore", "customer", mergedId, "restored by undoing merge "
                + mergeId);
        audit.events().record(session, actor, survivorId, EventTypes.UNMERGED, CustomerEvents.properties("mergeId",
                Long.toString(mergeId), "restoredCustomerId", Long.toString(mergedId)));
        audit.events().record(session, actor, mergedId, EventTypes.RESTORED, Map.of());
        return customers.read(session, tenant, List.of(mergedId), fields).get(0);
    }

    private static void checkNotUndone(MergeRecord record) {
        if (record.undoneAt().isPresent()) {
            throw new ConflictException("merge " + record.id() + " was already undone at " + record.undoneAt().get()
                    + " by " + record.undoneBy().orElse("?"));
        }
    }

    private void checkUndoable(Connection connection, MergeRecord record, Instant now) {
        if (now.isAfter(record.undoableUntil())) {
            throw new ConflictException("merge " + record.id() + " can no longer be undone: its retention ended at "
                    + record.undoableUntil());
        }
        records.laterMerge(connection, actor.tenantId(), record.id(), record.survivorId(), record.mergedId())
                .ifPresent(later -> {
                    throw new ConflictException("merge " + record.id() + " cannot be undone: customer "
                            + (later.survivorId() == record.survivorId() || later.mergedId() == record.survivorId()
                            ? record.survivorId() : record.mergedId()) + " took part in the later merge " + later.id()
                            + " (customer " + later.mergedId() + " into " + later.survivorId() + "); undo that one"
                            + " first");
                });
    }
}
