package io.crmkit.api.error;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input was rejected before anything was written. Lists every problem found, not only the first,
 * so a form can show them all at once.
 */
public class ValidationException extends CrmException {

    /** Every problem found; never empty. */
    private final List<FieldError> errors;

    /**
     * For the SDK's checks, which always have an error to report; a caller's argument is never checked by this.
     *
     * @param errors every problem found; at least one
     * @throws IllegalArgumentException when {@code errors} is empty
     * @throws NullPointerException     when {@code errors} or an error is null
     */
    public ValidationException(List<FieldError> errors) {
        super("validation", describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * @param field   the path of the field in the input, such as {@code "email"} or {@code "phones[2]"}
     * @param code    the machine-readable problem, such as {@code invalid} (see {@link FieldError#code()})
     * @param message a sentence naming the field, the problem and the limit
     * @return a ValidationException for a single problem
     * @throws NullPointerException when an argument is null
     */
    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(FieldError.of(field, code, message)));
    }

    /**
     * Checks one argument of a caller, the way every type of the API does: a null is a {@code ValidationException}
     * naming the argument, never a {@link NullPointerException}.
     *
     * @param value the argument
     * @param field the argument's name, as the error names it
     * @param <T>   the argument's type
     * @return {@code value}
     * @throws ValidationException on {@code field}, code {@code required}, when {@code value} is null
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw of(field, "required", field + ": must not be null");
        }
        return value;
    }

    /**
     * Copies a collection argument of a caller, refusing a null collection or a null element by name.
     *
     * @param values the argument
     * @param field  the argument's name, as the error names it; an element is named {@code field[index]}
     * @param <T>    the element type
     * @return an unmodifiable copy, in iteration order
     * @throws ValidationException code {@code required}, on {@code field} when {@code values} is null, on
     *                             {@code field[index]} for the first null element
     */
    public static <T> List<T> requireNoNulls(Collection<? extends T> values, String field) {
        requireNonNull(values, field);
        int index = 0;
        for (T value : values) {
            if (value == null) {
                String element = field + "[" + index + "]";
                throw of(element, "required", element + ": must not be null");
            }
            index++;
        }
        return List.copyOf(values);
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
