package io.crmkit.impl.validation;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one input, so that a caller hears of all of them at once, and checks the text
 * rules shared by every field: trimmed, at most N code points, no control characters.
 */
public final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a problem. */
    public void add(String field, String code, String message) {
        errors.add(FieldError.of(field, code, field + ": " + message));
    }

    /** Records a problem that broke a limit. */
    public void add(String field, String code, String message, Object limit) {
        errors.add(FieldError.of(field, code, field + ": " + message, limit));
    }

    /** @return how many problems were recorded */
    public int size() {
        return errors.size();
    }

    /** @return whether no problem was recorded */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @return the messages of the recorded problems, in order, each starting with its field */
    public List<String> messages() {
        return errors.stream().map(FieldError::message).toList();
    }

    /** @return whether a problem was recorded for this field */
    public boolean hasErrorAt(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** @throws ValidationException listing every recorded problem, if there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Checks free text: trims it, checks its length in code points, and refuses what a single-line field must
     * not hold: control characters (line breaks, tabs), line and paragraph separators, bidirectional overrides
     * and unpaired surrogates (which databases would store as '?'). Text of nothing but spaces and invisible
     * format characters (zero-width spaces) counts as blank.
     *
     * @return the trimmed text; "" for null or blank
     */
    public String text(String field, String value, int max) {
        return checked(field, value, max, false);
    }

    /**
     * Checks a note that may span several lines (a remark) as {@link #text} checks a single line, except that line
     * breaks are allowed: CR LF, CR and LF each become one LF, which counts as one character. Other control
     * characters (tabs), line and paragraph separators and the rest stay refused.
     *
     * @return the trimmed text with LF line breaks; "" for null or blank
     */
    public String multilineText(String field, String value, int max) {
        return checked(field, value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n'), max, true);
    }

    private String checked(String field, String value, int max, boolean lineFeeds) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String trimmed = value.strip();
        if (isBlank(trimmed)) {
            return "";
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > max) {
            add(field, "too_long", "at most " + max + " characters, got " + length, max);
        }
        String problem = unsafeCharacter(trimmed, lineFeeds);
        if (problem != null) {
            add(field, "invalid", problem + " are not allowed");
        }
        return trimmed;
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    private static String unsafeCharacter(String text, boolean lineFeeds) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineFeeds && c == '\n') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return lineFeeds ? "control characters other than line breaks (such as tabs)"
                        : "control characters (such as line breaks)";
            }
            int type = Character.getType(c);
            if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return "line and paragraph separators";
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "bidirectional override characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "unpaired surrogate characters";
            }
        }
        return null;
    }

    /**
     * Checks a name that must not be blank, as {@link #text} does.
     *
     * @param what what the name names, for the message ("a group")
     * @return the trimmed name
     */
    public String requiredText(String field, String value, int max, String what) {
        String text = text(field, value, max);
        if (text.isEmpty()) {
            add(field, "required", what + " needs a " + field);
        }
        return text;
    }

    /** @return the number of code points of the text */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
