package io.crmkit.impl.filter;

import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.KeywordIndexes;
import io.crmkit.impl.db.schema.CustomerRatingTable;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQL compiler of filters and keywords: turns a filter and a keyword into SQL conditions on the customer table
 * {@code c}. Identifiers come only from the whitelist of {@link FilterFields}, every value becomes a bound
 * parameter ({@code #{q.params[i]}}), and LIKE wildcards in user text are escaped. The conditions are checked by
 * a {@link ConditionChecker}, saved filters inlined by a {@link SavedFilterInliner} and keywords planned by a
 * {@link SearchPlanner}; problems are collected with the path of their condition and thrown together.
 * Not thread-safe: one compiler per statement.
 */
final class FilterSql {

    /** The pseudo-field of a condition on membership of a group. */
    static final String GROUP = FilterFields.GROUP;

    private static final char ESCAPE = '!';
    /** What a condition that cannot be compiled becomes; its problem is recorded and thrown. */
    private static final String NOTHING = "1 = 0";
    private static final Set<Operator> NEGATIVE = Set.of(Operator.NE, Operator.NOT_IN, Operator.NOT_CONTAINS);

    private final String prefix;
    private final String tenantId;
    private final Clock clock;
    private final FilterFields fields;
    private final Errors errors = new Errors();
    private final ConditionChecker checker;
    private final SavedFilterInliner inliner;
    private final SearchPlanner planner;
    private final Dialect dialect;
    private final boolean keywordIndexes;
    private final List<Object> params = new ArrayList<>();
    private boolean phoneKeyword;
    private boolean wroteSubquery;

    /**
     * @param savedFilters looks up the filter of a saved filter of the tenant, for {@code savedFilter} conditions
     * @param referencing  saved filters whose own condition is being compiled, so that a reference back to one
     *                     of them is refused as a cycle
     * @param dialect      the database's dialect, for the regular expression of a keyword of a word's start
     * @param keywordIndexes whether the tables hold the indexes of the keyword search ({@link KeywordIndexes}: the
     *                     trigram indexes of PostgreSQL, the FULLTEXT indexes of MariaDB), which keyword
     *                     conditions are then written for
     */
    FilterSql(String prefix, String tenantId, FilterFields fields, Clock clock, PhoneNormalizer phones,
              Function<Long, Optional<Filter>> savedFilters, Collection<Long> referencing, Dialect dialect,
              boolean keywordIndexes) {
        this.prefix = prefix;
        this.tenantId = tenantId;
        this.clock = clock;
        this.fields = fields;
        this.checker = new ConditionChecker(fields, new ComparedValues(phones), errors);
        this.inliner = new SavedFilterInliner(savedFilters, referencing, errors);
        this.planner = new SearchPlanner(phones);
        this.dialect = dialect;
        this.keywordIndexes = keywordIndexes;
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
        inliner.startFilter();
        String sql = node(filter, "filter");
        inliner.endFilter();
        errors.throwIfAny();
        return sql;
    }

    /** @return how many conditions the {@link #filter} calls of this compiler wrote, saved filters inlined */
    int conditions() {
        return inliner.conditions();
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
     * @return the keyword condition, as the {@link SearchPlanner} plans it: the customer holding a phone number,
     *         through the identity key; or any of the text columns and identities holding the keyword (ignoring
     *         case), or a phone holding its digits. Where the trigram indexes of PostgreSQL serve the keyword
     *         ({@link #keywordBranches}), the same customers as the ids the two indexes find; on MariaDB, the
     *         customers read one by one (for a walk in id order that stops at a chunk, or a check of given ids)
     */
    String keyword(String keyword) {
        return keyword(keyword, false);
    }

    /**
     * @param everyMatch whether the statement reads every customer the keyword matches (a count): then MariaDB's
     *                   FULLTEXT indexes find them where they serve the keyword, as the trigram indexes do on
     *                   PostgreSQL
     * @return the keyword condition, as {@link #keyword(String)}
     */
    String keyword(String keyword, boolean everyMatch) {
        SearchPlanner.KeywordPlan plan = planner.plan(keyword);
        phoneKeyword = plan.shape() == SearchPlanner.Shape.PHONE_NUMBER;
        if (phoneKeyword) {
            return "c.id IN (SELECT i.customer_id FROM " + prefix + "identity i WHERE i.tenant_id = "
                    + param(tenantId) + " AND i.id_type = 'phone' AND i.id_value = " + param(plan.value()) + ")";
        }
        String match = param(pattern(plan));
        if (trigramIndexed(plan)) {
            // Both indexes find their ids at once (a bitmap scan each); the customer table is not read in order.
            return "c.id IN (SELECT s.id FROM " + prefix + "customer s WHERE s.tenant_id = " + param(tenantId)
                    + " AND " + holds(plan, KeywordIndexes.customerText("s"), match)
                    + " UNION ALL " + identitiesHolding(plan, match, "") + ")";
        }
        Optional<String> grams = everyMatch ? gramSearch(plan) : Optional.empty();
        if (grams.isPresent()) {
            // Within a derived table: MariaDB then reads both indexes once and joins; a UNION right in the IN
            // would be run again for every customer of the tenant.
            String words = param(grams.get());
            return "c.id IN (SELECT x.id FROM (SELECT s.id FROM " + prefix + "customer s WHERE s.tenant_id = "
                    + param(tenantId) + " AND " + customerGrams("s", plan, words, match) + " UNION ALL "
                    + identitiesHolding(plan, match, gramMatch("i", words)) + ") x)";
        }
        return "(" + textHolds("c", plan, match) + " OR " + exists(identity("i.id_type IN " + textIdentities()
                + " AND " + holds(plan, "LOWER(i.id_value)", match)))
                + plan.digits().map(digits -> " OR " + exists(identity("i.id_type = 'phone' AND i.id_value LIKE "
                + param("%" + digits + "%")))).orElse("") + ")";
    }

    /** Any text column of the customer holding the keyword. */
    private String textHolds(String alias, SearchPlanner.KeywordPlan plan, String match) {
        List<String> parts = new ArrayList<>();
        for (String column : SearchPlanner.TEXT_COLUMNS) {
            parts.add(holds(plan, "LOWER(" + alias + "." + column + ")", match));
        }
        return String.join(" OR ", parts);
    }

    /** The customer's searched text holding the keyword, found by MariaDB's FULLTEXT index of its trigram words. */
    private String customerGrams(String alias, SearchPlanner.KeywordPlan plan, String words, String match) {
        return gramMatch(alias, words) + "(" + textHolds(alias, plan, match) + ")";
    }

    /** @return the FULLTEXT search of a table's trigram words ({@link KeywordGrams}), ending with " AND " */
    private static String gramMatch(String alias, String words) {
        return "MATCH(" + alias + "." + KeywordIndexes.WORDS_COLUMN + ") AGAINST(" + words + " IN BOOLEAN MODE) AND ";
    }

    /**
     * @return what a text keyword's value is compared with: the LIKE pattern of the value anywhere, or for a
     *         {@link SearchPlanner.Shape#WORD_START} keyword the regular expression of the value at a word's start
     */
    private static String pattern(SearchPlanner.KeywordPlan plan) {
        return plan.shape() == SearchPlanner.Shape.WORD_START ? SearchPlanner.wordStartPattern(plan.value())
                : "%" + escapeLike(plan.value()) + "%";
    }

    /** @return the condition that a lower-cased text holds the keyword, its {@link #pattern} bound as {@code match} */
    private String holds(SearchPlanner.KeywordPlan plan, String text, String match) {
        return plan.shape() == SearchPlanner.Shape.WORD_START ? dialect.regexMatch(text, match)
                : text + " LIKE " + match + " ESCAPE '" + ESCAPE + "'";
    }

    /**
     * The keyword condition as two branches, each served by one index (a trigram index on PostgreSQL, a FULLTEXT
     * index of trigram words on MariaDB), for a page that takes the first rows of each branch in its order and then
     * the first of both: the customers whose searched text holds the keyword, and those with an identity holding
     * it. On PostgreSQL a branch of many matches then walks the order's index and stops at the page, one of few
     * reads its matches from the trigram index and sorts them; MariaDB always reads the FULLTEXT index, so there a
     * walk in the page's order comes first ({@code SearchQueries#page}).
     *
     * @param customer   the condition on the customer's own text (alias {@code c})
     * @param identities the condition on the customer's identities (alias {@code c})
     */
    record KeywordBranches(String customer, String identities) {
    }

    /**
     * @return the keyword condition as {@link KeywordBranches}; empty when the tables have no such indexes, the
     *         keyword is a phone number, or it is neither a word's start nor holds a run of {@value #INDEXED_RUN}
     *         letters or digits (which the indexes need to narrow the search: such a keyword is written by
     *         {@link #keyword} as before); on MariaDB, empty unless the run, or the word's start, is of ASCII
     *         letters or digits ({@link KeywordGrams})
     */
    Optional<KeywordBranches> keywordBranches(String keyword) {
        SearchPlanner.KeywordPlan plan = planner.plan(keyword);
        if (trigramIndexed(plan)) {
            String match = param(pattern(plan));
            return Optional.of(new KeywordBranches(holds(plan, KeywordIndexes.customerText("c"), match),
                    "c.id IN (" + identitiesHolding(plan, match, "") + ")"));
        }
        Optional<String> grams = gramSearch(plan);
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        String match = param(pattern(plan));
        String words = param(grams.get());
        return Optional.of(new KeywordBranches(customerGrams("c", plan, words, match),
                "c.id IN (" + identitiesHolding(plan, match, gramMatch("i", words)) + ")"));
    }

    /** Fewest letters or digits in a row that give the trigram indexes a trigram to look up. */
    static final int INDEXED_RUN = 3;

    /**
     * Whether the trigram indexes of PostgreSQL serve a keyword: a word's start (pg_trgm looks up the trigrams of a
     * word that begins with it, such as "  k" and " ki" for "ki"), or a text keyword with a run of
     * {@value #INDEXED_RUN} letters or digits (pg_trgm takes trigrams from such words alone; without one, it reads
     * the whole index); either without the separator of the indexed text (U+001F: a keyword without it lies within
     * one column when it lies within their concatenation, so the indexed expression alone decides as the columns
     * one by one would).
     */
    private boolean trigramIndexed(SearchPlanner.KeywordPlan plan) {
        if (!keywordIndexes || !dialect.trigramKeywordIndexes() || plan.shape() == SearchPlanner.Shape.PHONE_NUMBER
                || plan.value().indexOf('\u001F') >= 0) {
            return false;
        }
        if (plan.shape() == SearchPlanner.Shape.WORD_START) {
            return true;
        }
        int run = 0;
        for (int i = 0; i < plan.value().length(); i = plan.value().offsetByCodePoints(i, 1)) {
            run = Character.isLetterOrDigit(plan.value().codePointAt(i)) ? run + 1 : 0;
            if (run >= INDEXED_RUN) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the FULLTEXT search of MariaDB's words ({@link KeywordGrams}) for a text keyword with 3 ASCII letters
     *         or digits in a row, or a word's start that starts with an ASCII letter or digit, where the tables hold
     *         those indexes; else empty. A text keyword's words are those of its text, which a phone holding the
     *         keyword's digits holds too (each run of the text is a run of its digits).
     */
    private Optional<String> gramSearch(SearchPlanner.KeywordPlan plan) {
        if (!keywordIndexes || !dialect.fullTextKeywordIndexes()) {
            return Optional.empty();
        }
        return switch (plan.shape()) {
            case TEXT -> KeywordGrams.search(plan.value());
            case WORD_START -> KeywordGrams.wordStart(plan.value());
            case PHONE_NUMBER -> Optional.empty();
        };
    }

    /**
     * The ids of customers with an email or external id holding the keyword, or a phone holding its digits.
     *
     * @param index a condition that lets an index find the candidates, ending with " AND ", or ""
     */
    private String identitiesHolding(SearchPlanner.KeywordPlan plan, String match, String index) {
        // LOWER on the phone too (digits and '+' are their own lower case): the index is on LOWER(id_value).
        return "SELECT i.customer_id FROM " + prefix + "identity i WHERE i.tenant_id = " + param(tenantId)
                + " AND " + index + "(i.id_type IN " + textIdentities() + " AND " + holds(plan, "LOWER(i.id_value)", match)
                + plan.digits().map(digits -> " OR i.id_type = 'phone' AND LOWER(i.id_value) LIKE "
                + param("%" + digits + "%")).orElse("") + ")";
    }

    private static String textIdentities() {
        return SearchPlanner.TEXT_IDENTITIES.stream().map(type -> "'" + type + "'")
                .collect(Collectors.joining(", ", "(", ")"));
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
        List<Object> values = checker.values(field, condition.operator(), condition.values(), "filter").orElse(null);
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
        return toJdbc(sql, params, values);
    }

    /** Like {@link #toJdbc(String, List)}, for SQL compiled earlier with the given bound values. */
    static String toJdbc(String sql, List<Object> params, List<Object> values) {
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
        inliner.count(path);
        return checker.check(condition, path).map(checked -> checked(checked, path)).orElse(NOTHING);
    }

    private String checked(ConditionChecker.Checked condition, String path) {
        FilterField field = condition.field();
        Operator operator = condition.operator();
        List<Object> values = condition.values();
        return switch (field.place()) {
            case COLUMN -> column(field, operator, values);
            case ADDRESS -> address(operator, values);
            case TAGS -> set("t.tag", tagTable(), operator, values);
            case IDENTITY -> identity(field, operator, values);
            case VERIFIED -> verified(operator, values);
            case CUSTOM -> custom(field, operator, values);
            case METRIC -> metric(field, operator, values);
            case GROUP -> group((Long) values.get(0));
            case SAVED_FILTER -> savedFilter((Long) values.get(0), path);
            case EVENTS -> events(field.column(), (Long) values.get(0), (Long) values.get(1));
        };
    }

    /** At least N events of a type in the last D days: the customers of an indexed range, grouped. */
    private String events(String type, long times, long days) {
        return "c.id IN (SELECT e.customer_id FROM " + prefix + "event e WHERE e.tenant_id = " + param(tenantId)
                + " AND e.event_type = " + param(type) + " AND e.occurred_at >= "
                + param(clock.instant().minus(days, ChronoUnit.DAYS))
                + " GROUP BY e.customer_id HAVING COUNT(*) >= " + param(times) + ")";
    }

    /**
     * A customer metric. A customer without a metric row counts 0 (orders, spending, activity) or has no value
     * (last activity; a rating, read from the rating table); a count condition that 0 meets matches those customers
     * too.
     */
    private String metric(FilterField field, Operator operator, List<Object> values) {
        String table = CustomerRatingTable.holding(field.column()).in(prefix) + " mt WHERE mt.tenant_id = "
                + param(tenantId) + " AND mt.customer_id = c.id";
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
    private String group(long id) {
        return exists(prefix + "group_member m WHERE m.tenant_id = " + param(tenantId) + " AND m.customer_id = c.id"
                + " AND m.group_id = " + param(id));
    }

    /** Membership of a saved filter: its own condition, compiled in place. */
    private String savedFilter(long id, String path) {
        Optional<Filter> saved = inliner.enter(id, path);
        if (saved.isEmpty()) {
            return NOTHING;
        }
        try {
            return node(saved.get(), path + ".savedFilter[" + id + "]");
        } finally {
            inliner.exit();
        }
    }

    /**
     * Any part of the address (country, province, city, area, detail; columns that are never NULL) holding the
     * text, ignoring case; empty when every part is.
     */
    private String address(Operator operator, List<Object> values) {
        List<String> parts = new ArrayList<>();
        String pattern = operator == Operator.IS_EMPTY || operator == Operator.IS_NOT_EMPTY ? ""
                : param((operator == Operator.STARTS_WITH ? "" : "%")
                + escapeLike(((String) values.get(0)).toLowerCase(Locale.ROOT)) + "%");
        for (String column : FilterFields.ADDRESS_COLUMNS) {
            parts.add(switch (operator) {
                case IS_EMPTY -> "c." + column + " = ''";
                case IS_NOT_EMPTY -> "c." + column + " <> ''";
                default -> "LOWER(c." + column + ") LIKE " + pattern + " ESCAPE '" + ESCAPE + "'";
            });
        }
        String any = "(" + String.join(operator == Operator.IS_EMPTY ? " AND " : " OR ", parts) + ")";
        return operator == Operator.NOT_CONTAINS ? "NOT " + any : any;
    }

    /** Whether any identity of the customer is verified, as {@code Customer.verified()} says. */
    private String verified(Operator operator, List<Object> values) {
        boolean wanted = operator == Operator.IS_TRUE || operator == Operator.EQ && (Boolean) values.get(0);
        String exists = exists(identity("i.verified = " + param(Boolean.TRUE)));
        return wanted ? exists : "NOT " + exists;
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
            case CONTAINS, STARTS_WITH -> exists(identity(type + " AND " + anyLike("i.id_value",
                    (ComparedValues.Like) values.get(0))));
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

    /** The stored value like any of the patterns, compared as stored (no LOWER), so that a prefix can use an index. */
    private String anyLike(String expr, ComparedValues.Like like) {
        List<String> parts = new ArrayList<>();
        for (String pattern : like.patterns()) {
            parts.add(expr + " LIKE " + param(pattern) + " ESCAPE '" + ESCAPE + "'");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
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
