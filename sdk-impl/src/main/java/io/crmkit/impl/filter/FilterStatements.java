package io.crmkit.impl.filter;

import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.TagTable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of searches on a session's connection. Their conditions were compiled by {@link FilterSql} from
 * whitelisted identifiers and placeholders only; every user value is bound. Short-lived: one per unit of work.
 */
final class FilterStatements {

    /** Rows a streamed key query fetches at a time. */
    private static final int FETCH_SIZE = 1000;

    private final Session session;
    private final String customer;
    private final String tag;

    FilterStatements(Session session) {
        this.session = session;
        this.customer = CustomerTable.TABLE.in(session.prefix());
        this.tag = TagTable.TABLE.in(session.prefix());
    }

    long count(SearchStatement query) {
        return single("SELECT COUNT(*) FROM " + customer + " c WHERE c.tenant_id = ?" + query.where(), query);
    }

    /** @return the customers with any of the tags in {@code query.where()}, counted on the tag index */
    long countTagged(SearchStatement query, boolean distinct) {
        return single("SELECT " + (distinct ? "COUNT(DISTINCT t.customer_id)" : "COUNT(*)") + " FROM " + tag
                + " t WHERE t.tenant_id = ?" + query.where(), query);
    }

    /** @return the flags of one customer, by column alias (in the case the database reports), or null */
    Map<String, Object> flags(SegmentStatement query) {
        List<Object> values = new ArrayList<>();
        String sql = FilterSql.toJdbc("SELECT " + query.columns() + " FROM " + customer + " c WHERE c.tenant_id = ?"
                + " AND c.id = ?", query.params(), values);
        values.add(query.tenantId());
        values.add(query.customerId());
        List<Map<String, Object>> rows = IdStatements.searchRows(session, sql, values, row -> {
            ResultSetMetaData meta = row.getMetaData();
            Map<String, Object> flags = new HashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                flags.put(meta.getColumnLabel(i), row.getObject(i));
            }
            return flags;
        });
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Streams the (createdAt, id) keys of the matching customers in that order, until the planner has enough. */
    void keys(SearchStatement query, SplitPlanner planner) {
        List<Object> values = new ArrayList<>();
        values.add(query.tenantId());
        String sql = FilterSql.toJdbc("SELECT c.created_at, c.id FROM " + customer + " c WHERE c.tenant_id = ?"
                + query.where() + " ORDER BY c.created_at, c.id", query.params(), values);
        try (PreparedStatement statement = IdStatements.prepareSearch(session, sql, values)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                boolean more = true;
                while (more && rows.next()) {
                    more = planner.accept(new SplitKey(IdStatements.instant(rows, 1), rows.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.SearchFailure(e);
        }
    }

    private long single(String sqlWithTenant, SearchStatement query) {
        List<Object> values = new ArrayList<>();
        values.add(query.tenantId());
        String sql = FilterSql.toJdbc(sqlWithTenant, query.params(), values);
        return IdStatements.searchRows(session, sql, values, row -> row.getLong(1)).get(0);
    }
}
