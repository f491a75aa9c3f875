package io.crmkit.impl.customer;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomValueTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.IdentityTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.db.schema.TagTable;
import io.crmkit.impl.field.CustomValueRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The statements of one customer, its identities, tags and custom values, on a session's connection; column lists
 * come from the schema definition. Short-lived: one per unit of work.
 */
final class CustomerStatements {

    private static final String BY_KEY = " WHERE tenant_id = ? AND id = ?";
    private static final String BY_CUSTOMER = " WHERE tenant_id = ? AND customer_id = ?";

    private final Connection connection;
    private final String prefix;
    private final String customer;

    CustomerStatements(Session session) {
        this.connection = session.getConnection();
        this.prefix = session.prefix();
        this.customer = CustomerTable.TABLE.in(prefix);
    }

    /** Inserts the customer row. */
    void insert(CustomerRow row) {
        row.row().insert(connection, prefix);
    }

    /**
     * Writes the {@link CustomerTable#EDITED} columns and counts the version up.
     *
     * @return 1 when the row still had {@code expectedVersion}, else 0
     */
    int update(CustomerRow row, long expectedVersion) {
        List<Column> edited = CustomerTable.EDITED;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + customer + " SET "
                + Table.assignments(edited) + ", version = version + 1" + BY_KEY + " AND version = ?")) {
            int next = row.row().bind(update, edited, 1);
            update.setString(next++, (String) row.row().get(CustomerTable.TENANT_ID));
            update.setLong(next++, row.id());
            update.setLong(next, expectedVersion);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** Bumps version and update stamp after a change to identities or tags; @return rows changed */
    int touch(String tenantId, long id, Instant at, String by) {
        return IdStatements.execute(connection, "UPDATE " + customer + " SET version = version + 1, updated_at = ?,"
                + " updated_by = ?" + BY_KEY, List.of(at, by, tenantId, id));
    }

    /** @return rows changed: 0 when the customer's status is not one of {@code from} */
    int changeStatus(String tenantId, long id, String to, String ownerId, Collection<String> from, Instant at,
                     String by) {
        List<Object> values = new ArrayList<>();
        values.add(to);
        values.add(ownerId);
        values.add(at);
        values.add(by);
        values.add(tenantId);
        values.add(id);
        values.addAll(from);
        return IdStatements.execute(connection, "UPDATE " + customer + " SET status = ?, owner_id = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ?" + BY_KEY + " AND status IN "
                + placeholders(from.size()), values);
    }

    /** @return the customer row, or null when the tenant has no such customer */
    CustomerRow find(String tenantId, long id) {
        List<CustomerRow> rows = IdStatements.rows(connection, CustomerTable.TABLE.select(prefix) + BY_KEY,
                List.of(tenantId, id), result -> new CustomerRow(Row.read(CustomerTable.TABLE, result)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** @return the version, or null when there is no such customer */
    Long version(String tenantId, long id) {
        return first(IdStatements.rows(connection, "SELECT version FROM " + customer + BY_KEY, List.of(tenantId, id),
                result -> result.getLong(1)));
    }

    /** Locks the customer row until the transaction ends. @return its version, or null when there is none */
    Long lock(String tenantId, long id) {
        return first(IdStatements.rows(connection, "SELECT version FROM " + customer + BY_KEY + " FOR UPDATE",
                List.of(tenantId, id), result -> result.getLong(1)));
    }

    /** @return the customer's identities by ordinal */
    List<IdentityRow> identities(String tenantId, long customerId) {
        return IdStatements.rows(connection, IdentityTable.TABLE.select(prefix) + BY_CUSTOMER + " ORDER BY ordinal",
                List.of(tenantId, customerId), result -> IdentityRow.of(Row.read(IdentityTable.TABLE, result)));
    }

    /** @return the customer's tags, sorted */
    List<String> tags(String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT tag FROM " + TagTable.TABLE.in(prefix) + BY_CUSTOMER
                + " ORDER BY tag", List.of(tenantId, customerId), result -> result.getString(1));
    }

    /** @return the customer's custom value rows by field and ordinal */
    List<CustomValueRow> customValues(String tenantId, long customerId) {
        return IdStatements.rows(connection, CustomValueTable.TABLE.select(prefix) + BY_CUSTOMER
                + " ORDER BY field_id, ordinal", List.of(tenantId, customerId),
                result -> CustomValueRow.of(Row.read(CustomValueTable.TABLE, result)));
    }

    /** @return the customer holding an identity, or null */
    Long customerOfIdentity(String tenantId, String idType, String idValue) {
        return first(IdStatements.rows(connection, "SELECT customer_id FROM " + IdentityTable.TABLE.in(prefix)
                + " WHERE tenant_id = ? AND id_type = ? AND id_value = ?", List.of(tenantId, idType, idValue),
                result -> result.getLong(1)));
    }

    /** @return the stored rows among {@code keys} (matched on type and value) */
    List<IdentityRow> findIdentities(String tenantId, Collection<IdentityRow> keys) {
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        List<String> matches = new ArrayList<>();
        for (IdentityRow key : keys) {
            matches.add("(id_type = ? AND id_value = ?)");
            values.add(key.idType);
            values.add(key.idValue);
        }
        return IdStatements.rows(connection, IdentityTable.TABLE.select(prefix) + " WHERE tenant_id = ? AND ("
                + String.join(" OR ", matches) + ")", values,
                result -> IdentityRow.of(Row.read(IdentityTable.TABLE, result)));
    }

    /** Inserts identities of a customer, as one batch. */
    void insertIdentities(String tenantId, long customerId, List<IdentityRow> rows, Instant at) {
        try (CustomerBatch.Inserts inserts = new CustomerBatch.Inserts(connection, prefix)) {
            for (IdentityRow row : rows) {
                inserts.identity(tenantId, customerId, row, at);
            }
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    int deleteIdentities(String tenantId, long customerId) {
        return IdStatements.execute(connection, "DELETE FROM " + IdentityTable.TABLE.in(prefix) + BY_CUSTOMER,
                List.of(tenantId, customerId));
    }

    int markVerified(String tenantId, long customerId, String idType, String idValue) {
        return IdStatements.execute(connection, "UPDATE " + IdentityTable.TABLE.in(prefix) + " SET verified = TRUE"
                + BY_CUSTOMER + " AND id_type = ? AND id_value = ?", List.of(tenantId, customerId, idType, idValue));
    }

    /** Inserts tags of a customer, as one batch. */
    void insertTags(String tenantId, long customerId, Collection<String> tags, Instant at) {
        try (CustomerBatch.Inserts inserts = new CustomerBatch.Inserts(connection, prefix)) {
            for (String tag : tags) {
                inserts.tag(tenantId, customerId, tag, at);
            }
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    int deleteTags(String tenantId, long customerId, Collection<String> tags) {
        List<Object> values = new ArrayList<>(List.of(tenantId, customerId));
        values.addAll(tags);
        return IdStatements.execute(connection, "DELETE FROM " + TagTable.TABLE.in(prefix) + BY_CUSTOMER
                + " AND tag IN " + placeholders(tags.size()), values);
    }

    /** Inserts custom values of a customer, as one batch. */
    void insertCustomValues(String tenantId, long customerId, List<CustomValueRow> rows) {
        try (CustomerBatch.Inserts inserts = new CustomerBatch.Inserts(connection, prefix)) {
            for (CustomValueRow row : rows) {
                inserts.customValue(tenantId, customerId, row);
            }
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** Deletes the values of the given fields, or of every field when {@code fieldIds} is null. */
    int deleteCustomValues(String tenantId, long customerId, Collection<Long> fieldIds) {
        List<Object> values = new ArrayList<>(List.of(tenantId, customerId));
        String fields = "";
        if (fieldIds != null) {
            values.addAll(fieldIds);
            fields = " AND field_id IN " + placeholders(fieldIds.size());
        }
        return IdStatements.execute(connection, "DELETE FROM " + CustomValueTable.TABLE.in(prefix) + BY_CUSTOMER
                + fields, values);
    }

    /** @return {@code (?, ?, ...)} for a non-empty list of values */
    private static String placeholders(int count) {
        return "(" + "?, ".repeat(count - 1) + "?)";
    }

    private static Long first(List<Long> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
