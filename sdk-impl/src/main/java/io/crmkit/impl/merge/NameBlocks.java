package io.crmkit.impl.merge;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.identity.MatchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tenant's emails grouped by their holder's {@link NameKey}, for the similarity rule. SQL cannot order by
 * a name without accents, so the blocks are built in memory, in passes: the emails are streamed once per pass
 * and a pass keeps the names whose hash falls in its share, about {@value #ROWS_PER_PASS} emails. Memory is
 * bounded by that share, not by the tenant; time grows with the tenant times the passes (one pass up to
 * {@value #ROWS_PER_PASS} emails, three for a million customers with 60% emails).
 */
final class NameBlocks {

    static final int ROWS_PER_PASS = 250_000;
    private static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final String prefix;
    private final String tenantId;

    NameBlocks(Connection connection, String prefix, String tenantId) {
        this.connection = connection;
        this.prefix = prefix;
        this.tenantId = tenantId;
    }

    /** Hands each name's emails (two or more, of any customers with that name) to {@code handler}. */
    void forEach(Consumer<List<Holder>> handler) {
        List<Long> count = IdStatements.rows(connection, "SELECT COUNT(*) FROM " + prefix + "identity WHERE"
                + " tenant_id = ? AND id_type = ?", List.of(tenantId, MatchKeys.EMAIL), row -> row.getLong(1));
        int passes = (int) Math.max(1, (count.get(0) + ROWS_PER_PASS - 1) / ROWS_PER_PASS);
        for (int pass = 0; pass < passes; pass++) {
            Map<String, List<Holder>> blocks = read(pass, passes);
            for (List<Holder> block : blocks.values()) {
                if (block.size() > 1) {
                    handler.accept(block);
                }
            }
        }
    }

    private Map<String, List<Holder>> read(int pass, int passes) {
        Map<String, List<Holder>> blocks = new HashMap<>();
        // Customers first: H2 joins in the order written, and reading the customers in key order with each one's
        // emails by the (tenant_id, customer_id) index stays local; the other way round, in email order, a large
        // tenant's customer pages are read at random (the whole search of a million customers on H2: 87 s, not 31).
        String sql = "SELECT i.customer_id, i.id_value, i.match_key, c.name FROM " + prefix + "customer c JOIN "
                + prefix + "identity i ON i.tenant_id = c.tenant_id AND i.customer_id = c.id"
                + " WHERE c.tenant_id = ? AND i.id_type = ? AND i.match_key IS NOT NULL";
        try (PreparedStatement statement = IdStatements.prepare(connection, sql, List.of(tenantId, MatchKeys.EMAIL))) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = NameKey.of(rows.getString(4));
                    if (name.isEmpty() || Math.floorMod(name.hashCode(), passes) != pass) {
                        continue;
                    }
                    blocks.computeIfAbsent(name, key -> new ArrayList<>(2))
                            .add(new Holder(rows.getLong(1), rows.getString(2), rows.getString(3), name));
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        return blocks;
    }
}
