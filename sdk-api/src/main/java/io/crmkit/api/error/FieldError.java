package io.crmkit.api.error;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem with one input field, as reported inside a {@link ValidationException}.
 *
 * @param field   the path of the field in the input, such as {@code "name"}, {@code "phones[2]"} or
 *                {@code "custom.loyalty_points"}
 * @param code    machine-readable problem: {@code required}, {@code too_long}, {@code too_many},
 *                {@code invalid}, {@code out_of_range}, {@code not_allowed}, {@code unknown_field},
 *                {@code wrong_type} or {@code duplicate}
 * @param message a sentence a developer can act on, naming the field, the problem and the limit
 * @param limit   the limit that was broken (such as {@code "80"} for a length), empty where none applies
 */
public record FieldError(String field, String code, String message, Optional<String> limit) {

    /**
     * Validates that no component is null.
     *
     * @param field   the path of the field in the input, such as {@code "phones[2]"}
     * @param code    the machine-readable problem, such as {@code too_long}
     * @param message a sentence naming the field, the problem and the limit
     * @param limit   the limit that was broken, empty where none applies
     * @throws NullPointerException when a component is null
     */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(limit, "limit");
    }

    /**
     * @param field   the path of the field in the input, such as {@code "name"}
     * @param code    the machine-readable problem, such as {@code required}
     * @param message a sentence naming the field and the problem
     * @return an error without a numeric limit
     * @throws NullPointerException when an argument is null
     */
    public static FieldError of(String field, String code, String message) {
        return new FieldError(field, code, message, Optional.empty());
    }

    /**
     * @param field   the path of the field in the input, such as {@code "phones[3]"}
     * @param code    the machine-readable problem, such as {@code too_many}
     * @param message a sentence naming the field, the problem and the limit
     * @param limit   the limit that was broken, such as {@code 3}; stored as {@link String#valueOf(Object)}
     * @return an error that names the limit it broke
     * @throws NullPointerException when {@code field}, {@code code} or {@code message} is null
     */
    public static FieldError of(String field, String code, String message, Object limit) {
        return new FieldError(field, code, message, Optional.of(String.valueOf(limit)));
    }
}
