package io.crmkit.spring;

import io.crmkit.api.Page;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.filter.Groups;
import io.crmkit.api.filter.ListRow;
import io.crmkit.api.filter.ListViews;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilters;
import io.crmkit.api.filter.SplitTarget;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Times searches on {@code crmkit.searches}, tagged {@code kind=search} ({@code search}), {@code view}
 * ({@code searchView}) or {@code count}; the rest passes through.
 */
final class MeteredFilters implements FilterService {

    private static final Tags SEARCH = Tags.of("kind", "search");
    private static final Tags VIEW = Tags.of("kind", "view");
    private static final Tags COUNT = Tags.of("kind", "count");

    private final FilterService filters;
    private final CrmMeters meters;

    MeteredFilters(FilterService filters, CrmMeters meters) {
        this.filters = filters;
        this.meters = meters;
    }

    @Override
    public Page<Customer> search(Query query) {
        return meters.time(CrmMeters.SEARCHES, SEARCH, () -> filters.search(query));
    }

    @Override
    public Page<ListRow> searchView(Query query, String viewName) {
        return meters.time(CrmMeters.SEARCHES, VIEW, () -> filters.searchView(query, viewName));
    }

    @Override
    public long count(Filter filter) {
        return meters.time(CrmMeters.SEARCHES, COUNT, () -> filters.count(filter));
    }

    @Override
    public List<FieldMetadata> fields() {
        return filters.fields();
    }

    @Override
    public Filter parse(String json) {
        return filters.parse(json);
    }

    @Override
    public String toJson(Filter filter) {
        return filters.toJson(filter);
    }

    @Override
    public Explained explain(Query query) {
        return filters.explain(query);
    }

    @Override
    public List<Filter> split(Filter filter, int parts) {
        return filters.split(filter, parts);
    }

    @Override
    public List<Long> saveSplit(Filter filter, int parts, String name, SplitTarget target) {
        return filters.saveSplit(filter, parts, name, target);
    }

    @Override
    public SavedFilters saved() {
        return filters.saved();
    }

    @Override
    public Groups groups() {
        return filters.groups();
    }

    @Override
    public ListViews views() {
        return filters.views();
    }
}
