package io.crmkit.api.field;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A custom field of a tenant, as stored.
 *
 * @param id        SDK-generated id
 * @param key       the key values are written and read under: 1 to 40 characters of {@code a-z 0-9 _},
 *                  starting with a letter; never the key of a built-in field
 * @param label     what a form shows, 1 to 80 characters
 * @param type      the value type; fixed once defined
 * @param required  whether a new customer must have a value, and an existing one may not clear it
 * @param maxLength for {@link FieldType#TEXT}: the longest value accepted
 * @param min       for numeric types: the smallest value accepted
 * @param max       for numeric types: the largest value accepted
 * @param options   for choice types: the allowed values, in display order
 * @param retired   a retired field accepts no values and its values are no longer returned; its key stays taken
 * @param version   incremented on each change
 * @param createdAt when it was defined
 * @param updatedAt when it last changed
 */
public record FieldDefinition(
        long id,
        String key,
        String label,
        FieldType type,
        boolean required,
        OptionalInt maxLength,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        List<String> options,
        boolean retired,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Checks for nulls and copies the options.
     *
     * @param id        SDK-generated id
     * @param key       the key values are written and read under; not null
     * @param label     what a form shows; not null
     * @param type      the value type; not null
     * @param required  whether a new customer must have a value
     * @param maxLength for {@link FieldType#TEXT}: the longest value accepted; empty for other types; not null
     * @param min       for numeric types: the smallest value accepted; empty for none; not null
     * @param max       for numeric types: the largest value accepted; empty for none; not null
     * @param options   for choice types: the allowed values, in display order; empty for other types; neither the
     *                  list nor an option may be null
     * @param retired   whether the field is retired
     * @param version   the definition's version, 1 when defined
     * @param createdAt when it was defined; not null
     * @param updatedAt when it last changed; not null
     * @throws NullPointerException when a reference component or an option is null
     */
    public FieldDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        options = List.copyOf(options);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
