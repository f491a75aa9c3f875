package io.crmkit.impl.merge;

import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the other customers holding identities of one type with given match keys, by the (tenant_id, id_type,
 * match_key) index, {@value #KEYS_PER_STATEMENT} keys per statement. On H2 the keys are a table of one array
 * parameter joined by the index: H2 answers a long {@code IN} list of parameters by scanning the tenant's rows.
 */
final class KeyLookup {

    static final int KEYS_PER_STATEMENT = 500;

    private final Connection connection;
    private final String prefix;
    private final String tenantId;
    private final boolean h2;

    KeyLookup(Connection connection, Dialect dialect, String prefix, String tenantId) {
        this.connection = connection;
        this.prefix = prefix;
        this.tenantId = tenantId;
        this.h2 = dialect == Dialect.H2;
    }

    /** @return the holders, other than {@code exceptCustomer}, of identities of {@code idType} with one of the keys */
    List<Holder> holders(String idType, List<String> keys, long exceptCustomer) {
        List<Holder> holders = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT));
            try (PreparedStatement statement = prepare(idType, chunk, exceptCustomer);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    holders.add(new Holder(rows.getLong(1), rows.getString(2), rows.getString(3),
                            NameKey.of(rows.getString(4))));
                }
            } catch (SQLException e) {
                throw new IdStatements.StorageFailure(e);
            }
        }
        return holders;
    }

    private PreparedStatement prepare(String idType, List<String> keys, long exceptCustomer) throws SQLException {
        String columns = "SELECT i.customer_id, i.id_value, i.match_key, c.name FROM ";
        String customer = " JOIN " + prefix + "customer c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id";
        if (!h2) {
            List<Object> values = new ArrayList<>(keys.size() + 3);
            values.add(tenantId);
            values.add(idType);
            values.addAll(keys);
            values.add(exceptCustomer);
            return IdStatements.prepare(connection, columns + prefix + "identity i" + customer
                    + " WHERE i.tenant_id = ? AND i.id_type = ? AND i.match_key IN " + IdStatements.in(keys.size())
                    + " AND i.customer_id <> ?", values);
        }
        PreparedStatement statement = connection.prepareStatement(columns + "TABLE(k VARCHAR = ?) keys JOIN " + prefix
                + "identity i ON i.tenant_id = ? AND i.id_type = ? AND i.match_key = keys.k" + customer
                + " WHERE i.customer_id <> ?");
        try {
            statement.setArray(1, connection.createArrayOf("VARCHAR", keys.toArray()));
            statement.setString(2, tenantId);
            statement.setString(3, idType);
            statement.setLong(4, exceptCustomer);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
