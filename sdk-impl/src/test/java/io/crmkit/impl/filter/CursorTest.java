package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Sort;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CursorTest {

    /** A valid cursor of each kind of sort key: the id, a text column, a time column, a number and a time metric. */
    static Stream<Arguments> cursors() {
        return Stream.of(
                Arguments.of(new Cursor(Sort.asc("id"), "", 7)),
                Arguments.of(new Cursor(Sort.asc("name"), "Nguyễn Văn An", 7)),
                Arguments.of(new Cursor(Sort.desc("status"), "ACTIVE", 7)),
                Arguments.of(new Cursor(Sort.NEWEST_FIRST, Instant.parse("2024-05-31T08:00:00.123456Z"), 7)),
                Arguments.of(new Cursor(Sort.desc("totalSpent"), new BigDecimal("1250.5000"), 7)),
                Arguments.of(new Cursor(Sort.asc("orderCount"), new BigDecimal("3"), 7)),
                Arguments.of(new Cursor(Sort.asc("lastActivityAt"), Instant.parse("1900-01-01T00:00:00Z"), 7)));
    }

    /** Values that are hostile to one type or another of cursor component. */
    private static final List<String> HOSTILE = List.of("", " ", "x", "\0", "-", "-0", "1e999999999", "1e-999999999",
            "9".repeat(40), "0." + "1".repeat(40), "NaN", "Infinity", "99999999999999999999", "-9223372036854775809",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-05-31",
            "2024-05-31T08:00:00", "9999-12-31T23:59:59.999999999Z", "10000-01-01T00:00:00Z", "true", "c1", "\n",
            "x".repeat(300), "createdAt", "id", "\uFFFD");

    @ParameterizedTest
    @MethodSource("cursors")
    void everyTruncationOfACursorIsRefusedOrDecodesToACursorOfItsSort(Cursor cursor) {
        String text = cursor.encode();
        assertThat(Cursor.decode(text, cursor.sort())).isEqualTo(cursor);
        for (int length = 0; length < text.length(); length++) {
            decodesOrIsRefused(text.substring(0, length), cursor.sort());
        }
    }

    @ParameterizedTest
    @MethodSource("cursors")
    void aCursorWithAnyComponentTamperedIsRefusedOrDecodesToACursorOfItsSort(Cursor cursor) {
        String[] parts = decoded(cursor.encode()).split("\n", 5);
        for (int component = 0; component < parts.length; component++) {
            for (String hostile : HOSTILE) {
                String[] tampered = parts.clone();
                tampered[component] = hostile;
                decodesOrIsRefused(encode(String.join("\n", tampered)), cursor.sort());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cursors")
    void randomBytesAndRandomEditsAreRefusedOrDecodeToACursorOfItsSort(Cursor cursor) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String text = decoded(cursor.encode());
        try {
            for (int i = 0; i < 500; i++) {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                decodesOrIsRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), cursor.sort());
                decodesOrIsRefused(new String(bytes, StandardCharsets.ISO_8859_1), cursor.sort());
                StringBuilder edited = new StringBuilder(text);
                edited.setCharAt(random.nextInt(edited.length()), (char) random.nextInt(0x3000));
                decodesOrIsRefused(encode(edited.toString()), cursor.sort());
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    @Test
    void aTamperedValueOfEachTypeIsRefused() {
        for (String bad : List.of(encode("c1\ncreatedAt\nfalse\n1\nnot-a-time"), encode("c1\ncreatedAt\nfalse\n1\n"),
                encode("c1\ncreatedAt\nfalse\n1\n+999999999-12-31T23:59:59Z"))) {
            refused(bad, Sort.NEWEST_FIRST);
        }
        refused(encode("c1\ntotalSpent\ntrue\n1\n1e999999999"), Sort.asc("totalSpent"));
        refused(encode("c1\ntotalSpent\ntrue\n1\nlots"), Sort.asc("totalSpent"));
        refused(encode("c1\nid\ntrue\n1\n5"), Sort.asc("id"));
        refused(encode("c1\nname\ntrue\n1\n" + "x".repeat(SortKey.TEXT_MAX + 1)), Sort.asc("name"));
        refused(encode("c1\nname\ntrue\n1\na\0b"), Sort.asc("name"));
        refused("A".repeat(100_000), Sort.asc("name"));
    }

    /** Decoding either refuses the text on field "cursor" or yields a cursor of the sort, its value typed. */
    private static void decodesOrIsRefused(String text, Sort sort) {
        Cursor cursor;
        try {
            cursor = Cursor.decode(text, sort);
        } catch (ValidationException refused) {
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("cursor");
            return;
        } catch (RuntimeException other) {
            throw new AssertionError("cursor text '" + text + "' threw " + other, other);
        }
        assertThat(cursor.sort()).isEqualTo(sort);
        SortKey key = SortKey.of(sort.field());
        assertThat(cursor.value()).isInstanceOf(key.isTime() ? Instant.class : key.isMetric() ? BigDecimal.class
                : String.class);
        assertThat(Cursor.decode(cursor.encode(), sort)).isEqualTo(cursor);
    }

    private static void refused(String text, Sort sort) {
        assertThatThrownBy(() -> Cursor.decode(text, sort)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("cursor"));
    }

    private static String decoded(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }

    @Test
    void aValueOfAnyTextRoundTrips() {
        Sort byName = Sort.asc("name");
        for (String value : new String[] {"", "Nguyễn Văn An", "two\nlines\nand more", "c1\nname\ntrue\n1\nx"}) {
            Cursor cursor = new Cursor(byName, value, -42);

            String text = cursor.encode();

            assertThat(text).matches("[A-Za-z0-9_-]+");
            assertThat(Cursor.decode(text, byName)).isEqualTo(cursor);
        }
    }

    @Test
    void refusesTextThatIsNoCursorAndACursorOfAnotherSort() {
        Sort newest = Sort.NEWEST_FIRST;
        String other = new Cursor(Sort.asc("name"), "An", 1).encode();

        for (String bad : new String[] {"", "%%%", "bm90IGEgY3Vyc29y", encode("c1\ncreatedAt\nmaybe\n1\nx"),
                encode("c1\ncreatedAt\nfalse\none\nx"), encode("c2\ncreatedAt\nfalse\n1\nx"),
                encode("c1\ncreatedAt\nfalse\n1")}) {
            assertThatThrownBy(() -> Cursor.decode(bad, newest)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("not a cursor of this service");
        }
        assertThatThrownBy(() -> Cursor.decode(other, newest)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sorted by name ascending");
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
