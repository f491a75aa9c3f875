package io.crmkit.impl.sheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/**
 * The text a cell value is written as, shared by the .xlsx and CSV writers, and the guard that keeps a text
 * from being run as a formula when a spreadsheet opens the file (OWASP "CSV injection").
 *
 * <p>A text whose first character is '=', '+', '-', '@', TAB or CR is written with a leading apostrophe:
 * {@code "+84912345678"} becomes {@code "'+84912345678"}. The same holds after every delimiter a spreadsheet may
 * split on ({@code , ; | TAB}, whatever the file's own delimiter) and after every line break, since a spreadsheet
 * that splits on another one sees a cell start there: {@code "x;=cmd|'/C calc'!A0;"} becomes {@code "x;'=cmd|'/C calc'!A0;"}. Quotes and
 * apostrophes before the formula character do not hide it ({@code "a;\"=b"} becomes {@code "a;'\"=b"}). So that
 * every text survives an export and a re-import unchanged, a piece that already starts with apostrophes followed
 * by one of those characters gets one more ({@code "'=x"} becomes {@code "''=x"}); {@link #unneutralize} removes
 * exactly the apostrophes added. Numbers written as numbers are left alone.
 */
public final class CellText {

    private static final char APOSTROPHE = '\'';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CellText() {
    }

    /**
     * Undoes the formula guard of a text read back from a file this package wrote: removes the one apostrophe
     * that comes before a formula character at the start of the text or after a delimiter
     * ({@code "'+84912345678"} -> {@code "+84912345678"}, {@code "x;'=y"} -> {@code "x;=y"}). Any other text,
     * including one with an apostrophe before an ordinary character, is returned unchanged.
     *
     * @param text a cell's text; may be null
     * @return the text as it was before it was written; null for null
     */
    public static String unneutralize(String text) {
        if (text == null || text.indexOf(APOSTROPHE) < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int start = 0, end; start < text.length(); start = end) {
            end = pieceEnd(text, start);
            boolean guarded = text.charAt(start) == APOSTROPHE && startsLikeFormula(text, start);
            plain.append(text, guarded ? start + 1 : start, end);
        }
        return plain.toString();
    }

    /** @return the text with the formula guard applied (see the class comment) */
    private static String neutralize(String text) {
        if (!needsGuard(text)) {
            return text; // most texts: one pass, nothing copied
        }
        StringBuilder guarded = null;
        for (int start = 0, end; start < text.length(); start = end) {
            end = pieceEnd(text, start);
            boolean formula = startsLikeFormula(text, start);
            if (formula && guarded == null) {
                guarded = new StringBuilder(text.length() + 8).append(text, 0, start);
            }
            if (formula) {
                guarded.append(APOSTROPHE);
            }
            if (guarded != null) {
                guarded.append(text, start, end);
            }
        }
        return guarded == null ? text : guarded.toString();
    }

    /** @return whether some piece of the text starts like a formula: {@link #neutralize} changes it */
    private static boolean needsGuard(String text) {
        boolean pieceStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (pieceStart) {
                if (c == APOSTROPHE || c == '"') {
                    continue;
                }
                if (isFormulaStart(c)) {
                    return true;
                }
            }
            pieceStart = isSeparator(c);
        }
        return false;
    }

    /** @return where the piece that starts at {@code start} ends: just after the next separator, or at the end */
    private static int pieceEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            if (isSeparator(text.charAt(i))) {
                return i + 1;
            }
        }
        return text.length();
    }

    /**
     * @return whether a spreadsheet may start a new cell after {@code c}: a delimiter it may split on, whatever the
     *         file's own ({@code , ; | TAB}), or a line break a reader that ignores quotes splits rows on
     */
    static boolean isSeparator(char c) {
        return c == ',' || c == ';' || c == '|' || c == '\t' || c == '\r' || c == '\n';
    }

    /** @return whether {@code c} makes a spreadsheet read a cell's text as a formula */
    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * @return the text a value is written as in CSV, and in .xlsx where it becomes a text cell; "" for null.
     *         Everything but a number is neutralized; see {@link SheetWriter#row} for the formats.
     */
    static String of(Object value) {
        String text = plain(value);
        return isNumber(value) ? text : neutralize(text);
    }

    /** @return whether the value is written as a number: a Long, Integer, Short, BigDecimal or finite Double */
    static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigDecimal || value instanceof Double d && Double.isFinite(d);
    }

    /** @return whether the text at {@code from} is a formula character after none or some apostrophes or quotes */
    private static boolean startsLikeFormula(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == APOSTROPHE || text.charAt(i) == '"')) {
            i++;
        }
        return i < text.length() && isFormulaStart(text.charAt(i));
    }

    /** @return the instant as {@code uuuu-MM-dd HH:mm:ss} in UTC, without a formatter for the years 0 to 9999 */
    private static String dateTime(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return DATE_TIME.format(instant);
        }
        StringBuilder text = appendDate(new StringBuilder(19), time.toLocalDate()).append(' ');
        return twoDigits(twoDigits(twoDigits(text, time.getHour()).append(':'), time.getMinute()).append(':'),
                time.getSecond()).toString();
    }

    private static StringBuilder appendDate(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        text.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10));
        twoDigits(text, year % 100).append('-');
        return twoDigits(twoDigits(text, date.getMonthValue()).append('-'), date.getDayOfMonth());
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof LocalDate date) {
            return date.getYear() >= 0 && date.getYear() <= 9999 ? appendDate(new StringBuilder(10), date).toString()
                    : DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return dateTime(instant);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> elements) {
            StringBuilder joined = new StringBuilder();
            boolean first = true;
            for (Object element : elements) {
                if (!first) {
                    joined.append("; ");
                }
                joined.append(plain(element));
                first = false;
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }
}
