package io.crmkit.impl.address;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The form in which address texts are compared: trimmed, lower-case, without accents, single spaces. */
final class AddressKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private AddressKey() {
    }

    /** @return the key of a code or a name; "Hà  Nội" and "ha noi" share one */
    static String of(String text) {
        String stripped = text.strip();
        if (isPlainAscii(stripped)) {
            return stripped.toLowerCase(Locale.ROOT);
        }
        String plain = MARKS.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFD)).replaceAll("");
        // Letters that carry no combining mark in NFD: Vietnamese d-bar, and the typographic apostrophe of CLDR names.
        plain = plain.replace('đ', 'd').replace('Đ', 'D').replace('\u2019', '\'');
        return SPACES.matcher(plain).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The common case, checked without a regex or a normalizer (every address of an import is keyed). */
    private static boolean isPlainAscii(String text) {
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || Character.isWhitespace(c) && (c != ' ' || previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
