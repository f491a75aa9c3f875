package io.crmkit.impl.filter;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.field.TenantFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the segments one customer is in: each segment's filter as one flag column of a row read for the
 * customer, many segments per statement. The results are cached by {@link SegmentCache}. Thread-safe.
 */
final class SegmentEvaluator {

    /**
     * Segments evaluated per query, as columns of one row; fewer when their conditions, saved filters inlined,
     * would pass {@link Filter#MAX_EXPANDED_CONDITIONS}, so that one statement stays as small as one filter may be.
     */
    static final int SEGMENTS_PER_QUERY = 100;

    private final TenantCompilers compilers;
    private final Database database;
    private final String tenantId;

    SegmentEvaluator(TenantCompilers compilers, Database database, String tenantId) {
        this.compilers = compilers;
        this.database = database;
        this.tenantId = tenantId;
    }

    /**
     * @return the ids of the segments the customer is in now; a segment whose filter no longer fits the
     *         tenant's fields (a retired field) or the expanded limit has no members
     */
    List<Long> segmentsOf(long customerId, List<SavedFilterRow> segments) {
        TenantFields fields = compilers.fields();
        List<Long> member = new ArrayList<>();
        FilterSql sql = compilers.compiler(fields);
        List<String> columns = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (SavedFilterRow row : segments) {
            Filter filter = FilterJson.parse(row.filterJson);
            FilterSql check = compilers.compiler(fields, List.of(row.id));
            try {
                check.filter(filter);
            } catch (ValidationException invalid) {
                continue;
            }
            if (ids.size() == SEGMENTS_PER_QUERY
                    || sql.conditions() + check.conditions() > Filter.MAX_EXPANDED_CONDITIONS) {
                member.addAll(segmentsOf(customerId, sql, columns, ids));
                sql = compilers.compiler(fields);
                columns = new ArrayList<>();
                ids = new ArrayList<>();
            }
            columns.add("CASE WHEN " + sql.filter(filter) + " THEN 1 ELSE 0 END AS s" + ids.size());
            ids.add(row.id);
        }
        member.addAll(segmentsOf(customerId, sql, columns, ids));
        return member;
    }

    /** @return the ids of the segments, one per column of the statement, that the customer is in */
    private List<Long> segmentsOf(long customerId, FilterSql sql, List<String> columns, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SegmentStatement statement = new SegmentStatement(tenantId, customerId, String.join(", ", columns),
                sql.params());
        Map<String, Object> flags = database.read("read segments",
                session -> new FilterStatements(session).flags(statement));
        Map<String, Object> byAlias = new HashMap<>();
        if (flags != null) {
            flags.forEach((alias, value) -> byAlias.put(alias.toLowerCase(Locale.ROOT), value));
        }
        List<Long> member = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (byAlias.get("s" + i) instanceof Number flag && flag.intValue() == 1) {
                member.add(ids.get(i));
            }
        }
        return member;
    }
}
