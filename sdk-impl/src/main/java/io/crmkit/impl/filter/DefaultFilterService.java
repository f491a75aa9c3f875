package io.crmkit.impl.filter;

import io.crmkit.api.Actor;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.filter.Groups;
import io.crmkit.api.filter.ListRow;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.filter.ListViews;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilters;
import io.crmkit.api.filter.SplitTarget;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.field.TenantFields;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link FilterService} for one actor: checks the actor's permissions and arguments, and hands the work to the
 * classes of each job: {@link SearchQueries} (pages and counts), {@link MatchingCustomers} (the chunks of bulk
 * operations and exports), {@link SegmentEvaluator}, {@link SplitWriter} and {@link SavedFilterReferences}.
 */
public final class DefaultFilterService implements FilterService {

    private final Actor actor;
    private final SavedFilters saved;
    private final Groups groups;
    private final ListViews views;
    private final Database database;
    private final CustomerReader customers;
    private final TenantCompilers compilers;
    private final SearchQueries queries;
    private final MatchingCustomers matching;
    private final SegmentEvaluator segments;
    private final SplitWriter splits;
    private final SavedFilterReferences references;
    private final Supplier<List<String>> eventTypes;

    /**
     * @param eventTypes the event types the actor's tenant knows (built-in and registered), for the events fields
     *                   of {@link #fields()}
     */
    public DefaultFilterService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, FieldCatalog fields, PhoneNormalizer phones, List<String> lifecycleStages,
            SegmentCache segmentCache, CustomerReader customers, IdStatements idSql,
            Supplier<List<String>> eventTypes) {
        this.actor = actor;
        this.eventTypes = eventTypes;
        this.database = database;
        this.customers = customers;
        String tenantId = actor.tenantId();
        this.compilers = new TenantCompilers(tablePrefix, tenantId, fields, lifecycleStages, clock, phones, database);
        this.queries = new SearchQueries(compilers, database.dialect(), tablePrefix, tenantId);
        this.matching = new MatchingCustomers(compilers, queries, database, idSql, tablePrefix, tenantId);
        this.segments = new SegmentEvaluator(compilers, database, tenantId);
        this.splits = new SplitWriter(actor, matching, database, ids, clock, audit);
        this.references = new SavedFilterReferences(compilers, database, tenantId);
        this.saved = new DefaultSavedFilters(actor, database, ids, clock, audit, fields, segmentCache, this);
        this.groups = new DefaultGroups(actor, database, ids, clock, audit, this);
        this.views = new DefaultListViews(actor, database, ids, clock, fields);
    }

    @Override
    public ListViews views() {
        return views;
    }

    @Override
    public Page<ListRow> searchView(Query query, String viewName) {
        ValidationException.requireNonNull(viewName, "viewName");
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

    @Override
    public SavedFilters saved() {
        return saved;
    }

    /**
     * @return the ids of the segments the customer is in now; a segment whose filter no longer fits the
     *         tenant's fields (a retired field) or the expanded limit has no members
     */
    List<Long> segmentsOf(long customerId, List<SavedFilterRow> segmentRows) {
        return segments.segmentsOf(customerId, segmentRows);
    }

    /** @return the conditions of a filter, compiled for statements that act on its customers */
    SearchStatement matching(Filter filter) {
        return matching.matching(filter);
    }

    /**
     * @return how many customers match a filter and keyword, as {@code search} would count them
     * @throws ValidationException when the filter does not fit the tenant's fields
     */
    public long countMatching(Optional<Filter> filter, String keyword) {
        return matching.count(filter, keyword);
    }

    /**
     * @param matches how many customers the filter and keyword matched when the work was counted
     *                ({@link #countMatching}; {@code Long.MAX_VALUE} when unknown): few let MariaDB read a keyword's
     *                matches from its FULLTEXT indexes instead of walking the tenant
     * @return up to {@code limit} ids of customers matching a filter and keyword with ids above {@code afterId},
     *         in id order: the chunks of a bulk operation or an export
     */
    public List<Long> idsAfter(Optional<Filter> filter, String keyword, long afterId, int limit, long matches) {
        return matching.idsAfter(filter, keyword, afterId, limit, matches);
    }

    /**
     * The statement of {@link #idsAfter} selecting the customers' rows instead of their ids, for a reader that wants
     * the rows: the walk reads them anyway to check the filter.
     *
     * @param columns the customer columns to select, qualified by the alias {@code c}
     * @return the statement and its values, or empty where {@link #idsAfter} reads a keyword's indexes instead of
     *         walking
     */
    public Optional<Explained> rowsAfter(Optional<Filter> filter, String keyword, long afterId, int limit,
                                         long matches, String columns) {
        return matching.rowsAfter(filter, keyword, afterId, limit, matches, columns);
    }

    /**
     * Compiles a filter and keyword once, for a bulk operation that checks each chunk of customers again inside
     * its transaction, after it locked their rows.
     *
     * @throws ValidationException when the filter does not fit the tenant's fields
     */
    public CompiledMatch compile(Optional<Filter> filter, String keyword) {
        return matching.compile(filter, keyword);
    }

    @Override
    public Explained explain(Query query) {
        ValidationException.requireNonNull(query, "query");
        Access.require(actor, Permission.READ, "search customers");
        return queries.page(query, compilers.fields()).first();
    }

    /**
     * Checks a filter against the tenant's fields and saved filters without running it.
     *
     * @param referencing saved filters the filter will belong to, which it must not refer back to
     */
    void check(Filter filter, Collection<Long> referencing) {
        references.check(filter, referencing);
    }

    /** See {@link SavedFilterReferences#checkReferrers}. */
    void checkReferrers(long id, Filter replacement) {
        references.checkReferrers(id, replacement);
    }

    @Override
    public Page<Customer> search(Query query) {
        ValidationException.requireNonNull(query, "query");
        Access.require(actor, Permission.READ, "search customers");
        TenantFields fields = compilers.fields();
        SearchQueries.PageStatements page = queries.page(query, fields);
        SortKey key = SortKey.of(query.sort().field());
        return database.read("search customers", session -> {
            FilterStatements mapper = new FilterStatements(session);
            List<Object> sortValues = new ArrayList<>();
            List<Long> ids = queries.pageIds(session, query, page, key.isMetric() ? sortValues : null);
            boolean more = ids.size() > query.pageSize();
            List<Customer> items = customers.read(session, actor.tenantId(),
                    more ? ids.subList(0, query.pageSize()) : ids, fields);
            Optional<String> next = Optional.empty();
            if (more && !items.isEmpty()) {
                Customer last = items.get(items.size() - 1);
                next = Optional.of((key.isMetric()
                        ? Cursor.after(query.sort(), sortValues.get(ids.indexOf(last.id())), last.id())
                        : Cursor.after(query.sort(), key, last)).encode());
            }
            OptionalLong total = query.withTotal() ? OptionalLong.of(queries.count(mapper, query, fields))
                    : OptionalLong.empty();
            return new Page<>(items, next, total);
        });
    }

    @Override
    public long count(Filter filter) {
        ValidationException.requireNonNull(filter, "filter");
        Access.require(actor, Permission.READ, "count customers");
        TenantFields fields = compilers.fields();
        return database.read("count customers",
                session -> queries.count(new FilterStatements(session), Query.where(filter), fields));
    }

    @Override
    public List<Filter> split(Filter filter, int parts) {
        ValidationException.requireNonNull(filter, "filter");
        Access.require(actor, Permission.READ, "split customers");
        if (parts < MIN_SPLIT_PARTS || parts > MAX_SPLIT_PARTS) {
            throw ValidationException.of("parts", "out_of_range", "parts: must be between " + MIN_SPLIT_PARTS
                    + " and " + MAX_SPLIT_PARTS + ", got " + parts);
        }
        return splits.split(filter, parts);
    }

    @Override
    public List<Long> saveSplit(Filter filter, int parts, String name, SplitTarget target) {
        ValidationException.requireNonNull(target, "target");
        Access.require(actor, Permission.WRITE, "save a split");
        String prefix = SplitWriter.namePrefix(name);
        return splits.save(split(filter, parts), prefix, target);
    }

    @Override
    public List<FieldMetadata> fields() {
        Access.require(actor, Permission.READ, "describe the filter fields");
        FilterFields whitelist = compilers.whitelist(compilers.fields());
        List<String> types = eventTypes.get();
        int limit = FilterMetadata.optionsToRead();
        return database.read("describe the filter fields", session -> FilterMetadata.describe(whitelist, types,
                new FilterMetadata.Options(new GroupStatements(session).names(actor.tenantId(), limit)),
                new FilterMetadata.Options(new SavedFilterStatements(session).names(actor.tenantId(), limit))));
    }

    @Override
    public Filter parse(String json) {
        return FilterJson.parse(json);
    }

    @Override
    public String toJson(Filter filter) {
        return FilterJson.toJson(ValidationException.requireNonNull(filter, "filter"));
    }
}
