package io.crmkit.api.field;

/**
 * The type of a custom field: what values it accepts on write and the Java type it returns in
 * {@code Customer.custom()}. Strings in ISO form are accepted for every type, so that values can come
 * straight from a form or a file.
 */
public enum FieldType {
    /** Text up to the field's max length (1 to 500, default 255). Returns {@link String}. */
    TEXT,
    /** A whole number: any integral {@link Number} within {@code long}, or its text. Returns {@link Long}. */
    NUMBER,
    /**
     * A decimal number with at most 28 digits before and 10 after the point: any {@link Number} or its text.
     * Returns {@link java.math.BigDecimal}.
     */
    DECIMAL,
    /** {@link Boolean}, or the text "true" / "false". Returns {@link Boolean}. */
    BOOLEAN,
    /** A {@link java.time.LocalDate}, or ISO text "2024-05-31". Returns {@link java.time.LocalDate}. */
    DATE,
    /**
     * An {@link java.time.Instant}, {@link java.time.OffsetDateTime} or {@link java.time.ZonedDateTime}, or ISO
     * text with an offset ("2024-05-31T08:00:00Z"). Stored in UTC to the microsecond.
     * Returns {@link java.time.Instant}.
     */
    DATETIME,
    /** One of the field's options, as text. Returns {@link String}. */
    SINGLE_CHOICE,
    /** A collection of distinct options. Returns an unmodifiable {@code List<String>} in option order. */
    MULTIPLE_CHOICE,
    /** An email address, at most 128 characters, stored lower-cased. Returns {@link String}. */
    EMAIL,
    /** A phone number in any common notation, stored in E.164. Returns {@link String}. */
    PHONE,
    /** An absolute http or https URL, at most 500 characters. Returns {@link String}. */
    URL;

    /** @return whether the type takes a list of options */
    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** @return whether min and max limits apply */
    public boolean isNumeric() {
        return this == NUMBER || this == DECIMAL;
    }
}
