package io.crmkit.impl.merge;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomValueTable;
import io.crmkit.impl.db.schema.CustomerGroupTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.GroupMemberTable;
import io.crmkit.impl.db.schema.IdentityTable;
import io.crmkit.impl.db.schema.Kind;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.db.schema.TagTable;
import io.crmkit.impl.merge.MergeSnapshot.GroupRow;
import io.crmkit.impl.merge.MergeSnapshot.IdentityRow;
import io.crmkit.impl.merge.MergeSnapshot.TagRow;
import io.crmkit.impl.merge.MergeSnapshot.ValueRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one customer's rows as a merge moves them, with plain JDBC on the caller's connection: the
 * customer row as text per column, identities, tags, custom values and group memberships. Values keep their
 * stored form, so that an undo writes back exactly what a merge took. Thread-safe.
 */
final class MergeRows {

    /** The customer columns a merge record keeps; text per column as each column's kind writes it. */
    private static final List<Column> CUSTOMER_COLUMNS = CustomerTable.MERGED;
    /** The columns of an identity a merge record keeps. */
    private static final List<Column> IDENTITY_COLUMNS = List.of(IdentityTable.ID_TYPE, IdentityTable.ID_VALUE,
            IdentityTable.ORDINAL);
    /** The columns of a tag a merge record keeps. */
    private static final List<Column> TAG_COLUMNS = List.of(TagTable.TAG, TagTable.CREATED_AT);
    /** The columns of a group membership a merge record keeps. */
    private static final List<Column> GROUP_COLUMNS = List.of(GroupMemberTable.GROUP_ID, GroupMemberTable.ADDED_AT);
    /** The columns of a custom value a merge record keeps: all but the key's tenant and customer. */
    private static final List<Column> VALUE_COLUMNS = CustomValueTable.TABLE.except(CustomValueTable.TENANT_ID,
            CustomValueTable.CUSTOMER_ID);

    private final String prefix;

