package io.crmkit.benchmarks;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Measures searches: {@code size} customers generated with plain JDBC ({@link FilterData}) into one tenant
 * ({@code filter-<nanoTime>}), then ten typical queries, each through {@code crm.filters()} and as the
 * hand-written JDBC a good engineer would write for the same page, on the same pool.
 *
 * <p>Both sides do the same work: the page's 51 ids (one more than the page, to know whether another page
 * follows), then the 50 customers loaded whole, as the SDK does, with four queries (row, identities, tags,
 * custom values) into objects. Each query is first run at least {@value #WARM_UP} times per side, and on for
 * 3 seconds (at most {@value #WARM_UP_MAX} runs) so that the JIT has compiled both paths, then at least
 * {@code repetitions} times, and on for a second (at most {@value #TIMED_MAX} runs), alternating which side goes
 * first; the result is the median per side. Both sides
 * must return the same ids in the same order (the same count for the count query), or the run fails. The
 * tenant's rows are deleted at the end (a failure to delete them is reported and does not void the figures).
 *
 * <p>Single-threaded; not thread-safe.
 */
public final class FilterBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 42;
    /** Timed repetitions per query and side, by default. */
    public static final int REPETITIONS = 21;
    /** Untimed runs per query and side before measuring. */
    public static final int WARM_UP = 3;
    /** Warm-up continues until this much time has passed, up to {@link #WARM_UP_MAX} runs. */
    static final long WARM_UP_NANOS = 3_000_000_000L;
    /** Most warm-up runs per query. */
    static final int WARM_UP_MAX = 1_000;
    /** Timed runs go on, past the repetitions asked for, until this much time has passed... */
    static final long TIMED_NANOS = 1_000_000_000L;
    /** ...or this many runs per side. */
    static final int TIMED_MAX = 2_001;
    /** Pages walked by cursor before the deep page. */
    public static final int DEEP_PAGES = 20;
    /** Largest acceptable median SDK / SQL ratio. */
    public static final double RATIO_TARGET = 1.3;
    /** The fewest customers at which the keyword cases run: below it their words match nothing or all. */
    static final int KEYWORD_MIN_SIZE = 100_000;
    /** Largest acceptable median of a first page on PostgreSQL and MariaDB, in ms. */
    public static final double FIRST_PAGE_TARGET_MS = 100;
    /** Largest acceptable median of a keyword's first page on PostgreSQL, 4 characters or more, in ms. */
    public static final double KEYWORD_TARGET_MS = 50;
    /** Largest acceptable median of a 1-3 character keyword's first page on PostgreSQL, in ms. */
    public static final double SHORT_KEYWORD_TARGET_MS = 200;

    private static final int PAGE = Query.DEFAULT_PAGE_SIZE;
    /** The kit's default phone region (see Benchmarks.kit). */
    private static final String PHONE_REGION = "VN";
    private static final String CUSTOMER_COLUMNS = "tenant_id, id, name, nickname, gender, birthday, company,"
            + " country, province, city, area, address_detail, remark, source, owner_id, status, stage, created_at,"
            + " created_by, updated_at, updated_by, version";

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;
    private final int repetitions;
    private final boolean explain;
    private final boolean keywords;
    private boolean h2;
    private boolean postgres;
    private boolean mariadb;

    /**
     * @param pool        the pool the kit was built on; the baseline borrows its connections here
     * @param kit         a kit built on {@code pool}
     * @param repetitions timed runs per query and side
     * @param explain     whether to print the SDK's SQL and, on PostgreSQL, EXPLAIN ANALYZE of both sides of
     *                    every query that misses a target
     */
    /** @param keywords whether to run the keyword cases too (from {@value #KEYWORD_MIN_SIZE} customers) */
    public FilterBenchmark(DataSource pool, CrmKit kit, int repetitions, boolean explain, boolean keywords) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions: must be at least 1, got " + repetitions);
        }
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
        this.repetitions = repetitions;
        this.explain = explain;
        this.keywords = keywords;
    }

    /**
     * Generates the customers, times the queries and deletes the tenant's rows.
     *
     * @param database the label of the database
     * @param size     customers to generate, at least 100
     * @throws IllegalStateException when the two sides of a query return different ids
     */
    public FilterResult run(String database, int size) throws SQLException {
        if (size < 100) {
            throw new IllegalArgumentException("size: must be at least 100, got " + size);
        }
        String tenant = "filter-" + System.nanoTime();
        try {
            return measure(database, size, tenant);
        } finally {
            try {
                FilterData.delete(pool, prefix, tenant);
            } catch (SQLException | RuntimeException e) {
                // The figures stand; an H2 file database is deleted at the next run anyway.
                System.err.printf("filter [%s]: could not delete the generated customers of %s: %s%n", database,
                        tenant, e);
            }
        }
    }

    private FilterResult measure(String database, int size, String tenant) throws SQLException {
        Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
        long points = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).label("Points")
                .min(0).max(1_000_000).build()).id();
        long tier = crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).label("Tier")
                .options(FilterData.TIERS).build()).id();
        long start = System.nanoTime();
        BitSet phones = FilterData.load(pool, prefix, tenant, size, SEED, 1, points, tier);
        long generationNanos = System.nanoTime() - start;
        postgres = database.startsWith("postgres");
        mariadb = database.startsWith("mariadb");
        // What a good engineer does on H2 after reading its plans: the page's customers loaded by a join of their
        // ids (H2 scans the customers for an IN list), and the page's ids found as OnH2 says.
        h2 = database.startsWith("h2");

        List<Case> cases = cases(crm, tenant, phones, tier, keywords && size >= KEYWORD_MIN_SIZE);
        List<QueryTiming> timings = new ArrayList<>();
        for (Case c : cases) {
            QueryTiming timing = time(c);
            timings.add(timing);
            boolean missed = timing.ratio() > RATIO_TARGET
                    || (timing.firstPage() && timing.sdkMedianMs() > timing.targetMs());
            if (explain) {
                System.out.printf("-- %s: SDK SQL: %s%n   params %s%n", c.name(), c.sdkSql() == null ? "(count)"
                        : c.sdkSql().sql(), c.sdkSql() == null ? "" : c.sdkSql().parameters());
                if (postgres && missed && c.sdkSql() != null) {
                    System.out.println("   EXPLAIN ANALYZE sdk:");
                    explainAnalyze(c.sdkSql().sql(), c.sdkSql().parameters());
                    System.out.println("   EXPLAIN ANALYZE sql:");
                    explainAnalyze(c.sqlIds(), c.sqlParams());
                }
            }
        }
        return new FilterResult(database, size, generationNanos, timings);
    }

    /** The ten queries. */
    private List<Case> cases(Crm crm, String tenant, BitSet phones, long tierField, boolean keywords) {
        String cityA = FilterData.city(7);
        String cityB = FilterData.city(23);
        String tagA = FilterData.tag(42);
        String tagB = FilterData.tag(5);
        Instant from = FilterData.NOW.minusDays(400).toInstant(ZoneOffset.UTC);
        Instant to = FilterData.NOW.minusDays(370).toInstant(ZoneOffset.UTC);
        Instant recent = FilterData.NOW.minusDays(90).toInstant(ZoneOffset.UTC);
        int withPhone = phones.nextSetBit(phones.length() / 2);
        String phone = FilterData.phone(withPhone >= 0 ? withPhone : phones.nextSetBit(0));
        String localPhone = "0" + phone.substring(3);
        String tagJoin = " JOIN " + prefix + "tag t ON t.tenant_id = c.tenant_id AND t.customer_id = c.id"
                + " AND t.tag = ?";
        String where = " WHERE c.tenant_id = ?";
        List<Case> cases = new ArrayList<>();
        cases.add(page(crm, "city = city-07", Query.where(Filter.eq("city", cityA)),
                where + " AND c.city = ?", List.of(tenant, cityA)));
        cases.add(page(crm, "createdAt 30-day range", Query.where(Filter.between("createdAt", from, to)),
                where + " AND c.created_at BETWEEN ? AND ?", List.of(tenant, FilterData.utc(from),
                        FilterData.utc(to))));
        cases.add(page(crm, "has tag tag-042", Query.where(Filter.hasTag(tagA)),
                tagJoin + where, List.of(tagA, tenant)));
        cases.add(page(crm, "has no phone", Query.where(Filter.isEmpty("phones")),
                where + " AND NOT EXISTS (SELECT 1 FROM " + prefix + "identity i WHERE i.tenant_id = ?"
                        + " AND i.customer_id = c.id AND i.id_type = 'phone')", List.of(tenant, tenant)));
        cases.add(phonePage(crm, tenant, localPhone, phone));
        if (keywords) {
            cases.add(keywordPage(crm, tenant, "kw rare name (quenneville)", "quenneville", false));
            cases.add(keywordPage(crm, tenant, "kw company (contoso log)", "contoso log", false));
            cases.add(keywordPage(crm, tenant, "kw email (c4242)", "c4242", false));
            cases.add(keywordPage(crm, tenant, "kw email domain (quillpost)", "quillpost", false));
            cases.add(keywordPage(crm, tenant, "kw no match (xqzvw)", "xqzvw", true));
            cases.add(keywordPage(crm, tenant, "kw 3 chars (son)", "son", false));
            cases.add(keywordPage(crm, tenant, "kw 3 no match (qzx)", "qzx", true));
            cases.add(keywordPage(crm, tenant, "kw 2 chars (ng)", "ng", false));
            cases.add(keywordPage(crm, tenant, "kw 2 no match (qz)", "qz", true));
            cases.add(keywordPage(crm, tenant, "kw 1 char (k)", "k", false));
        }
        cases.add(page(crm, "nested any/all",
                Query.where(Filter.all(Filter.any(Filter.eq("city", cityA), Filter.eq("city", cityB)),
                        Filter.any(Filter.hasTag(tagB), Filter.after("createdAt", recent)))),
                where + " AND c.city IN (?, ?) AND (c.id IN (SELECT t.customer_id FROM " + prefix + "tag t WHERE"
                        + " t.tenant_id = ? AND t.tag = ?) OR c.created_at > ?)",
                List.of(tenant, cityA, cityB, tenant, tagB, FilterData.utc(recent))));
        cases.add(page(crm, "custom tier = platinum", Query.where(Filter.eq("tier", "platinum")),
                " JOIN " + prefix + "custom_value v ON v.tenant_id = c.tenant_id AND v.customer_id = c.id"
                        + " AND v.field_id = ? AND v.text_value = ?" + where,
                List.of(tierField, "platinum", tenant)));
        cases.add(page(crm, "all, newest first", Query.all(), where, List.of(tenant)));
        cases.add(deepPage(crm, tenant));
        Filter counted = Filter.hasTag(tagA);
        cases.add(new Case("count has tag tag-042", false, null,
                () -> List.of(crm.filters().count(counted)),
                () -> List.of(count(tenant, tagA)), null, null));
        return cases;
    }

    private Case page(Crm crm, String name, Query query, String fromWhere, List<Object> params) {
        return page(crm, name, query, fromWhere, params, OnH2.WALK_CREATED_INDEX);
    }

    /** @param onH2 how the page runs on H2 */
    private Case page(Crm crm, String name, Query query, String fromWhere, List<Object> params, OnH2 onH2) {
        String sql = select() + prefix + "customer c" + hint(onH2) + fromWhere + newestFirst(onH2)
                + " LIMIT " + (PAGE + 1);
        return new Case(name, true, crm.filters().explain(query), () -> ids(crm.filters().search(query)),
                () -> sqlPage(sql, params), sql, params);
    }

    /**
     * The keyword case: a number typed as a person types it. Like the SDK, the baseline turns it into the stored
     * E.164 key with libphonenumber on every search, then finds the customer holding that phone.
     */
    private Case phonePage(Crm crm, String tenant, String typed, String stored) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        if (!e164(phones, typed).equals(stored)) {
            throw new IllegalStateException(typed + " is not " + stored + " in E.164");
        }
        String sql = "SELECT c.id FROM " + prefix + "customer c" + hint(OnH2.LOOK_UP_ID) + " WHERE c.tenant_id = ?"
                + " AND c.id IN (SELECT i.customer_id FROM " + prefix + "identity i WHERE i.tenant_id = ?"
                + " AND i.id_type = 'phone' AND i.id_value = ?)" + newestFirst(OnH2.LOOK_UP_ID) + " LIMIT "
                + (PAGE + 1);
        Query query = Query.all().keyword(typed);
        return new Case("keyword phone " + typed, true, crm.filters().explain(query),
                () -> ids(crm.filters().search(query)),
                () -> sqlPage(sql, List.of(tenant, tenant, e164(phones, typed))), sql,
                List.of(tenant, tenant, stored));
    }

    /** The text columns a keyword is looked for in (the SDK's SearchPlanner.TEXT_COLUMNS). */
    static final List<String> KEYWORD_COLUMNS = List.of("name", "nickname", "company", "country", "province",
            "city", "area", "address_detail");

    /**
     * A keyword case: the search box's first page. The baseline on PostgreSQL is the limit, SQL written for the
     * trigram indexes (pg_trgm GIN on the customer's lower-cased text joined by U+001F, and on LOWER(id_value)):
     * the first page of the customers whose text holds the keyword and, apart, of those whose e-mail or external
     * id holds it, then the first of both; a keyword without 3 letters or digits in a row gives a trigram index
     * nothing to look up, and both sides read the customers newest first with the columns compared one by one,
     * as on MariaDB and H2. A keyword of 1-2 characters matches the start of a word, as in the SDK: a regular
     * expression of the start of a word, whose trigrams ("  k", " ki") pg_trgm looks up. On MariaDB the baseline is
     * what an expert writes for the FULLTEXT indexes of migration V22: a walk newest first for at most
     * {@value #MARIADB_WALK_ROWS} rows examined, and when it stopped before the page was full, the first page of
     * each index's matches (checked by the same comparison), then the first of both. The keywords hold no wildcard
     * and no run of 3 digits alone (no phone digits).
     *
     * @param empty whether the keyword matches nothing
     */
    private Case keywordPage(Crm crm, String tenant, String name, String keyword, boolean empty) {
        if (keyword.chars().noneMatch(Character::isLetter) || keyword.contains("%") || keyword.contains("_")) {
            throw new IllegalArgumentException("keyword case '" + keyword + "': letters without wildcards");
        }
        String lower = keyword.toLowerCase(java.util.Locale.ROOT);
        boolean wordStart = keyword.codePointCount(0, keyword.length()) < 3;
        String pattern = wordStart ? "(^|[\\x01-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F])" + lower : "%" + lower + "%";
        boolean trigrams = postgres && (wordStart
                || java.util.regex.Pattern.compile("[\\p{L}\\p{N}]{3}").matcher(keyword).find());
        java.util.function.UnaryOperator<String> holds = text -> !wordStart ? text + " LIKE ?"
                : postgres ? text + " ~ ?" : mariadb ? text + " REGEXP ?" : "REGEXP_LIKE(" + text + ", ?)";
        String sql;
        List<Object> params;
        String identities = " i.tenant_id = ? AND i.id_type IN ('email', 'external_id') AND "
                + holds.apply("LOWER(i.id_value)");
        if (trigrams) {
            String branch = "(SELECT c.id, c.created_at FROM " + prefix + "customer c WHERE c.tenant_id = ? AND ";
            String order = " ORDER BY c.created_at DESC, c.id DESC LIMIT " + (PAGE + 1) + ")";
            sql = "SELECT u.id FROM (" + branch + holds.apply("LOWER(" + KEYWORD_COLUMNS.stream()
                    .map(column -> "c." + column).collect(java.util.stream.Collectors.joining(" || E'\\x1F' || "))
                    + ")") + order + " UNION "
                    + branch + "c.id IN (SELECT i.customer_id FROM " + prefix + "identity i WHERE" + identities + ")"
                    + order + ") u ORDER BY u.created_at DESC, u.id DESC LIMIT " + (PAGE + 1);
            params = List.of(tenant, pattern, tenant, tenant, pattern);
        } else {
            sql = "SELECT c.id FROM " + prefix + "customer c" + hint(OnH2.WALK_CREATED_INDEX) + " WHERE c.tenant_id = ?"
                    + " AND (" + KEYWORD_COLUMNS.stream().map(column -> holds.apply("LOWER(c." + column + ")"))
                    .collect(java.util.stream.Collectors.joining(" OR ")) + " OR EXISTS (SELECT 1 FROM " + prefix
                    + "identity i WHERE" + identities + " AND i.customer_id = c.id))"
                    + newestFirst(OnH2.WALK_CREATED_INDEX) + " LIMIT " + (PAGE + 1);
            List<Object> values = new ArrayList<>(List.of(tenant));
            KEYWORD_COLUMNS.forEach(column -> values.add(pattern));
            values.addAll(List.of(tenant, pattern));
            params = values;
        }
        Side sqlSide;
        String words = !mariadb ? "" : wordStart ? wordStartWord(lower) : fullTextWords(lower);
        if (!words.isEmpty()) {
            // MariaDB's FULLTEXT indexes of trigram words (V22) read every match, so an expert walks the order first
            // (the page of a common keyword is near) and reads the indexes when the walk found too few.
            String walk = "SET STATEMENT optimizer_switch='exists_to_in=off' FOR " + sql + " ROWS EXAMINED "
                    + MARIADB_WALK_ROWS;
            String branch = "(SELECT c.id, c.created_at FROM " + prefix + "customer c WHERE c.tenant_id = ? AND ";
            String order = " ORDER BY c.created_at DESC, c.id DESC LIMIT " + (PAGE + 1) + ")";
            String indexed = "SELECT u.id FROM (" + branch + "MATCH(c.search_grams) AGAINST(? IN BOOLEAN MODE) AND ("
                    + KEYWORD_COLUMNS.stream().map(column -> holds.apply("LOWER(c." + column + ")"))
                    .collect(java.util.stream.Collectors.joining(" OR ")) + ")" + order + " UNION " + branch
                    + "c.id IN (SELECT i.customer_id FROM " + prefix + "identity i WHERE MATCH(i.search_grams)"
                    + " AGAINST(? IN BOOLEAN MODE) AND" + identities + ")" + order
                    + ") u ORDER BY u.created_at DESC, u.id DESC LIMIT " + (PAGE + 1);
            List<Object> indexedParams = new ArrayList<>(List.of(tenant, words));
            KEYWORD_COLUMNS.forEach(column -> indexedParams.add(pattern));
            indexedParams.addAll(List.of(tenant, words, tenant, pattern));
            List<Object> walkParams = params;
            sqlSide = () -> sqlWalkThenPage(walk, walkParams, indexed, indexedParams);
            sql = indexed;
            params = indexedParams;
        } else {
            String baseline = sql;
            List<Object> bound = params;
            sqlSide = () -> sqlPage(baseline, bound);
        }
        Query query = Query.all().keyword(keyword);
        long matching = crm.filters().search(query.includeTotal()).total().orElseThrow();
        System.out.printf("-- %s: %d matching customers%n", name, matching);
        if ((matching == 0) != empty) {
            throw new IllegalStateException("keyword case '" + keyword + "' matches " + matching + " customers");
        }
        double target = keyword.codePointCount(0, keyword.length()) >= 4 ? KEYWORD_TARGET_MS : SHORT_KEYWORD_TARGET_MS;
        return new Case(name, true, crm.filters().explain(query), () -> ids(crm.filters().search(query)),
                sqlSide, sql, params, target, empty);
    }

    /** Rows the MariaDB keyword baseline's walk may examine before it reads the FULLTEXT indexes. */
    private static final int MARIADB_WALK_ROWS = 5_000;

    /**
     * @return the boolean-mode search of every trigram word of the keyword's runs of ASCII letters and digits, as
     *         migration V22 stores them ("z" and the trigram), or "" when it has no run of 3
     */
    static String fullTextWords(String lower) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher runs = java.util.regex.Pattern.compile("[a-z0-9]{3,}").matcher(lower);
        while (runs.find()) {
            for (int at = runs.start(); at + 3 <= runs.end(); at++) {
                words.add("+z" + lower.substring(at, at + 3));
            }
        }
        return String.join(" ", words);
    }

    /**
     * @return the boolean-mode search of the word migration V22 stores for the start of a run of ASCII letters and
     *         digits: of the first two characters ("+xngx"), else of the first ("+wkww"), or "" when it starts
     *         otherwise
     */
    private static String wordStartWord(String lower) {
        if (!lower.matches("[a-z0-9].*")) {
            return "";
        }
        return lower.matches("[a-z0-9]{2}.*") ? "+x" + lower.substring(0, 2) + "x" : "+w" + lower.charAt(0) + "ww";
    }

    /** The MariaDB keyword baseline: the walk, and the indexed page when the walk stopped before the page was full. */
    private List<Long> sqlWalkThenPage(String walk, List<Object> walkParams, String indexed, List<Object> indexedParams)
            throws SQLException {
        try (Connection connection = pool.getConnection()) {
            List<Long> ids = new ArrayList<>(PAGE + 1);
            boolean stopped = false;
            try (PreparedStatement statement = connection.prepareStatement(walk)) {
                bind(statement, walkParams);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                for (SQLException w = statement.getWarnings(); w != null; w = w.getNextException()) {
                    stopped |= w.getErrorCode() == 1931;
                }
            } catch (SQLException e) {
                if (e.getErrorCode() != 1028 && e.getErrorCode() != 1931) {
                    throw e;
                }
                stopped = true;
            }
            if (stopped && ids.size() <= PAGE) {
                ids.clear();
                try (PreparedStatement statement = connection.prepareStatement(indexed)) {
                    bind(statement, indexedParams);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
            }
            List<Long> page = ids.size() > PAGE ? ids.subList(0, PAGE) : ids;
            return load(connection, (String) walkParams.get(0), page);
        }
    }

    private static String e164(PhoneNumberUtil phones, String typed) {
        try {
            // Valid numbers only, as in the SDK: a keyword that is no valid number is searched as text instead.
            Phonenumber.PhoneNumber number = phones.parse(typed, PHONE_REGION);
            if (!phones.isValidNumber(number)) {
                throw new IllegalStateException("not a valid phone number: " + typed);
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalStateException("not a phone number: " + typed, e);
        }
    }

    /** Page {@value #DEEP_PAGES} + 1: the SDK by its cursor, the baseline by keyset from the same row. */
    private Case deepPage(Crm crm, String tenant) {
        Query query = Query.all();
        Customer last = null;
        for (int page = 0; page < DEEP_PAGES; page++) {
            Page<Customer> result = crm.filters().search(query);
            last = result.items().get(result.items().size() - 1);
            query = Query.all().after(result.nextCursor().orElseThrow());
        }
        Query deep = query;
        String sql = "SELECT c.id FROM " + prefix + "customer c" + hint(OnH2.WALK_CREATED_INDEX)
                + " WHERE c.tenant_id = ? AND (c.created_at, c.id) < (?, ?)"
                + newestFirst(OnH2.WALK_CREATED_INDEX) + " LIMIT " + (PAGE + 1);
        List<Object> params = List.of(tenant, FilterData.utc(last.createdAt()), last.id());
        return new Case("deep page " + (DEEP_PAGES + 1) + " by cursor", false, crm.filters().explain(deep),
                () -> ids(crm.filters().search(deep)), () -> sqlPage(sql, params), sql, params);
    }

    /** On H2, the index hint that keeps it from reading the whole tenant by its primary key. */
    /**
     * @return the first page's target on this database: every first page's on PostgreSQL; on MariaDB those of the
     *         filters (its keyword search has no index yet, so its keyword pages are reported); none on H2
     */
    private double target(Case c) {
        return postgres || (mariadb && c.targetMs() == FIRST_PAGE_TARGET_MS) ? c.targetMs() : Double.POSITIVE_INFINITY;
    }

    /**
     * @return how a MariaDB expert starts a page: EXISTS kept correlated and the customers read first, in the
     *         page's order (MariaDB would otherwise read every match through the other table and sort them)
     */
    private String select() {
        return mariadb ? "SET STATEMENT optimizer_switch='exists_to_in=off' FOR SELECT STRAIGHT_JOIN c.id FROM "
                : "SELECT c.id FROM ";
    }

    private String hint(OnH2 onH2) {
        if (!h2) {
            return "";
        }
        return " USE INDEX (" + prefix + (onH2 == OnH2.WALK_CREATED_INDEX ? "customer_created)" : "customer_id)");
    }

    private String newestFirst(OnH2 onH2) {
        return h2 && onH2 == OnH2.WALK_CREATED_INDEX ? " ORDER BY c.tenant_id DESC, c.created_at DESC, c.id DESC"
                : " ORDER BY c.created_at DESC, c.id DESC";
    }

    private QueryTiming time(Case c) throws SQLException {
        List<Long> sdkIds = c.sdk().run();
        List<Long> sqlIds = c.sql().run();
        if (!sdkIds.equals(sqlIds)) {
            throw new IllegalStateException("query '" + c.name() + "': the SDK returned " + describe(sdkIds)
                    + " but the hand-written SQL " + describe(sqlIds));
        }
        // Long enough for the JIT to compile both paths (the SDK's, with its filter compiler, needs thousands of
        // calls), bounded for the slow queries.
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 1; i < WARM_UP || (System.nanoTime() < warmUntil && i < WARM_UP_MAX); i++) {
            c.sdk().run();
            c.sql().run();
        }
        // At least the repetitions asked for, and on for a second: a query of a tenth of a millisecond is timed
        // thousands of times, so that its median does not hang on a few runs.
        int most = Math.max(repetitions, TIMED_MAX);
        long[] sdk = new long[most];
        long[] sql = new long[most];
        int runs = 0;
        long timedUntil = System.nanoTime() + TIMED_NANOS;
        while (runs < repetitions || (runs < most && System.nanoTime() < timedUntil)) {
            if (runs % 2 == 0) {
                sdk[runs] = nanos(c.sdk(), c.mayBeEmpty());
                sql[runs] = nanos(c.sql(), c.mayBeEmpty());
            } else {
                sql[runs] = nanos(c.sql(), c.mayBeEmpty());
                sdk[runs] = nanos(c.sdk(), c.mayBeEmpty());
            }
            runs++;
        }
        sdk = Arrays.copyOf(sdk, runs);
        sql = Arrays.copyOf(sql, runs);
        long rows = c.firstPage() || !c.name().startsWith("count") ? sdkIds.size() : sdkIds.get(0);
        if (explain && c.sdkSql() != null) {
            Side sdkSqlByJdbc = () -> sqlPage(c.sdkSql().sql(), c.sdkSql().parameters());
            if (!sdkSqlByJdbc.run().equals(sdkIds)) {
                throw new IllegalStateException("query '" + c.name() + "': the SDK's SQL run by JDBC differs");
            }
            long[] own = new long[repetitions];
            for (int i = 0; i < repetitions; i++) {
                own[i] = nanos(sdkSqlByJdbc, c.mayBeEmpty());
            }
            System.out.printf("-- %s: medians: SDK %.2f ms, the SDK's own SQL run by plain JDBC + 4-query load %.2f"
                    + " ms, hand-written %.2f ms%n", c.name(), median(sdk) / 1e6, median(own) / 1e6,
                    median(sql) / 1e6);
        }
        return new QueryTiming(c.name(), c.firstPage(), rows, median(sdk) / 1e6, median(sql) / 1e6, target(c));
    }

    private static long nanos(Side side, boolean mayBeEmpty) throws SQLException {
        long start = System.nanoTime();
        List<Long> result = side.run();
        long nanos = System.nanoTime() - start;
        if (result.isEmpty() && !mayBeEmpty) {
            throw new IllegalStateException("a timed query returned nothing");
        }
        return nanos;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static String describe(List<Long> ids) {
        return ids.size() + " ids " + (ids.size() > 6 ? ids.subList(0, 6) + "..." : ids);
    }

    private static List<Long> ids(Page<Customer> page) {
        List<Long> ids = new ArrayList<>(page.items().size());
        for (Customer customer : page.items()) {
            ids.add(customer.id());
        }
        return ids;
    }

    // ---------------------------------------------------------------- the hand-written baseline

    /**
     * The page's ids, then the first {@value #PAGE} customers loaded whole; returns their ids. On PostgreSQL the
     * page's statement is planned for its values on every run ({@link #planEachRun}), as the SDK's searches are: a statement of a search box serves every keyword, and the generic plan PostgreSQL may give a
     * server-prepared statement (pgjdbc's, from its fifth run) walked all 10,000,000 customers for a keyword of no match.
     */
    private List<Long> sqlPage(String sql, List<Object> params) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            List<Long> ids = new ArrayList<>(PAGE + 1);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                planEachRun(statement);
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            List<Long> page = ids.size() > PAGE ? ids.subList(0, PAGE) : ids;
            String tenant = (String) params.stream().filter(p -> p instanceof String s && s.startsWith("filter-"))
                    .findFirst().orElseThrow();
            return load(connection, tenant, page);
        }
    }

    /** On PostgreSQL, has pgjdbc send the statement unprepared, so that each run is planned for its values. */
    private static void planEachRun(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** Loads the customers with four queries, like a DAO would, and returns their ids in page order. */
    private List<Long> load(Connection connection, String tenant, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, LoadedCustomer> customers = new HashMap<>();
        try (PreparedStatement statement = byIds(connection, CUSTOMER_COLUMNS, "customer", "id", tenant, ids, "")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LoadedCustomer customer = new LoadedCustomer(rows.getLong(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getObject(6, java.time.LocalDate.class),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                            rows.getString(11), rows.getString(12), rows.getString(13), rows.getString(14),
                            rows.getString(15), rows.getString(16), rows.getString(17),
                            rows.getObject(18, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(19),
                            rows.getObject(20, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(21),
                            rows.getLong(22));
                    customers.put(customer.id, customer);
                }
            }
        }
        try (PreparedStatement statement = byIds(connection, "customer_id, id_type, id_value, ordinal, verified",
                "identity", "customer_id", tenant, ids, " ORDER BY customer_id, ordinal")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    customers.get(rows.getLong(1)).identities.add(new LoadedIdentity(rows.getString(2),
                            rows.getString(3), rows.getBoolean(5)));
                }
            }
        }
        try (PreparedStatement statement = byIds(connection, "customer_id, tag", "tag", "customer_id", tenant, ids,
                " ORDER BY customer_id, tag")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    customers.get(rows.getLong(1)).tags.add(rows.getString(2));
                }
            }
        }
        try (PreparedStatement statement = byIds(connection, "customer_id, field_id, ordinal, text_value,"
                + " number_value, bool_value, date_value, time_value", "custom_value", "customer_id", tenant, ids,
                " ORDER BY customer_id, field_id, ordinal")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    BigDecimal number = rows.getBigDecimal(5);
                    Object value = number != null ? (Object) number.longValue() : rows.getString(4);
                    customers.get(rows.getLong(1)).custom.put(rows.getLong(2), value);
                }
            }
        }
        List<Long> loaded = new ArrayList<>(ids.size());
        for (Long id : ids) {
            if (customers.containsKey(id)) {
                loaded.add(id);
            }
        }
        return loaded;
    }

    private long count(String tenant, String tag) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + prefix + "tag"
                     + " WHERE tenant_id = ? AND tag = ?")) {
            planEachRun(statement);
            statement.setString(1, tenant);
            statement.setString(2, tag);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The rows of {@code table} whose {@code idColumn} is one of the ids: {@code IN (?, ...)}, or on H2 a join of
     * the ids as an array table (H2 scans the tenant's rows for an IN list but seeks each id of the join) with no
     * ORDER BY, which would turn the join back into a scan; rows come in the index's order there anyway.
     */
    private PreparedStatement byIds(Connection connection, String columns, String table, String idColumn,
                                    String tenant, List<Long> ids, String orderBy) throws SQLException {
        PreparedStatement statement;
        if (h2) {
            statement = connection.prepareStatement("SELECT " + columns + " FROM TABLE(x BIGINT = ?) ids JOIN " + prefix
                    + table + " t ON t.tenant_id = ? AND t." + idColumn + " = ids.x");
            statement.setArray(1, connection.createArrayOf("BIGINT", ids.toArray()));
            statement.setString(2, tenant);
            return statement;
        }
        statement = connection.prepareStatement("SELECT " + columns + " FROM " + prefix + table + " WHERE tenant_id = ?"
                + " AND " + idColumn + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")"
                + orderBy);
        statement.setString(1, tenant);
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 2, ids.get(i));
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? FilterData.utc(instant) : value);
        }
    }

    /** Prints the custom plan, then the generic plan a server-prepared statement may switch to. */
    private void explainAnalyze(String sql, List<Object> params) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                try (java.sql.Statement set = connection.createStatement()) {
                    set.execute("SET plan_cache_mode = " + mode);
                }
                System.out.println("     [" + mode + "]");
                try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE) " + sql)) {
                    bind(statement, params);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            System.out.println("     " + rows.getString(1));
                        }
                    }
                }
            }
            try (java.sql.Statement reset = connection.createStatement()) {
                reset.execute("RESET plan_cache_mode");
            }
        }
    }

    // ---------------------------------------------------------------- types

    /**
     * How a good engineer makes H2 run a page, after reading its plans: walk the createdAt index from the newest
     * (ordered by the tenant first, with a hint), or look the few customers of a phone up by the (id) index.
     */
    private enum OnH2 { WALK_CREATED_INDEX, LOOK_UP_ID }

    @FunctionalInterface
    private interface Side {
        List<Long> run() throws SQLException;
    }

    /**
     * One query.
     *
     * @param firstPage  whether it is a first page (held to {@code targetMs} where {@link #target} says)
     * @param sdkSql     the SDK's page SQL, null for the count
     * @param sqlIds     the baseline's id query, null for the count
     * @param targetMs   the first page's target on PostgreSQL: {@value #FIRST_PAGE_TARGET_MS} ms, a keyword's
     *                   {@value #KEYWORD_TARGET_MS} ms ({@value #SHORT_KEYWORD_TARGET_MS} ms for 1-3 characters)
     * @param mayBeEmpty whether the page may hold no customer (a keyword that matches nothing)
     */
    private record Case(String name, boolean firstPage, Explained sdkSql, Side sdk, Side sql, String sqlIds,
                        List<Object> sqlParams, double targetMs, boolean mayBeEmpty) {

        Case(String name, boolean firstPage, Explained sdkSql, Side sdk, Side sql, String sqlIds,
             List<Object> sqlParams) {
            this(name, firstPage, sdkSql, sdk, sql, sqlIds, sqlParams, FIRST_PAGE_TARGET_MS, false);
        }
    }

    /**
     * The medians of one query.
     *
     * @param rows     customers on the page (the count, for the count query)
     * @param targetMs the first page's target on PostgreSQL
     */
    public record QueryTiming(String name, boolean firstPage, long rows, double sdkMedianMs, double sqlMedianMs,
                              double targetMs) {

        /** @return SDK median over SQL median */
        public double ratio() {
            return sdkMedianMs / sqlMedianMs;
        }
    }

    private record LoadedIdentity(String type, String value, boolean verified) {
    }

    /** What the baseline loads per customer: the same data the SDK's {@code Customer} holds. */
    private static final class LoadedCustomer {
        final long id;
        final Object[] columns;
        final List<LoadedIdentity> identities = new ArrayList<>(2);
        final List<String> tags = new ArrayList<>(4);
        final Map<Long, Object> custom = new HashMap<>(4);

        LoadedCustomer(long id, Object... columns) {
            this.id = id;
            this.columns = columns;
        }
    }
}
