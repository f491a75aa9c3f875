package io.crmkit.api.field;

import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change to a custom field's label, limits or options, made against the version read. The key and the
 * type never change. Each component that is empty keeps the current setting.
 *
 * <p>New limits and options apply to values written from then on; stored values are not re-checked, and
 * stay readable even when an option they use is removed. A field made required is enforced on new
 * customers and on updates that try to clear it.
 *
 * @param version   the {@link FieldDefinition#version()} the change was made against
 * @param label     new label, 1 to 80 characters
 * @param required  new required flag
 * @param maxLength new max length (TEXT)
 * @param min       new minimum (numeric)
 * @param max       new maximum (numeric)
 * @param removeMin whether to remove the minimum (numeric)
 * @param removeMax whether to remove the maximum (numeric)
 * @param options   new options, replacing the old list (choice types)
 */
public record FieldUpdate(long version, Optional<String> label, Optional<Boolean> required, OptionalInt maxLength,
                          Optional<BigDecimal> min, Optional<BigDecimal> max, boolean removeMin, boolean removeMax,
                          Optional<List<String>> options) {

    /**
     * Checks for nulls and copies the options. The new settings are checked by {@link FieldService#update}, on
     * the field of the same name, as for {@link FieldDraft}.
     *
     * @param version   the {@link FieldDefinition#version()} the change was made against
     * @param label     new label, 1 to 80 characters; empty to keep it; not null
     * @param required  new required flag; empty to keep it; not null
     * @param maxLength new max length (TEXT), 1 to 500; empty to keep it; not null
     * @param min       new minimum (numeric); empty to keep it; not null
     * @param max       new maximum (numeric), not below the minimum; empty to keep it; not null
     * @param removeMin whether to remove the minimum (numeric)
     * @param removeMax whether to remove the maximum (numeric)
     * @param options   new options (choice types), 1 to 100 distinct of 1 to 80 characters; empty to keep them;
     *                  not null, nor an option in it
     * @throws ValidationException on field {@code label}, {@code required}, {@code maxLength}, {@code min},
     *                             {@code max} or {@code options} ({@code options[index]} for a null option), code
     *                             {@code required}, when it is null
     */
    public FieldUpdate {
        ValidationException.requireNonNull(label, "label");
        ValidationException.requireNonNull(required, "required");
        ValidationException.requireNonNull(maxLength, "maxLength");
        ValidationException.requireNonNull(min, "min");
        ValidationException.requireNonNull(max, "max");
        ValidationException.requireNonNull(options, "options");
        options = options.map(list -> ValidationException.requireNoNulls(list, "options"));
    }

    /**
     * @param version the {@link FieldDefinition#version()} of the field as read
     * @return an update against that version that changes nothing yet
     */
    public static FieldUpdate of(long version) {
        return new FieldUpdate(version, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), false, false, Optional.empty());
    }

    /**
     * @param label the new label, 1 to 80 characters
     * @return this update with a new label
     * @throws ValidationException on field {@code label}, code {@code required}, when it is null
     */
    public FieldUpdate withLabel(String label) {
        ValidationException.requireNonNull(label, "label");
        return new FieldUpdate(version, Optional.of(label), required, maxLength, min, max, removeMin, removeMax,
                options);
    }

    /**
     * @param required whether customers must have a value from now on
     * @return this update with a new required flag
     */
    public FieldUpdate withRequired(boolean required) {
        return new FieldUpdate(version, label, Optional.of(required), maxLength, min, max, removeMin, removeMax,
                options);
    }

    /**
     * @param maxLength the new longest value, 1 to 500 (TEXT fields only)
     * @return this update with a new max length
     */
    public FieldUpdate withMaxLength(int maxLength) {
        return new FieldUpdate(version, label, required, OptionalInt.of(maxLength), min, max, removeMin, removeMax,
                options);
    }

    /**
     * @param min the new smallest accepted value (numeric fields only; whole for NUMBER)
     * @return this update with a new minimum
     * @throws ValidationException on field {@code min}, code {@code required}, when it is null
     */
    public FieldUpdate withMin(BigDecimal min) {
        ValidationException.requireNonNull(min, "min");
        return new FieldUpdate(version, label, required, maxLength, Optional.of(min), max, false, removeMax,
                options);
    }

    /**
     * @param max the new largest accepted value, not below the minimum (numeric fields only; whole for NUMBER)
     * @return this update with a new maximum
     * @throws ValidationException on field {@code max}, code {@code required}, when it is null
     */
    public FieldUpdate withMax(BigDecimal max) {
        ValidationException.requireNonNull(max, "max");
        return new FieldUpdate(version, label, required, maxLength, min, Optional.of(max), removeMin, false,
                options);
    }

    /** @return this update without a minimum */
    public FieldUpdate withoutMin() {
        return new FieldUpdate(version, label, required, maxLength, Optional.empty(), max, true, removeMax, options);
    }

    /** @return this update without a maximum */
    public FieldUpdate withoutMax() {
        return new FieldUpdate(version, label, required, maxLength, min, Optional.empty(), removeMin, true, options);
    }

    /**
     * @param options the new options, replacing the old list: 1 to 100 distinct of 1 to 80 characters (choice
     *                fields only)
     * @return this update with a new option list
     * @throws ValidationException on field {@code options}, code {@code required}, when it is null
     *                             ({@code options[index]} for a null option)
     */
    public FieldUpdate withOptions(List<String> options) {
        return new FieldUpdate(version, label, required, maxLength, min, max, removeMin, removeMax,
                Optional.of(ValidationException.requireNonNull(options, "options")));
    }
}
