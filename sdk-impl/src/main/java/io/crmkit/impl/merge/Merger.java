package io.crmkit.impl.merge;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import java.time.Clock;
import java.time.Duration;
import io.crmkit.api.Actor;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.merge.MergeConflictException;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeRecord;
import io.crmkit.impl.activity.MetricsStore;
import io.crmkit.impl.activity.OwnedRows;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.merge.MergeSnapshot.CustomChange;
import io.crmkit.impl.merge.MergeSnapshot.GroupRow;
import io.crmkit.impl.merge.MergeSnapshot.IdentityRow;
import io.crmkit.impl.merge.MergeSnapshot.TagRow;
import io.crmkit.impl.merge.MergeSnapshot.ValueRow;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges customers inside the caller's transaction: locks them, checks the plan of each pair, moves the merged
 * customer's identities, tags, group memberships, chosen values and owned rows (events, orders, tasks, links)
 * to the survivor, deletes it, refreshes the survivor's metrics, and keeps a merge record with what undo needs.
 * Thread-safe.
 */
final class Merger {

    private final Actor actor;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final CustomerReader customers;
    private final Duration mergeRetention;
    private final MergeRows rows;
    private final MergeRecords records;
    private final OwnedRows owned;
    private final MetricsStore metrics;

    Merger(Actor actor, String tablePrefix, IdGenerator ids, Clock clock, AuditLog audit, CustomerReader customers,
            IdStatements idSql, Duration mergeRetention, MergeRows rows, MergeRecords records) {
        this.actor = actor;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.customers = customers;
        this.mergeRetention = mergeRetention;
        this.rows = rows;
        this.records = records;
        this.owned = new OwnedRows(tablePrefix, idSql);
        this.metrics = new MetricsStore(tablePrefix, idSql);
    }

    /**
     * Locks the customers (in id order, so that concurrent merges never deadlock).
     *
     * @throws NotFoundException naming the first customer that does not exist, and whom it was merged into
     */
    void lock(Session session, List<Long> ids) {
        Connection connection = session.getConnection();
        List<Long> missing = rows.lock(connection, actor.tenantId(), ids.stream().sorted().toList());
        if (!missing.isEmpty()) {
            long id = missing.get(0);
            throw new NotFoundException(records.mergedAway(connection, actor.tenantId(), id)
                    .map(record -> "customer " + id + " was merged into customer " + record.survivorId()
                            + " (merge " + record.id() + ")")
                    .orElse("no customer " + id + " in tenant '" + actor.tenantId() + "'"));
        }
    }

    /** @return the two customers as stored now, survivor first */
    List<Customer> pair(Session session, long survivorId, long mergedId, TenantFields fields) {
        Map<Long, Customer> found = new LinkedHashMap<>();
        for (Customer customer : customers.read(session, actor.tenantId(), List.of(survivorId, mergedId),
                fields)) {
            found.put(customer.id(), customer);
        }
        for (long id : List.of(survivorId, mergedId)) {
            if (!found.containsKey(id)) {
                throw new NotFoundException("no customer " + id + " in tenant '" + actor.tenantId() + "'");
            }
        }
        return List.of(found.get(survivorId), found.get(mergedId));
    }

