package io.crmkit.impl.filter;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.filter.Groups;
import io.crmkit.api.filter.ListRow;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.filter.ListViews;
import io.crmkit.api.filter.Page;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilters;
import io.crmkit.api.filter.Sort;
import io.crmkit.api.filter.SplitTarget;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.PagePlan;
import io.crmkit.impl.db.PageShape;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/** {@link FilterService} for one actor. */
public final class DefaultFilterService implements FilterService {

    private final Actor actor;
    private final KitContext kit;
    private final SavedFilters saved;
    private final Groups groups;
    private final ListViews views;

    public DefaultFilterService(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
        this.saved = new DefaultSavedFilters(actor, kit, this);
        this.groups = new DefaultGroups(actor, kit, this);
        this.views = new DefaultListViews(actor, kit);
    }

    @Override
    public ListViews views() {
        return views;
    }

    @Override
    public Page<ListRow> searchView(Query query, String viewName) {
        Objects.requireNonNull(viewName, "viewName");
        ListView view = views.find(viewName).orElseThrow(() -> new NotFoundException("actor '" + actor.actorId()
                + "' has no list view '" + viewName + "'"));
        Page<Customer> page = search(query);
        Function<Customer, Map<String, Object>> values = ListColumns.values(view.columns());
        List<ListRow> rows = page.items().stream()
                .map(customer -> new ListRow(customer.id(), values.apply(customer))).toList();
        return new Page<>(rows, page.nextCursor(), page.total());
    }

    @Override
    public Groups groups() {
        return groups;
    }

    /** Longest name of a saved split (the part number follows). */
    private static final int SPLIT_NAME_MAX = 70;

    /**
     * Segments evaluated per query, as columns of one row; fewer when their conditions, saved filters inlined,
     * would pass {@link Filter#MAX_EXPANDED_CONDITIONS}, so that one statement stays as small as one filter may be.
     */
    private static final int SEGMENTS_PER_QUERY = 100;

