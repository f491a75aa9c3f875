package io.crmkit.impl.customer;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerChanges;
import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.impl.db.Database;
import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.db.BulkRows;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.TagTable;
import io.crmkit.impl.field.TenantFields;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes of bulk operations to one chunk of customers, inside the caller's transaction. Each first locks
 * the chunk's customer rows, so that it sees their current state and concurrent writers wait, and leaves a
 * customer it has nothing to do for as it is, so that running an operation again does nothing twice.
 * Thread-safe.
 */
public final class ChunkWrites {

    private final Database database;
    private final CustomerReader customers;
    private final CustomerEditor editor;
    private final String prefix;
    private final IdStatements sql;

    public ChunkWrites(String tablePrefix, Database database, CustomerReader customers, IdStatements idSql,
            CustomerEditor editor) {
        this.database = database;
        this.customers = customers;
        this.sql = idSql;
        this.editor = editor;
        this.prefix = tablePrefix;
    }

    /** What happened to a chunk. */
    public static final class Outcome {
        /** Customers changed. */
        public final List<Long> changed = new ArrayList<>();
        /** Customers left as they were. */
        public long unchanged;
        /** Customers the operation does not apply to. */
        public final List<BulkIssue> skipped = new ArrayList<>();
        /** Customers that could not be changed. */
        public final List<BulkIssue> failed = new ArrayList<>();
        /** The automatic timeline events of the changed customers, written with the chunk. */
        public final List<CustomerEvents.Change> events = new ArrayList<>();
    }

    /**
     * @return the tags cleaned as a single customer's would be
     * @throws ValidationException naming the tag that breaks a rule
     */
    public static List<String> cleanTags(java.util.Collection<String> tags) {
        io.crmkit.impl.validation.Errors errors = new io.crmkit.impl.validation.Errors();
        List<String> clean = CustomerValidator.tags(tags, errors);
        errors.throwIfAny();
        return clean;
    }

    /** @return the live customers among the ids, locked; missing ones are reported as failed */
    public List<Long> lock(Connection connection, String tenantId, List<Long> ids, Outcome outcome) {
        List<Long> live = sql.longs(connection, "SELECT id FROM " + prefix + "customer WHERE tenant_id = ?"
                + " AND id IN ", List.of(tenantId), ids, " ORDER BY id FOR UPDATE");
        reportMissing(ids, new HashSet<>(live), outcome);
        return live;
    }

    /** Reports the ids not {@code found} as failed: no such customer in the tenant. */
    public static void reportMissing(List<Long> ids, Set<Long> found, Outcome outcome) {
        if (found.size() < ids.size()) {
            for (Long id : ids) {
                if (!found.contains(id)) {
                    outcome.failed.add(new BulkIssue(id, "not_found", "no customer " + id + " in this tenant"));
                }
            }
        }
    }

    /**
     * Edits the chunk's customers: each is validated with the rules of a single update (a customer the patch breaks
     * a rule for fails, one it leaves as it is stays unchanged), then the changed ones are written together
     * ({@link ChunkEdit}).
     */
    public Outcome edit(Session session, Actor actor, List<Long> ids, CustomerPatch patch, TenantFields fields,
                        Instant at) {
        Outcome outcome = new Outcome();
        List<Long> live = lock(session.getConnection(), actor.tenantId(), ids, outcome);
        List<ChunkEdit.Edited> edited = new ArrayList<>();
        for (Customer current : this.customers.read(session, actor.tenantId(), live, fields)) {
            try {
                CleanCustomer clean = editor.validate(current, patch, fields);
                if (CustomerEditor.unchanged(current, clean)) {
                    outcome.unchanged++;
                } else {
                    edited.add(new ChunkEdit.Edited(current, clean));
                    outcome.changed.add(current.id());
                }
            } catch (ValidationException invalid) {
                outcome.failed.add(new BulkIssue(current.id(), "invalid", invalid.getMessage()));
            }
        }
        outcome.events.addAll(new ChunkEdit(session.getConnection(), prefix, sql)
                .write(actor, patch.changes().keySet(), edited, at));
        return outcome;
    }

