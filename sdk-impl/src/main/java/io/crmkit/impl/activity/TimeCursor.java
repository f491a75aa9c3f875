package io.crmkit.impl.activity;

import io.crmkit.api.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque cursor of a list ordered by a time and an id: the last row's time (in microseconds) and id, in
 * URL-safe Base64. Immutable.
 */
record TimeCursor(Instant at, long id) {

    private static final String VERSION = "t1";

    String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + ":" + micros + ":" + id)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ValidationException {@code bad_cursor} when the text is not a cursor this class wrote */
    static TimeCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a cursor");
            }
            long micros = Long.parseLong(parts[1]);
            return new TimeCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("cursor", "bad_cursor", "cursor: '" + text + "' is not a cursor of this"
                    + " list; pass the nextCursor of the previous page");
        }
    }
}
