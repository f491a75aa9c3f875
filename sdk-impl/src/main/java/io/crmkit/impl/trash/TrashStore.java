package io.crmkit.impl.trash;

import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.impl.activity.OwnedRows;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.identity.IdentityHolders;
import io.crmkit.impl.db.schema.CustomerGroupTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.GroupMemberTable;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.db.schema.TrashTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves customers with everything that belongs to them between the live tables and the trash tables, with
 * set-based statements over a chunk of ids inside the caller's transaction. Live tables then hold only live
 * customers, so every query of the SDK ignores the trash without saying so.
 *
 * <p>Both directions lock the customers' rows first, so that two transactions moving the same customer run
 * one after the other and the second finds it gone. Thread-safe.
 */
public final class TrashStore {

    /** The customer columns a trashed customer carries, to the trash and back. */
    private static final String CUSTOMER_COLUMNS = Table.list(CustomerTable.TRASHED);
    /** The child tables, each with its trash table. */
    private static final List<TrashTables.Child> CHILDREN = TrashTables.CHILDREN;

    /** The columns of a merge record that name a customer. */
    private static final List<String> MERGE_SIDES = List.of("survivor_id", "merged_id");

    private final String prefix;
    private final IdStatements sql;
    private final List<String> tables;

    /** @param prefix the kit's validated table prefix */
    public TrashStore(String prefix, IdStatements sql) {
        this.prefix = prefix;
        this.sql = sql;
        List<String> names = new ArrayList<>();
        names.add(TrashTables.CUSTOMER.in(prefix));
        CHILDREN.forEach(child -> names.add(child.trash().in(prefix)));
        this.tables = List.copyOf(names);
    }

    /**
     * Moves the live customers among {@code ids} to the trash.
     *
     * @param ids    at most {@value IdStatements#MAX_IDS} ids
     * @param reason why, kept with them ("" for none)
     * @return the ids moved; ids of no live customer of the tenant are left out
     */
    public List<Long> moveToTrash(Connection connection, String tenantId, List<Long> ids, Instant at, String actorId,
                                  String reason) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> live = sql.longs(connection, "SELECT id FROM " + prefix + "customer WHERE tenant_id = ?"
                + " AND id IN ", List.of(tenantId), ids, " ORDER BY id FOR UPDATE");
        if (live.isEmpty()) {
            return live;
        }
        sql.update(connection, "INSERT INTO " + TrashTables.CUSTOMER.in(prefix) + " (" + CUSTOMER_COLUMNS + ", "
                + Table.list(List.of(TrashTables.DELETED_AT, TrashTables.DELETED_BY, TrashTables.DELETE_REASON))
                + ") SELECT " + CUSTOMER_COLUMNS + ", ?, ?, ? FROM " + prefix + "customer WHERE tenant_id = ? AND id IN ",
                List.of(at, actorId, reason, tenantId), live);
        for (TrashTables.Child child : CHILDREN) {
            String columns = child.live().list();
            sql.update(connection, "INSERT INTO " + child.trash().in(prefix) + " (" + columns + ") SELECT "
                    + columns + " FROM " + child.live().in(prefix) + " WHERE tenant_id = ? AND customer_id IN ",
                    List.of(tenantId), live);
            sql.update(connection, "DELETE FROM " + child.live().in(prefix) + " WHERE tenant_id = ? AND customer_id"
                    + " IN ", List.of(tenantId), live);
        }
        sql.update(connection, "DELETE FROM " + prefix + "customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), live);
        return live;
    }

