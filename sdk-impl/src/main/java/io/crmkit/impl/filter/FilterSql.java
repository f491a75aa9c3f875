package io.crmkit.impl.filter;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.validation.Errors;
import io.crmkit.impl.validation.StoredTimes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a filter and a keyword into SQL conditions on the customer table {@code c}: identifiers come only
 * from the whitelist of {@link FilterFields}, every value becomes a bound parameter ({@code #{q.params[i]}}),
 * and LIKE wildcards in user text are escaped. Problems are collected with the path of their condition and
 * thrown together.
 */
final class FilterSql {

    /** The pseudo-field of a condition on membership of a saved filter. */
    static final String SAVED_FILTER = "savedFilter";
    /** The pseudo-field of a condition on membership of a group. */
    static final String GROUP = "group";

    /** Largest day count of the relative date operators (about 100 years). */
    static final long MAX_DAYS = 36_500;

    private static final char ESCAPE = '!';
    /** Text that reads as a phone number: digits with the usual separators, at least 7 digits. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().-]*(\\d[\\s().-]*){7,}");
    private static final Set<Operator> NEGATIVE = Set.of(Operator.NE, Operator.NOT_IN, Operator.NOT_CONTAINS);
    /** The prefix of an event condition's field: {@code events.purchase}. */
    static final String EVENTS = "events.";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_]{1,40}");
    /** Longest text a condition compares with. */
    static final int MAX_TEXT = 1_000;
    /** Largest count of an events condition. */
    static final long MAX_EVENT_COUNT = 1_000_000;

    private final String prefix;
    private final String tenantId;
    private final FilterFields fields;
    private final Clock clock;
    private final PhoneNormalizer phones;
    private final Function<Long, Optional<Filter>> savedFilters;
    /** Saved filters read so far: each is read once however often it is referred to. */
    private final Map<Long, Optional<Filter>> loaded = new HashMap<>();
    private final Deque<Long> referencing = new ArrayDeque<>();
    /** The path of the outermost reference being inlined, or null outside any reference; and its saved filter. */
    private String outermostPath;
    private long outermostId;
    /** Conditions compiled by the current {@link #filter} call, saved filters inlined. */
    private int expanded;
    /** Conditions compiled by every {@link #filter} call so far. */
    private int compiled;
    private final List<Object> params = new ArrayList<>();
    private final Errors errors = new Errors();
    private boolean phoneKeyword;
    private boolean wroteSubquery;

    /**
     * @param savedFilters looks up the filter of a saved filter of the tenant, for {@code savedFilter} conditions
     * @param referencing  saved filters whose own condition is being compiled, so that a reference back to one
     *                     of them is refused as a cycle
     */
    FilterSql(String prefix, String tenantId, FilterFields fields, Clock clock, PhoneNormalizer phones,
              Function<Long, Optional<Filter>> savedFilters, Collection<Long> referencing) {
        this.prefix = prefix;
        this.tenantId = tenantId;
        this.fields = fields;
        this.clock = clock;
        this.phones = phones;
        this.savedFilters = savedFilters;
        this.referencing.addAll(referencing);
    }

    /** @return the bound values, in placeholder order */
    List<Object> params() {
        return params;
    }

    /**
     * @return the filter as one SQL condition
     * @throws io.crmkit.api.error.ValidationException listing every invalid condition by path; or, alone, the
     *         reference to a saved filter that took the filter past {@link Filter#MAX_EXPANDED_CONDITIONS}
     *         conditions, thrown as soon as it does so that a filter that multiplies costs no more than the limit
     */
    String filter(Filter filter) {
        expanded = 0;
        String sql = node(filter, "filter");
        compiled += expanded;
        errors.throwIfAny();
        return sql;
    }

    /** @return how many conditions the {@link #filter} calls of this compiler wrote, saved filters inlined */
    int conditions() {
        return compiled;
    }

    /** @return the ids of the saved filters a filter refers to itself (not through them) */
    static Set<Long> references(Filter filter) {
        if (filter instanceof Filter.Group group) {
            Set<Long> ids = new LinkedHashSet<>();
            group.filters().forEach(child -> ids.addAll(references(child)));
            return ids;
        }
        Filter.Condition condition = (Filter.Condition) filter;
        boolean reference = condition.field().equals(SAVED_FILTER) && condition.operator() == Operator.EQ
                && condition.values().get(0) instanceof Long;
        return reference ? Set.of((Long) condition.values().get(0)) : Set.of();
    }

    /** @return whether {@link #keyword} has compiled a phone number, looked up by the phone's key alone */
    boolean keywordWasPhone() {
        return phoneKeyword;
    }

    /** @return whether a condition compiled so far reads another table in an {@code EXISTS} subquery */
    boolean wroteSubquery() {
        return wroteSubquery;
    }

    /**
     * @return the keyword condition. A keyword that is a phone number in any notation finds the customer
     *         holding that number, through the identity key; any other keyword is looked for in name, nickname,
     *         company, emails and external ids (ignoring case) and, when it has 3 or more digits, in phones
     */
    String keyword(String keyword) {
        String text = keyword.strip();
        Optional<String> phone = PHONE_LIKE.matcher(text).matches() ? phones.tryNormalize(text) : Optional.empty();
        phoneKeyword = phone.isPresent();
        if (phone.isPresent()) {
            return "c.id IN (SELECT i.customer_id FROM " + prefix + "identity i WHERE i.tenant_id = "
                    + param(tenantId) + " AND i.id_type = 'phone' AND i.id_value = " + param(phone.get()) + ")";
        }
        String like = param("%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        List<String> parts = new ArrayList<>();
        for (String column : List.of("c.name", "c.nickname", "c.company")) {
            parts.add("LOWER(" + column + ") LIKE " + like + " ESCAPE '" + ESCAPE + "'");
        }
        parts.add(exists(identity("i.id_type IN ('email', 'external_id') AND LOWER(i.id_value) LIKE " + like
                + " ESCAPE '" + ESCAPE + "'")));
        String digits = text.replaceAll("[\\s().+-]", "");
        if (digits.length() >= 3 && digits.chars().allMatch(Character::isDigit)) {
            parts.add(exists(identity("i.id_type = 'phone' AND i.id_value LIKE " + param("%" + digits + "%"))));
        }
        return "(" + String.join(" OR ", parts) + ")";
    }

    /**
     * A count that reads only the tag index: for a filter that is one "has any of" tag condition, the
     * customers are the tag rows themselves, since every tag row belongs to exactly one live customer of its
     * tenant (deleting a customer moves its tags to the trash in the same transaction).
     *
     * @param where    the tag condition, starting with " AND ", on table alias {@code t}
     * @param distinct whether several tags may count a customer twice
     */
    record TagCount(String where, boolean distinct) {
    }

    /**
     * @return the tag-index count of the filter, or empty when it is anything but one "has any of" tag
     *         condition
     * @throws io.crmkit.api.error.ValidationException when the condition's values are invalid
     */
    Optional<TagCount> tagCount(Filter filter) {
        if (!(filter instanceof Filter.Condition condition) || condition.operator() != Operator.HAS_ANY) {
            return Optional.empty();
        }
        FilterField field = fields.resolve(condition.field()).orElse(null);
        if (field == null || field.place() != FilterField.Place.TAGS) {
            return Optional.empty();
        }
        List<Object> values = values(field, condition.operator(), condition.values(), "filter");
        errors.throwIfAny();
        List<Object> distinct = List.copyOf(new LinkedHashSet<>(values));
        return Optional.of(new TagCount(" AND t.tag IN " + list(distinct), distinct.size() > 1));
    }

    private static final String PLACEHOLDER = "#{q.params[";

    /**
     * Rewrites SQL built by this class for plain JDBC: each {@code #{q.params[i]}} placeholder becomes
     * {@code ?}, and the values follow in the order the placeholders appear (which is not always the order
     * they were added in).
     *
     * @param sql    SQL with this compiler's placeholders
     * @param values receives the values in placeholder order
     * @return the SQL with {@code ?} placeholders
     */
    String toJdbc(String sql, List<Object> values) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        int from = 0;
        for (int at = sql.indexOf(PLACEHOLDER); at >= 0; at = sql.indexOf(PLACEHOLDER, from)) {
            int end = sql.indexOf("]}", at);
            values.add(params.get(Integer.parseInt(sql, at + PLACEHOLDER.length(), end, 10)));
            jdbc.append(sql, from, at).append('?');
            from = end + 2;
        }
        return jdbc.append(sql, from, sql.length()).toString();
    }

    /** @return a placeholder for a bound value */
    String param(Object value) {
        params.add(value);
        return PLACEHOLDER + (params.size() - 1) + "]}";
    }

    private String node(Filter filter, String path) {
        if (filter instanceof Filter.Group group) {
            String key = group.match() == Filter.Match.ALL ? "all" : "any";
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < group.filters().size(); i++) {
                parts.add(node(group.filters().get(i), path + "." + key + "[" + i + "]"));
            }
            return "(" + String.join(group.match() == Filter.Match.ALL ? " AND " : " OR ", parts) + ")";
        }
        return condition((Filter.Condition) filter, path);
    }

    private String condition(Filter.Condition condition, String path) {
        if (++expanded > Filter.MAX_EXPANDED_CONDITIONS) {
            throw tooLarge(path);
        }
        if (condition.field().equals(SAVED_FILTER)) {
            return savedFilter(condition, path);
        }
        if (condition.field().equals(GROUP)) {
            return group(condition, path);
        }
        if (condition.field().startsWith(EVENTS)) {
            return events(condition, path);
        }
        FilterField field = fields.resolve(condition.field()).orElse(null);
        if (field == null) {
            errors.add(path, "unknown_field", fields.isRetired(condition.field())
                    ? "custom field '" + condition.field() + "' is retired"
                    : "no field '" + condition.field() + "' to filter on");
            return "1 = 0";
        }
        Operator operator = condition.operator();
        if (!field.type().operators().contains(operator)) {
            errors.add(path, "not_allowed", operator + " does not fit field '" + field.key() + "' of type "
                    + field.type() + "; use one of " + field.type().operators());
            return "1 = 0";
        }
        List<Object> values = values(field, operator, condition.values(), path);
        if (values == null) {
            return "1 = 0";
        }
        return switch (field.place()) {
            case COLUMN -> column(field, operator, values);
            case TAGS -> set("t.tag", tagTable(), operator, values);
            case IDENTITY -> identity(field, operator, values);
            case CUSTOM -> custom(field, operator, values);
            case METRIC -> metric(field, operator, values);
        };
    }

    /** At least N events of a type in the last D days: the customers of an indexed range, grouped. */
    private String events(Filter.Condition condition, String path) {
        String type = condition.field().substring(EVENTS.length());
        if (!EVENT_TYPE.matcher(type).matches()) {
            errors.add(path, "unknown_field", "'" + condition.field() + "' names no event type; write events.<type>"
                    + " with a type of 1 to 40 characters of a-z 0-9 _");
            return "1 = 0";
        }
        if (condition.operator() != Operator.OCCURRED_AT_LEAST) {
            errors.add(path, "not_allowed", condition.operator() + " does not fit '" + condition.field() + "'; events"
                    + " take " + Operator.OCCURRED_AT_LEAST + " with a count and a number of days");
            return "1 = 0";
        }
        Object count = condition.values().get(0);
        Object days = condition.values().get(1);
        if (!(count instanceof Long times) || times < 1 || times > MAX_EVENT_COUNT) {
            errors.add(path, "wrong_type", "the count of " + Operator.OCCURRED_AT_LEAST + " is a whole number from 1 to "
                    + MAX_EVENT_COUNT + ", got " + count);
            return "1 = 0";
        }
        if (!(days instanceof Long window) || window < 1 || window > MAX_DAYS) {
            errors.add(path, "wrong_type", "the days of " + Operator.OCCURRED_AT_LEAST + " are a whole number from 1 to "
                    + MAX_DAYS + ", got " + days);
            return "1 = 0";
        }
        return "c.id IN (SELECT e.customer_id FROM " + prefix + "event e WHERE e.tenant_id = " + param(tenantId)
                + " AND e.event_type = " + param(type) + " AND e.occurred_at >= "
                + param(clock.instant().minus(window, ChronoUnit.DAYS)) + " GROUP BY e.customer_id HAVING COUNT(*) >= "
                + param(times) + ")";
    }

    /**
     * A customer metric. A customer without a metric row counts 0 (orders, spending, activity) or has no value
     * (last activity, rating); a count condition that 0 meets matches those customers too.
     */
    private String metric(FilterField field, Operator operator, List<Object> values) {
        String table = prefix + "customer_metric mt WHERE mt.tenant_id = " + param(tenantId)
                + " AND mt.customer_id = c.id";
        String expr = "mt." + field.column();
        if (field.nullable()) {
            return switch (operator) {
                case IS_EMPTY -> "NOT " + exists(table + " AND " + expr + " IS NOT NULL");
                case IS_NOT_EMPTY -> exists(table + " AND " + expr + " IS NOT NULL");
                default -> NEGATIVE.contains(operator)
                        ? "NOT " + exists(table + " AND " + compare(expr, positive(operator), values))
                        : exists(table + " AND " + compare(expr, operator, values));
            };
        }
        boolean emptiness = operator == Operator.IS_EMPTY || operator == Operator.IS_NOT_EMPTY;
        Operator effective = operator == Operator.IS_EMPTY ? Operator.EQ
                : operator == Operator.IS_NOT_EMPTY ? Operator.GT : operator;
        List<Object> operands = emptiness ? List.of(BigDecimal.ZERO) : values;
        String holds = effective == Operator.NOT_IN ? "NOT (" + compare(expr, Operator.IN, operands) + ")"
                : compare(expr, effective, operands);
        return holdsForZero(effective, operands) ? "NOT " + exists(table + " AND NOT (" + holds + ")")
                : exists(table + " AND " + holds);
    }

    private static boolean holdsForZero(Operator operator, List<Object> values) {
        List<Integer> signs = values.stream().map(value -> BigDecimal.ZERO.compareTo((BigDecimal) value)).toList();
        return switch (operator) {
            case EQ -> signs.get(0) == 0;
            case NE -> signs.get(0) != 0;
            case LT -> signs.get(0) < 0;
            case LE -> signs.get(0) <= 0;
            case GT -> signs.get(0) > 0;
            case GE -> signs.get(0) >= 0;
            case BETWEEN -> signs.get(0) >= 0 && signs.get(1) <= 0;
            case IN -> signs.contains(0);
            case NOT_IN -> !signs.contains(0);
            default -> throw new IllegalStateException("no numeric comparison for " + operator);
        };
    }

    /** Membership of a group; a group the tenant does not have has no members. */
    private String group(Filter.Condition condition, String path) {
        Object value = condition.values().isEmpty() ? null : condition.values().get(0);
        if (condition.operator() != Operator.EQ || !(value instanceof Long id)) {
            errors.add(path, "not_allowed", "group takes EQ with the id of a group");
            return "1 = 0";
        }
        return exists(prefix + "group_member m WHERE m.tenant_id = " + param(tenantId) + " AND m.customer_id = c.id"
                + " AND m.group_id = " + param(id));
    }

    /** Membership of a saved filter: its own condition, compiled in place. */
    private String savedFilter(Filter.Condition condition, String path) {
        Object value = condition.values().isEmpty() ? null : condition.values().get(0);
        if (condition.operator() != Operator.EQ || !(value instanceof Long id)) {
            errors.add(path, "not_allowed", "savedFilter takes EQ with the id of a saved filter");
            return "1 = 0";
        }
        if (referencing.contains(id)) {
            errors.add(path, "not_allowed", "saved filter " + id + " would refer to itself through " + referencing);
            return "1 = 0";
        }
        if (referencing.size() >= Filter.MAX_DEPTH) {
            errors.add(path, "not_allowed", "saved filters refer to each other at most " + Filter.MAX_DEPTH + " deep");
            return "1 = 0";
        }
        Optional<Filter> saved = loaded.computeIfAbsent(id, savedFilters);
        if (saved.isEmpty()) {
            errors.add(path, "unknown_field", "no saved filter " + id + " in this tenant");
            return "1 = 0";
        }
        boolean outer = outermostPath == null;
        if (outer) {
            outermostPath = path;
            outermostId = id;
        }
        referencing.push(id);
        try {
            // The reference itself was counted; the filter it names replaces it.
            expanded--;
            return node(saved.get(), path + ".savedFilter[" + id + "]");
        } finally {
            referencing.pop();
            if (outer) {
                outermostPath = null;
            }
        }
    }

    /** @return the error of a filter past the expanded limit, at the outermost reference that took it there */
    private ValidationException tooLarge(String path) {
        String at = outermostPath == null ? path : outermostPath;
        String cause = outermostPath == null ? "the filter has"
                : "saved filter " + outermostId + " brings the filter to";
        return new ValidationException(List.of(FieldError.of(at, "too_many", at + ": " + cause + " more than "
                + Filter.MAX_EXPANDED_CONDITIONS + " conditions once every saved filter it refers to is inlined"
                + " (each reference counts all the conditions of the filter it names); refer to fewer or smaller"
                + " saved filters", Filter.MAX_EXPANDED_CONDITIONS)));
    }

    /** @return the values checked and normalized for the field, or null after recording the problem */
    private List<Object> values(FilterField field, Operator operator, List<Object> values, String path) {
        if (isRelative(operator)) {
            Object days = values.get(0);
            if (!(days instanceof Long count) || count < 1 || count > MAX_DAYS) {
                errors.add(path, "wrong_type", operator + " takes a whole number of days from 1 to " + MAX_DAYS
                        + ", got " + days);
                return null;
            }
            return values;
        }
        Class<?> expected = switch (field.type()) {
            case NUMBER -> Number.class;
            case DATE -> LocalDate.class;
            case DATETIME -> Instant.class;
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
        List<Object> normalized = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!expected.isInstance(value)) {
                errors.add(path, "wrong_type", "field '" + field.key() + "' of type " + field.type() + " compares with "
                        + expected.getSimpleName() + " values, got " + value.getClass().getSimpleName() + " " + value);
                return null;
            }
            if (!storable(field, value, path)) {
                return null;
            }
            if (!field.choices().isEmpty() && !field.choices().contains(value)) {
                errors.add(path, "not_allowed", "'" + value + "' is not one of " + field.choices());
                return null;
            }
            if (field.place() == FilterField.Place.COLUMN && field.type() == FilterField.ValueType.NUMBER) {
                // The id column is a BIGINT: a DECIMAL value would make the database cast the column and skip its index.
                Optional<Long> whole = wholeNumber((Number) value);
                if (whole.isEmpty()) {
                    errors.add(path, "wrong_type", "field '" + field.key() + "' compares with whole numbers, got "
                            + value);
                    return null;
                }
                normalized.add(whole.get());
                continue;
            }
            normalized.add(normalize(field, value));
        }
        return normalized;
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

    private static Optional<Long> wholeNumber(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.longValue());
        }
        try {
            return Optional.of(new BigDecimal(value.toString()).longValueExact());
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return Optional.empty();
        }
    }

    private Object normalize(FilterField field, Object value) {
        if (value instanceof Long number && field.type() == FilterField.ValueType.NUMBER) {
            return BigDecimal.valueOf(number);
        }
        boolean email = field.key().equals("emails")
                || field.custom().map(definition -> definition.type() == FieldType.EMAIL).orElse(false);
        boolean phone = field.key().equals("phones")
                || field.custom().map(definition -> definition.type() == FieldType.PHONE).orElse(false);
        if (email) {
            return EmailNormalizer.forLookup((String) value);
        }
        if (phone) {
            return phones.tryNormalize((String) value).orElse((String) value);
        }
        return value;
    }

    private String column(FilterField field, Operator operator, List<Object> values) {
        String expr = "c." + field.column();
        boolean text = field.type() == FilterField.ValueType.TEXT || field.type() == FilterField.ValueType.CHOICE;
        switch (operator) {
            case IS_EMPTY -> {
                return field.nullable() ? "(" + expr + " IS NULL" + (text ? " OR " + expr + " = ''" : "") + ")"
                        : text ? expr + " = ''" : "1 = 0";
            }
            case IS_NOT_EMPTY -> {
                return field.nullable() ? "(" + expr + " IS NOT NULL" + (text ? " AND " + expr + " <> ''" : "") + ")"
                        : text ? expr + " <> ''" : "1 = 1";
            }
            default -> {
                if (NEGATIVE.contains(operator)) {
                    String negated = "NOT (" + compare(expr, positive(operator), values) + ")";
                    return field.nullable() ? "(" + expr + " IS NULL OR " + negated + ")" : negated;
                }
                return compare(expr, operator, values);
            }
        }
    }

    private String identity(FilterField field, Operator operator, List<Object> values) {
        // The type is a constant of the whitelist, written as a literal so that the plan is made for it.
        if (!field.idType().matches("[a-z_:%]+")) {
            throw new IllegalStateException("identity type '" + field.idType() + "' is not a whitelisted constant");
        }
        String type = field.idType().endsWith("%") ? "i.id_type LIKE '" + field.idType() + "'"
                : "i.id_type = '" + field.idType() + "'";
        return switch (operator) {
            case IS_EMPTY -> "NOT " + exists(identity(type));
            case IS_NOT_EMPTY -> exists(identity(type));
            default -> exists(identity(type + " AND " + compare("i.id_value", operator, values)));
        };
    }

    private String custom(FilterField field, Operator operator, List<Object> values) {
        String table = prefix + "custom_value v WHERE v.tenant_id = " + param(tenantId)
                + " AND v.customer_id = c.id AND v.field_id = " + param(field.custom().orElseThrow().id());
        if (field.type() == FilterField.ValueType.SET) {
            return set("v." + field.column(), table, operator, values);
        }
        String expr = "v." + field.column();
        return switch (operator) {
            case IS_EMPTY -> "NOT " + exists(table);
            case IS_NOT_EMPTY -> exists(table);
            case IS_TRUE -> exists(table + " AND " + expr + " = " + param(Boolean.TRUE));
            case IS_FALSE -> exists(table + " AND " + expr + " = " + param(Boolean.FALSE));
            default -> NEGATIVE.contains(operator)
                    ? "NOT " + exists(table + " AND " + compare(expr, positive(operator), values))
                    : exists(table + " AND " + compare(expr, operator, values));
        };
    }

    /** Tags and multiple choices: a set of text values per customer. */
    private String set(String expr, String table, Operator operator, List<Object> values) {
        return switch (operator) {
            case IS_EMPTY -> "NOT " + exists(table);
            case IS_NOT_EMPTY -> exists(table);
            case HAS_ANY -> exists(table + " AND " + expr + " IN " + list(values));
            case HAS_NONE -> "NOT " + exists(table + " AND " + expr + " IN " + list(values));
            default -> {
                Set<Object> distinct = new LinkedHashSet<>(values);
                yield "(SELECT COUNT(DISTINCT " + expr + ") FROM " + table + " AND " + expr + " IN "
                        + list(List.copyOf(distinct)) + ") = " + distinct.size();
            }
        };
    }

    private String compare(String expr, Operator operator, List<Object> values) {
        return switch (operator) {
            case EQ -> expr + " = " + param(values.get(0));
            case NE -> expr + " <> " + param(values.get(0));
            case LT -> expr + " < " + param(values.get(0));
            case LE -> expr + " <= " + param(values.get(0));
            case GT -> expr + " > " + param(values.get(0));
            case GE -> expr + " >= " + param(values.get(0));
            case BETWEEN -> expr + " BETWEEN " + param(values.get(0)) + " AND " + param(values.get(1));
            case IN -> expr + " IN " + list(values);
            case CONTAINS -> like(expr, "%", values.get(0), "%");
            case STARTS_WITH -> like(expr, "", values.get(0), "%");
            case ENDS_WITH -> like(expr, "%", values.get(0), "");
            case WITHIN_LAST_DAYS, AFTER_DAYS_AGO -> expr + (operator == Operator.WITHIN_LAST_DAYS ? " >= " : " > ")
                    + param(daysAgo(expr, (Long) values.get(0)));
            case BEFORE_DAYS_AGO -> expr + " < " + param(daysAgo(expr, (Long) values.get(0)));
            default -> throw new IllegalStateException("no comparison for " + operator);
        };
    }

    private Object daysAgo(String expr, long days) {
        Instant instant = clock.instant().minus(days, ChronoUnit.DAYS);
        boolean date = expr.endsWith("birthday") || expr.endsWith("date_value");
        return date ? LocalDate.ofInstant(instant, ZoneOffset.UTC) : instant;
    }

    private String like(String expr, String before, Object value, String after) {
        String pattern = before + escapeLike(((String) value).toLowerCase(Locale.ROOT)) + after;
        return "LOWER(" + expr + ") LIKE " + param(pattern) + " ESCAPE '" + ESCAPE + "'";
    }

    private String list(List<Object> values) {
        return values.stream().map(this::param).collect(Collectors.joining(", ", "(", ")"));
    }

    private String exists(String tableAndCondition) {
        wroteSubquery = true;
        return "EXISTS (SELECT 1 FROM " + tableAndCondition + ")";
    }

    /**
     * The tenant is compared with the bound value, not with {@code c.tenant_id}: only then can the planner
     * use the (tenant_id, ...) indexes of the subquery's table.
     */
    private String identity(String condition) {
        return prefix + "identity i WHERE i.tenant_id = " + param(tenantId) + " AND i.customer_id = c.id AND "
                + condition;
    }

    private String tagTable() {
        return prefix + "tag t WHERE t.tenant_id = " + param(tenantId) + " AND t.customer_id = c.id";
    }

    private static Operator positive(Operator negative) {
        return switch (negative) {
            case NE -> Operator.EQ;
            case NOT_IN -> Operator.IN;
            default -> Operator.CONTAINS;
        };
    }

    private static boolean isRelative(Operator operator) {
        return operator == Operator.WITHIN_LAST_DAYS || operator == Operator.BEFORE_DAYS_AGO
                || operator == Operator.AFTER_DAYS_AGO;
    }

    /** Escapes LIKE's wildcards and the escape character itself, so that user text matches literally. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
