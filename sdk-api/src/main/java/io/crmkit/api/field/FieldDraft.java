package io.crmkit.api.field;

import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The input of {@link FieldService#define}. The service checks the key, the label and that the limits fit
 * the type, and reports every problem at once.
 *
 * @param key       1 to 40 characters of {@code a-z 0-9 _}, starting with a letter, not a built-in key
 * @param label     1 to 80 characters; defaults to the key
 * @param type      the value type
 * @param required  whether customers must have a value
 * @param maxLength TEXT only: 1 to 500, default 255
 * @param min       NUMBER and DECIMAL only
 * @param max       NUMBER and DECIMAL only; not below min
 * @param options   choice types only: 1 to 100 distinct options of 1 to 80 characters
 */
public record FieldDraft(String key, String label, FieldType type, boolean required, OptionalInt maxLength,
                         Optional<BigDecimal> min, Optional<BigDecimal> max, List<String> options) {

    /**
     * Checks for nulls and copies the options. The limits are checked by {@link FieldService#define}, on the
     * field of the same name ({@code options[index]} for one option).
     *
     * @param key       1 to 40 characters of {@code a-z 0-9 _}, starting with a letter, not a built-in key; not null
     * @param label     1 to 80 characters; null or "" for the key
     * @param type      the value type; not null
     * @param required  whether customers must have a value
     * @param maxLength TEXT only: 1 to 500; empty for 255; not null
     * @param min       NUMBER and DECIMAL only (whole for NUMBER); empty for none; not null
     * @param max       NUMBER and DECIMAL only, not below min; empty for none; not null
     * @param options   choice types only: 1 to 100 distinct options of 1 to 80 characters; empty for other types;
     *                  neither the list nor an option may be null
     * @throws ValidationException code {@code required} on the field of a null component ({@code options[index]}
     *                             for a null option)
     */
    public FieldDraft {
        ValidationException.requireNonNull(key, "key");
        label = label == null ? "" : label;
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(maxLength, "maxLength");
        ValidationException.requireNonNull(min, "min");
        ValidationException.requireNonNull(max, "max");
        options = ValidationException.requireNoNulls(options, "options");
    }

    /**
     * @param key  1 to 40 characters of {@code a-z 0-9 _}, starting with a letter, not a built-in key
     * @param type the value type, fixed once defined
     * @return a builder for a field of that key and type
     * @throws ValidationException on field {@code key} or {@code type}, code {@code required}, when it is null
     */
    public static Builder builder(String key, FieldType type) {
        return new Builder(key, type);
    }

    /** Collects a field definition. Not thread-safe. */
    public static final class Builder {
        private final String key;
        private final FieldType type;
        private String label;
        private boolean required;
        private Integer maxLength;
        private BigDecimal min;
        private BigDecimal max;
        private final List<String> options = new ArrayList<>();

        private Builder(String key, FieldType type) {
            this.key = ValidationException.requireNonNull(key, "key");
            this.type = ValidationException.requireNonNull(type, "type");
        }

        /**
         * @param label 1 to 80 characters; null for the key
         * @return this builder
         */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /**
         * @param required whether customers must have a value
         * @return this builder
         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /**
         * @param maxLength TEXT only, 1 to 500
         * @return this builder
         */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /**
         * @param min the smallest accepted value, numeric types only (whole for NUMBER); null for none
         * @return this builder
         */
        public Builder min(BigDecimal min) {
            this.min = min;
            return this;
        }

        /**
         * @param min the smallest accepted value, numeric types only
         * @return this builder
         */
        public Builder min(long min) {
            return min(BigDecimal.valueOf(min));
        }

        /**
         * @param max the largest accepted value, numeric types only, not below min; null for none
         * @return this builder
         */
        public Builder max(BigDecimal max) {
            this.max = max;
            return this;
        }

        /**
         * @param max the largest accepted value, numeric types only, not below min
         * @return this builder
         */
        public Builder max(long max) {
            return max(BigDecimal.valueOf(max));
        }

        /**
         * Adds choice options, choice types only.
         *
         * @param options options of 1 to 80 characters, distinct; 1 to 100 in all; not null (a null option is
         *                refused by {@link #build()}, on {@code options[index]})
         * @return this builder
         * @throws ValidationException on field {@code options}, code {@code required}, when it is null
         */
        public Builder options(Collection<String> options) {
            this.options.addAll(ValidationException.requireNonNull(options, "options"));
            return this;
        }

        /**
         * Adds choice options, choice types only.
         *
         * @param options options of 1 to 80 characters, distinct; 1 to 100 in all; not null (a null option is
         *                refused by {@link #build()}, on {@code options[index]})
         * @return this builder
         * @throws ValidationException on field {@code options}, code {@code required}, when it is null
         */
        public Builder options(String... options) {
            return options(Arrays.asList(ValidationException.requireNonNull(options, "options")));
        }

        /** @return the draft; validated when defined */
        public FieldDraft build() {
            return new FieldDraft(key, label, type, required,
                    maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength),
                    Optional.ofNullable(min), Optional.ofNullable(max), options);
        }
    }
}
