package io.crmkit.impl.filter;

import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.TenantFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customers of one tenant that a filter and keyword match, for work done in chunks: bulk operations and
 * exports count them, page through their ids in id order, and check each chunk again inside its transaction;
 * groups and splits act on them by a statement. Thread-safe.
 */
final class MatchingCustomers {

    private final TenantCompilers compilers;
    private final SearchQueries queries;
    private final Database database;
    private final IdStatements idSql;
    private final String tablePrefix;
    private final String tenantId;

    MatchingCustomers(TenantCompilers compilers, SearchQueries queries, Database database, IdStatements idSql,
                      String tablePrefix, String tenantId) {
        this.compilers = compilers;
        this.queries = queries;
        this.database = database;
        this.idSql = idSql;
        this.tablePrefix = tablePrefix;
        this.tenantId = tenantId;
    }

    /** @return the conditions of a filter, compiled for statements that act on its customers */
    SearchStatement matching(Filter filter) {
        return queries.counting(Optional.of(filter), "", compilers.fields());
    }

    /**
     * @return how many customers match a filter and keyword, as a search would count them
     * @throws io.crmkit.api.error.ValidationException when the filter does not fit the tenant's fields
     */
    long count(Optional<Filter> filter, String keyword) {
        Query query = filter.map(Query::where).orElseGet(Query::all).keyword(keyword);
        TenantFields fields = compilers.fields();
        return database.read("count customers",
                session -> queries.count(new FilterStatements(session), query, fields));
    }

    /**
     * @param matches how many customers matched when the work was counted ({@code Long.MAX_VALUE} when unknown)
     * @return up to {@code limit} ids of customers matching a filter and keyword with ids above {@code afterId},
     *         in id order: the chunks of a bulk operation or an export
     */
    List<Long> idsAfter(Optional<Filter> filter, String keyword, long afterId, int limit, long matches) {
        Explained query = queries.idsAfter(filter, keyword, afterId, limit, matches, compilers.fields());
        return database.read("select customers", session -> SearchQueries.ids(session, query, null));
    }

    /** See {@link SearchQueries#rowsAfter}. */
    Optional<Explained> rowsAfter(Optional<Filter> filter, String keyword, long afterId, int limit, long matches,
                                  String columns) {
        return queries.rowsAfter(filter, keyword, afterId, limit, matches, compilers.fields(), columns);
    }

    /**
     * Compiles a filter and keyword once, for a bulk operation that checks each chunk of customers again inside
     * its transaction, after it locked their rows.
     *
     * @throws io.crmkit.api.error.ValidationException when the filter does not fit the tenant's fields
     */
    CompiledMatch compile(Optional<Filter> filter, String keyword) {
        FilterSql sql = compilers.compiler(compilers.fields());
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        String jdbc = sql.toJdbc("SELECT c.id FROM " + tablePrefix + "customer c WHERE c.tenant_id = ?"
                + SearchQueries.conditions(sql, filter, keyword) + " AND c.id IN ", values);
        return new CompiledMatch(jdbc, values, idSql);
    }
}