    /**
     * Merges one locked customer into another.
     *
     * @return the merge record's id
     * @throws MergeConflictException when the plan has conflicts; the caller's transaction must roll back
     */
    long merge(Session session, long survivorId, long mergedId, TenantFields fields, MergeOptions options) {
        List<Customer> pair = pair(session, survivorId, mergedId, fields);
        MergePlan plan = MergePlan.of(pair.get(0), pair.get(1), fields, options);
        if (!plan.conflicts().isEmpty()) {
            throw new MergeConflictException(survivorId, mergedId, plan.conflicts());
        }
        Connection connection = session.getConnection();
        String tenant = actor.tenantId();
        Instant now = clock.instant();

        Map<String, String> survivorRow = rows.customer(connection, tenant, survivorId);
        Map<String, List<String>> survivorColumns = new LinkedHashMap<>();
        columns(plan).forEach((column, value) -> {
            if (!Objects.equals(survivorRow.get(column), value)) {
                survivorColumns.put(column, java.util.Arrays.asList(survivorRow.get(column), value));
            }
        });
        List<ValueRow> mergedValues = rows.values(connection, tenant, mergedId, null);
        Map<Long, CustomChange> customChanges = new LinkedHashMap<>();
        for (String key : plan.customFromMerged()) {
            long fieldId = fields.byKey(key).orElseThrow().id();
            customChanges.put(fieldId, new CustomChange(rows.values(connection, tenant, survivorId, fieldId),
                    mergedValues.stream().filter(row -> row.fieldId() == fieldId).toList()));
        }
        List<TagRow> mergedTags = rows.tags(connection, tenant, mergedId);
        Set<String> survivorTags = new HashSet<>();
        rows.tags(connection, tenant, survivorId).forEach(tag -> survivorTags.add(tag.tag()));
        List<String> tagsAdded = mergedTags.stream().map(TagRow::tag).filter(tag -> !survivorTags.contains(tag))
                .toList();
        List<GroupRow> mergedGroups = rows.groups(connection, tenant, mergedId);
        Set<Long> survivorGroups = new HashSet<>();
        rows.groups(connection, tenant, survivorId).forEach(group -> survivorGroups.add(group.groupId()));
        List<Long> groupsAdded = mergedGroups.stream().map(GroupRow::groupId)
                .filter(group -> !survivorGroups.contains(group)).toList();
        List<IdentityRow> mergedIdentities = rows.identities(connection, tenant, mergedId);
        int ordinalShift = rows.identities(connection, tenant, survivorId).stream()
                .mapToInt(IdentityRow::ordinal).max().orElse(-1) + 1;
        MergeSnapshot snapshot = new MergeSnapshot(rows.customer(connection, tenant, mergedId), mergedIdentities,
                mergedTags, mergedValues, mergedGroups, survivorColumns, customChanges, tagsAdded, groupsAdded);

        Map<String, String> update = new LinkedHashMap<>();
        survivorColumns.forEach((column, change) -> update.put(column, change.get(1)));
        update.put("updated_at", now.toString());
        update.put("updated_by", actor.actorId());
        rows.updateCustomer(connection, tenant, survivorId, update);
        rows.moveIdentities(connection, tenant, mergedId, survivorId, ordinalShift);
        rows.insertTags(connection, tenant, survivorId, tagsAdded.stream()
                .map(tag -> new TagRow(tag, now.toString())).toList());
        rows.insertGroups(connection, tenant, survivorId, groupsAdded.stream()
                .map(group -> new GroupRow(group, now.toString())).toList());
        customChanges.forEach((fieldId, change) -> {
            rows.deleteValues(connection, tenant, survivorId, fieldId);
            rows.insertValues(connection, tenant, survivorId, change.after());
        });
        long mergeId = this.ids.next();
        owned.moveForMerge(connection, tenant, mergeId, mergedId, survivorId);
        rows.deleteCustomer(connection, tenant, mergedId);
        metrics.delete(connection, tenant, List.of(mergedId));
        metrics.refresh(connection, tenant, List.of(survivorId), now);

        records.insert(connection, tenant, new MergeRecord(mergeId, survivorId, mergedId, actor.actorId(), now,
                now.plus(mergeRetention), java.util.Optional.empty(), java.util.Optional.empty()), snapshot);
        List<String> changed = new ArrayList<>(survivorColumns.keySet());
        customChanges.keySet().forEach(fieldId -> changed.add("custom field " + fieldId));
        audit.record(session, actor, "customer.merge", "customer", survivorId, "merge " + mergeId
                + ": merged customer " + mergedId + "; fields taken: " + (changed.isEmpty() ? "none" : changed)
                + "; tags added: " + tagsAdded.size() + "; groups joined: " + groupsAdded.size()
                + "; identities moved: " + mergedIdentities.size());
        audit.record(session, actor, "customer.merged", "customer", mergedId, "merge " + mergeId
                + ": merged into customer " + survivorId);
        audit.events().record(session, actor, survivorId, EventTypes.MERGED, CustomerEvents.properties("mergeId",
                Long.toString(mergeId), "mergedCustomerId", Long.toString(mergedId)));
        return mergeId;
    }

    /** @return the survivor's columns as the plan sets them, as text the way {@link MergeRows} reads them */
    private static Map<String, String> columns(MergePlan plan) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", (String) plan.value("name"));
        columns.put("nickname", (String) plan.value("nickname"));
        columns.put("gender", ((Gender) plan.value("gender")).name());
        LocalDate birthday = (LocalDate) plan.value("birthday");
        columns.put("birthday", birthday == null ? null : birthday.toString());
        columns.put("company", (String) plan.value("company"));
        Address address = (Address) plan.value("address");
        columns.put("country", address.country());
        columns.put("province", address.province());
        columns.put("city", address.city());
        columns.put("area", address.area());
        columns.put("address_detail", address.detail());
        columns.put("remark", (String) plan.value("remark"));
        columns.put("avatar_url", (String) plan.value("avatarUrl"));
        columns.put("source", (String) plan.value("source"));
        return columns;
    }
}
