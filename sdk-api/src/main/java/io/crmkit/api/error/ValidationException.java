package io.crmkit.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input was rejected before anything was written. Lists every problem found, not only the first,
 * so a form can show them all at once.
 */
public class ValidationException extends CrmException {

    private final List<FieldError> errors;

    /** @param errors every problem found; at least one */
    public ValidationException(List<FieldError> errors) {
        super("validation", describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** @return a ValidationException for a single problem */
    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(FieldError.of(field, code, message)));
    }

    /** @return every problem found, in input order; never empty */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        String noun = errors.size() == 1 ? "1 invalid field" : errors.size() + " invalid fields";
        return noun + ": " + errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
    }
}
