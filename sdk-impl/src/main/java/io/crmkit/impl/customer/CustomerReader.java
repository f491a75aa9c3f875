package io.crmkit.impl.customer;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.StorageException;
import io.crmkit.impl.db.Database;
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
import io.crmkit.impl.field.TenantFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads many whole customers (row, identities, tags, custom values) with four statements on the session's
 * connection, each listing its table's columns from the schema definition: a list page, an export or a bulk
 * operation reads customers this way thousands of times.
 *
 * <p>The SQL is static but for the number of ids (on PostgreSQL the children's statements not even that: one array
 * parameter); values are bound, the table prefix was validated when the kit was built. Thread-safe.
 */
public final class CustomerReader {

    /** Most ids per call. */
    public static final int MAX_IDS = IdStatements.MAX_IDS;

    private static List<Identity> identities(List<IdentityRow> rows) {
        if (rows == null) {
            return List.of();
        }
        rows.sort(java.util.Comparator.comparingInt(row -> row.ordinal));
        return rows.stream().map(IdentityKinds::toIdentity).toList();
    }

    private static List<String> sorted(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        java.util.Collections.sort(tags);
        return tags;
    }

    private static List<CustomValueRow> values(List<CustomValueRow> rows) {
        if (rows == null) {
            return List.of();
        }
        rows.sort(java.util.Comparator.<CustomValueRow>comparingLong(row -> row.fieldId)
                .thenComparingInt(row -> row.ordinal));
        return rows;
    }

    private static final String CUSTOMER_COLUMNS = CustomerTable.TABLE.list();
    /** The identity columns a {@link Customer} shows, after the customer's id. */
    private static final List<Column> IDENTITY_READ = List.of(IdentityTable.ID_TYPE, IdentityTable.ID_VALUE,
            IdentityTable.ORDINAL, IdentityTable.VERIFIED);
    /** A child row's columns, the customer's id first. */
    private static final String IDENTITY_COLUMNS = "customer_id, " + Table.list(IDENTITY_READ);
    private static final String VALUE_COLUMNS = "customer_id, "
            + Table.list(CustomValueTable.TABLE.except(CustomValueTable.CUSTOMER_ID));

    private final IdStatements sql;
    private final String customerTable;
    private final String identityTable;
    private final String tagTable;
    private final String customValueTable;

    /**
     * @param tablePrefix the validated prefix of the tables to read: the kit's, or the kit's followed by
     *                    {@code trash_} for the trash, whose tables have the same columns
     */
    public CustomerReader(String tablePrefix, IdStatements sql) {
        this.sql = sql;
        this.customerTable = CustomerTable.TABLE.in(tablePrefix);
        this.identityTable = IdentityTable.TABLE.in(tablePrefix);
        this.tagTable = TagTable.TABLE.in(tablePrefix);
        this.customValueTable = CustomValueTable.TABLE.in(tablePrefix);
    }

    /**
     * @param session the caller's session, whose transaction the reads join
     * @param ids     1 to {@value #MAX_IDS} ids (none gives an empty list)
     * @return the customers of the tenant among {@code ids}, in the order of {@code ids}; ids of no customer
     *         are left out
     * @throws StorageException on a database failure
     */
    public List<Customer> read(Session session, String tenantId, List<Long> ids, TenantFields fields) {
        return read(session, tenantId, ids, fields, true);
    }

