package io.crmkit.impl.identity;

import io.crmkit.impl.db.BoundSql;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.KeySelect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live customers that hold identities, found by the identity table's whole key (tenant_id, id_type, id_value):
 * one statement for a batch of values, a part per identity type and per {@value #VALUES_PER_PART} values, each an
 * indexed look-up as the dialect selects by keys, joined with UNION ALL. Used for a chunk of an import or a restore:
 * the caller bounds the values it asks for. On PostgreSQL each part is one array parameter. Thread-safe.
 */
public final class IdentityHolders {

    /**
     * Values per part: below MariaDB's {@code in_predicate_conversion_threshold} (1,000), from which MariaDB turns an
     * {@code IN} list into a join with a table of the values, a plan that may read every identity of the tenant's
     * type instead of looking each value up (an import chunk of 1,000 rows has 1,000 phones).
     */
    static final int VALUES_PER_PART = 500;

    private final String prefix;
    private final Dialect dialect;

    /** @param prefix the kit's validated table prefix */
    public IdentityHolders(String prefix, Dialect dialect) {
        this.prefix = prefix;
        this.dialect = dialect;
    }

    /**
     * @param valuesByType identity values by type ("phone", "email"...), as stored
     * @return for each type, the customer holding each of its values that one holds
     * @throws IdStatements.StorageFailure when the statement fails
     */
    public Map<String, Map<String, Long>> find(Connection connection, String tenantId,
                                              Map<String, ? extends Collection<String>> valuesByType) {
        Map<String, Map<String, Long>> holders = new HashMap<>();
        StringBuilder union = new StringBuilder();
        List<Object> values = new ArrayList<>();
        valuesByType.forEach((type, typed) -> {
            List<String> all = List.copyOf(typed);
            for (int from = 0; from < all.size(); from += VALUES_PER_PART) {
                BoundSql part = dialect.selectByKeys(KeySelect.select("i.id_type, i.id_value, i.customer_id",
                        prefix + "identity", "i").leading("i.tenant_id = ? AND i.id_type = ?", tenantId, type)
                        .keyIn("id_value", KeySelect.KeyType.TEXT, all.subList(from, Math.min(all.size(),
                                from + VALUES_PER_PART))));
                union.append(union.isEmpty() ? "" : " UNION ALL ").append(part.sql());
                values.addAll(part.values());
            }
        });
        if (union.isEmpty()) {
            return holders;
        }
        try (PreparedStatement statement = IdStatements.prepare(connection, union.toString(), values);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                holders.computeIfAbsent(rows.getString(1), type -> new HashMap<>()).put(rows.getString(2),
                        rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        return holders;
    }
}
