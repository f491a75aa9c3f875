package io.crmkit.impl.filter;

import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.PagePlan;
import io.crmkit.impl.db.PageShape;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.CustomerRatingTable;
import io.crmkit.impl.field.TenantFields;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of searches in one tenant: a page of customer ids (the filter, the keyword, the cursor's keyset,
 * the order, and the plan the {@link Dialect} chooses for the page's shape), the ids after an id for chunked work,
 * and counts. Searches run as plain JDBC, SQL and values in placeholder order: MyBatis's dynamic SQL costs as much
 * as a cheap indexed query, and {@code explain} shows the SQL as it runs. Thread-safe.
 */
final class SearchQueries {

    /** Rows a page's walk may read before the page runs as planned ({@link Dialect#pageWalk}). */
    static final int WALK_ROWS = 20_000;
    /**
     * Rows the walk of a keyword's page on MariaDB may read before the page reads the FULLTEXT indexes, which find few
     * matches in a few milliseconds: a keyword that a few percent of the customers hold fills a page of 50 in fewer
     * rows (each customer counts its row and the look-up of its identities); at 1,000,000 customers, 5,000 rows took
     * 14 ms and 20,000 took 450 ms, when the customers' order was not the one they are stored in.
     */
    static final int KEYWORD_WALK_ROWS = 5_000;
    /**
     * Most customers a keyword may have matched for the chunks of work on them (bulk operations, exports) to read its
     * matches from MariaDB's FULLTEXT indexes: each chunk reads every match (an email domain's 100,000 took 1.9 s for
     * a page; 10,000 should take about a tenth, not measured), in at most 10 chunks of 1,000; the 50 customers of a
     * rare name among 1,000,000
     * took 0.03-0.18 s instead of the walk's 2.0-2.4 s. A keyword of more matches holds 1% of a 1,000,000-customer
     * tenant or more, and a walk in id order fills a chunk of 1,000 in a few hundred thousand rows or fewer.
     */
    static final long INDEXED_CHUNK_MATCHES = 10_000;

    private final TenantCompilers compilers;
    private final Dialect dialect;
    private final String tablePrefix;
    private final String tenantId;

    SearchQueries(TenantCompilers compilers, Dialect dialect, String tablePrefix, String tenantId) {
        this.compilers = compilers;
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.tenantId = tenantId;
    }

    /**
     * The statements of a page, compiled outside any session (compiling a filter may read a saved filter, on a
     * connection of its own).
     *
     * @param first the statement the page runs first: where the database plans the page by reading every match
     *              ({@link Dialect#pageWalk}), a walk in the page's order that stops after a number of rows; else
     *              {@code page} itself
     * @param page  the page as planned
     */
    record PageStatements(Explained first, Explained page) {
    }

    /**
     * The page query (filter, keyword, the cursor's keyset, the order, one row more than the page) and what it runs
     * first. A filtered page without a keyword walks at most {@value #WALK_ROWS} rows first. A keyword's page walks
     * first only where it is planned on MariaDB's FULLTEXT indexes ({@link FilterSql#keywordBranches}), which read
     * every match (100,000 of an email domain at 1,000,000 customers: 1.9 s): the walk, the page as written without
     * those indexes, finds the page of a common keyword in a few thousand rows ({@value #KEYWORD_WALK_ROWS}, with or
     * without a filter). A page sorted by a metric runs as planned.
     */
    PageStatements page(Query query, TenantFields fields) {
        FilterSql sql = compilers.compiler(fields);
        SortKey key = SortKey.of(query.sort().field());
        if (!key.isMetric() && !query.keyword().isBlank()) {
            Optional<FilterSql.KeywordBranches> branches = sql.keywordBranches(query.keyword());
            if (branches.isPresent()) {
                Explained page = indexedKeywordPage(sql, query, key, branches.get());
                return dialect.fullTextKeywordIndexes()
                        ? walkFirst(plainPage(compilers.compiler(fields), query, key), KEYWORD_WALK_ROWS, page)
                        : new PageStatements(page, page);
            }
        }
        Explained page = plainPage(compilers.compiler(fields), query, key);
        return key.isMetric() || query.filter().isEmpty() || !query.keyword().isBlank()
                ? new PageStatements(page, page) : walkFirst(page, WALK_ROWS, page);
    }

    /** @return {@code walked} as a walk of at most {@code rows} rows before {@code page}, where the dialect walks */
    private PageStatements walkFirst(Explained walked, int rows, Explained page) {
        return new PageStatements(dialect.pageWalk(walked.sql(), rows)
                .map(walk -> new Explained(walk, walked.parameters())).orElse(page), page);
    }

    /** The page query with the keyword's condition as {@link FilterSql#keyword(String)} writes it. */
    private Explained plainPage(FilterSql sql, Query query, SortKey key) {
        StringBuilder where = new StringBuilder(conditions(sql, query.filter(), query.keyword()));
        query.cursor().map(text -> Cursor.decode(text, query.sort()))
                .ifPresent(cursor -> where.append(" AND ").append(keyset(sql, key, query.sort(), cursor)));
        String orderBy = orderBy(key, query.sort());
        String direction = query.sort().ascending() ? " ASC" : " DESC";
        PagePlan plan = dialect.customerPage(new PageShape(sql.keywordWasPhone(), !query.keyword().isBlank(),
                sql.wroteSubquery(), query.cursor().isPresent(), key.key().equals("createdAt"), key.isMetric()),
                tablePrefix);
        if (plan.tenantFirst()) {
            orderBy = "c.tenant_id" + direction + ", " + orderBy;
        }
        if (key.isMetric()) {
            // A metric sort reads the metric of every matching customer (a customer may have no metric row).
            List<Object> values = new ArrayList<>();
            values.add(tenantId);
            String jdbc = sql.toJdbc("SELECT c.id, " + key.expression() + " FROM " + tablePrefix + "customer c"
                    + " LEFT JOIN " + CustomerRatingTable.holding(key.column()).in(tablePrefix) + " ms ON"
                    + " ms.tenant_id = c.tenant_id AND ms.customer_id = c.id WHERE c.tenant_id = ?" + where + " ORDER BY " + orderBy + " LIMIT "
                    + (query.pageSize() + 1), values);
            return new Explained(jdbc, values);
        }
        return idsQuery(sql, plan.customerHint(), where.toString(), orderBy, query.pageSize() + 1);
    }

    private static String orderBy(SortKey key, Sort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        return key.key().equals("id") ? "c.id" + direction : key.expression() + direction + ", c.id" + direction;
    }

    /**
     * The page of a keyword the indexes serve (PostgreSQL's trigram indexes, MariaDB's FULLTEXT ones): the first rows, in the page's order, of the
     * customers whose own text holds the keyword and, apart, of those whose identities hold it, then the first of
     * both. Each branch is planned on its own estimate: a keyword of thousands of matches walks the order's index
     * and stops at the page, one of a few reads them from its trigram index; "c.id IN (either)" instead would
     * fetch and sort every match (60,000 matches of an email domain: 0.8 s instead of 10 ms at 1,000,000). On
     * MariaDB, whose FULLTEXT indexes serve the branches there, each branch always reads its index and sorts its
     * matches, so the page runs after a walk in its order that stopped before the page was full ({@link #page}).
     */
    private Explained indexedKeywordPage(FilterSql sql, Query query, SortKey key, FilterSql.KeywordBranches branches) {
        StringBuilder rest = new StringBuilder(conditions(sql, query.filter(), ""));
        query.cursor().map(text -> Cursor.decode(text, query.sort()))
                .ifPresent(cursor -> rest.append(" AND ").append(keyset(sql, key, query.sort(), cursor)));
        String direction = query.sort().ascending() ? " ASC" : " DESC";
        boolean byId = key.key().equals("id");
        return branchesUnion(sql, branches, byId ? "" : ", " + key.expression() + " AS k", rest.toString(),
                orderBy(key, query.sort()), (byId ? "" : "u.k" + direction + ", ") + "u.id" + direction,
                query.pageSize() + 1);
    }

    /**
     * @param columns what each branch selects after {@code c.id} ("" or ", expression AS k")
     * @param rest    the conditions both branches add, each starting with " AND "
     * @param order   each branch's order
     * @param outer   the union's order, on the alias {@code u}
     * @return the first {@code limit} ids, in {@code outer} order, of the customers whose own text holds the keyword
     *         and, apart, of those whose identities hold it: each branch its first {@code limit} in {@code order}
     */
    private Explained branchesUnion(FilterSql sql, FilterSql.KeywordBranches branches, String columns, String rest,
                                    String order, String outer, int limit) {
        String select = "(SELECT c.id" + columns + " FROM " + tablePrefix + "customer c WHERE c.tenant_id = "
                + sql.param(tenantId) + " AND ";
        String tail = rest + " ORDER BY " + order + " LIMIT " + limit + ")";
        List<Object> values = new ArrayList<>();
        String jdbc = sql.toJdbc("SELECT u.id FROM (" + select + branches.customer() + tail + " UNION " + select
                + branches.identities() + tail + ") u ORDER BY " + outer + " LIMIT " + limit, values);
        return new Explained(jdbc, values);
    }

    /**
     * Runs a page: what it runs first, and when that walk stopped at its rows before the page was full, the page
     * as planned.
     *
     * @param sortValues receives the second column of each row (a metric sort's value), when not null
     */
    List<Long> pageIds(Session session, Query query, PageStatements statements, List<Object> sortValues) {
        Explained first = statements.first();
        Explained page = statements.page();
        if (first == page) {
            return ids(session, page, sortValues);
        }
        int limit = query.pageSize() + 1;
        try (PreparedStatement statement = IdStatements.prepareSearch(session, first.sql(), first.parameters())) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            if (ids.size() == limit || !dialect.stoppedAtRowsExamined(statement.getWarnings())) {
                return ids;
            }
        } catch (SQLException e) {
            if (!dialect.stoppedAtRowsExamined(e)) {
                throw new IdStatements.SearchFailure(e);
            }
        }
        return ids(session, page, sortValues);
    }

    /**
     * @param matches how many customers the filter and keyword matched when the work was counted
     *                ({@code Long.MAX_VALUE} when unknown)
     * @return up to {@code limit} ids of customers matching a filter and keyword with ids above {@code afterId},
     *         in id order: a walk of the tenant in id order; on MariaDB, a keyword alone (no filter) that its
     *         FULLTEXT indexes serve and that matched at most {@value #INDEXED_CHUNK_MATCHES} customers reads its
     *         matches from those indexes instead ({@link #indexedKeywordChunk}). With a filter the count says nothing
     *         of the keyword's own matches, which the indexes would read for every chunk.
     */
    Explained idsAfter(Optional<Filter> filter, String keyword, long afterId, int limit, long matches,
                       TenantFields fields) {
        if (indexedChunk(filter, keyword, matches)) {
            FilterSql sql = compilers.compiler(fields);
            Optional<FilterSql.KeywordBranches> branches = sql.keywordBranches(keyword);
            if (branches.isPresent()) {
                return indexedKeywordChunk(sql, afterId, limit, branches.get());
            }
        }
        return walkAfter(filter, keyword, afterId, limit, fields, "c.id");
    }

    /**
     * The statement of {@link #idsAfter} selecting whole customer rows instead of ids, for a reader that wants the
     * rows (an export): the walk reads them anyway to check the filter.
     *
     * @param columns the customer columns to select, qualified by the alias {@code c}
     * @return the statement, or empty where {@link #idsAfter} reads a keyword's indexes
     */
    Optional<Explained> rowsAfter(Optional<Filter> filter, String keyword, long afterId, int limit, long matches,
                                  TenantFields fields, String columns) {
        if (indexedChunk(filter, keyword, matches)) {
            return Optional.empty();
        }
        return Optional.of(walkAfter(filter, keyword, afterId, limit, fields, columns));
    }

    private boolean indexedChunk(Optional<Filter> filter, String keyword, long matches) {
        return matches <= INDEXED_CHUNK_MATCHES && filter.isEmpty() && !keyword.isBlank()
                && dialect.fullTextKeywordIndexes();
    }

    /** The next customers of a filter and keyword after an id, walking the tenant in id order. */
    private Explained walkAfter(Optional<Filter> filter, String keyword, long afterId, int limit, TenantFields fields,
                                String columns) {
        FilterSql sql = compilers.compiler(fields);
        // The tenant in the ORDER BY lets H2 read the key in order and stop at the limit; with "c.id" alone it
        // sorted every remaining id of the tenant for each page (scanCount 500,002 instead of 1,001).
        return select(sql, columns, "", conditions(sql, filter, keyword) + " AND c.id > " + sql.param(afterId),
                dialect.tenantOrder("c.tenant_id", " ASC") + "c.id ASC", limit);
    }

    /**
     * The chunk after an id of a keyword MariaDB's FULLTEXT indexes serve: the first ids above it of the customers
     * whose own text holds the keyword and, apart, of those whose identities hold it, then the first of both. Each
     * branch reads every match from its index and sorts those above the id, so it is for keywords of few matches:
     * walking the tenant in id order instead reads every customer for a rare keyword (an export of a rare name at
     * 1,000,000 customers: 2.0-2.4 s with the table in memory), while a keyword of many matches fills each chunk
     * after a short walk.
     */
    private Explained indexedKeywordChunk(FilterSql sql, long afterId, int limit, FilterSql.KeywordBranches branches) {
        return branchesUnion(sql, branches, "", " AND c.id > " + sql.param(afterId), "c.id ASC", "u.id ASC", limit);
    }

    /**
     * A query of customer ids. The limit is an int written as a literal: a bound LIMIT makes PostgreSQL's generic
     * plan assume a tenth of the table is wanted and pick a parallel plan that costs 20 ms more on a page of 50.
     *
     * @param index a table hint after the customer table, or ""
     */
    private Explained idsQuery(FilterSql sql, String index, String where, String orderBy, int limit) {
        return select(sql, "c.id", index, where, orderBy, limit);
    }

    /** Like {@link #idsQuery}, selecting {@code columns} of the customer {@code c}. */
    private Explained select(FilterSql sql, String columns, String index, String where, String orderBy, int limit) {
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        String jdbc = sql.toJdbc("SELECT " + columns + " FROM " + tablePrefix + "customer c" + index
                + " WHERE c.tenant_id = ?" + where + " ORDER BY " + orderBy + " LIMIT " + limit, values);
        return new Explained(jdbc, values);
    }

    /** Counts the customers of a query, on the tag index alone when the query is one "has any of" tag condition. */
    long count(FilterStatements mapper, Query query, TenantFields fields) {
        if (query.keyword().isBlank() && query.filter().isPresent()) {
            FilterSql sql = compilers.compiler(fields);
            Optional<FilterSql.TagCount> tags = sql.tagCount(query.filter().get());
            if (tags.isPresent()) {
                return mapper.countTagged(new SearchStatement(tenantId, tags.get().where(),
                        sql.params()), tags.get().distinct());
            }
        }
        return mapper.count(counting(query.filter(), query.keyword(), fields));
    }

    /** @return the conditions of a filter and keyword, for the statements of the filter mapper */
    SearchStatement counting(Optional<Filter> filter, String keyword, TenantFields fields) {
        FilterSql sql = compilers.compiler(fields);
        return new SearchStatement(tenantId, conditions(sql, filter, keyword, true), sql.params());
    }

    /** @return the filter's and keyword's conditions, each starting with " AND " */
    static String conditions(FilterSql sql, Optional<Filter> filter, String keyword) {
        return conditions(sql, filter, keyword, false);
    }

    /**
     * @param everyMatch whether the statement reads every matching customer ({@link FilterSql#keyword(String,
     *                   boolean)})
     * @return the filter's and keyword's conditions, each starting with " AND "
     */
    private static String conditions(FilterSql sql, Optional<Filter> filter, String keyword, boolean everyMatch) {
        StringBuilder where = new StringBuilder();
        filter.ifPresent(value -> where.append(" AND ").append(sql.filter(value)));
        if (!keyword.isBlank()) {
            where.append(" AND ").append(sql.keyword(keyword, everyMatch));
        }
        return where.toString();
    }

    /**
     * Runs a query of ids.
     *
     * @param sortValues receives the second column of each row (a metric sort's value), when not null
     */
    static List<Long> ids(Session session, Explained query, List<Object> sortValues) {
        try (PreparedStatement statement = IdStatements.prepareSearch(session, query.sql(), query.parameters());
             ResultSet rows = statement.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
                if (sortValues != null) {
                    Object value = rows.getObject(2);
                    sortValues.add(value instanceof Timestamp || value instanceof LocalDateTime
                            ? IdStatements.instant(rows, 2) : new BigDecimal(value.toString()));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IdStatements.SearchFailure(e);
        }
    }

    /** Rows after the cursor in the sort order: (value, id) beyond the last row's. */
    private static String keyset(FilterSql sql, SortKey key, Sort sort, Cursor cursor) {
        String beyond = sort.ascending() ? " > " : " < ";
        if (key.key().equals("id")) {
            return "c.id" + beyond + sql.param(cursor.id());
        }
        String column = key.expression();
        Object value = cursor.value();
        // The first bound is implied by the rest; it lets the index seek to the cursor instead of filtering.
        return "(" + column + (sort.ascending() ? " >= " : " <= ") + sql.param(value) + " AND (" + column + beyond
                + sql.param(value) + " OR (" + column + " = " + sql.param(value) + " AND c.id" + beyond
                + sql.param(cursor.id()) + ")))";
    }
}