    /**
     * Adds tags; a customer that would pass {@value CustomerLimits#TAGS_MAX} tags fails. Where a locking read writes
     * nothing ({@link io.crmkit.impl.db.Dialect#locksByReading()}: MariaDB), reads the chunk's customers and tags under
     * an exclusive lock and updates those that lack a tag. Elsewhere (PostgreSQL writes each row a locking read
     * locks) reads them without locks first, then locks only those that lack a tag by updating them (one row write
     * each, where a locking read and an update were two), and checks them again under the lock; a customer another
     * writer tagged between the two reads keeps the new version the lock gave it.
     */
    public Outcome addTags(Connection connection, Actor actor, List<Long> ids, List<String> tags, Instant at) {
        Outcome outcome = new Outcome();
        String tenant = actor.tenantId();
        boolean lockFirst = database.dialect().locksByReading();
        Map<Long, Set<String>> seen = tagsOf(connection, tenant, ids, lockFirst ? " FOR UPDATE" : "");
        reportMissing(ids, seen.keySet(), outcome);
        Map<Long, Set<String>> held = seen;
        if (!lockFirst) {
            List<Long> candidates = new ArrayList<>();
            for (Map.Entry<Long, Set<String>> customer : seen.entrySet()) {
                if (!tagsToAdd(customer.getKey(), customer.getValue(), tags, outcome).isEmpty()) {
                    candidates.add(customer.getKey());
                }
            }
            if (candidates.isEmpty()) {
                return outcome;
            }
            touch(connection, actor, candidates, at);
            held = tagsOf(connection, tenant, candidates, database.dialect().latestRead());
            reportMissing(candidates, held.keySet(), outcome);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> customer : held.entrySet()) {
            long id = customer.getKey();
            Set<String> added = tagsToAdd(id, customer.getValue(), tags, outcome);
            if (!added.isEmpty()) {
                outcome.events.add(new CustomerEvents.Change(id, EventTypes.TAG_ADDED, CustomerEvents.names("tags",
                        added.stream().sorted().toList())));
                for (String tag : added) {
                    rows.add(new Row(TagTable.TABLE).set(TagTable.TENANT_ID, tenant).set(TagTable.CUSTOMER_ID, id)
                            .set(TagTable.TAG, tag).set(TagTable.CREATED_AT, at));
                }
                outcome.changed.add(id);
            }
        }
        if (lockFirst) {
            touch(connection, actor, outcome.changed, at);
        }
        BulkRows.insert(connection, prefix, rows);
        return outcome;
    }

    /**
     * @return the tags the customer lacks, or nothing when it has them all (counted unchanged) or would pass
     *         the limit (reported failed)
     */
    private static Set<String> tagsToAdd(long id, Set<String> current, List<String> tags, Outcome outcome) {
        Set<String> added = new LinkedHashSet<>(tags);
        added.removeAll(current);
        if (added.isEmpty()) {
            outcome.unchanged++;
        } else if (current.size() + added.size() > CustomerLimits.TAGS_MAX) {
            outcome.failed.add(new BulkIssue(id, "too_many", "tags: at most " + CustomerLimits.TAGS_MAX
                    + " tags per customer, customer " + id + " has " + current.size() + " and would get "
                    + added.size() + " more"));
            return Set.of();
        }
        return added;
    }

    /** @return each live customer among the ids, in id order, with the tags it holds */
    private Map<Long, Set<String>> tagsOf(Connection connection, String tenant, List<Long> ids, String suffix) {
        Map<Long, Set<String>> tags = new java.util.TreeMap<>();
        sql.query(connection, "SELECT c.id, t.tag FROM " + prefix + "customer c LEFT JOIN " + prefix + "tag t ON"
                + " t.tenant_id = c.tenant_id AND t.customer_id = c.id WHERE c.tenant_id = ? AND c.id IN ",
                List.of(tenant), ids, suffix, row -> {
                    Set<String> held = tags.computeIfAbsent(row.getLong(1), id -> new HashSet<>());
                    String tag = row.getString(2);
                    if (tag != null) {
                        held.add(tag);
                    }
                });
        return tags;
    }

