package io.crmkit.impl.io;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How one import cell holds several values, as people type them and as an export writes them (joined by
 * {@code "; "}). Pure functions of the cell's text, which the caller has already stripped of the export's
 * formula guard. Thread-safe.
 *
 * <ul>
 *   <li>Phones, emails and the choices of a multiple-choice field: separated by {@code ;} or
 *       line breaks (CR, LF, CRLF); a comma may belong to the value.</li>
 *   <li>Tags: separated by {@code ,}, {@code ;}, the fullwidth comma {@code U+FF0C}, the ideographic comma
 *       {@code U+3001} or line breaks: {@code "vip, new"} is the two tags {@code vip} and {@code new}.</li>
 * </ul>
 * Every piece is trimmed; empty pieces are dropped.
 */
final class CellValues {

    private static final Pattern ITEMS = Pattern.compile("[;\\r\\n]+");
    private static final Pattern TAGS = Pattern.compile("[,;\\r\\n\\uFF0C\\u3001]+");

    private CellValues() {
    }

    /** @return the trimmed, non-empty values of a phones, emails or multiple-choice cell, in order */
    static List<String> items(String text) {
        return pieces(ITEMS, text).toList();
    }

    /** @return the trimmed, non-empty, distinct tags of a tags cell, in order of first appearance */
    static List<String> tags(String text) {
        return pieces(TAGS, text).distinct().toList();
    }

    private static Stream<String> pieces(Pattern separator, String text) {
        return Arrays.stream(separator.split(text)).map(String::strip).filter(piece -> !piece.isEmpty());
    }
}
