package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.filter.ListView;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The columns the current actor's customer list shows: the actor's list view {@value #VIEW}, saved with
 * {@link #DEFAULT_COLUMNS} the first time it is asked for. Which columns exist and their headers are not listed
 * here: the page reads them from the SDK's field metadata ({@code GET /api/fields}, the fields whose {@code column}
 * is true), and the SDK refuses a column it does not know.
 */
@Component
class CustomerListView {

    /** The name of each actor's list view. */
    static final String VIEW = "Customer list";
    /** The columns of an actor who has chosen none. */
    static final List<String> DEFAULT_COLUMNS = List.of("name", "phones", "emails", "company", "city", "tags",
            "createdAt");

    private final Crm crm;

    CustomerListView(Crm crm) {
        this.crm = crm;
    }

    /** @return the actor's view, saved with the default columns when the actor has none yet */
    ListView view() {
        return crm.filters().views().find(VIEW)
                .orElseGet(() -> crm.filters().views().save(VIEW, DEFAULT_COLUMNS));
    }

    /**
     * Saves the actor's columns, in order.
     *
     * @return the columns as saved
     * @throws io.crmkit.api.error.ValidationException when a column is unknown or repeated, or there are none
     */
    List<String> choose(List<String> columns) {
        return crm.filters().views().save(VIEW, columns).columns();
    }
}
