package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.filter.ListView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The columns the customer list can show and the ones the current actor chose: the actor's list view
 * {@value #VIEW}, saved with the default columns the first time it is asked for.
 */
@Component
class ListColumns {

    /** The name of each actor's list view. */
    static final String VIEW = "Customer list";
    /** The columns of an actor who has chosen none. */
    static final List<String> DEFAULT = List.of("name", "phones", "emails", "company", "city", "tags", "createdAt");

    private static final Map<String, String> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("name", "Name");
        BUILT_IN.put("nickname", "Nickname");
        BUILT_IN.put("phones", "Phones");
        BUILT_IN.put("emails", "Emails");
        BUILT_IN.put("company", "Company");
        BUILT_IN.put("gender", "Gender");
        BUILT_IN.put("birthday", "Birthday");
        BUILT_IN.put("country", "Country");
        BUILT_IN.put("province", "Province");
        BUILT_IN.put("city", "City");
        BUILT_IN.put("tags", "Tags");
        BUILT_IN.put("status", "Status");
        BUILT_IN.put("stage", "Stage");
        BUILT_IN.put("source", "Source");
        BUILT_IN.put("ownerId", "Owner");
        BUILT_IN.put("externalId", "External id");
        BUILT_IN.put("remark", "Remark");
        BUILT_IN.put("createdAt", "Created");
        BUILT_IN.put("updatedAt", "Updated");
    }

    private final Crm crm;

    ListColumns(Crm crm) {
        this.crm = crm;
    }

    /** @return every column a list can show: the built-in ones, then the active custom fields */
    List<Column> available() {
        List<Column> columns = new ArrayList<>();
        BUILT_IN.forEach((key, label) -> columns.add(new Column(key, label)));
        for (FieldDefinition field : crm.fields().list()) {
            if (!field.retired()) {
                columns.add(new Column(field.key(), field.label()));
            }
        }
        return columns;
    }

    /** @return the actor's columns, in order */
    List<Column> chosen() {
        return of(view());
    }

    /** @return the view's columns, with their headers */
    List<Column> of(ListView view) {
        return labelled(view.columns());
    }

    /**
     * Saves the actor's columns.
     *
     * @throws io.crmkit.api.error.ValidationException when a column is unknown or repeated, or there are none
     */
    List<Column> choose(List<String> columns) {
        return labelled(crm.filters().views().save(VIEW, columns).columns());
    }

    /** @return the actor's view, saved with the defaults when the actor has none yet */
    ListView view() {
        return crm.filters().views().find(VIEW).orElseGet(() -> crm.filters().views().save(VIEW, DEFAULT));
    }

    private List<Column> labelled(List<String> keys) {
        Map<String, String> labels = new LinkedHashMap<>();
        available().forEach(column -> labels.put(column.key(), column.label()));
        List<Column> columns = new ArrayList<>(keys.size());
        for (String key : keys) {
            columns.add(new Column(key, labels.getOrDefault(key, key)));
        }
        return columns;
    }

    /** A column: the key the SDK knows it by and the header the list shows. */
    record Column(String key, String label) {
    }
}
