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

    /** @return whether a problem was recorded for this field */
    public boolean hasErrorAt(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** @return whether no problem was recorded */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws ValidationException listing every recorded problem, if there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Checks free text: trims it and checks its length in code points and that it has no control characters
     * (line breaks and tabs included: these are single-line fields).
     *
     * @return the trimmed text; "" for null or blank
     */
    public String text(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > max) {
            add(field, "too_long", "at most " + max + " characters, got " + length, max);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                add(field, "invalid", "control characters (such as line breaks) are not allowed");
                break;
            }
        }
        return trimmed;
    }

    /** @return the number of code points of the text */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
