package io.crmkit.impl.filter;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ValidationException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * A sortable field: a NOT NULL customer column, so that keyset paging needs no NULL handling, and how to read
 * the same value from a loaded customer for the next page's cursor.
 *
 * @param key    the key a {@code Sort} names
 * @param column the column
 * @param value  reads the column's value from a customer
 */
record SortKey(String key, String column, Function<Customer, Object> value) {

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
        return Map.entry(key, new SortKey(key, column, value));
    }

    /** @throws ValidationException naming the sortable fields when the key is not one of them */
    static SortKey of(String key) {
        SortKey sort = KEYS.get(key);
        if (sort == null) {
            throw ValidationException.of("sort", "not_allowed", "sort: cannot sort by '" + key + "'; sortable fields are "
                    + KEYS.keySet().stream().sorted().toList());
        }
        return sort;
    }

    /** @return whether the value is a time and travels in the cursor as ISO text */
    boolean isTime() {
        return column.endsWith("_at");
    }

    /** @return the value of a cursor's text read back in the column's type */
    Object parse(String text) {
        return isTime() ? Instant.parse(text) : text;
    }
}
