package io.crmkit.impl.filter;

import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.validation.Errors;
import io.crmkit.impl.validation.StoredTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the conditions of a filter before any SQL is written: the field is on the whitelist, the operator is one
 * the field accepts, and every value has the type ({@link #valueType}), size and range the field compares with; the
 * values come back in the form the database stores ({@link ComparedValues}). Each problem is recorded with the path
 * of its condition ({@code filter.all[0]}), the field of the error a caller sees, and a message naming the field.
 * No SQL. Not thread-safe: it records into one {@link Errors}.
 */
final class ConditionChecker {

    /** Largest day count of the relative date operators (about 100 years). */
    static final long MAX_DAYS = 36_500;
    /** Longest text a condition compares with. */
    static final int MAX_TEXT = 1_000;
    /** Largest count of an events condition. */
    static final long MAX_EVENT_COUNT = 1_000_000;
    /** Longest part of a phone number compared with, as typed: no phone is typed longer. */
    static final int PHONE_FRAGMENT_MAX = CustomerLimits.PHONE_LENGTH_MAX;
    /** Most digits of a part of a phone number: a number in E.164 has at most 15. */
    static final int PHONE_DIGITS_MAX = 15;
    /** Longest part of an email address compared with: no email is longer. */
    static final int EMAIL_FRAGMENT_MAX = CustomerLimits.EMAIL_LENGTH_MAX;

    /** The operators that compare with a part of the text. */
    private static final Set<Operator> FRAGMENT = EnumSet.of(Operator.CONTAINS, Operator.NOT_CONTAINS,
            Operator.STARTS_WITH, Operator.ENDS_WITH);
    /** Digits, one leading +, and the separators people type in phone numbers. */
    private static final Pattern PHONE_FRAGMENT = Pattern.compile("\\+?[\\d\\s().-]+");

    private final FilterFields fields;
    private final ComparedValues compared;
    private final Errors errors;

    ConditionChecker(FilterFields fields, ComparedValues compared, Errors errors) {
        this.fields = fields;
        this.compared = compared;
        this.errors = errors;
    }

    /**
     * A condition on a field of the whitelist, checked.
     *
     * @param values the values in the form the database stores: for a group or saved filter its id, for events
     *               the count and the days, for a part of a phone or email the {@link ComparedValues.Like}
     *               patterns
     */
    record Checked(FilterField field, Operator operator, List<Object> values) {
    }

    /** @return the condition on a whitelisted field with its values checked, or empty after recording the problem */
    Optional<Checked> check(Filter.Condition condition, String path) {
        FilterField field = fields.resolve(condition.field()).orElse(null);
        if (field == null) {
            errors.add(path, "unknown_field", unknown(condition.field()));
            return Optional.empty();
        }
        Operator operator = condition.operator();
        if (!field.operators().contains(operator)) {
            errors.add(path, "not_allowed", notAllowed(field, operator));
            return Optional.empty();
        }
        return values(field, operator, condition.values(), path).map(values -> new Checked(field, operator, values));
    }

    /**
     * The type of each value a condition on the field takes with the operator: what the field metadata states and
     * what {@link #values} checks.
     */
    static FieldMetadata.ValueType valueType(FilterField field, Operator operator) {
        return isRelative(operator) ? FieldMetadata.ValueType.WHOLE_NUMBER : type(field);
    }

    /** The type of the field's values, as the field metadata states it. */
    static FieldMetadata.ValueType type(FilterField field) {
        return switch (field.type()) {
            case TEXT -> FieldMetadata.ValueType.TEXT;
            case CHOICE -> FieldMetadata.ValueType.CHOICE;
            case NUMBER -> field.place() == FilterField.Place.COLUMN ? FieldMetadata.ValueType.WHOLE_NUMBER
                    : FieldMetadata.ValueType.NUMBER;
            case DATE -> FieldMetadata.ValueType.DATE;
            case DATETIME -> FieldMetadata.ValueType.DATETIME;
            case BOOLEAN -> FieldMetadata.ValueType.BOOLEAN;
            case SET -> field.custom().isPresent() ? FieldMetadata.ValueType.CHOICE : FieldMetadata.ValueType.TEXT;
            case IDENTITY -> field.idType().equals("phone") ? FieldMetadata.ValueType.PHONE
                    : field.idType().equals("email") ? FieldMetadata.ValueType.EMAIL : FieldMetadata.ValueType.TEXT;
            case REFERENCE -> FieldMetadata.ValueType.ID;
            case EVENTS -> FieldMetadata.ValueType.WHOLE_NUMBER;
        };
    }

    /** @return the values checked and in stored form for the field, or empty after recording the problem */
    Optional<List<Object>> values(FilterField field, Operator operator, List<Object> values, String path) {
        if (field.place() == FilterField.Place.EVENTS) {
            return eventCount(values, path);
        }
        if (field.type() == FilterField.ValueType.REFERENCE) {
            return reference(field, values.get(0), path);
        }
        if (isRelative(operator)) {
            Object days = values.get(0);
            if (!(days instanceof Long count) || count < 1 || count > MAX_DAYS) {
                errors.add(path, "wrong_type", operator + " takes a whole number of days from 1 to " + MAX_DAYS
                        + ", got " + days);
                return Optional.empty();
            }
            return Optional.of(values);
        }
        Class<?> expected = javaType(valueType(field, operator));
        List<Object> stored = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!expected.isInstance(value)) {
                errors.add(path, "wrong_type", "field '" + field.key() + "' of type " + field.type() + " compares with "
                        + expected.getSimpleName() + " values, got " + value.getClass().getSimpleName() + " " + value);
                return Optional.empty();
            }
            if (!storable(field, value, path)) {
                return Optional.empty();
            }
            if (FRAGMENT.contains(operator)) {
                Optional<Object> fragment = fragment(field, operator, (String) value, path);
                if (fragment.isEmpty()) {
                    return Optional.empty();
                }
                stored.add(fragment.get());
                continue;
            }
            if (!field.choices().isEmpty() && !field.choices().contains(value)) {
                errors.add(path, "not_allowed", "field '" + field.key() + "': '" + value + "' is not one of "
                        + field.choices());
                return Optional.empty();
            }
            if (field.place() == FilterField.Place.COLUMN && field.type() == FilterField.ValueType.NUMBER) {
                Optional<Long> whole = ComparedValues.wholeNumber((Number) value);
                if (whole.isEmpty()) {
                    errors.add(path, "wrong_type", "field '" + field.key() + "' compares with whole numbers, got "
                            + value);
                    return Optional.empty();
                }
                stored.add(whole.get());
                continue;
            }
            stored.add(compared.asStored(field, value));
        }
        return Optional.of(stored);
    }

    /** @return whether the operator takes a number of days instead of a value of the field's type */
    static boolean isRelative(Operator operator) {
        return operator == Operator.WITHIN_LAST_DAYS || operator == Operator.BEFORE_DAYS_AGO
                || operator == Operator.AFTER_DAYS_AGO;
    }

    private static Class<?> javaType(FieldMetadata.ValueType type) {
        return switch (type) {
            case NUMBER, WHOLE_NUMBER -> Number.class;
            case DATE -> LocalDate.class;
            case DATETIME -> Instant.class;
            case BOOLEAN -> Boolean.class;
            case ID -> Long.class;
            case TEXT, PHONE, EMAIL, CHOICE -> String.class;
        };
    }

    private String unknown(String key) {
        if (fields.isRetired(key)) {
            return "custom field '" + key + "' is retired";
        }
        if (FilterFields.isEvents(key)) {
            return "'" + key + "' names no event type; write events.<type> with a type of 1 to 40 characters of"
                    + " a-z 0-9 _";
        }
        return "no field '" + key + "' to filter on";
    }

    private static String notAllowed(FilterField field, Operator operator) {
        return switch (field.place()) {
            case GROUP -> "field '" + field.key() + "' takes EQ with the id of a group, not " + operator;
            case SAVED_FILTER -> "field '" + field.key() + "' takes EQ with the id of a saved filter, not " + operator;
            case EVENTS -> operator + " does not fit field '" + field.key() + "'; events take "
                    + Operator.OCCURRED_AT_LEAST + " with a count and a number of days";
            default -> operator + " does not fit field '" + field.key() + "' of type " + field.type() + "; use one of "
                    + field.operators();
        };
    }

    /** The id of a group or saved filter; one that the tenant does not have matches nobody, or is refused later. */
    private Optional<List<Object>> reference(FilterField field, Object value, String path) {
        if (!(value instanceof Long id)) {
            errors.add(path, "wrong_type", "field '" + field.key() + "' compares with the id of a "
                    + (field.place() == FilterField.Place.GROUP ? "group" : "saved filter") + " as a whole number, got "
                    + value.getClass().getSimpleName() + " " + value);
            return Optional.empty();
        }
        return Optional.of(List.of(id));
    }

    /** At least N events in the last D days: the count and the days, in range. */
    private Optional<List<Object>> eventCount(List<Object> values, String path) {
        Object count = values.get(0);
        Object days = values.get(1);
        if (!(count instanceof Long times) || times < 1 || times > MAX_EVENT_COUNT) {
            errors.add(path, "wrong_type", "the count of " + Operator.OCCURRED_AT_LEAST + " is a whole number from 1 to "
                    + MAX_EVENT_COUNT + ", got " + count);
            return Optional.empty();
        }
        if (!(days instanceof Long window) || window < 1 || window > MAX_DAYS) {
            errors.add(path, "wrong_type", "the days of " + Operator.OCCURRED_AT_LEAST + " are a whole number from 1 to "
                    + MAX_DAYS + ", got " + days);
            return Optional.empty();
        }
        return Optional.of(List.of(times, window));
    }

    /**
     * A part of a text: never empty, and for phones, emails and the address no longer than what they store. Parts
     * of phones and emails come back as the LIKE patterns of their stored form.
     */
    private Optional<Object> fragment(FilterField field, Operator operator, String text, String path) {
        FieldMetadata.ValueType type = valueType(field, operator);
        String fragment = type == FieldMetadata.ValueType.TEXT ? text : text.strip();
        String of = "field '" + field.key() + "': " + operator;
        if (fragment.isEmpty()) {
            errors.add(path, "required", of + " takes a part of at least 1 character, got an empty one");
            return Optional.empty();
        }
        if (type == FieldMetadata.ValueType.PHONE) {
            return phoneFragment(fragment, operator, of, path);
        }
        int max = type == FieldMetadata.ValueType.EMAIL ? EMAIL_FRAGMENT_MAX
                : field.place() == FilterField.Place.ADDRESS ? FilterFields.ADDRESS_FRAGMENT_MAX : MAX_TEXT;
        int length = fragment.codePointCount(0, fragment.length());
        if (length > max) {
            errors.add(path, "too_long", of + " takes a part of at most " + max + " characters, got " + length, max);
            return Optional.empty();
        }
        if (type == FieldMetadata.ValueType.EMAIL) {
            return Optional.of(ComparedValues.emailPart(operator, fragment.toLowerCase(Locale.ROOT)));
        }
        return Optional.of(text);
    }

    private Optional<Object> phoneFragment(String fragment, Operator operator, String of, String path) {
        if (fragment.length() > PHONE_FRAGMENT_MAX) {
            errors.add(path, "too_long", of + " takes a part of a phone number of at most " + PHONE_FRAGMENT_MAX
                    + " characters, got " + fragment.length(), PHONE_FRAGMENT_MAX);
            return Optional.empty();
        }
        if (!PHONE_FRAGMENT.matcher(fragment).matches()) {
            errors.add(path, "invalid", of + " takes a part of a phone number: digits, a leading + and the"
                    + " separators space ( ) . -, got '" + fragment + "'");
            return Optional.empty();
        }
        String digits = fragment.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            errors.add(path, "required", of + " takes a part of a phone number of at least 1 digit, got '" + fragment
                    + "'");
            return Optional.empty();
        }
        if (digits.length() > PHONE_DIGITS_MAX) {
            errors.add(path, "too_long", of + " takes a part of a phone number of at most " + PHONE_DIGITS_MAX
                    + " digits, got " + digits.length(), PHONE_DIGITS_MAX);
            return Optional.empty();
        }
        return Optional.of(compared.phonePart(operator, fragment.startsWith("+"), digits));
    }

    /**
     * @return whether a database can store the value, recording the problem when not: a database refuses the
     *         others with an error of its own, and a number of a billion digits could not even be sent
     */
    private boolean storable(FilterField field, Object value, String path) {
        String compares = "field '" + field.key() + "' compares with ";
        if (value instanceof String text && text.length() > MAX_TEXT) {
            errors.add(path, "too_long", compares + "at most " + MAX_TEXT + " characters, got " + text.length(),
                    MAX_TEXT);
            return false;
        }
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            errors.add(path, "invalid", compares + "text without NUL characters, got one that holds one");
            return false;
        }
        if (value instanceof BigDecimal number && (number.precision() - number.scale() > FieldValues.DECIMAL_INTEGER_DIGITS
                || number.scale() > FieldValues.DECIMAL_SCALE)) {
            errors.add(path, "out_of_range", compares + "numbers of at most " + FieldValues.DECIMAL_INTEGER_DIGITS
                    + " digits before the point and " + FieldValues.DECIMAL_SCALE + " after it, got " + number);
            return false;
        }
        boolean stored = value instanceof LocalDate date ? StoredTimes.holds(date)
                : !(value instanceof Instant instant) || StoredTimes.holds(instant);
        if (!stored) {
            errors.add(path, "out_of_range", compares + "dates of " + StoredTimes.RANGE + ", got " + value);
        }
        return stored;
    }
}
