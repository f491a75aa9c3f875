package io.crmkit.impl.merge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as the person rules compare it: lower case, without accents ({@code Nguyễn} is {@code nguyen}, {@code Đức}
 * is {@code duc}), apostrophes dropped ({@code O'Brien} is {@code obrien}) and every other character but letters and
 * digits a word break.
 */
final class Folding {

    private Folding() {
    }

    /** @return the words of the text, folded; empty for null or blank text */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String folded = ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i < folded.length(); i++) {
            char c = base(folded.charAt(i));
            if (c == '\'' || c == '\u2019' || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Letters with a stroke have no decomposition. */
    private static char base(char c) {
        return switch (c) {
            case 'đ', 'Đ' -> 'd';
            case 'ł', 'Ł' -> 'l';
            case 'ø', 'Ø' -> 'o';
            case 'ß' -> 's';
            default -> c;
        };
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
