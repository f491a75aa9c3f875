package io.crmkit.impl.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListCursorTest {

    private static final String LIST = "tasks/42/open";
    private static final ListCursor CURSOR = new ListCursor(LIST, 1, Instant.parse("2024-05-31T08:00:00.123456Z"), 7);

    @Test
    void aCursorRoundTrips() {
        assertThat(ListCursor.decode(CURSOR.encode(), LIST)).isEqualTo(CURSOR);
    }

    @Test
    void everyTruncationAndTamperedComponentIsRefusedOrDecodesToATimeADatabaseHolds() {
        String text = CURSOR.encode();
        for (int length = 0; length < text.length(); length++) {
            decodesOrIsRefused(text.substring(0, length));
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 4);
        for (int component = 0; component < parts.length; component++) {
            for (String hostile : List.of("", "x", "-1", "2", String.valueOf(Long.MAX_VALUE),
                    String.valueOf(Long.MIN_VALUE), "99999999999999999999", "1e3", "253402300800000000",
                    "-62135596800000001", ":", "tasks/42/open:x")) {
                String[] tampered = parts.clone();
                tampered[component] = hostile;
                decodesOrIsRefused(encode(String.join(":", tampered)));
            }
        }
    }

    @Test
    void randomBytesAreRefusedOrDecodeToATimeADatabaseHolds() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try {
            for (int i = 0; i < 2_000; i++) {
                byte[] bytes = new byte[random.nextInt(48)];
                random.nextBytes(bytes);
                decodesOrIsRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                decodesOrIsRefused(encode(random.nextInt(3) + ":" + random.nextLong() + ":" + random.nextLong() + ":"
                        + LIST));
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private static void decodesOrIsRefused(String text) {
        ListCursor cursor;
        try {
            cursor = ListCursor.decode(text, LIST);
        } catch (ValidationException refused) {
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("cursor");
            return;
        } catch (RuntimeException other) {
            throw new AssertionError("cursor text '" + text + "' threw " + other, other);
        }
        assertThat(cursor.at()).isBetween(Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(ListCursor.decode(cursor.encode(), LIST)).isEqualTo(cursor);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
