package io.crmkit.api.filter;

import io.crmkit.api.Page;
import io.crmkit.api.customer.Customer;
import java.util.List;

/**
 * Search, count and the JSON form of filters, for the actor's tenant. Searching and counting need READ.
 *
 * <p>A filter is checked against the tenant's fields when it is used: an unknown field, an operator that
 * does not fit the field's type or a value of the wrong type gets a {@code ValidationException} whose
 * field is the path of the condition in the tree ({@code filter.all[1].any[0]}). Field names and sorts reach
 * SQL only through a whitelist, and every value as a bound parameter.
 */
public interface FilterService {

    /**
     * @param query the filter, keyword, order and page; not null
     * @return one page of the customers matching the query, in its order; pages follow each other by cursor
     *         (keyset paging, no offsets), so a deep page costs what the first costs
     * @throws io.crmkit.api.error.ValidationException when the filter, the sort or the cursor is invalid
     * @throws io.crmkit.api.error.SearchTimeoutException when a statement of the search ran longer than the kit's
     *                                                    search timeout and the database stopped it
     */
    Page<Customer> search(Query query);

    /**
     * @param filter the condition; not null
     * @return how many customers match the filter
     * @throws io.crmkit.api.error.ValidationException when the filter is invalid
     * @throws io.crmkit.api.error.SearchTimeoutException when the count ran longer than the kit's search timeout and
     *                                                    the database stopped it
     */
    long count(Filter filter);

    /**
     * Describes every field of the actor's tenant that a filter, a sort or a list view can name, for a host that
     * builds its filter builder and column settings from it: the built-in fields, the identities ({@code phones},
     * {@code emails}, {@code externalId}, ...), {@code tags}, {@code verified}, {@code address}, the metrics, the
     * active custom fields (retired ones are left out), {@code group} and {@code savedFilter} with the tenant's
     * groups and saved filters as options, and one {@code events.<type>} field per event type the tenant knows
     * (built-in and registered). Each comes with its label, value type, the operators it accepts with their arity
     * and value type, its options (at most {@link FieldMetadata#MAX_OPTIONS} per field) and whether it can be a
     * list column or a sort key. Every operator listed is accepted by {@link #search} and {@link #count} with values
     * of the stated type, and every other one is refused (see {@link FieldMetadata}).
     *
     * <p>Reads the tenant's custom fields (cached), event types, groups and saved filters (their ids and names
     * only): a few small queries, bounded by the tenant limits of each. Needs READ.
     *
     * @return the fields in a stable order: built-in fields, custom fields in the order defined, then
     *         {@code group}, {@code savedFilter} and the events
     * @throws io.crmkit.api.error.PermissionDeniedException without READ
     */
    List<FieldMetadata> fields();

    /**
     * Reads the JSON form of a filter (see the README for the format).
     *
     * @param json a filter as {@link #toJson} writes it; not null
     * @return the filter, with the limits of {@link Filter} checked
     * @throws io.crmkit.api.error.ValidationException naming the path in the document and the problem
     */
    Filter parse(String json);

    /**
     * @param filter the filter to write; not null
     * @return the JSON form of the filter; {@code parse(toJson(filter))} equals {@code filter}
     */
    String toJson(Filter filter);

    /**
     * Shows what a search runs, for a developer who wants to see it.
     *
     * @param query the query as {@link #search} would take it; not null
     * @return the SQL of the page query with {@code ?} placeholders, and its parameters in order: the statement the
     *         search runs first (on MariaDB a page with a filter and no keyword first walks the page's order for at
     *         most 20,000 rows, one with a keyword its FULLTEXT indexes serve for at most 5,000 rows, and runs the
     *         page as planned only when that walk did not fill the page; a page sorted by a metric runs as planned)
     * @throws io.crmkit.api.error.ValidationException when the query is invalid
     */
    Explained explain(Query query);

    /** Fewest parts of a split. */
    int MIN_SPLIT_PARTS = 2;
    /** Most parts of a split. */
    int MAX_SPLIT_PARTS = 100;

    /**
     * Splits the customers matching a filter into parts of near-equal size for campaigns (003 section 2): the
     * parts are contiguous, gap-free ranges over (createdAt, id), each returned as the filter itself combined
     * with its range. Together they cover every customer that matched at the time of the split exactly once,
     * and their sizes differ by at most one. Customers created later fall into the last part. Reads the keys
     * of the matching customers once, in order, with bounded memory. Needs READ.
     *
     * @param filter the customers to split; not null
     * @param parts  {@value #MIN_SPLIT_PARTS} to {@value #MAX_SPLIT_PARTS}
     * @return one filter per part, in order
     * @throws io.crmkit.api.error.ValidationException when the filter is invalid or parts is out of range
     */
    List<Filter> split(Filter filter, int parts);

    /**
     * Splits like {@link #split} and saves each part, named {@code "<name> 1/<parts>"} and so on, as a saved
     * filter or a group, all in one transaction: either every part is saved or none is. Needs WRITE.
     *
     * @param filter the customers to split; not null
     * @param parts  {@value #MIN_SPLIT_PARTS} to {@value #MAX_SPLIT_PARTS}
     * @param name   1 to 70 characters after trimming (field {@code name}), the prefix of every part's name
     * @param target whether the parts become saved filters or groups; not null
     * @return the ids of the saved filters or groups, in part order
     * @throws io.crmkit.api.error.ValidationException as {@link #split}, or when the name is blank or too long, or
     *                                                 the parts would pass the tenant's limit of saved filters or
     *                                                 groups
     * @throws io.crmkit.api.error.ConflictException   when one of the names is taken
     */
    List<Long> saveSplit(Filter filter, int parts, String name, SplitTarget target);

    /** @return the saved filters of the tenant */
    SavedFilters saved();

    /** @return the groups (static lists) of the tenant */
    Groups groups();

    /** @return the actor's list views */
    ListViews views();

    /**
     * Searches like {@link #search} and returns just the columns of one of the actor's list views.
     *
     * @param query    the filter, keyword, order and page; not null
     * @param viewName the name of one of the actor's list views; not null
     * @return one page of rows holding the view's columns, in the query's order
     * @throws io.crmkit.api.error.NotFoundException   when the actor has no view of that name
     * @throws io.crmkit.api.error.ValidationException when the query is invalid
     */
    Page<ListRow> searchView(Query query, String viewName);
}
