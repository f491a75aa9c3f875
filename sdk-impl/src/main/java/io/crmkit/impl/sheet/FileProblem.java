package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;

/** Builds the errors a user sees about an uploaded file: field {@code "file"}, messages starting with "file: ". */
final class FileProblem {

    private FileProblem() {
    }

    /**
     * @param code    short machine-readable reason, such as {@code "too_long"}
     * @param message what is wrong, where, the limit and what to do, without the "file: " prefix
     */
    static ValidationException of(String code, String message) {
        return ValidationException.of("file", code, "file: " + message);
    }

    /**
     * @param where   the row, such as "row 7" or "line 7"
     * @param maxChars {@link SheetLimits#maxRowChars()}
     * @return {@code too_long} for a row whose cells together hold more than maxChars characters
     */
    static ValidationException rowTooLong(String where, long maxChars) {
        return of("too_long", where + ": a row holds at most " + maxChars + " characters, all its cells together, "
                + "this one holds more. Shorten its cells, or import the long texts another way");
    }
}