    /**
     * Puts trashed customers back. A customer whose identity is now held by a live customer, or by a customer
     * restored before it in this call, stays in the trash. Where another transaction restores {@code earlier},
     * customers that come before these in the same call, a customer holding an identity one of those held when
     * trashed (or one a customer left for later holds) is left for the caller to restore once that transaction
     * ended (then checked against what it restored, as if one after the other), so that the two transactions never
     * insert the same identity.
     *
     * @param ids      at most {@value IdStatements#MAX_IDS} ids
     * @param earlier  at most {@value IdStatements#MAX_IDS} ids being restored beside these; none for a restore alone
     * @param refused  receives why a customer stays in the trash
     * @param deferred receives the customers left for later, untouched
     * @return the ids restored
     */
    public List<Long> restore(Connection connection, String tenantId, List<Long> ids, List<Long> earlier,
                              List<BulkIssue> refused, List<Long> deferred) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> trashed = sql.longs(connection, "SELECT id FROM " + prefix + "trash_customer WHERE"
                + " tenant_id = ? AND id IN ", List.of(tenantId), ids, " ORDER BY id FOR UPDATE");
        Set<Long> found = new HashSet<>(trashed);
        for (Long id : new LinkedHashSet<>(ids)) {
            if (!found.contains(id)) {
                refused.add(new BulkIssue(id, "not_found", "customer " + id + " is not in the trash"));
            }
        }
        if (trashed.isEmpty()) {
            return trashed;
        }
        // Their identities by (tenant_id, customer_id), then the live holders of those identities by the identity
        // table's key: two look-ups by index. (One join of the two tables made PostgreSQL read the whole
        // trash_identity table for every chunk.)
        Map<Long, List<String>> identities = new HashMap<>();
        sql.query(connection, "SELECT customer_id, id_type, id_value FROM " + prefix + "trash_identity WHERE"
                + " tenant_id = ? AND customer_id IN ", List.of(tenantId), trashed, " ORDER BY customer_id, id_type,"
                + " id_value", row -> identities.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(row.getString(2) + "\u0000" + row.getString(3)));
        // Read before the live holders: what the earlier customers' transaction commits in between is then live.
        Set<String> earlierKeys = new HashSet<>();
        if (!earlier.isEmpty()) {
            sql.query(connection, "SELECT id_type, id_value FROM " + prefix + "trash_identity WHERE tenant_id = ?"
                    + " AND customer_id IN ", List.of(tenantId), earlier, "", row -> earlierKeys.add(row.getString(1)
                    + "\u0000" + row.getString(2)));
        }
        Map<String, Long> holders = liveHolders(connection, tenantId, identities.values());
        Map<String, Long> claimed = new HashMap<>();
        Set<String> deferredKeys = new HashSet<>();
        List<Long> restorable = new ArrayList<>(trashed.size());
        for (Long id : trashed) {
            List<String> keys = identities.getOrDefault(id, List.of());
            String conflict = null;
            for (String key : keys) {
                Long holder = holders.get(key);
                if (holder != null) {
                    int split = key.indexOf('\u0000');
                    conflict = key.substring(0, split).replace('_', ' ') + " '" + key.substring(split + 1)
                            + "' now belongs to customer " + holder;
                    break;
                }
            }
            if (conflict == null && keys.stream().anyMatch(key -> earlierKeys.contains(key)
                    || deferredKeys.contains(key))) {
                // Also a later customer sharing an identity with a deferred one: the two are then decided in order.
                deferred.add(id);
                deferredKeys.addAll(keys);
                continue;
            }
            if (conflict == null) {
                for (String key : keys) {
                    Long holder = claimed.get(key);
                    if (holder != null) {
                        conflict = key.replace('\u0000', ' ').replace('_', ' ') + " is also held by customer " + holder
                                + ", restored in the same call";
                        break;
                    }
                }
            }
            if (conflict != null) {
                refused.add(new BulkIssue(id, "conflict", "customer " + id + " stays in the trash: " + conflict
                        + "; merge or change that customer first"));
                continue;
            }
            keys.forEach(key -> claimed.put(key, id));
            restorable.add(id);
        }
        if (restorable.isEmpty()) {
            return restorable;
        }
        sql.update(connection, "INSERT INTO " + prefix + "customer (" + CUSTOMER_COLUMNS + ") SELECT "
                + CUSTOMER_COLUMNS + " FROM " + prefix + "trash_customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), restorable);
        for (TrashTables.Child child : CHILDREN) {
            String groupStillExists = child.live() == GroupMemberTable.TABLE ? " AND EXISTS (SELECT 1 FROM "
                    + CustomerGroupTable.TABLE.in(prefix) + " g WHERE g.tenant_id = m.tenant_id AND g.id = m.group_id)"
                    : "";
            String columns = child.live().list();
            sql.update(connection, "INSERT INTO " + child.live().in(prefix) + " (" + columns + ") SELECT "
                    + Table.list("m", child.live().columns()) + " FROM " + child.trash().in(prefix) + " m WHERE"
                    + " m.tenant_id = ?" + groupStillExists + " AND m.customer_id IN ", List.of(tenantId), restorable);
        }
        eraseFromTrash(connection, tenantId, restorable);
        return restorable;
    }

