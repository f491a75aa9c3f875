package io.crmkit.api.filter;

import io.crmkit.api.customer.Customer;

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
     * @return one page of the customers matching the query, in its order; pages follow each other by cursor
     *         (keyset paging, no offsets), so a deep page costs what the first costs
     * @throws io.crmkit.api.error.ValidationException when the filter, the sort or the cursor is invalid
     */
    Page<Customer> search(Query query);

    /**
     * @return how many customers match the filter
     * @throws io.crmkit.api.error.ValidationException when the filter is invalid
     */
    long count(Filter filter);

    /**
     * Reads the JSON form of a filter (see the README for the format).
     *
     * @throws io.crmkit.api.error.ValidationException naming the path in the document and the problem
     */
    Filter parse(String json);

    /** @return the JSON form of the filter; {@code parse(toJson(filter))} equals {@code filter} */
    String toJson(Filter filter);

    /**
     * Shows what a search runs, for a developer who wants to see it.
     *
     * @return the SQL of the page query with {@code ?} placeholders, and its parameters in order
     * @throws io.crmkit.api.error.ValidationException when the query is invalid
     */
    Explained explain(Query query);

    /** @return the saved filters of the tenant */
    SavedFilters saved();

    /** @return the groups (static lists) of the tenant */
    Groups groups();
}
