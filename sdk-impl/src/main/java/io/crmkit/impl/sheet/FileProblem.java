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
}