    /**
     * Like {@link #read(Session, String, List, TenantFields)}; without {@code customValues} the customers come
     * with no custom values and one statement fewer runs, for a caller that shows none (an export of built-in
     * columns).
     */
    public List<Customer> read(Session session, String tenantId, List<Long> ids, TenantFields fields,
                               boolean customValues) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("read at most " + MAX_IDS + " customers at once, got " + ids.size());
        }
        Connection connection = session.getConnection();
        try {
            Map<Long, CustomerRow> rows = new HashMap<>(ids.size() * 2);
            try (PreparedStatement statement = sql.selectByIds(connection, CUSTOMER_COLUMNS,
                    customerTable, "id", tenantId, ids, "");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    CustomerRow row = customerRow(result);
                    rows.put(row.id(), row);
                }
            }
            return assembleByIds(connection, tenantId, rows, ids, fields, customValues);
        } catch (SQLException e) {
            throw Database.failure("read customers", e);
        }
    }

    /** {@link #assemble} with the child rows read by the customers' ids. */
    private List<Customer> assembleByIds(Connection connection, String tenantId, Map<Long, CustomerRow> rows,
                                         List<Long> ids, TenantFields fields, boolean customValues)
            throws SQLException {
        // No ORDER BY: on H2 it turns the join of the ids into a scan of the tenant's rows in index order.
        return assemble(rows, ids, (columns, table) -> sql.selectByIds(connection, columns, table, "customer_id",
                tenantId, ids, ""), fields, customValues);
    }

    /** @return the customer columns a search statement selects for {@link #readFound}, qualified by {@code c} */
    public static String foundColumns() {
        return Table.list("c", CustomerTable.TABLE.columns());
    }

    /**
     * Reads the customers a search statement finds, selecting {@link #foundColumns} (a filter's next customers in id
     * order, for an export), with their child rows by their ids: the statement of the ids reads the rows anyway to
     * check the filter, so this is one statement fewer than the ids and then {@link #read}. The statement runs with
     * the session's search timeout.
     *
     * @param query      the statement
     * @param parameters its values, in order
     * @return the customers, in the statement's order
     * @throws IdStatements.SearchFailure when the search statement fails (a timeout among others)
     * @throws StorageException on a failure of the child rows' statements
     */
    public List<Customer> readFound(Session session, String tenantId, String query, List<Object> parameters,
                                    TenantFields fields, boolean customValues) {
        Map<Long, CustomerRow> rows = new LinkedHashMap<>();
        try (PreparedStatement statement = IdStatements.prepareSearch(session, query, parameters);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                CustomerRow row = customerRow(result);
                rows.put(row.id(), row);
            }
        } catch (SQLException e) {
            throw new IdStatements.SearchFailure(e);
        }
        if (rows.size() > MAX_IDS) {
            throw new IllegalArgumentException("read at most " + MAX_IDS + " customers at once, got " + rows.size());
        }
        try {
            return assembleByIds(session.getConnection(), tenantId, rows, List.copyOf(rows.keySet()), fields,
                    customValues);
        } catch (SQLException e) {
            throw Database.failure("read customers", e);
        }
    }

    /**
     * Reads the tenant's next customers in id order, each table by a range of its key: the fastest way through
     * all of a tenant's customers (an export of everyone), with none of the id lists {@link #read} binds.
     *
     * @param afterId the last id of the previous page, {@link Long#MIN_VALUE} for the first
     * @param limit   1 to {@value #MAX_IDS}
     * @return up to {@code limit} customers with ids above {@code afterId}, in id order; empty after the last
     * @throws StorageException on a database failure
     */
    public List<Customer> readAfter(Session session, String tenantId, long afterId, int limit,
                                    TenantFields fields, boolean customValues) {
        if (limit < 1 || limit > MAX_IDS) {
            throw new IllegalArgumentException("read 1 to " + MAX_IDS + " customers at once, got " + limit);
        }
        Connection connection = session.getConnection();
        try {
            Map<Long, CustomerRow> rows = new LinkedHashMap<>(limit * 2);
            long lastRead = afterId;
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + CUSTOMER_COLUMNS + " FROM "
                    + customerTable + " WHERE tenant_id = ? AND id > ? ORDER BY " + sql.dialect().tenantOrder("tenant_id", "")
                    + "id LIMIT " + limit)) {
                statement.setString(1, tenantId);
                statement.setLong(2, afterId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        CustomerRow row = customerRow(result);
                        rows.put(row.id(), row);
                        lastRead = row.id();
                    }
                }
            }
            long lastId = lastRead;
            // Child rows of customers created in the range meanwhile are read too, and left out below.
            return assemble(rows, rows.keySet(), (columns, table) -> {
                PreparedStatement statement = connection.prepareStatement("SELECT " + columns + " FROM " + table
                        + " WHERE tenant_id = ? AND customer_id > ? AND customer_id <= ?");
                statement.setString(1, tenantId);
                statement.setLong(2, afterId);
                statement.setLong(3, lastId);
                return statement;
            }, fields, customValues);
        } catch (SQLException e) {
            throw Database.failure("read customers", e);
        }
    }

    private static CustomerRow customerRow(ResultSet result) throws SQLException {
        return new CustomerRow(Row.read(CustomerTable.TABLE, result));
    }

    /** Prepares a select of the given columns of a child table's rows of the customers being read. */
    private interface ChildSelect {
        PreparedStatement prepare(String columns, String table) throws SQLException;
    }

    /** Reads the child rows of {@code rows} and builds the customers, in the order of {@code order}. */
    private List<Customer> assemble(Map<Long, CustomerRow> rows, Iterable<Long> order, ChildSelect children,
                                    TenantFields fields, boolean customValues) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<IdentityRow>> identitiesById = new HashMap<>(rows.size() * 2);
        try (PreparedStatement statement = children.prepare(IDENTITY_COLUMNS, identityTable);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Row row = new Row(IdentityTable.TABLE).set(IdentityTable.CUSTOMER_ID, result.getLong(1))
                        .read(result, IDENTITY_READ, 2);
                identitiesById.computeIfAbsent(result.getLong(1), id -> new ArrayList<>(2)).add(IdentityRow.of(row));
            }
        }
        Map<Long, List<String>> tagsById = new HashMap<>(rows.size() * 2);
        try (PreparedStatement statement = children.prepare("customer_id, tag", tagTable);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                tagsById.computeIfAbsent(result.getLong(1), id -> new ArrayList<>(4)).add(result.getString(2));
            }
        }
        Map<Long, List<CustomValueRow>> valuesById = new HashMap<>(rows.size() * 2);
        if (customValues) {
            List<Column> valueColumns =
                    CustomValueTable.TABLE.except(CustomValueTable.CUSTOMER_ID);
            try (PreparedStatement statement = children.prepare(VALUE_COLUMNS, customValueTable);
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    CustomValueRow row = CustomValueRow.of(new Row(CustomValueTable.TABLE)
                            .set(CustomValueTable.CUSTOMER_ID, result.getLong(1)).read(result, valueColumns, 2));
                    valuesById.computeIfAbsent(row.customerId, id -> new ArrayList<>(2)).add(row);
                }
            }
        }
        List<Customer> loaded = new ArrayList<>(rows.size());
        for (Long id : order) {
            CustomerRow row = rows.get(id);
            if (row != null) {
                loaded.add(row.toCustomer(identities(identitiesById.get(id)),
                        sorted(tagsById.get(id)), CustomerStore.custom(values(valuesById.get(id)), fields)));
            }
        }
        return loaded;
    }
}