    /**
     * @return the ids of the segments the customer is in now; a segment whose filter no longer fits the
     *         tenant's fields (a retired field) or the expanded limit has no members
     */
    List<Long> segmentsOf(long customerId, List<SavedFilterRow> segments) {
        TenantFields fields = kit.fields().of(actor.tenantId());
        List<Long> member = new ArrayList<>();
        FilterSql sql = compiler(fields, List.of());
        List<String> columns = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (SavedFilterRow row : segments) {
            Filter filter = FilterJson.parse(row.filterJson);
            FilterSql check = compiler(fields, List.of(row.id));
            try {
                check.filter(filter);
            } catch (ValidationException invalid) {
                continue;
            }
            if (ids.size() == SEGMENTS_PER_QUERY
                    || sql.conditions() + check.conditions() > Filter.MAX_EXPANDED_CONDITIONS) {
                member.addAll(segmentsOf(customerId, sql, columns, ids));
                sql = compiler(fields, List.of());
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
        SegmentStatement statement = new SegmentStatement(actor.tenantId(), customerId, String.join(", ", columns),
                sql.params());
        Map<String, Object> flags = kit.database().read("read segments",
                session -> session.getMapper(FilterMapper.class).flags(statement));
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

    /** @return the conditions of a filter, compiled for statements that act on its customers */
    SearchStatement matching(Filter filter) {
        return counting(Query.where(filter), kit.fields().of(actor.tenantId()));
    }

    /**
     * @return how many customers match a filter and keyword, as {@code search} would count them
     * @throws ValidationException when the filter does not fit the tenant's fields
     */
    public long countMatching(Optional<Filter> filter, String keyword) {
        Query query = filter.map(Query::where).orElseGet(Query::all).keyword(keyword);
        TenantFields fields = kit.fields().of(actor.tenantId());
        return kit.database().read("count customers",
                session -> count(session.getMapper(FilterMapper.class), query, fields));
    }

    /**
     * @return up to {@code limit} ids of customers matching a filter and keyword with ids above {@code afterId},
     *         in id order: the chunks of a bulk operation
     */
    public List<Long> idsAfter(Optional<Filter> filter, String keyword, long afterId, int limit) {
        TenantFields fields = kit.fields().of(actor.tenantId());
        FilterSql sql = compiler(fields, List.of());
        // The tenant in the ORDER BY lets H2 read the key in order and stop at the limit; with "c.id" alone it
        // sorted every remaining id of the tenant for each page (scanCount 500,002 instead of 1,001).
        Explained query = idsQuery(sql, conditions(sql, filter, keyword) + " AND c.id > " + sql.param(afterId),
                "c.tenant_id ASC, c.id ASC", limit);
        return kit.database().read("select customers", session -> ids(session, query));
    }

    /**
     * Compiles a filter and keyword once, for a bulk operation that checks each chunk of customers again inside
     * its transaction, after it locked their rows.
     *
     * @throws ValidationException when the filter does not fit the tenant's fields
     */
    public CompiledMatch compile(Optional<Filter> filter, String keyword) {
        FilterSql sql = compiler(kit.fields().of(actor.tenantId()), List.of());
        List<Object> values = new ArrayList<>();
        values.add(actor.tenantId());
        String jdbc = sql.toJdbc("SELECT c.id FROM " + kit.tablePrefix() + "customer c WHERE c.tenant_id = ?"
                + conditions(sql, filter, keyword) + " AND c.id IN ", values);
        return new CompiledMatch(jdbc, values, kit.idSql());
    }

    @Override
    public SavedFilters saved() {
        return saved;
    }

    @Override
    public Explained explain(Query query) {
        Objects.requireNonNull(query, "query");
        Access.require(actor, Permission.READ, "search customers");
        return pageQuery(query, kit.fields().of(actor.tenantId()));
    }

    /**
     * Checks a filter against the tenant's fields and saved filters without running it.
     *
     * @param referencing saved filters the filter will belong to, which it must not refer back to
     */
    void check(Filter filter, Collection<Long> referencing) {
        compiler(kit.fields().of(actor.tenantId()), referencing).filter(filter);
    }

    /**
     * Checks that the saved filters that refer to saved filter {@code id}, directly or through others, stay within
     * {@link Filter#MAX_EXPANDED_CONDITIONS} with {@code replacement} in its place. Reads the tenant's saved filters
     * once; a referrer that fails for another reason (a field retired since) is left to fail when it is used.
     *
     * @throws ValidationException on field {@code filter}, code {@code too_many}, naming the first referrer that
     *                             would pass the limit
     */
    void checkReferrers(long id, Filter replacement) {
        List<SavedFilterRow> rows = kit.database().read("list saved filters",
                session -> session.getMapper(SavedFilterMapper.class).list(actor.tenantId()));
        Map<Long, Filter> byId = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        rows.forEach(row -> {
            byId.put(row.id, FilterJson.parse(row.filterJson));
            names.put(row.id, row.name);
        });
        byId.put(id, replacement);
        TenantFields fields = kit.fields().of(actor.tenantId());
        for (long referrer : referrers(byId, id)) {
            FilterSql sql = compiler(fields, List.of(referrer), other -> Optional.ofNullable(byId.get(other)));
            try {
                sql.filter(byId.get(referrer));
            } catch (ValidationException invalid) {
                boolean tooLarge = invalid.errors().stream().anyMatch(error -> error.code().equals("too_many")
                        && error.limit().equals(Optional.of(String.valueOf(Filter.MAX_EXPANDED_CONDITIONS))));
                if (tooLarge) {
                    throw new ValidationException(List.of(FieldError.of("filter", "too_many", "filter: saved filter '"
                            + names.get(referrer) + "' (" + referrer + ") refers to this one and would then hold more"
                            + " than " + Filter.MAX_EXPANDED_CONDITIONS + " conditions with every saved filter it"
                            + " refers to inlined; change that one first", Filter.MAX_EXPANDED_CONDITIONS)));
                }
            }
        }
    }

    /** @return the saved filters that refer to {@code id} directly or through others, nearest first */
    private static List<Long> referrers(Map<Long, Filter> byId, long id) {
        Map<Long, List<Long>> referredBy = new HashMap<>();
        byId.forEach((referrer, filter) -> SavedFilterInliner.references(filter)
                .forEach(target -> referredBy.computeIfAbsent(target, ignored -> new ArrayList<>()).add(referrer)));
        Set<Long> found = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(List.of(id));
        while (!next.isEmpty()) {
            for (long referrer : referredBy.getOrDefault(next.poll(), List.of())) {
                if (referrer != id && found.add(referrer)) {
                    next.add(referrer);
                }
            }
        }
        return new ArrayList<>(found);
    }

    private FilterSql compiler(TenantFields fields, Collection<Long> referencing) {
        return compiler(fields, referencing, this::savedFilter);
    }

    /** @param savedFilters looks up the filter of a saved filter of the tenant */
    private FilterSql compiler(TenantFields fields, Collection<Long> referencing,
                               Function<Long, Optional<Filter>> savedFilters) {
        return new FilterSql(kit.tablePrefix(), actor.tenantId(), new FilterFields(fields, kit.lifecycleStages()),
                kit.clock(), kit.phones(), savedFilters, referencing);
    }

    private Optional<Filter> savedFilter(long id) {
        return Optional.ofNullable(kit.database().read("read a saved filter",
                        session -> session.getMapper(SavedFilterMapper.class).find(actor.tenantId(), id)))
                .map(row -> FilterJson.parse(row.filterJson));
    }

    @Override
    public Page<Customer> search(Query query) {
        Objects.requireNonNull(query, "query");
        Access.require(actor, Permission.READ, "search customers");
        TenantFields fields = kit.fields().of(actor.tenantId());
        Explained page = pageQuery(query, fields);
        SortKey key = SortKey.of(query.sort().field());
        return kit.database().read("search customers", session -> {
            FilterMapper mapper = session.getMapper(FilterMapper.class);
            List<Object> sortValues = new ArrayList<>();
            List<Long> ids = ids(session, page, key.isMetric() ? sortValues : null);
            boolean more = ids.size() > query.pageSize();
            List<Customer> items = kit.customers().read(session, actor.tenantId(),
                    more ? ids.subList(0, query.pageSize()) : ids, fields);
            Optional<String> next = Optional.empty();
            if (more && !items.isEmpty()) {
                Customer last = items.get(items.size() - 1);
                next = Optional.of((key.isMetric()
                        ? Cursor.after(query.sort(), sortValues.get(ids.indexOf(last.id())), last.id())
                        : Cursor.after(query.sort(), key, last)).encode());
            }
            OptionalLong total = query.withTotal() ? OptionalLong.of(count(mapper, query, fields))
                    : OptionalLong.empty();
            return new Page<>(items, next, total);
        });
    }

    @Override
    public long count(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        Access.require(actor, Permission.READ, "count customers");
        TenantFields fields = kit.fields().of(actor.tenantId());
        return kit.database().read("count customers",
                session -> count(session.getMapper(FilterMapper.class), Query.where(filter), fields));
    }

    /** Counts the customers of a query, on the tag index alone when the query is one "has any of" tag condition. */
    private long count(FilterMapper mapper, Query query, TenantFields fields) {
        if (query.keyword().isBlank() && query.filter().isPresent()) {
            FilterSql sql = compiler(fields, List.of());
            Optional<FilterSql.TagCount> tags = sql.tagCount(query.filter().get());
            if (tags.isPresent()) {
                return mapper.countTagged(new SearchStatement(actor.tenantId(), tags.get().where(),
                        sql.params()), tags.get().distinct());
            }
        }
        return mapper.count(counting(query, fields));
    }

    @Override
    public List<Filter> split(Filter filter, int parts) {
        Objects.requireNonNull(filter, "filter");
        Access.require(actor, Permission.READ, "split customers");
        if (parts < MIN_SPLIT_PARTS || parts > MAX_SPLIT_PARTS) {
            throw ValidationException.of("parts", "out_of_range", "parts: must be between " + MIN_SPLIT_PARTS
                    + " and " + MAX_SPLIT_PARTS + ", got " + parts);
        }
        SearchStatement matching = matching(filter);
        SplitPlanner planner = kit.database().stream("split customers", session -> {
            FilterMapper mapper = session.getMapper(FilterMapper.class);
            SplitPlanner plan = new SplitPlanner(mapper.count(matching), parts);
            mapper.keys(matching, plan);
            return plan;
        });
        return planner.filters(filter);
    }

    @Override
    public List<Long> saveSplit(Filter filter, int parts, String name, SplitTarget target) {
        Objects.requireNonNull(target, "target");
        Access.require(actor, Permission.WRITE, "save a split");
        Errors errors = new Errors();
        String prefix = errors.requiredText("name", name, SPLIT_NAME_MAX, "a split");
        errors.throwIfAny();
        List<Filter> split = split(filter, parts);
        List<SearchStatement> members = target == SplitTarget.GROUPS ? split.stream().map(this::matching).toList()
                : List.of();
        Instant now = kit.clock().instant();
        try {
            return kit.database().write("save a split", session -> {
                List<Long> ids = new ArrayList<>();
                for (int part = 0; part < split.size(); part++) {
                    long id = kit.ids().next();
                    String partName = prefix + " " + (part + 1) + "/" + split.size();
                    if (target == SplitTarget.GROUPS) {
                        session.getMapper(GroupMapper.class).insert(GroupRow.of(actor.tenantId(), id, partName,
                                actor.actorId(), now));
                        session.getMapper(GroupMapper.class).addMatching(members.get(part), id, now);
                    } else {
                        session.getMapper(SavedFilterMapper.class).insert(SavedFilterRow.of(actor.tenantId(), id,
                                partName, FilterJson.toJson(split.get(part)), actor.actorId(), now));
                    }
                    ids.add(id);
                }
                requireWithinLimit(session, target);
                kit.audit().record(session, actor, "filter.split", target.name().toLowerCase(Locale.ROOT), ids.get(0),
                        split.size() + " part(s)");
                return ids;
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a " + (target == SplitTarget.GROUPS ? "group" : "saved filter") + " named '"
                    + prefix + " <n>/" + parts + "' exists already; choose another name");
        }
    }

    private void requireWithinLimit(SqlSession session, SplitTarget target) {
        int count = target == SplitTarget.GROUPS ? session.getMapper(GroupMapper.class).count(actor.tenantId())
                : session.getMapper(SavedFilterMapper.class).count(actor.tenantId());
        int limit = target == SplitTarget.GROUPS ? Groups.MAX_GROUPS : SavedFilters.MAX_SAVED_FILTERS;
        if (count > limit) {
            throw ValidationException.of("parts", "too_many", "parts: the tenant would have " + count + " "
                    + (target == SplitTarget.GROUPS ? "groups" : "saved filters") + ", at most " + limit);
        }
    }

    @Override
    public Filter parse(String json) {
        return FilterJson.parse(json);
    }

    @Override
    public String toJson(Filter filter) {
        return FilterJson.toJson(Objects.requireNonNull(filter, "filter"));
    }

    /** The page query: filter, keyword, the cursor's keyset, the order, one row more than the page. */
    private Explained pageQuery(Query query, TenantFields fields) {
        FilterSql sql = compiler(fields, List.of());
        StringBuilder where = new StringBuilder(conditions(sql, query.filter(), query.keyword()));
        SortKey key = SortKey.of(query.sort().field());
        query.cursor().map(text -> Cursor.decode(text, query.sort()))
                .ifPresent(cursor -> where.append(" AND ").append(keyset(sql, key, query.sort(), cursor)));
        String direction = query.sort().ascending() ? " ASC" : " DESC";
        String orderBy = key.key().equals("id") ? "c.id" + direction
                : key.expression() + direction + ", c.id" + direction;
        PagePlan plan = kit.database().dialect().customerPage(new PageShape(sql.keywordWasPhone(),
                !query.keyword().isBlank(), sql.wroteSubquery(), query.cursor().isPresent(),
                key.key().equals("createdAt"), key.isMetric()), kit.tablePrefix());
        if (plan.tenantFirst()) {
            orderBy = "c.tenant_id" + direction + ", " + orderBy;
        }
        if (key.isMetric()) {
            // A metric sort reads the metric of every matching customer (a customer may have no metric row).
            List<Object> values = new ArrayList<>();
            values.add(actor.tenantId());
            String jdbc = sql.toJdbc("SELECT c.id, " + key.expression() + " FROM " + kit.tablePrefix() + "customer c"
                    + " LEFT JOIN " + kit.tablePrefix() + "customer_metric ms ON ms.tenant_id = c.tenant_id AND"
                    + " ms.customer_id = c.id WHERE c.tenant_id = ?" + where + " ORDER BY " + orderBy + " LIMIT "
                    + (query.pageSize() + 1), values);
            return new Explained(jdbc, values);
        }
        return idsQuery(sql, plan.customerHint(), where.toString(), orderBy, query.pageSize() + 1);
    }

    /**
     * A query of customer ids as plain JDBC, SQL and values in placeholder order. Searches run it without
     * MyBatis, whose dynamic SQL costs as much as a cheap indexed query; {@code explain} shows it as it runs.
     * The limit is an int written as a literal: a bound LIMIT makes PostgreSQL's generic plan assume a tenth
     * of the table is wanted and pick a parallel plan that costs 20 ms more on a page of 50.
     */
    private Explained idsQuery(FilterSql sql, String where, String orderBy, int limit) {
        return idsQuery(sql, "", where, orderBy, limit);
    }

    /** @param index a table hint after the customer table, or "" */
    private Explained idsQuery(FilterSql sql, String index, String where, String orderBy, int limit) {
        List<Object> values = new ArrayList<>();
        values.add(actor.tenantId());
        String jdbc = sql.toJdbc("SELECT c.id FROM " + kit.tablePrefix() + "customer c" + index
                + " WHERE c.tenant_id = ?" + where + " ORDER BY " + orderBy + " LIMIT " + limit, values);
        return new Explained(jdbc, values);
    }

    private List<Long> ids(SqlSession session, Explained query) {
        return ids(session, query, null);
    }

    /** @param sortValues receives the second column of each row (a metric sort's value), when not null */
    private List<Long> ids(SqlSession session, Explained query, List<Object> sortValues) {
        try (PreparedStatement statement = IdStatements.prepare(session.getConnection(), query.sql(),
                query.parameters()); ResultSet rows = statement.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
                if (sortValues != null) {
                    Object value = rows.getObject(2);
                    sortValues.add(value instanceof java.sql.Timestamp || value instanceof java.time.LocalDateTime
                            ? IdStatements.instant(rows, 2) : new java.math.BigDecimal(value.toString()));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    private SearchStatement counting(Query query, TenantFields fields) {
        FilterSql sql = compiler(fields, List.of());
        return new SearchStatement(actor.tenantId(), conditions(sql, query.filter(), query.keyword()),
                sql.params());
    }

    private static String conditions(FilterSql sql, Optional<Filter> filter, String keyword) {
        StringBuilder where = new StringBuilder();
        filter.ifPresent(value -> where.append(" AND ").append(sql.filter(value)));
        if (!keyword.isBlank()) {
            where.append(" AND ").append(sql.keyword(keyword));
        }
        return where.toString();
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
