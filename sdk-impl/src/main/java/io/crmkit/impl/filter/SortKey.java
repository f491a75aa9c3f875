package io.crmkit.impl.filter;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.validation.StoredTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * A sortable field: a NOT NULL customer column, so that keyset paging needs no NULL handling, and how to read
 * the same value from a loaded customer for the next page's cursor; or a customer metric, read with a default
 * for customers without a metric row, whose cursor value comes from the page query itself.
 *
 * @param key           the key a {@code Sort} names
 * @param column        the customer or metric column
 * @param value         reads the column's value from a customer; null for a metric
 * @param metricDefault the SQL literal a customer without a metric row sorts by; null for a customer column
 */
record SortKey(String key, String column, Function<Customer, Object> value, String metricDefault) {

    private static final Map<String, SortKey> METRICS = Map.of(
            "lastActivityAt", new SortKey("lastActivityAt", "last_activity_at", null, "TIMESTAMP '1900-01-01 00:00:00'"),
            "activity30d", new SortKey("activity30d", "activity_30d", null, "0"),
            "orderCount", new SortKey("orderCount", "order_count", null, "0"),
            "totalSpent", new SortKey("totalSpent", "total_spent", null, "0"),
            "valueRating", new SortKey("valueRating", "value_rating", null, "0"));

    private static final Map<String, SortKey> KEYS = Map.ofEntries(
            entry("createdAt", "created_at", Customer::createdAt),
            entry("updatedAt", "updated_at", Customer::updatedAt),
            entry("name", "name", Customer::name),
            entry("nickname", "nickname", Customer::nickname),
            entry("company", "company", Customer::company),
            entry("country", "country", customer -> customer.address().country()),
            entry("province", "province", customer -> customer.address().province()),
            entry("city", "city", customer -> customer.address().city()),
            entry("source", "source", Customer::source),
            entry("status", "status", customer -> customer.status().name()),
            entry("stage", "stage", Customer::stage),
            entry("id", "id", Customer::id));

    private static Map.Entry<String, SortKey> entry(String key, String column, Function<Customer, Object> value) {
        return Map.entry(key, new SortKey(key, column, value, null));
    }

    /** @throws ValidationException naming the sortable fields when the key is not one of them */
    static SortKey of(String key) {
        SortKey sort = KEYS.getOrDefault(key, METRICS.get(key));
        if (sort == null) {
            throw ValidationException.of("sort", "not_allowed", "sort: cannot sort by '" + key + "'; sortable fields are "
                    + java.util.stream.Stream.concat(KEYS.keySet().stream(), METRICS.keySet().stream()).sorted().toList());
        }
        return sort;
    }

    /** @return whether a sort may name the key */
    static boolean isSortable(String key) {
        return KEYS.containsKey(key) || METRICS.containsKey(key);
    }

    /** @return whether the key is a customer metric, sorted through a join of the metric table */
    boolean isMetric() {
        return metricDefault != null;
    }

    /** @return the expression the page query orders by: {@code c.<column>}, or the metric with its default */
    String expression() {
        return isMetric() ? "COALESCE(ms." + column + ", " + metricDefault + ")" : "c." + column;
    }

    /** @return whether the value is a time and travels in the cursor as ISO text */
    boolean isTime() {
        return column.endsWith("_at");
    }

    /** Longest text value a cursor carries; the text columns are shorter. */
    static final int TEXT_MAX = 255;
    /** Digits of a metric before and after the point: the metric columns are at most DECIMAL(24,4) (a wider scale
     * leaves room for how a database writes their COALESCE). */
    private static final int METRIC_INTEGER_DIGITS = 20;
    private static final int METRIC_SCALE = 10;

    /**
     * @return the value of a cursor's text read back in the column's type
     * @throws RuntimeException (such as {@link java.time.format.DateTimeParseException}) when the text is not a
     *                          value of the column, or lies outside what the column can hold
     */
    Object parse(String text) {
        if (key.equals("id")) {
            if (!text.isEmpty()) {
                throw new IllegalArgumentException("the id sort carries no value");
            }
            return text;
        }
        if (isTime()) {
            Instant time = Instant.parse(text);
            if (!StoredTimes.holds(time)) {
                throw new IllegalArgumentException("a time outside the years 1 to 9999");
            }
            return time;
        }
        if (isMetric()) {
            BigDecimal number = new BigDecimal(text);
            if (number.precision() - number.scale() > METRIC_INTEGER_DIGITS || number.scale() > METRIC_SCALE) {
                throw new IllegalArgumentException("a number no metric holds");
            }
            return number;
        }
        if (text.length() > TEXT_MAX || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a text no column holds");
        }
        return text;
    }
}
