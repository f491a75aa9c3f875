package io.crmkit.impl.filter;

import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.CustomerGroupTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.GroupMemberTable;
import io.crmkit.impl.db.schema.Row;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The statements of groups and their members on a session's connection. Short-lived: one per unit of work. */
final class GroupStatements {

    private static final String BY_KEY = " WHERE tenant_id = ? AND id = ?";

    private final Session session;
    private final Connection connection;
    private final String prefix;
    private final String group;
    private final String member;
    private final String customer;

    GroupStatements(Session session) {
        this.session = session;
        this.connection = session.getConnection();
        this.prefix = session.prefix();
        this.group = CustomerGroupTable.TABLE.in(prefix);
        this.member = GroupMemberTable.TABLE.in(prefix);
        this.customer = CustomerTable.TABLE.in(prefix);
    }

    void insert(GroupRow row) {
        row.toRow().insert(connection, prefix);
    }

    int rename(String tenantId, long id, String name, Instant at) {
        return IdStatements.execute(connection, "UPDATE " + group + " SET name = ?, updated_at = ?,"
                + " version = version + 1" + BY_KEY, List.of(name, at, tenantId, id));
    }

    int touch(String tenantId, long id, Instant at) {
        return IdStatements.execute(connection, "UPDATE " + group + " SET updated_at = ?, version = version + 1"
                + BY_KEY, List.of(at, tenantId, id));
    }

    int delete(String tenantId, long id) {
        return IdStatements.execute(connection, "DELETE FROM " + group + BY_KEY, List.of(tenantId, id));
    }

    int deleteMembers(String tenantId, long groupId) {
        return IdStatements.execute(connection, "DELETE FROM " + member + " WHERE tenant_id = ? AND group_id = ?",
                List.of(tenantId, groupId));
    }

    /** @return the group, or null when the tenant has none of that id */
    GroupRow find(String tenantId, long id) {
        List<GroupRow> rows = IdStatements.rows(connection, CustomerGroupTable.TABLE.select(prefix) + BY_KEY,
                List.of(tenantId, id), result -> GroupRow.of(Row.read(CustomerGroupTable.TABLE, result)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<GroupRow> list(String tenantId) {
        return IdStatements.rows(connection, CustomerGroupTable.TABLE.select(prefix) + " WHERE tenant_id = ?"
                + " ORDER BY name, id", List.of(tenantId),
                result -> GroupRow.of(Row.read(CustomerGroupTable.TABLE, result)));
    }

    /** @return the ids and names of up to {@code limit} groups, by name */
    List<FieldMetadata.Option> names(String tenantId, int limit) {
        return IdStatements.rows(connection, "SELECT id, name FROM " + group + " WHERE tenant_id = ? ORDER BY name, id"
                + " LIMIT " + limit, List.of(tenantId),
                result -> new FieldMetadata.Option(result.getLong(1), result.getString(2)));
    }

    int count(String tenantId) {
        return IdStatements.rows(connection, "SELECT COUNT(*) FROM " + group + " WHERE tenant_id = ?",
                List.of(tenantId), result -> result.getInt(1)).get(0);
    }

    /** Adds the tenant's customers among the ids that are not members yet. @return rows added */
    int addIds(String tenantId, long groupId, Collection<Long> ids, Instant at) {
        List<Object> values = new ArrayList<>(List.of(groupId, at, tenantId));
        values.addAll(ids);
        values.add(groupId);
        return IdStatements.execute(connection, "INSERT INTO " + member + " (tenant_id, group_id, customer_id,"
                + " added_at) SELECT c.tenant_id, ?, c.id, ? FROM " + customer + " c WHERE c.tenant_id = ? AND c.id IN ("
                + "?, ".repeat(ids.size() - 1) + "?)" + notMember(), values);
    }

    /** Adds the customers matching a compiled search that are not members yet. @return rows added */
    int addMatching(SearchStatement query, long groupId, Instant at) {
        List<Object> values = new ArrayList<>(List.of(groupId, at, query.tenantId()));
        String sql = FilterSql.toJdbc("INSERT INTO " + member + " (tenant_id, group_id, customer_id, added_at)"
                + " SELECT c.tenant_id, ?, c.id, ? FROM " + customer + " c WHERE c.tenant_id = ?" + query.where(),
                query.params(), values);
        values.add(groupId);
        return IdStatements.executeSearch(session, sql + notMember(), values);
    }

    int removeIds(String tenantId, long groupId, Collection<Long> ids) {
        List<Object> values = new ArrayList<>(List.of(tenantId, groupId));
        values.addAll(ids);
        return IdStatements.execute(connection, "DELETE FROM " + member + " WHERE tenant_id = ? AND group_id = ?"
                + " AND customer_id IN (" + "?, ".repeat(ids.size() - 1) + "?)", values);
    }

    /** The condition that a customer {@code c} is not yet a member of the group bound next. */
    private String notMember() {
        return " AND NOT EXISTS (SELECT 1 FROM " + member + " m WHERE m.tenant_id = c.tenant_id AND m.group_id = ?"
                + " AND m.customer_id = c.id)";
    }
}
