package io.crmkit.impl.merge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer's name as the similarity rules compare it: without accents (Nguyễn is Nguyen, Đức is Duc), case and
 * spaces ("Trần  Lan" is "tranlan"). A blank name has the empty key, which matches nothing.
 */
final class NameKey {

    private static final Pattern MARKS_AND_SPACES = Pattern.compile("[\\p{M}\\p{Z}\\s]+");

    private NameKey() {
    }

    /** @return the key, empty for a null or blank name */
    static String of(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD);
        folded = MARKS_AND_SPACES.matcher(folded).replaceAll("");
        // Letters with a stroke have no decomposition.
        folded = folded.replace('đ', 'd').replace('Đ', 'd').replace('ł', 'l').replace('Ł', 'l')
                .replace('ø', 'o').replace('Ø', 'o');
        return folded.toLowerCase(Locale.ROOT);
    }
}
