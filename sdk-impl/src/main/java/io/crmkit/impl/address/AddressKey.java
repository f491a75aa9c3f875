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
        String plain = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
        // Letters that carry no combining mark in NFD: Vietnamese d-bar, and the typographic apostrophe of CLDR names.
        plain = plain.replace('đ', 'd').replace('Đ', 'D').replace('\u2019', '\'');
        return SPACES.matcher(plain).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
