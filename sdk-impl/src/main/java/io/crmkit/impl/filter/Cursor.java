package io.crmkit.impl.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Sort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page starts: the sort it belongs to, and the sort value and id of the last customer of the
 * page before. Opaque to callers (URL-safe base64 of a small JSON object); a cursor of another sort, or one
 * that does not decode, is refused.
 *
 * @param sort  the sort of the query the cursor came from
 * @param value the last sort value, as text ("" for the id sort)
 * @param id    the last customer id
 */
record Cursor(Sort sort, String value, long id) {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        ObjectNode node = JSON.createObjectNode();
        node.put("s", sort.field());
        node.put("a", sort.ascending());
        node.put("v", value);
        node.put("id", id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException when the text is no cursor, or one of another sort */
    static Cursor decode(String text, Sort sort) {
        Cursor cursor;
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text));
            cursor = new Cursor(new Sort(node.get("s").asText(), node.get("a").asBoolean()), node.get("v").asText(),
                    node.get("id").asLong());
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
