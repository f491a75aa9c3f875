package io.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What one tenant's customer, identity and tag rows hold, apart from ids and timestamps: one line of text
 * per customer, sorted. Two tenants with equal lines hold the same rows, which is how the create benchmark
 * proves that its baseline writes what the SDK writes.
 */
final class StoredCustomers {

    private StoredCustomers() {
    }

    /** @return one line per customer of the tenant (and one per identity or tag without customer), sorted */
    static List<String> read(DataSource pool, String prefix, String tenantId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            Map<Long, String> customers = byCustomer(connection, "SELECT id, name, nickname, gender, birthday,"
                    + " company, country, province, city, area, address_detail, remark, source, owner_id, status,"
                    + " stage, created_by, updated_by, version FROM " + prefix + "customer WHERE tenant_id = ?",
                    tenantId);
            Map<Long, String> identities = byCustomer(connection, "SELECT customer_id, id_type, id_value, ordinal,"
                    + " verified FROM " + prefix + "identity WHERE tenant_id = ? ORDER BY customer_id, ordinal",
                    tenantId);
            Map<Long, String> tags = byCustomer(connection, "SELECT customer_id, tag FROM " + prefix + "tag"
                    + " WHERE tenant_id = ? ORDER BY customer_id, tag", tenantId);
            List<String> lines = new ArrayList<>(customers.size());
            customers.forEach((id, customer) -> lines.add(customer + " | identities " + identities.remove(id)
                    + " | tags " + tags.remove(id)));
            identities.values().forEach(orphan -> lines.add("identities without customer " + orphan));
            tags.values().forEach(orphan -> lines.add("tags without customer " + orphan));
            lines.sort(null);
            return lines;
        }
    }

    /** @return the rows of the query (customer id first) joined per customer id, in the query's order */
    private static Map<Long, String> byCustomer(Connection connection, String sql, String tenantId)
            throws SQLException {
        Map<Long, List<String>> rows = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>(columns - 1);
                    for (int column = 2; column <= columns; column++) {
                        values.add(String.valueOf(result.getObject(column)));
                    }
                    rows.computeIfAbsent(result.getLong(1), id -> new ArrayList<>()).add(String.join(",", values));
                }
            }
        }
        Map<Long, String> joined = new HashMap<>();
        rows.forEach((id, values) -> joined.put(id, String.join("; ", values)));
        return joined;
    }
}