    /** Removes tags. */
    public Outcome removeTags(Connection connection, Actor actor, List<Long> ids, List<String> tags, Instant at) {
        Outcome outcome = new Outcome();
        String tenant = actor.tenantId();
        List<Long> live = lock(connection, tenant, ids, outcome);
        if (live.isEmpty() || tags.isEmpty()) {
            outcome.unchanged += live.size();
            return outcome;
        }
        String tagList = " AND tag IN " + IdStatements.in(tags.size());
        List<Object> values = new ArrayList<>();
        values.add(tenant);
        values.addAll(tags);
        Map<Long, java.util.SortedSet<String>> removed = new java.util.TreeMap<>();
        sql.query(connection, "SELECT customer_id, tag FROM " + prefix + "tag WHERE tenant_id = ?" + tagList
                + " AND customer_id IN ", values, live, database.dialect().latestRead(),
                row -> removed.computeIfAbsent(row.getLong(1), id -> new java.util.TreeSet<>()).add(row.getString(2)));
        List<Long> tagged = new ArrayList<>(removed.keySet());
        removed.forEach((id, gone) -> outcome.events.add(new CustomerEvents.Change(id, EventTypes.TAG_REMOVED,
                CustomerEvents.names("tags", List.copyOf(gone)))));
        if (!tagged.isEmpty()) {
            sql.update(connection, "DELETE FROM " + prefix + "tag WHERE tenant_id = ?" + tagList
                    + " AND customer_id IN ", values, tagged);
        }
        outcome.changed.addAll(tagged);
        outcome.unchanged += live.size() - tagged.size();
        touch(connection, actor, tagged, at);
        return outcome;
    }

    /**
     * Changes status (and owner). A customer already there is unchanged; one whose status does not allow the
     * change is skipped.
     *
     * @param ownerId the new owner, or null to clear it
     */
    public Outcome transition(Connection connection, Actor actor, List<Long> ids, CustomerStatus to, String ownerId,
                              Set<CustomerStatus> from, String verb, Instant at) {
        Outcome outcome = new Outcome();
        String tenant = actor.tenantId();
        List<Long> eligible = new ArrayList<>();
        Set<Long> found = new HashSet<>();
        List<String> allowed = from.stream().map(Enum::name).sorted().toList();
        sql.query(connection, "SELECT id, status, owner_id FROM " + prefix + "customer WHERE tenant_id = ?"
                + " AND id IN ", List.of(tenant), ids, " ORDER BY id FOR UPDATE", row -> {
                    long id = row.getLong(1);
                    String status = row.getString(2);
                    found.add(id);
                    if (status.equals(to.name()) && Objects.equals(row.getString(3), ownerId)) {
                        outcome.unchanged++;
                    } else if (!allowed.contains(status)) {
                        outcome.skipped.add(new BulkIssue(id, "invalid_transition", "cannot " + verb + " customer "
                                + id + ": its status is " + status + ", and " + verb + " is allowed only from "
                                + allowed));
                    } else {
                        eligible.add(id);
                        if (!status.equals(to.name())) {
                            outcome.events.add(CustomerChanges.fromTo(id, EventTypes.STATUS_CHANGED, status,
                                    to.name()));
                        }
                        if (!Objects.equals(row.getString(3), ownerId)) {
                            outcome.events.add(CustomerChanges.fromTo(id, EventTypes.ASSIGNED, row.getString(3),
                                    ownerId));
                        }
                    }
                });
        reportMissing(ids, found, outcome);
        if (!eligible.isEmpty()) {
            List<Object> values = new ArrayList<>();
            values.add(to.name());
            values.add(ownerId);
            values.add(at);
            values.add(actor.actorId());
            values.add(tenant);
            sql.update(connection, "UPDATE " + prefix + "customer SET status = ?, owner_id = ?,"
                    + " version = version + 1, updated_at = ?, updated_by = ? WHERE tenant_id = ? AND id IN ",
                    values, eligible);
        }
        outcome.changed.addAll(eligible);
        return outcome;
    }

    private void touch(Connection connection, Actor actor, List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            sql.update(connection, "UPDATE " + prefix + "customer SET version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE tenant_id = ? AND id IN ", List.of(at, actor.actorId(), actor.tenantId()),
                    ids);
        }
    }
}
