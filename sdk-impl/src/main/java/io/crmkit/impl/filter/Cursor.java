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
 * as JSON: every page of a search writes one. A cursor of another sort, one that does not decode, or one whose
 * value is not a value of its sort's field (tampered with) is refused with a {@link ValidationException} on field
 * {@code cursor}, whatever is wrong inside it.
 *
 * @param sort  the sort of the query the cursor came from
 * @param value the last sort value in the type its {@link SortKey} compares ("" for the id sort)
 * @param id    the last customer id
 */
record Cursor(Sort sort, Object value, long id) {

    private static final String VERSION = "c1";
    /**
     * Longest cursor text: a cursor holds a sort field, a direction, an id and a value of at most
     * {@link SortKey#TEXT_MAX} characters (4 bytes each in UTF-8), in base64.
     */
    private static final int TEXT_MAX = 2048;

    /** @return the cursor after a row whose sort value the page query read */
    static Cursor after(Sort sort, Object value, long id) {
        return new Cursor(sort, value, id);
    }

    /** @return the cursor after the given customer */
    static Cursor after(Sort sort, SortKey key, Customer last) {
        return new Cursor(sort, key.key().equals("id") ? "" : key.value().apply(last), last.id());
    }

    String encode() {
        String text = VERSION + '\n' + sort.field() + '\n' + sort.ascending() + '\n' + id + '\n' + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException on field {@code cursor} when the text is no cursor, or one of another sort */
    static Cursor decode(String text, Sort sort) {
        Cursor cursor;
        try {
            if (text.length() > TEXT_MAX) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 5);
            if (parts.length != 5 || !parts[0].equals(VERSION)
                    || !(parts[2].equals("true") || parts[2].equals("false"))) {
                throw new IllegalArgumentException("not a cursor");
            }
            Sort written = new Sort(parts[1], Boolean.parseBoolean(parts[2]));
            if (!written.equals(sort)) {
                throw ValidationException.of("cursor", "invalid", "cursor: it belongs to a search sorted by "
                        + written.field() + (written.ascending() ? " ascending" : " descending")
                        + "; a cursor only continues the query that returned it");
            }
            cursor = new Cursor(sort, SortKey.of(sort.field()).parse(parts[4]), Long.parseLong(parts[3]));
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationException.of("cursor", "invalid", "cursor: not a cursor of this service; pass the"
                    + " nextCursor of the previous page unchanged");
        }
        return cursor;
    }
}