    MergeRows(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Bumps the version of each customer, in the given order, which locks its row until the transaction ends.
     *
     * @return the ids that have no customer
     */
    List<Long> lock(Connection connection, String tenantId, List<Long> ids) {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (IdStatements.execute(connection, "UPDATE " + CustomerTable.TABLE.in(prefix) + " SET version ="
                    + " version + 1 WHERE tenant_id = ? AND id = ?", List.of(tenantId, id)) == 0) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** @return the customer row, column to text */
    Map<String, String> customer(Connection connection, String tenantId, long id) {
        List<Map<String, String>> rows = IdStatements.rows(connection, "SELECT " + Table.list(CUSTOMER_COLUMNS)
                + " FROM " + CustomerTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    int i = 1;
                    for (Column column : CUSTOMER_COLUMNS) {
                        values.put(column.name(), column.kind().toText(column.read(row, i++)));
                    }
                    return values;
                });
        if (rows.isEmpty()) {
            throw new IllegalStateException("customer " + id + " vanished inside its merge's transaction");
        }
        return rows.get(0);
    }

    /** Sets columns of a customer row to texts as {@link #customer} gives them. */
    void updateCustomer(Connection connection, String tenantId, long id, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Column> columns = values.keySet().stream().map(MergeRows::column).toList();
        Row row = new Row(CustomerTable.TABLE);
        columns.forEach(column -> row.set(column, column.kind().fromText(values.get(column.name()))));
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + CustomerTable.TABLE.in(prefix)
                + " SET " + Table.assignments(columns) + " WHERE tenant_id = ? AND id = ?")) {
            int next = row.bind(update, columns, 1);
            update.setString(next++, tenantId);
            update.setLong(next, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /**
     * Inserts a customer row from texts as {@link #customer} gives them. A column the texts do not name (one added
     * after the merge was recorded) is left out, so that it takes its default.
     */
    void insertCustomer(Connection connection, String tenantId, long id, Map<String, String> values) {
        List<Column> columns = new ArrayList<>(List.of(CustomerTable.TENANT_ID, CustomerTable.ID));
        Row row = new Row(CustomerTable.TABLE).set(CustomerTable.TENANT_ID, tenantId).set(CustomerTable.ID, id);
        for (Column column : CUSTOMER_COLUMNS) {
            if (values.containsKey(column.name())) {
                columns.add(column);
                row.set(column, column.kind().fromText(values.get(column.name())));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(CustomerTable.TABLE.insert(prefix, columns))) {
            row.bind(insert, columns, 1);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    void deleteCustomer(Connection connection, String tenantId, long id) {
        for (Table table : List.of(CustomValueTable.TABLE, TagTable.TABLE, GroupMemberTable.TABLE)) {
            IdStatements.execute(connection, "DELETE FROM " + table.in(prefix) + " WHERE tenant_id = ? AND"
                    + " customer_id = ?", List.of(tenantId, id));
        }
        IdStatements.execute(connection, "DELETE FROM " + CustomerTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND"
                + " id = ?", List.of(tenantId, id));
    }

    List<IdentityRow> identities(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + Table.list(IDENTITY_COLUMNS) + " FROM "
                + IdentityTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND customer_id = ? ORDER BY ordinal",
                List.of(tenantId, customerId), result -> {
                    Row row = new Row(IdentityTable.TABLE).read(result, IDENTITY_COLUMNS, 1);
                    return new IdentityRow(row.text(IdentityTable.ID_TYPE), row.text(IdentityTable.ID_VALUE),
                            (Integer) row.get(IdentityTable.ORDINAL));
                });
    }

    /** Moves every identity of one customer to another, after the other's own. */
    void moveIdentities(Connection connection, String tenantId, long from, long to, int ordinalShift) {
        IdStatements.execute(connection, "UPDATE " + IdentityTable.TABLE.in(prefix) + " SET customer_id = ?,"
                + " ordinal = ordinal + ?"
                + " WHERE tenant_id = ? AND customer_id = ?", List.of(to, ordinalShift, tenantId, from));
    }

    /** @return whether the identity was on {@code from} and now is on {@code to} with the given ordinal */
    boolean moveIdentity(Connection connection, String tenantId, IdentityRow identity, long from, long to) {
        return IdStatements.execute(connection, "UPDATE " + IdentityTable.TABLE.in(prefix) + " SET customer_id = ?,"
                + " ordinal = ?"
                + " WHERE tenant_id = ? AND id_type = ? AND id_value = ? AND customer_id = ?", List.of(to,
                identity.ordinal(), tenantId, identity.type(), identity.value(), from)) == 1;
    }

    List<TagRow> tags(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + Table.list(TAG_COLUMNS) + " FROM " + TagTable.TABLE.in(prefix)
                + " WHERE tenant_id = ? AND customer_id = ? ORDER BY tag", List.of(tenantId, customerId), result -> {
                    Row row = new Row(TagTable.TABLE).read(result, TAG_COLUMNS, 1);
                    return new TagRow(row.text(TagTable.TAG), TagTable.CREATED_AT.kind().toText(
                            row.get(TagTable.CREATED_AT)));
                });
    }

    void insertTags(Connection connection, String tenantId, long customerId, List<TagRow> tags) {
        for (TagRow tag : tags) {
            new Row(TagTable.TABLE).set(TagTable.TENANT_ID, tenantId).set(TagTable.CUSTOMER_ID, customerId)
                    .set(TagTable.TAG, tag.tag()).set(TagTable.CREATED_AT, Instant.parse(tag.createdAt()))
                    .insert(connection, prefix);
        }
    }

    void deleteTags(Connection connection, String tenantId, long customerId, List<String> tags) {
        for (String tag : tags) {
            IdStatements.execute(connection, "DELETE FROM " + TagTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND"
                    + " customer_id = ? AND tag = ?", List.of(tenantId, customerId, tag));
        }
    }

    List<GroupRow> groups(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + Table.list(GROUP_COLUMNS) + " FROM "
                + GroupMemberTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND customer_id = ? ORDER BY group_id",
                List.of(tenantId, customerId), result -> {
                    Row row = new Row(GroupMemberTable.TABLE).read(result, GROUP_COLUMNS, 1);
                    return new GroupRow(row.bigint(GroupMemberTable.GROUP_ID), GroupMemberTable.ADDED_AT.kind().toText(
                            row.get(GroupMemberTable.ADDED_AT)));
                });
    }

    /** Adds memberships of groups that still exist. */
    void insertGroups(Connection connection, String tenantId, long customerId, List<GroupRow> groups) {
        // The SELECT gives the group_member columns in the definition's order.
        for (GroupRow group : groups) {
            IdStatements.execute(connection, "INSERT INTO " + GroupMemberTable.TABLE.in(prefix) + " ("
                    + GroupMemberTable.TABLE.list() + ") SELECT tenant_id, id, ?, ? FROM "
                    + CustomerGroupTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND id = ?", List.of(customerId,
                    Instant.parse(group.addedAt()), tenantId, group.groupId()));
        }
    }

    void deleteGroups(Connection connection, String tenantId, long customerId, List<Long> groupIds) {
        for (Long groupId : groupIds) {
            IdStatements.execute(connection, "DELETE FROM " + GroupMemberTable.TABLE.in(prefix) + " WHERE"
                    + " tenant_id = ? AND customer_id = ? AND group_id = ?", List.of(tenantId, customerId, groupId));
        }
    }

    /** @return the custom value rows of a customer, of all fields or of one ({@code fieldId} not null) */
    List<ValueRow> values(Connection connection, String tenantId, long customerId, Long fieldId) {
        List<Object> binds = new ArrayList<>(List.of(tenantId, customerId));
        if (fieldId != null) {
            binds.add(fieldId);
        }
        return IdStatements.rows(connection, "SELECT " + Table.list(VALUE_COLUMNS) + " FROM "
                + CustomValueTable.TABLE.in(prefix) + " WHERE tenant_id = ? AND customer_id = ?"
                + (fieldId == null ? "" : " AND field_id = ?") + " ORDER BY field_id, ordinal", binds, result -> {
                    Row row = new Row(CustomValueTable.TABLE).read(result, VALUE_COLUMNS, 1);
                    return new ValueRow(row.bigint(CustomValueTable.FIELD_ID),
                            (Integer) row.get(CustomValueTable.ORDINAL), row.text(CustomValueTable.TEXT_VALUE),
                            text(row, CustomValueTable.NUMBER_VALUE), (Boolean) row.get(CustomValueTable.BOOL_VALUE),
                            text(row, CustomValueTable.DATE_VALUE), text(row, CustomValueTable.TIME_VALUE));
                });
    }

    void insertValues(Connection connection, String tenantId, long customerId, List<ValueRow> rows) {
        for (ValueRow value : rows) {
            new Row(CustomValueTable.TABLE)
                    .set(CustomValueTable.TENANT_ID, tenantId)
                    .set(CustomValueTable.CUSTOMER_ID, customerId)
                    .set(CustomValueTable.FIELD_ID, value.fieldId())
                    .set(CustomValueTable.ORDINAL, value.ordinal())
                    .set(CustomValueTable.TEXT_VALUE, value.text())
                    .set(CustomValueTable.NUMBER_VALUE, Kind.DECIMAL.fromText(value.number()))
                    .set(CustomValueTable.BOOL_VALUE, value.bool())
                    .set(CustomValueTable.DATE_VALUE, Kind.DATE.fromText(value.date()))
                    .set(CustomValueTable.TIME_VALUE, Kind.TIMESTAMP.fromText(value.time()))
                    .insert(connection, prefix);
        }
    }

    void deleteValues(Connection connection, String tenantId, long customerId, long fieldId) {
        IdStatements.execute(connection, "DELETE FROM " + CustomValueTable.TABLE.in(prefix) + " WHERE"
                + " tenant_id = ? AND customer_id = ? AND field_id = ?", List.of(tenantId, customerId, fieldId));
    }

    /** @return the column's value as text as its kind writes it, null for NULL */
    private static String text(Row row, Column column) {
        return column.kind().toText(row.get(column));
    }

    /** @return the customer column a merge record names @throws IllegalArgumentException for any other */
    private static Column column(String name) {
        Column column = CustomerTable.TABLE.column(name);
        if (!CUSTOMER_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not a merged customer column: " + name);
        }
        return column;
    }
}
