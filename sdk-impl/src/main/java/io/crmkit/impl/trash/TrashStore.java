package io.crmkit.impl.trash;

import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.impl.activity.OwnedRows;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves customers with everything that belongs to them between the live tables and the trash tables, with
 * set-based statements over a chunk of ids inside the caller's transaction. Live tables then hold only live
 * customers, so every query of the SDK ignores the trash without saying so.
 *
 * <p>Both directions lock the customers' rows first, so that two transactions moving the same customer run
 * one after the other and the second finds it gone. Thread-safe.
 */
public final class TrashStore {

    private static final String CUSTOMER_COLUMNS = "tenant_id, id, name, nickname, gender, birthday, company, country,"
            + " province, city, area, address_detail, remark, source, owner_id, status, stage, created_at, created_by,"
            + " updated_at, updated_by, version";
    private static final String IDENTITY_COLUMNS = "tenant_id, customer_id, id_type, id_value, match_key, ordinal,"
            + " verified, created_at";
    private static final String TAG_COLUMNS = "tenant_id, customer_id, tag, created_at";
    private static final String VALUE_COLUMNS = "tenant_id, customer_id, field_id, ordinal, text_value, number_value,"
            + " bool_value, date_value, time_value";
    private static final String MEMBER_COLUMNS = "tenant_id, customer_id, group_id, added_at";
    /** Child tables: live name, trash name, columns, customer id column. */
    private static final List<String[]> CHILDREN = List.of(
            new String[] {"identity", "trash_identity", IDENTITY_COLUMNS},
            new String[] {"tag", "trash_tag", TAG_COLUMNS},
            new String[] {"custom_value", "trash_custom_value", VALUE_COLUMNS},
            new String[] {"group_member", "trash_group_member", MEMBER_COLUMNS});

    /** The columns of a merge record that name a customer. */
    private static final List<String> MERGE_SIDES = List.of("survivor_id", "merged_id");

    private final String prefix;
    private final IdStatements sql;

    /** @param prefix the kit's validated table prefix */
    public TrashStore(String prefix, IdStatements sql) {
        this.prefix = prefix;
        this.sql = sql;
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
        sql.update(connection, "INSERT INTO " + prefix + "trash_customer (" + CUSTOMER_COLUMNS
                + ", deleted_at, deleted_by, delete_reason) SELECT " + CUSTOMER_COLUMNS + ", ?, ?, ? FROM " + prefix
                + "customer WHERE tenant_id = ? AND id IN ", List.of(at, actorId, reason, tenantId), live);
        for (String[] child : CHILDREN) {
            sql.update(connection, "INSERT INTO " + prefix + child[1] + " (" + child[2] + ") SELECT "
                    + child[2] + " FROM " + prefix + child[0] + " WHERE tenant_id = ? AND customer_id IN ",
                    List.of(tenantId), live);
            sql.update(connection, "DELETE FROM " + prefix + child[0] + " WHERE tenant_id = ? AND customer_id"
                    + " IN ", List.of(tenantId), live);
        }
        sql.update(connection, "DELETE FROM " + prefix + "customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), live);
        return live;
    }

    /**
     * Puts trashed customers back. A customer whose identity is now held by a live customer, or by a customer
     * restored before it in this call, stays in the trash.
     *
     * @param ids     at most {@value IdStatements#MAX_IDS} ids
     * @param refused receives why a customer stays in the trash
     * @return the ids restored
     */
    public List<Long> restore(Connection connection, String tenantId, List<Long> ids, List<BulkIssue> refused) {
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
        Map<Long, String> conflicts = new HashMap<>();
        sql.query(connection, "SELECT t.customer_id, t.id_type, t.id_value, i.customer_id FROM " + prefix
                + "trash_identity t JOIN " + prefix + "identity i ON i.tenant_id = t.tenant_id AND i.id_type = t.id_type"
                + " AND i.id_value = t.id_value WHERE t.tenant_id = ? AND t.customer_id IN ", List.of(tenantId), trashed,
                "", row -> conflicts.putIfAbsent(row.getLong(1), row.getString(2).replace('_', ' ') + " '"
                        + row.getString(3) + "' now belongs to customer " + row.getLong(4)));
        Map<String, Long> claimed = new HashMap<>();
        Map<Long, List<String>> identities = new HashMap<>();
        sql.query(connection, "SELECT customer_id, id_type, id_value FROM " + prefix + "trash_identity WHERE"
                + " tenant_id = ? AND customer_id IN ", List.of(tenantId), trashed, " ORDER BY customer_id",
                row -> identities.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(row.getString(2) + "\u0000" + row.getString(3)));
        List<Long> restorable = new ArrayList<>(trashed.size());
        for (Long id : trashed) {
            String conflict = conflicts.get(id);
            if (conflict == null) {
                for (String key : identities.getOrDefault(id, List.of())) {
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
            identities.getOrDefault(id, List.of()).forEach(key -> claimed.put(key, id));
            restorable.add(id);
        }
        if (restorable.isEmpty()) {
            return restorable;
        }
        sql.update(connection, "INSERT INTO " + prefix + "customer (" + CUSTOMER_COLUMNS + ") SELECT "
                + CUSTOMER_COLUMNS + " FROM " + prefix + "trash_customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), restorable);
        for (String[] child : CHILDREN) {
            String groupStillExists = child[0].equals("group_member") ? " AND EXISTS (SELECT 1 FROM " + prefix
                    + "customer_group g WHERE g.tenant_id = m.tenant_id AND g.id = m.group_id)" : "";
            sql.update(connection, "INSERT INTO " + prefix + child[0] + " (" + child[2] + ") SELECT "
                    + child[2] + " FROM " + prefix + child[1] + " m WHERE m.tenant_id = ?" + groupStillExists
                    + " AND m.customer_id IN ", List.of(tenantId), restorable);
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
        for (String[] child : CHILDREN) {
            sql.update(connection, "DELETE FROM " + prefix + child[1] + " WHERE tenant_id = ? AND customer_id"
                    + " IN ", List.of(tenantId), ids);
        }
        return sql.update(connection, "DELETE FROM " + prefix + "trash_customer WHERE tenant_id = ? AND id IN ",
                List.of(tenantId), ids);
    }
}
