package io.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * How many customer, identity and tag rows one tenant holds: what a benchmark side actually wrote, so that
 * a benchmark that silently wrote nothing cannot report a fast time.
 *
 * @param customers  rows of the customer table
 * @param identities rows of the identity table (phones and e-mails)
 * @param tags       rows of the tag table
 */
public record RowCounts(long customers, long identities, long tags) {

    /** @return the rows that creating these customers must write */
    static RowCounts expected(List<SampleCustomer> customers) {
        long identities = customers.stream().mapToLong(SampleCustomer::identityCount).sum();
        long tags = customers.stream().mapToLong(customer -> customer.tags().size()).sum();
        return new RowCounts(customers.size(), identities, tags);
    }

    /** @return the rows the tenant holds in the tables with this prefix */
    static RowCounts count(DataSource pool, String prefix, String tenantId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return new RowCounts(count(connection, prefix + "customer", tenantId),
                    count(connection, prefix + "identity", tenantId),
                    count(connection, prefix + "tag", tenantId));
        }
    }

    private static long count(Connection connection, String table, String tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
            statement.setString(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
