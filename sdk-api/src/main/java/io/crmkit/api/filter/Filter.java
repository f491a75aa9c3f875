package io.crmkit.api.filter;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A condition on customers: a tree of groups (all-of / any-of, nested to any depth, up to
 * {@link #MAX_DEPTH} levels and {@link #MAX_CONDITIONS} conditions) whose leaves are conditions
 * {@code (field, operator, values)}.
 *
 * <pre>{@code
 * Filter.all(
 *         Filter.eq("city", "Hanoi"),
 *         Filter.any(Filter.hasTag("vip"), Filter.after("createdAt", Instant.parse("2019-11-01T18:00:00Z"))));
 * }</pre>
 *
 * <p>Values are held in canonical types so that a filter compares equal to itself after a round trip
 * through its JSON form: {@link String}, {@link Long} (any integral number), {@link BigDecimal} (any other
 * number), {@link Boolean}, {@link LocalDate} and {@link Instant}. Anything else is refused at construction
 * with a {@link ValidationException} on field {@code filter} (a filter read from JSON names the path of the node
 * instead). Whether the field exists and the operator and values fit its type
 * is checked when the filter is used, against the tenant's fields.
 */
public sealed interface Filter permits Filter.Group, Filter.Condition {

    /** Deepest nesting of groups. */
    int MAX_DEPTH = 10;
    /** Most conditions in one filter. */
    int MAX_CONDITIONS = 200;
    /**
     * Most conditions a filter may compile to once every saved filter it refers to (with
     * {@code eq("savedFilter", id)}) is inlined in its place, each reference counting all the conditions of the
     * filter it names: a filter of 200 references to a filter of 200 conditions would be 40,000 conditions.
     * Exceeding it is a {@link io.crmkit.api.error.ValidationException} with code {@code too_many} at the
     * reference that crossed it.
     */
    int MAX_EXPANDED_CONDITIONS = 1_000;
    /** Longest event type in {@link #occurred(String, int, int)}. */
    int MAX_EVENT_TYPE_LENGTH = 40;
    /** Largest count of events in {@link #occurred(String, int, int)}. */
    int MAX_EVENT_COUNT = 1_000_000;
    /** Longest window, in days, of {@link #occurred(String, int, int)}. */
    int MAX_EVENT_DAYS = 36_500;

    /** How a group combines its filters. */
    enum Match {
        /** Every filter holds (AND). */
        ALL,
        /** At least one filter holds (OR). */
        ANY
    }

    /**
     * Filters combined by AND or OR.
     *
     * @param match   how they combine
     * @param filters 1 or more filters
     */
    record Group(Match match, List<Filter> filters) implements Filter {

        /**
         * Copies the filters.
         *
         * @param match   how they combine; not null
         * @param filters 1 or more filters; neither the list nor a filter may be null
         * @throws ValidationException on field {@code match} or {@code filters} (code {@code required}) when it is
         *                             null, on {@code filters[index]} for a null filter;
         *                             on field {@code filter} when the group is empty (code {@code required}), or the
         *                             tree too deep or too large (code {@code too_many}, with the limit)
         */
        public Group {
            ValidationException.requireNonNull(match, "match");
            filters = ValidationException.requireNoNulls(filters, "filters");
            if (filters.isEmpty()) {
                throw ValidationException.of("filter", "required", "filter: a group needs at least one filter");
            }
            if (depth(filters) + 1 > MAX_DEPTH) {
                throw invalid("too_many", "filter groups nest at most " + MAX_DEPTH + " deep", MAX_DEPTH);
            }
            int conditions = conditions(filters);
            if (conditions > MAX_CONDITIONS) {
                throw invalid("too_many", "a filter holds at most " + MAX_CONDITIONS + " conditions, got "
                        + conditions, MAX_CONDITIONS);
            }
        }
    }

    /**
     * One comparison.
     *
     * @param field    a built-in field key ({@code "city"}, {@code "createdAt"}, {@code "tags"}, {@code "phones"},
     *                 ...) or a custom field key; 1 to 64 characters
     * @param operator the comparison
     * @param values   as many values as the operator takes, in canonical types (see {@link Filter})
     */
    record Condition(String field, Operator operator, List<Object> values) implements Filter {

        /**
         * Copies the values into their canonical types.
         *
         * @param field    a built-in or custom field key, 1 to 64 characters; not null
         * @param operator the comparison; not null
         * @param values   as many values as the operator takes ({@link Operator#minValues()} to
         *                 {@link Operator#maxValues()}): text, a number, a boolean, a {@link LocalDate} or an
         *                 {@link Instant}, never null (use {@link Operator#IS_EMPTY}); the list not null
         * @throws ValidationException on field {@code field}, {@code operator} or {@code values} (code
         *                             {@code required}) when it is null;
         *                             on field {@code filter} when the field is blank or too long (code
         *                             {@code invalid}), a value's type is wrong or null ({@code wrong_type}), or the
         *                             count of values does not fit the operator ({@code invalid})
         */
        public Condition {
            ValidationException.requireNonNull(field, "field");
            ValidationException.requireNonNull(operator, "operator");
            ValidationException.requireNonNull(values, "values");
            if (field.isBlank() || field.length() > 64) {
                throw invalid("invalid", "a condition's field must be 1 to 64 characters, got '" + field + "'", 64);
            }
            List<Object> canonical = new ArrayList<>(values.size());
            for (Object value : values) {
                canonical.add(canonical(value));
            }
            values = List.copyOf(canonical);
            if (values.size() < operator.minValues() || values.size() > operator.maxValues()) {
                throw ValidationException.of("filter", "invalid", "filter: " + operator + " on '" + field + "' takes "
                        + (operator.minValues() == operator.maxValues() ? String.valueOf(operator.minValues())
                        : operator.minValues() + " to " + operator.maxValues()) + " value(s), got " + values.size());
            }
        }

        private static Object canonical(Object value) {
            if (value instanceof String || value instanceof Boolean || value instanceof LocalDate
                    || value instanceof Instant || value instanceof Long) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger integer && integer.bitLength() < 64) {
                return integer.longValue();
            }
            if (value instanceof BigDecimal || value instanceof Double || value instanceof Float
                    || value instanceof BigInteger) {
                BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
                if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() < 19) {
                    return decimal.longValueExact();
                }
                return decimal;
            }
            if (value == null) {
                throw ValidationException.of("filter", "wrong_type", "filter: a condition's values may not be null; use"
                        + " IS_EMPTY");
            }
            throw ValidationException.of("filter", "wrong_type", "filter: a condition's value must be text, a number, a"
                    + " boolean, a LocalDate or"
                    + " an Instant, got " + value.getClass().getSimpleName());
        }
    }

    /**
     * @param filters 1 or more filters, none null; the array not null
     * @return a group that holds when every filter holds
     * @throws ValidationException as {@link Group#Group(Match, List)} does; on field {@code filters}, code
     *                             {@code required}, for a null array
     */
    static Filter all(Filter... filters) {
        return new Group(Match.ALL, Arrays.asList(ValidationException.requireNonNull(filters, "filters")));
    }

    /**
     * @param filters 1 or more filters, none null; the array not null
     * @return a group that holds when at least one filter holds
     * @throws ValidationException as {@link Group#Group(Match, List)} does; on field {@code filters}, code
     *                             {@code required}, for a null array
     */
    static Filter any(Filter... filters) {
        return new Group(Match.ANY, Arrays.asList(ValidationException.requireNonNull(filters, "filters")));
    }

    /**
     * @param field    a built-in or custom field key, 1 to 64 characters
     * @param operator the comparison
     * @param values   as many values as the operator takes, none null; the array not null
     * @return the condition {@code field operator values}
     * @throws ValidationException as {@link Condition#Condition(String, Operator, List)} does; on field
     *                             {@code values}, code {@code required}, for a null array
     */
    static Condition where(String field, Operator operator, Object... values) {
        return new Condition(field, operator, Arrays.asList(ValidationException.requireNonNull(values, "values")));
    }

    /**
     * @param field a built-in or custom field key, 1 to 64 characters
     * @param value the value to compare with; not null (use {@link #isEmpty(String)})
     * @return field equals value
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition eq(String field, Object value) {
        return where(field, Operator.EQ, value);
    }

    /**
     * @param field a built-in or custom field key, 1 to 64 characters
     * @param value the value to compare with; not null
     * @return field differs from value (an empty field matches too)
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition ne(String field, Object value) {
        return where(field, Operator.NE, value);
    }

    /**
     * @param field a text field key, 1 to 64 characters; also {@code phones} (the digits of the text, in any
     *              notation), {@code emails} and {@code address} (any part of the address)
     * @param text  the text to look for, matched literally (LIKE wildcards are escaped); not null; an empty text is
     *              refused when the filter is used (code {@code required}), as is one longer than the field holds
     *              ({@code too_long}: 15 digits and 20 characters of a phone, 128 characters of an email, 80 of an
     *              address part)
     * @return text field contains the text, ignoring case
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition contains(String field, String text) {
        return where(field, Operator.CONTAINS, text);
    }

    /**
     * @param field  a built-in or custom field key, 1 to 64 characters
     * @param values 1 to 1000 values, none null
     * @return field equals one of the values
     * @throws ValidationException on field {@code values} (code {@code required}) when it is null; on field
     *                             {@code filter} for a null value or a count outside 1 to 1000
     */
    static Condition in(String field, Collection<?> values) {
        return new Condition(field, Operator.IN, new ArrayList<>(ValidationException.requireNonNull(values, "values")));
    }

    /**
     * @param field a built-in or custom field key, 1 to 64 characters
     * @return field has no value
     * @throws ValidationException on field {@code filter} (or {@code field} when null), as {@link #where} does
     */
    static Condition isEmpty(String field) {
        return where(field, Operator.IS_EMPTY);
    }

    /**
     * @param field a built-in or custom field key, 1 to 64 characters
     * @return field has a value
     * @throws ValidationException on field {@code filter} (or {@code field} when null), as {@link #where} does
     */
    static Condition isNotEmpty(String field) {
        return where(field, Operator.IS_NOT_EMPTY);
    }

    /**
     * @param field   a date-time field key, such as {@code "createdAt"}
     * @param instant the bound, excluded; not null
     * @return date-time field strictly before the instant
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition before(String field, Instant instant) {
        return where(field, Operator.LT, instant);
    }

    /**
     * @param field   a date-time field key, such as {@code "createdAt"}
     * @param instant the bound, excluded; not null
     * @return date-time field strictly after the instant
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition after(String field, Instant instant) {
        return where(field, Operator.GT, instant);
    }

    /**
     * @param field a number, date or date-time field key
     * @param low   the lower bound, included; not null
     * @param high  the upper bound, included; not null
     * @return value between low and high, both included
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition between(String field, Object low, Object high) {
        return where(field, Operator.BETWEEN, low, high);
    }

    /**
     * @param field a date or date-time field key
     * @param days  1 to 36500, checked when the filter is used
     * @return date or date-time field within the last {@code days} days of the kit's clock
     * @throws ValidationException on field {@code filter}, as {@link #where} does
     */
    static Condition withinLastDays(String field, int days) {
        return where(field, Operator.WITHIN_LAST_DAYS, days);
    }

    /**
     * @param groupId the id of a group (a static list) of the actor's tenant
     * @return the customer is a member of the group; a group of another tenant, or none, matches nobody
     */
    static Condition inGroup(long groupId) {
        return eq("group", groupId);
    }

    /**
     * @param savedFilterId the id of a saved filter of the actor's tenant
     * @return the customer matches the saved filter as it is when the search runs; the saved filter's own
     *         conditions, and those of the filters it refers to, count toward {@link #MAX_EXPANDED_CONDITIONS}
     */
    static Condition inSavedFilter(long savedFilterId) {
        return eq("savedFilter", savedFilterId);
    }

    /**
     * The factory of the {@code events.<type>} pseudo-fields: the same condition as
     * {@code where("events." + eventType, Operator.OCCURRED_AT_LEAST, atLeast, days)}, checked at once.
     *
     * @param eventType the event type, 1 to {@value #MAX_EVENT_TYPE_LENGTH} characters of {@code a-z 0-9 _}, as
     *                  recorded on the timeline
     * @param atLeast   the fewest events, 1 to {@value #MAX_EVENT_COUNT}
     * @param days      the window, the last 1 to {@value #MAX_EVENT_DAYS} days of the kit's clock
     * @return customers with at least {@code atLeast} events of the type in the last {@code days} days
     * @throws ValidationException on field {@code filter}: code {@code invalid} for an event type outside its
     *                             alphabet or length, {@code out_of_range} (with the limit) for a count or a
     *                             window outside its range
     */
    static Condition occurred(String eventType, int atLeast, int days) {
        if (eventType == null || eventType.isEmpty() || eventType.length() > MAX_EVENT_TYPE_LENGTH
                || !eventType.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
            throw invalid("invalid", "an event type is 1 to " + MAX_EVENT_TYPE_LENGTH + " characters of a-z 0-9 _,"
                    + " got '" + eventType + "'", MAX_EVENT_TYPE_LENGTH);
        }
        if (atLeast < 1 || atLeast > MAX_EVENT_COUNT) {
            throw invalid("out_of_range", "the count of events is 1 to " + MAX_EVENT_COUNT + ", got " + atLeast,
                    MAX_EVENT_COUNT);
        }
        if (days < 1 || days > MAX_EVENT_DAYS) {
            throw invalid("out_of_range", "the days of an events condition are 1 to " + MAX_EVENT_DAYS + ", got "
                    + days, MAX_EVENT_DAYS);
        }
        return where("events." + eventType, Operator.OCCURRED_AT_LEAST, atLeast, days);
    }

    /**
     * @param tags 1 to 1000 tags, none null
     * @return the customer has at least one of the tags
     * @throws ValidationException on field {@code tags} (code {@code required}) when the array is null; on field
     *                             {@code filter} for a null tag or a count outside 1 to 1000
     */
    static Condition hasTag(String... tags) {
        ValidationException.requireNonNull(tags, "tags");
        return new Condition("tags", Operator.HAS_ANY, Arrays.asList((Object[]) tags));
    }

    /**
     * @param tags 1 to 1000 tags, none null
     * @return the customer has every one of the tags
     * @throws ValidationException on field {@code tags} (code {@code required}) when the array is null; on field
     *                             {@code filter} for a null tag or a count outside 1 to 1000
     */
    static Condition hasAllTags(String... tags) {
        ValidationException.requireNonNull(tags, "tags");
        return new Condition("tags", Operator.HAS_ALL, Arrays.asList((Object[]) tags));
    }

    /**
     * @param tags 1 to 1000 tags, none null
     * @return the customer has none of the tags
     * @throws ValidationException on field {@code tags} (code {@code required}) when the array is null; on field
     *                             {@code filter} for a null tag or a count outside 1 to 1000
     */
    static Condition hasNoTag(String... tags) {
        ValidationException.requireNonNull(tags, "tags");
        return new Condition("tags", Operator.HAS_NONE, Arrays.asList((Object[]) tags));
    }

    /** @return the error of a filter built past a limit, on field {@code filter} */
    private static ValidationException invalid(String code, String message, int limit) {
        return new ValidationException(List.of(FieldError.of("filter", code, "filter: " + message, limit)));
    }

    private static int depth(List<Filter> filters) {
        int depth = 0;
        for (Filter filter : filters) {
            if (filter instanceof Group group) {
                depth = Math.max(depth, depth(group.filters()) + 1);
            }
        }
        return depth;
    }

    private static int conditions(List<Filter> filters) {
        int conditions = 0;
        for (Filter filter : filters) {
            conditions += filter instanceof Group group ? conditions(group.filters()) : 1;
        }
        return conditions;
    }
}
