package io.crmkit.impl.filter;

import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.validation.Errors;
import io.crmkit.impl.validation.StoredTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the conditions of a filter before any SQL is written: the field is on the whitelist, the operator fits
 * its type, and every value has the type, size and range the field compares with; the values come back in the
 * form the database stores ({@link ComparedValues}). Each problem is recorded with the path of its condition
 * ({@code filter.all[0]}), the field of the error a caller sees. No SQL. Not thread-safe: it records into one
 * {@link Errors}.
 */
final class ConditionChecker {

    /** Largest day count of the relative date operators (about 100 years). */
    static final long MAX_DAYS = 36_500;
    /** Longest text a condition compares with. */
    static final int MAX_TEXT = 1_000;
    /** Largest count of an events condition. */
    static final long MAX_EVENT_COUNT = 1_000_000;
    /** The prefix of an event condition's field: {@code events.purchase}. */
    static final String EVENTS = "events.";

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_]{1,40}");

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
     * @param values the values in the form the database stores
     */
    record Checked(FilterField field, Operator operator, List<Object> values) {
    }

    /**
     * At least {@code times} events of {@code type} in the last {@code days} days.
     *
     * @param type an event type of 1 to 40 characters of a-z 0-9 _
     */
    record EventCount(String type, long times, long days) {
    }

    /** @return the condition on a whitelisted field with its values checked, or empty after recording the problem */
    Optional<Checked> check(Filter.Condition condition, String path) {
        FilterField field = fields.resolve(condition.field()).orElse(null);
        if (field == null) {
            errors.add(path, "unknown_field", fields.isRetired(condition.field())
                    ? "custom field '" + condition.field() + "' is retired"
                    : "no field '" + condition.field() + "' to filter on");
            return Optional.empty();
        }
        Operator operator = condition.operator();
        if (!field.type().operators().contains(operator)) {
            errors.add(path, "not_allowed", operator + " does not fit field '" + field.key() + "' of type "
                    + field.type() + "; use one of " + field.type().operators());
            return Optional.empty();
        }
        return values(field, operator, condition.values(), path).map(values -> new Checked(field, operator, values));
    }

    /** @return the count and window of an {@code events.<type>} condition, or empty after recording the problem */
    Optional<EventCount> events(Filter.Condition condition, String path) {
        String type = condition.field().substring(EVENTS.length());
        if (!EVENT_TYPE.matcher(type).matches()) {
            errors.add(path, "unknown_field", "'" + condition.field() + "' names no event type; write events.<type>"
                    + " with a type of 1 to 40 characters of a-z 0-9 _");
            return Optional.empty();
        }
        if (condition.operator() != Operator.OCCURRED_AT_LEAST) {
            errors.add(path, "not_allowed", condition.operator() + " does not fit '" + condition.field() + "'; events"
                    + " take " + Operator.OCCURRED_AT_LEAST + " with a count and a number of days");
            return Optional.empty();
        }
        Object count = condition.values().get(0);
        Object days = condition.values().get(1);
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
        return Optional.of(new EventCount(type, times, window));
    }

    /**
     * @param what what the id names, for the message: "a saved filter", "a group"
     * @return the id of a membership condition ({@code savedFilter}, {@code group}), or empty after recording the
     *         problem
     */
    Optional<Long> reference(Filter.Condition condition, String path, String what) {
        Object value = condition.values().isEmpty() ? null : condition.values().get(0);
        if (condition.operator() != Operator.EQ || !(value instanceof Long id)) {
            errors.add(path, "not_allowed", condition.field() + " takes EQ with the id of " + what);
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** @return the values checked and in stored form for the field, or empty after recording the problem */
    Optional<List<Object>> values(FilterField field, Operator operator, List<Object> values, String path) {
        if (isRelative(operator)) {
            Object days = values.get(0);
            if (!(days instanceof Long count) || count < 1 || count > MAX_DAYS) {
                errors.add(path, "wrong_type", operator + " takes a whole number of days from 1 to " + MAX_DAYS
                        + ", got " + days);
                return Optional.empty();
            }
            return Optional.of(values);
        }
        Class<?> expected = switch (field.type()) {
            case NUMBER -> Number.class;
            case DATE -> LocalDate.class;
            case DATETIME -> Instant.class;
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
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
            if (!field.choices().isEmpty() && !field.choices().contains(value)) {
                errors.add(path, "not_allowed", "'" + value + "' is not one of " + field.choices());
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

    /** @return whether the operator takes a number of days instead of a value of the field's type */
    static boolean isRelative(Operator operator) {
        return operator == Operator.WITHIN_LAST_DAYS || operator == Operator.BEFORE_DAYS_AGO
                || operator == Operator.AFTER_DAYS_AGO;
    }
}
