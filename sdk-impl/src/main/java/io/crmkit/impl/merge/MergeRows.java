package io.crmkit.impl.merge;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.IdStatements.SqlNull;
import io.crmkit.impl.merge.MergeSnapshot.GroupRow;
import io.crmkit.impl.merge.MergeSnapshot.IdentityRow;
import io.crmkit.impl.merge.MergeSnapshot.TagRow;
import io.crmkit.impl.merge.MergeSnapshot.ValueRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
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

    /** The customer table's columns, and how each is read and bound. */
    private static final Map<String, Kind> CUSTOMER_COLUMNS = new LinkedHashMap<>();

    private enum Kind { TEXT, DATE, TIME, NUMBER }

    static {
        for (String column : List.of("name", "nickname", "gender")) {
            CUSTOMER_COLUMNS.put(column, Kind.TEXT);
        }
        CUSTOMER_COLUMNS.put("birthday", Kind.DATE);
        for (String column : List.of("company", "country", "province", "city", "area", "address_detail", "remark",
                "source", "owner_id", "status", "stage")) {
            CUSTOMER_COLUMNS.put(column, Kind.TEXT);
        }
        CUSTOMER_COLUMNS.put("created_at", Kind.TIME);
        CUSTOMER_COLUMNS.put("created_by", Kind.TEXT);
        CUSTOMER_COLUMNS.put("updated_at", Kind.TIME);
        CUSTOMER_COLUMNS.put("updated_by", Kind.TEXT);
        CUSTOMER_COLUMNS.put("version", Kind.NUMBER);
    }

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
            if (IdStatements.execute(connection, "UPDATE " + prefix + "customer SET version = version + 1 WHERE"
                    + " tenant_id = ? AND id = ?", List.of(tenantId, id)) == 0) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** @return the customer row, column to text */
    Map<String, String> customer(Connection connection, String tenantId, long id) {
        String columns = String.join(", ", CUSTOMER_COLUMNS.keySet());
        List<Map<String, String>> rows = IdStatements.rows(connection, "SELECT " + columns + " FROM " + prefix
                + "customer WHERE tenant_id = ? AND id = ?", List.of(tenantId, id), row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    int i = 1;
                    for (Map.Entry<String, Kind> column : CUSTOMER_COLUMNS.entrySet()) {
                        values.put(column.getKey(), text(row, i++, column.getValue()));
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
        StringBuilder sql = new StringBuilder("UPDATE " + prefix + "customer SET ");
        List<Object> binds = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Kind kind = kind(value.getKey());
            sql.append(binds.isEmpty() ? "" : ", ").append(value.getKey()).append(" = ?");
            binds.add(typed(value.getValue(), kind));
        }
        binds.add(tenantId);
        binds.add(id);
        IdStatements.execute(connection, sql.append(" WHERE tenant_id = ? AND id = ?").toString(), binds);
    }

    /** Inserts a customer row from texts as {@link #customer} gives them. */
    void insertCustomer(Connection connection, String tenantId, long id, Map<String, String> values) {
        List<Object> binds = new ArrayList<>(List.of(tenantId, id));
        for (Map.Entry<String, Kind> column : CUSTOMER_COLUMNS.entrySet()) {
            binds.add(typed(values.get(column.getKey()), column.getValue()));
        }
        IdStatements.execute(connection, "INSERT INTO " + prefix + "customer (tenant_id, id, "
                + String.join(", ", CUSTOMER_COLUMNS.keySet()) + ") VALUES (?, ?"
                + ", ?".repeat(CUSTOMER_COLUMNS.size()) + ")", binds);
    }

    void deleteCustomer(Connection connection, String tenantId, long id) {
        for (String table : List.of("custom_value", "tag", "group_member")) {
            IdStatements.execute(connection, "DELETE FROM " + prefix + table + " WHERE tenant_id = ? AND customer_id"
                    + " = ?", List.of(tenantId, id));
        }
        IdStatements.execute(connection, "DELETE FROM " + prefix + "customer WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id));
    }

    List<IdentityRow> identities(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT id_type, id_value, ordinal FROM " + prefix + "identity WHERE"
                + " tenant_id = ? AND customer_id = ? ORDER BY ordinal", List.of(tenantId, customerId),
                row -> new IdentityRow(row.getString(1), row.getString(2), row.getInt(3)));
    }

    /** Moves every identity of one customer to another, after the other's own. */
    void moveIdentities(Connection connection, String tenantId, long from, long to, int ordinalShift) {
        IdStatements.execute(connection, "UPDATE " + prefix + "identity SET customer_id = ?, ordinal = ordinal + ?"
                + " WHERE tenant_id = ? AND customer_id = ?", List.of(to, ordinalShift, tenantId, from));
    }

    /** @return whether the identity was on {@code from} and now is on {@code to} with the given ordinal */
    boolean moveIdentity(Connection connection, String tenantId, IdentityRow identity, long from, long to) {
        return IdStatements.execute(connection, "UPDATE " + prefix + "identity SET customer_id = ?, ordinal = ?"
                + " WHERE tenant_id = ? AND id_type = ? AND id_value = ? AND customer_id = ?", List.of(to,
                identity.ordinal(), tenantId, identity.type(), identity.value(), from)) == 1;
    }

    List<TagRow> tags(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT tag, created_at FROM " + prefix + "tag WHERE tenant_id = ? AND"
                + " customer_id = ? ORDER BY tag", List.of(tenantId, customerId),
                row -> new TagRow(row.getString(1), String.valueOf(IdStatements.instant(row, 2))));
    }

    void insertTags(Connection connection, String tenantId, long customerId, List<TagRow> tags) {
        for (TagRow tag : tags) {
            IdStatements.execute(connection, "INSERT INTO " + prefix + "tag (tenant_id, customer_id, tag, created_at)"
                    + " VALUES (?, ?, ?, ?)", List.of(tenantId, customerId, tag.tag(), Instant.parse(tag.createdAt())));
        }
    }

    void deleteTags(Connection connection, String tenantId, long customerId, List<String> tags) {
        for (String tag : tags) {
            IdStatements.execute(connection, "DELETE FROM " + prefix + "tag WHERE tenant_id = ? AND customer_id = ?"
                    + " AND tag = ?", List.of(tenantId, customerId, tag));
        }
    }

    List<GroupRow> groups(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT group_id, added_at FROM " + prefix + "group_member WHERE"
                + " tenant_id = ? AND customer_id = ? ORDER BY group_id", List.of(tenantId, customerId),
                row -> new GroupRow(row.getLong(1), String.valueOf(IdStatements.instant(row, 2))));
    }

    /** Adds memberships of groups that still exist. */
    void insertGroups(Connection connection, String tenantId, long customerId, List<GroupRow> groups) {
        for (GroupRow group : groups) {
            IdStatements.execute(connection, "INSERT INTO " + prefix + "group_member (tenant_id, group_id,"
                    + " customer_id, added_at) SELECT tenant_id, id, ?, ? FROM " + prefix + "customer_group WHERE"
                    + " tenant_id = ? AND id = ?", List.of(customerId, Instant.parse(group.addedAt()), tenantId,
                    group.groupId()));
        }
    }

    void deleteGroups(Connection connection, String tenantId, long customerId, List<Long> groupIds) {
        for (Long groupId : groupIds) {
            IdStatements.execute(connection, "DELETE FROM " + prefix + "group_member WHERE tenant_id = ? AND"
                    + " customer_id = ? AND group_id = ?", List.of(tenantId, customerId, groupId));
        }
    }

    /** @return the custom value rows of a customer, of all fields or of one ({@code fieldId} not null) */
    List<ValueRow> values(Connection connection, String tenantId, long customerId, Long fieldId) {
        List<Object> binds = new ArrayList<>(List.of(tenantId, customerId));
        if (fieldId != null) {
            binds.add(fieldId);
        }
        return IdStatements.rows(connection, "SELECT field_id, ordinal, text_value, number_value, bool_value,"
                + " date_value, time_value FROM " + prefix + "custom_value WHERE tenant_id = ? AND customer_id = ?"
                + (fieldId == null ? "" : " AND field_id = ?") + " ORDER BY field_id, ordinal", binds, row -> {
                    BigDecimal number = row.getBigDecimal(4);
                    boolean flag = row.getBoolean(5);
                    Boolean bool = row.wasNull() ? null : flag;
                    LocalDate date = row.getObject(6, LocalDate.class);
                    Instant time = IdStatements.instant(row, 7);
                    return new ValueRow(row.getLong(1), row.getInt(2), row.getString(3),
                            number == null ? null : number.toPlainString(), bool,
                            date == null ? null : date.toString(), time == null ? null : time.toString());
                });
    }

    void insertValues(Connection connection, String tenantId, long customerId, List<ValueRow> rows) {
        for (ValueRow row : rows) {
            List<Object> binds = new ArrayList<>(List.of(tenantId, customerId, row.fieldId(), row.ordinal()));
            binds.add(row.text());
            binds.add(row.number() == null ? new SqlNull(Types.DECIMAL) : new BigDecimal(row.number()));
            binds.add(row.bool() == null ? new SqlNull(Types.BOOLEAN) : row.bool());
            binds.add(row.date() == null ? new SqlNull(Types.DATE) : LocalDate.parse(row.date()));
            binds.add(row.time() == null ? new SqlNull(Types.TIMESTAMP) : Instant.parse(row.time()));
            IdStatements.execute(connection, "INSERT INTO " + prefix + "custom_value (tenant_id, customer_id,"
                    + " field_id, ordinal, text_value, number_value, bool_value, date_value, time_value) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?)", binds);
        }
    }

    void deleteValues(Connection connection, String tenantId, long customerId, long fieldId) {
        IdStatements.execute(connection, "DELETE FROM " + prefix + "custom_value WHERE tenant_id = ? AND"
                + " customer_id = ? AND field_id = ?", List.of(tenantId, customerId, fieldId));
    }

    private static Kind kind(String column) {
        Kind kind = CUSTOMER_COLUMNS.get(column);
        if (kind == null) {
            throw new IllegalArgumentException("not a customer column: " + column);
        }
        return kind;
    }

    private static String text(ResultSet row, int index, Kind kind) throws SQLException {
        return switch (kind) {
            case TEXT -> row.getString(index);
            case DATE -> {
                LocalDate date = row.getObject(index, LocalDate.class);
                yield date == null ? null : date.toString();
            }
            case TIME -> String.valueOf(IdStatements.instant(row, index));
            case NUMBER -> String.valueOf(row.getLong(index));
        };
    }

    private static Object typed(String text, Kind kind) {
        if (text == null) {
            return switch (kind) {
                case TEXT -> null;
                case DATE -> new SqlNull(Types.DATE);
                case TIME -> new SqlNull(Types.TIMESTAMP);
                case NUMBER -> new SqlNull(Types.BIGINT);
            };
        }
        return switch (kind) {
            case TEXT -> text;
            case DATE -> LocalDate.parse(text);
            case TIME -> Instant.parse(text);
            case NUMBER -> Long.parseLong(text);
        };
    }
}
