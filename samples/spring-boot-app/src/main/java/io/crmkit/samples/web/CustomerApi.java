package io.crmkit.samples.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.ListRow;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers: create and read one, search a page of the list (filter in the SDK's JSON form, keyword, sort,
 * cursor) in the actor's columns, the actor's choice of columns, and the SDK's field metadata, from which the page
 * builds its filter builder and column settings.
 */
@RestController
@RequestMapping("/api")
class CustomerApi {

    private final Crm crm;
    private final CustomerListView listView;

    CustomerApi(Crm crm, CustomerListView listView) {
        this.crm = crm;
        this.listView = listView;
    }

    /**
     * One page of the list. Bad input (a malformed or unfitting filter, a keyword over 255 characters, a page
     * size outside 1-1000, a foreign cursor) is a 400 naming where it is wrong.
     */
    @PostMapping("/customers/search")
    ListPage search(@RequestBody SearchRequest request) {
        ListView view = listView.view();
        Page<ListRow> page = crm.filters().searchView(request.query(crm), view.name());
        return new ListPage(view.columns(), page.items(), page.nextCursor().orElse(null),
                page.total().isPresent() ? page.total().getAsLong() : null);
    }

    /** @return the customer; 404 when there is none with that id */
    @GetMapping("/customers/{id}")
    Customer get(@PathVariable long id) {
        return crm.customers().get(id);
    }

    /** Creates a customer from the page's short form; 400 with every problem, 409 when a phone or email is taken. */
    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    Customer create(@RequestBody NewCustomer body) {
        CustomerDraft.Builder draft = CustomerDraft.builder().name(body.name()).company(body.company());
        if (body.phone() != null && !body.phone().isBlank()) {
            draft.phone(body.phone());
        }
        if (body.email() != null && !body.email().isBlank()) {
            draft.email(body.email());
        }
        if (body.city() != null) {
            draft.address(Address.of("", "", body.city(), "", ""));
        }
        if (body.tags() != null) {
            draft.tags(body.tags());
        }
        return crm.customers().create(draft.build());
    }

    /** @return the columns the actor shows, in order */
    @GetMapping("/columns")
    ColumnChoice columns() {
        return new ColumnChoice(listView.view().columns());
    }

    /** Saves the actor's columns, in order; 400 when one is unknown or repeated, or none is given. */
    @PutMapping("/columns")
    ColumnChoice chooseColumns(@RequestBody List<String> keys) {
        return new ColumnChoice(listView.choose(keys));
    }

    /**
     * The SDK's description of every field of the actor's tenant, as JSON: key, label, value type, operators with
     * their arity and value type, options (group and saved filter ids as text), and whether it can be a column or
     * a sort key. The page builds its filter builder and column settings from it, so it offers exactly what the
     * SDK accepts.
     */
    @GetMapping("/fields")
    List<FieldMetadata> fields() {
        return crm.filters().fields();
    }

    /**
     * A search as the page sends it.
     *
     * @param filter     the SDK's versioned filter JSON ({@code {"version":1,"filter":...}}), or null for everyone
     * @param keyword    searched in name, nickname, phones, emails, company and external id
     * @param sort       a sortable field, by default {@code createdAt}
     * @param descending the order, by default newest first
     * @param cursor     the {@code next} of the previous page
     * @param pageSize   1-1000, by default 50
     * @param total      whether to count every matching customer
     */
    record SearchRequest(JsonNode filter, String keyword, String sort, Boolean descending, String cursor,
                         Integer pageSize, boolean total) {

        Query query(Crm crm) {
            Query query = filter == null || filter.isNull() ? Query.all()
                    : Query.where(crm.filters().parse(filter.toString()));
            if (keyword != null) {
                query = query.keyword(keyword);
            }
            if (sort != null && !sort.isBlank()) {
                query = query.sortedBy(Boolean.FALSE.equals(descending) ? Sort.asc(sort) : Sort.desc(sort));
            }
            if (pageSize != null) {
                query = query.pageSize(pageSize);
            }
            if (cursor != null && !cursor.isBlank()) {
                query = query.after(cursor);
            }
            return total ? query.includeTotal() : query;
        }
    }

    /**
     * A page of the list: the keys of its columns (their headers are the labels of {@code GET /api/fields}), rows,
     * the cursor of the next page (null after the last) and the total.
     */
    record ListPage(List<String> columns, List<ListRow> rows, String next, Long total) {
    }

    /** The keys of the columns the actor shows, in order. */
    record ColumnChoice(List<String> chosen) {
    }

    /** The page's short form of a new customer. */
    record NewCustomer(String name, String phone, String email, String company, String city, List<String> tags) {
    }
}
