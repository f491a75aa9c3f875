package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Sort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTest {

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