    /**
     * Erases for good what is kept of customers that are not live: their trash rows, the rows they own (events,
     * orders, tasks, links) and the merge records that keep their data for undo (also of a customer merged away).
     * Live customers are never touched. Locks first, then decides: the trash rows, the merge records, then the
     * live rows of the ids, so that a restore or an undo of the same customer runs wholly before (the customer is
     * then live and left alone) or after (it then finds nothing to bring back), never halfway.
     *
     * @param ids at most {@value IdStatements#MAX_IDS} ids
     * @return the ids erased from the trash
     */
    public List<Long> erase(Connection connection, String tenantId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> trashed = sql.longs(connection, "SELECT id FROM " + prefix + "trash_customer WHERE tenant_id = ?"
                + " AND id IN ", List.of(tenantId), ids, " ORDER BY id FOR UPDATE");
        for (String column : MERGE_SIDES) {
            sql.longs(connection, "SELECT id FROM " + prefix + "merge_record WHERE tenant_id = ? AND " + column
                    + " IN ", List.of(tenantId), ids, " ORDER BY id FOR UPDATE");
        }
        Set<Long> live = new HashSet<>(liveIds(connection, tenantId, ids, " FOR UPDATE"));
        List<Long> gone = ids.stream().filter(id -> !live.contains(id)).toList();
        if (gone.isEmpty()) {
            return List.of();
        }
        new OwnedRows(prefix, sql).erase(connection, tenantId, gone);
        for (String column : MERGE_SIDES) {
            sql.update(connection, "DELETE FROM " + prefix + "merge_moved WHERE tenant_id = ? AND merge_id IN (SELECT"
                    + " id FROM " + prefix + "merge_record WHERE tenant_id = ? AND " + column + " IN ",
                    List.of(tenantId, tenantId), gone, ")");
            sql.update(connection, "DELETE FROM " + prefix + "merge_record WHERE tenant_id = ? AND " + column
                    + " IN ", List.of(tenantId), gone);
        }
        if (!trashed.isEmpty()) {
            eraseFromTrash(connection, tenantId, trashed);
        }
        return trashed;
    }

    /**
     * @param identities identity keys ({@code id_type + '\0' + id_value}) of trashed customers
     * @return the live customer holding each of the keys that one holds, by key
     */
    private Map<String, Long> liveHolders(Connection connection, String tenantId,
                                          Collection<List<String>> identities) {
        Map<String, Set<String>> valuesByType = new TreeMap<>();
        for (List<String> keys : identities) {
            for (String key : keys) {
                int split = key.indexOf('\u0000');
                valuesByType.computeIfAbsent(key.substring(0, split), type -> new TreeSet<>())
                        .add(key.substring(split + 1));
            }
        }
        Map<String, Long> holders = new HashMap<>();
        new IdentityHolders(prefix, sql.dialect()).find(connection, tenantId, valuesByType).forEach((type, held) ->
                held.forEach((value, holder) -> holders.put(type + "\u0000" + value, holder)));
        return holders;
    }

    /** @return the full names of the trash tables, which a delete fills */
    public List<String> tables() {
        return tables;
    }

    /** @return which of the ids are of customers of the tenant in the trash, unlocked */
    public List<Long> inTrash(Connection connection, String tenantId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.longs(connection, "SELECT id FROM " + prefix + "trash_customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), ids, " ORDER BY id");
    }

    /** @return which of the ids are of live customers of the tenant, unlocked */
    public List<Long> live(Connection connection, String tenantId, List<Long> ids) {
        return liveIds(connection, tenantId, ids, "");
    }

    private List<Long> liveIds(Connection connection, String tenantId, List<Long> ids, String lock) {
        return sql.longs(connection, "SELECT id FROM " + prefix + "customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), ids, " ORDER BY id" + lock);
    }

    /** @return the ids of up to {@code limit} customers deleted before {@code cutoff}, oldest first */
    public List<Long> expired(Connection connection, String tenantId, Instant cutoff, int limit) {
        List<Long> ids = new ArrayList<>();
        try (var statement = IdStatements.prepare(connection, "SELECT id FROM " + prefix + "trash_customer WHERE"
                + " tenant_id = ? AND deleted_at < ? ORDER BY deleted_at, id LIMIT " + limit, List.of(tenantId, cutoff))) {
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        return ids;
    }

    private int eraseFromTrash(Connection connection, String tenantId, List<Long> ids) {
        for (TrashTables.Child child : CHILDREN) {
            sql.update(connection, "DELETE FROM " + child.trash().in(prefix) + " WHERE tenant_id = ? AND customer_id"
                    + " IN ", List.of(tenantId), ids);
        }
        return sql.update(connection, "DELETE FROM " + prefix + "trash_customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), ids);
    }
}
