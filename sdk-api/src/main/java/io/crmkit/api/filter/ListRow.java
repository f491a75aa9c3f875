package io.crmkit.api.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customer as a list view shows it.
 *
 * @param id     the customer id
 * @param values every column of the view, in the view's order; text as {@link String}, lists (phones, emails,
 *               tags, multiple choices) as {@code List}, dates and times as {@code LocalDate} / {@code Instant},
 *               custom values in their field type's Java type; a column without value holds ""
 */
public record ListRow(long id, Map<String, Object> values) {

    /**
     * Copies the values, keeping their order.
     *
     * @param id     the customer id
     * @param values every column of the view, by column key, in the view's order; not null
     * @throws NullPointerException when {@code values} is null
     */
    public ListRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
