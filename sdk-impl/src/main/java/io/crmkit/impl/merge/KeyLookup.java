package io.crmkit.impl.merge;

import io.crmkit.impl.db.BoundSql;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.KeySelect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the other customers holding identities of one type with given match keys, by the (tenant_id, id_type,
 * match_key) index, {@value #KEYS_PER_STATEMENT} keys per statement, as the dialect selects by a list of keys
 * ({@link Dialect#selectByKeys}).
 */
final class KeyLookup {

    static final int KEYS_PER_STATEMENT = 500;

    private final Connection connection;
    private final String prefix;
    private final String tenantId;
    private final Dialect dialect;

    KeyLookup(Connection connection, Dialect dialect, String prefix, String tenantId) {
        this.connection = connection;
        this.prefix = prefix;
        this.tenantId = tenantId;
        this.dialect = dialect;
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
        BoundSql select = dialect.selectByKeys(KeySelect.select("i.customer_id, i.id_value, i.match_key, c.name",
                        prefix + "identity", "i")
                .leading("i.tenant_id = ? AND i.id_type = ?", tenantId, idType)
                .keyIn("match_key", KeySelect.KeyType.TEXT, keys)
                .joins(" JOIN " + prefix + "customer c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id")
                .where("i.customer_id <> ?", exceptCustomer));
        return IdStatements.prepare(connection, select.sql(), select.values());
    }
}
