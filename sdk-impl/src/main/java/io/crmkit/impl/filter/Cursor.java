package io.crmkit.impl.filter;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Sort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page starts: the sort it belongs to, and the sort value and id of the last customer of the
 * page before. Opaque to callers: URL-safe base64 of {@code "c1" sort-field ascending id value}, separated by line
 * breaks (the value last, so that it may hold any character; a sort field never holds one). Written by hand, not
 * as JSON: every page of a search writes one. A cursor of another sort, or one that does not decode, is refused.
 *
 * @param sort  the sort of the query the cursor came from
 * @param value the last sort value, as text ("" for the id sort)
 * @param id    the last customer id
 */
record Cursor(Sort sort, String value, long id) {

    private static final String VERSION = "c1";

    /** @return the cursor after a row whose sort value the page query read */
    static Cursor after(Sort sort, Object value, long id) {
        return new Cursor(sort, value.toString(), id);
    }

    /** @return the cursor after the given customer */
    static Cursor after(Sort sort, SortKey key, Customer last) {
        Object value = key.value().apply(last);
        return new Cursor(sort, key.key().equals("id") ? "" : value.toString(), last.id());
    }

    String encode() {
        String text = VERSION + '\n' + sort.field() + '\n' + sort.ascending() + '\n' + id + '\n' + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException when the text is no cursor, or one of another sort */
    static Cursor decode(String text, Sort sort) {
        Cursor cursor;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 5);
            if (parts.length != 5 || !parts[0].equals(VERSION)
                    || !(parts[2].equals("true") || parts[2].equals("false"))) {
                throw new IllegalArgumentException("not a cursor");
            }
            cursor = new Cursor(new Sort(parts[1], Boolean.parseBoolean(parts[2])), parts[4], Long.parseLong(parts[3]));
        } catch (Exception e) {
            throw ValidationException.of("cursor", "invalid", "cursor: not a cursor of this service; pass the"
                    + " nextCursor of the previous page unchanged");
        }
        if (!cursor.sort().equals(sort)) {
            throw ValidationException.of("cursor", "invalid", "cursor: it belongs to a search sorted by "
                    + cursor.sort().field() + (cursor.sort().ascending() ? " ascending" : " descending")
                    + "; a cursor only continues the query that returned it");
        }
        return cursor;
    }
}
