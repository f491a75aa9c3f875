package io.crmkit.impl.merge;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The identities of one type that share their match key with another identity of the tenant, read group by
 * group in key order: one statement that groups the (tenant_id, id_type, match_key) index and reads the rows
 * of the keys held more than once, streamed with a bounded fetch size. Memory holds one group. The groups are
 * counted by rows, not distinct customers (cheaper on every database): a key held twice by one customer reads
 * as a group and gives no pair.
 */
final class KeyGroups {

    private static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final String prefix;
    private final String tenantId;

    KeyGroups(Connection connection, String prefix, String tenantId) {
        this.connection = connection;
        this.prefix = prefix;
        this.tenantId = tenantId;
    }

    /**
     * Hands each group of two or more identities with one key to {@code handler}, ordered by customer id.
     *
     * @param idType    email, phone or external_id (a constant of the SDK)
     * @param withNames whether to read each holder's name into {@link Holder#nameKey()}
     */
    void forEach(String idType, boolean withNames, Consumer<List<Holder>> handler) {
        String sql = "SELECT i.match_key, i.customer_id, i.id_value" + (withNames ? ", c.name" : "")
                + " FROM " + prefix + "identity i"
                + (withNames ? " JOIN " + prefix + "customer c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id"
                        : "")
                + " WHERE i.tenant_id = ? AND i.id_type = ? AND i.match_key IN (SELECT g.match_key FROM " + prefix
                + "identity g WHERE g.tenant_id = ? AND g.id_type = ? AND g.match_key IS NOT NULL"
                + " GROUP BY g.match_key HAVING COUNT(*) > 1) ORDER BY i.match_key, i.customer_id";
        try (PreparedStatement statement = IdStatements.prepare(connection, sql,
                List.of(tenantId, idType, tenantId, idType))) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                List<Holder> group = new ArrayList<>();
                while (rows.next()) {
                    String key = rows.getString(1);
                    if (!group.isEmpty() && !group.get(0).key().equals(key)) {
                        handler.accept(group);
                        group = new ArrayList<>();
                    }
                    group.add(new Holder(rows.getLong(2), rows.getString(3), key,
                            withNames ? NameKey.of(rows.getString(4)) : ""));
                }
                if (!group.isEmpty()) {
                    handler.accept(group);
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }
}
