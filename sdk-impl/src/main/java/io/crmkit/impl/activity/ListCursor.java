package io.crmkit.impl.activity;

import io.crmkit.api.Page;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.validation.StoredTimes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

/**
 * Where the next page of an activity list starts: the list it continues, the part of a list read in two parts
 * (a customer's open tasks, then its closed ones), and the sort time and id of the last item of the page before.
 * Opaque to callers (URL-safe base64 of {@code part:micros:id:list}). A cursor of another list, one that does
 * not decode, or one whose time lies outside the years 1 to 9999 (tampered with) is refused with a
 * {@link ValidationException} on field {@code cursor}.
 *
 * @param list the list the cursor belongs to, such as {@code tasks/42/open}
 * @param part 0 for the first part of a list, 1 for the second
 * @param at   the sort time of the last item
 * @param id   the id of the last item
 */
record ListCursor(String list, int part, Instant at, long id) {

    /** Longer text is no cursor of ours (ours hold a time, an id and a list name), and is refused undecoded. */
    private static final int MAX_TEXT = 1024;

    /** @return the cursor of the request, if it has one; checked to belong to {@code list} */
    static Optional<ListCursor> of(PageRequest page, String list) {
        return page.cursor().map(text -> decode(text, list));
    }

    /**
     * @param rows   up to {@code size + 1} items in list order; one more than {@code size} means a next page
     * @param partOf the part of the list an item belongs to
     * @return the first {@code size} items, with the cursor after the last of them when more follow
     */
    static <T> Page<T> page(List<Keyed<T>> rows, int size, String list, ToIntFunction<T> partOf) {
        if (rows.size() <= size) {
            return new Page<>(rows.stream().map(Keyed::item).toList(), Optional.empty(), OptionalLong.empty());
        }
        List<Keyed<T>> items = rows.subList(0, size);
        Keyed<T> last = items.get(size - 1);
        String next = new ListCursor(list, partOf.applyAsInt(last.item()), last.at(), last.id()).encode();
        return new Page<>(items.stream().map(Keyed::item).toList(), Optional.of(next), OptionalLong.empty());
    }

    String encode() {
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds, which overflow before the year 9999.
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
        String text = part + ":" + micros + ":" + id + ":" + list;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException when the text is no cursor, or one of another list */
    static ListCursor decode(String text, String list) {
        ListCursor cursor;
        try {
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("too long for a cursor");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 4);
            int part = Integer.parseInt(parts[0]);
            if (parts.length != 4 || (part != 0 && part != 1)) {
                throw new IllegalArgumentException("not a cursor");
            }
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L);
            if (!StoredTimes.holds(at)) {
                throw new IllegalArgumentException("a time no database holds");
            }
            cursor = new ListCursor(parts[3], part, at, Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw ValidationException.of("cursor", "invalid", "cursor: not a cursor of this list; pass the"
                    + " nextCursor of the previous page unchanged");
        }
        if (!cursor.list().equals(list)) {
            throw ValidationException.of("cursor", "invalid", "cursor: it belongs to another list; a cursor only"
                    + " continues the list that returned it");
        }
        return cursor;
    }
}
