package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.StatementHooks;
import io.crmkit.testing.TestDb;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The keyword search finds the same customers, in the same order and pages, with the trigram indexes of PostgreSQL
 * (migration V19) or the FULLTEXT indexes of MariaDB (V22) and without them (a role that could not create pg_trgm,
 * indexes dropped): the kit detects the indexes when it is built. On MariaDB a page walks the order first and reads
 * the indexes only when the walk stopped at its rows before the page was full; more kits there make every walk, and
 * every other walk, stop at once, so that pages run on the indexes, and pages by cursor on the walk and the indexes
 * in turn. On H2 every kit searches as before; the expected results hold on every database.
 */
class KeywordSearchIndexTest {

    private static final String TENANT = "kw";
    /** The rows a MariaDB keyword page's first walk may examine (SearchQueries.KEYWORD_WALK_ROWS). */
    private static final int WALK_ROWS = 5_000;

    /** Keywords and the names of the customers they must find (first page of 50, newest first). */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("lan", List.of("Đỗ Lan Anh", "Nguyễn Thị Lan"));
        EXPECTED.put("LOTUS", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("lotus trad", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("văn", List.of("Trần Văn Minh"));
        EXPECTED.put("VĂN MI", List.of("Trần Văn Minh"));
        EXPECTED.put("example.org", List.of("Lê Hoa"));
        EXPECTED.put("@EXAMPLE", List.of("Lê Hoa", "Nguyễn Thị Lan"));
        EXPECTED.put("erp-7", List.of(""));
        EXPECTED.put("ERP-77", List.of(""));
        EXPECTED.put("+84 912 345 678", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("345678", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("876-54", List.of("Trần Văn Minh"));
        EXPECTED.put("hanoi", List.of("Lê Hoa", "Nguyễn Thị Lan"));
        EXPECTED.put("da nang", List.of("Trần Văn Minh"));
        EXPECTED.put("phố huế", List.of("Đỗ Lan Anh"));
        // One or two characters: the start of a word.
        EXPECTED.put("bi", List.of("Bibi"));
        EXPECTED.put("an", List.of("Đỗ Lan Anh"));
        EXPECTED.put("oa", List.of());
        EXPECTED.put("hu", List.of("Đỗ Lan Anh"));
        EXPECTED.put("đỗ", List.of("Đỗ Lan Anh"));
        EXPECTED.put("co", List.of("Trần Văn Minh", "Nguyễn Thị Lan"));
        EXPECTED.put("ex", List.of("Lê Hoa", "Nguyễn Thị Lan"));
        EXPECTED.put("7", List.of(""));
        EXPECTED.put("b", List.of("a_b c", "Bibi"));
        EXPECTED.put("o", List.of("100%_off! deals", "Lê Hoa"));
        EXPECTED.put("x", List.of("Xavier"));
        EXPECTED.put("qz", List.of());
        // But in a script written without spaces: anywhere.
        EXPECTED.put("明", List.of("王小明"));
        EXPECTED.put("小明", List.of("王小明"));
        EXPECTED.put("Bibi", List.of("Bibi"));
        EXPECTED.put("100%", List.of("100%_off! deals"));
        EXPECTED.put("%_off", List.of("100%_off! deals"));
        EXPECTED.put("_off! de", List.of("100%_off! deals"));
        EXPECTED.put("0%_o", List.of("100%_off! deals"));
        EXPECTED.put("%", List.of("100%_off! deals"));
        EXPECTED.put("_", List.of("100%_off! deals", "a_b c"));
        EXPECTED.put("a_b", List.of("a_b c"));
        EXPECTED.put("axb", List.of("Xavier"));
        EXPECTED.put("100x", List.of());
        // Never across two columns: the name ends in "Lan", the company starts with "Lotus".
        EXPECTED.put("lan lotus", List.of());
        EXPECTED.put("lanlotus", List.of());
        // Partly ASCII: MariaDB's index looks up the ASCII runs ("nguy", "lan"), the comparison decides.
        EXPECTED.put("nguyễn", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("thị lan", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("lan@exa", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("912 345", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("the bee", List.of("Bibi"));
        EXPECTED.put("com", List.of("Nguyễn Thị Lan"));
        EXPECTED.put("lan\u001Flotus", List.of());
        EXPECTED.put("zzqxv-nothing", List.of());
        EXPECTED.put("x".repeat(Query.MAX_KEYWORD), List.of());
        EXPECTED.put("Nguyễn Thị Lan".repeat(18), List.of());
    }

    @DbTest
    void findsTheSameCustomersWithAndWithoutTheTrigramIndexes(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        boolean postgres = db.dialect().equals("postgres");
        boolean mariadb = db.dialect().equals("mariadb");
        try {
            Map<String, Object> indexed;
            try (CrmKit kit = db.newKit(prefix, builder -> { })) {
                Crm crm = kit.as(Actor.of(TENANT, "agent", Permission.ALL));
                people(crm);
                people(kit.as(Actor.of(TENANT + "-other", "agent", Permission.ALL)));
                crm.customers().create(CustomerDraft.builder().name("Filler " + "lotus").build());
                crm.customers().delete(crm.filters().search(Query.all().keyword("Filler")).items().get(0).id());
                indexed = results(crm);
                assertExpected(crm);
                boolean usesIndexes = crm.filters().explain(Query.all().keyword("lotus")).sql().contains(" UNION ");
                assertThat(usesIndexes).as("the indexed plan on " + db.name()).isEqualTo(postgres);
                assertThat(crm.filters().explain(Query.all().keyword("lo")).sql().contains(" UNION "))
                        .as("a word's start by the indexes on " + db.name()).isEqualTo(usesIndexes);
                assertThat(crm.filters().explain(Query.all().keyword("a.b")).sql()).doesNotContain(" UNION ");
                assertThat(crm.filters().explain(Query.all().keyword("lotus")).sql().contains("ROWS EXAMINED"))
                        .as("on MariaDB, a walk in the page's order first").isEqualTo(mariadb);
            }
            if (mariadb) {
                List<String> statements = new CopyOnWriteArrayList<>();
                DataSource stopAtOnce = StatementHooks.rewriting(StatementHooks.recording(db.dataSource(),
                        statements::add), sql -> sql.replace("ROWS EXAMINED " + WALK_ROWS, "ROWS EXAMINED 1"));
                try (CrmKit kit = CrmKit.builder().dataSource(stopAtOnce).tablePrefix(prefix).build()) {
                    Crm crm = kit.as(Actor.of(TENANT, "agent", Permission.ALL));
                    statements.clear();
                    assertThat(crm.filters().search(Query.all().keyword("Example").pageSize(1).includeTotal())
                            .total()).hasValue(2);
                    assertThat(statements).as("the page and the count on the FULLTEXT indexes")
                            .filteredOn(sql -> sql.matches("(?s).*MATCH\\([cs]\\.search_grams\\).*")
                                    && sql.contains("MATCH(i.search_grams)")).hasSize(2);
                    statements.clear();
                    assertThat(crm.filters().search(Query.all().keyword("Lo")).items()).extracting(Customer::name)
                            .containsExactly("Nguyễn Thị Lan");
                    assertThat(statements).as("a word's start on the FULLTEXT indexes")
                            .anyMatch(sql -> sql.contains("MATCH(c.search_grams)"));
                    assertThat(results(crm)).isEqualTo(indexed);
                    assertExpected(crm);
                }
                // Every other walk stops at once: pages by cursor come from the walk and the indexes in turn.
                AtomicInteger walks = new AtomicInteger();
                DataSource alternating = StatementHooks.rewriting(db.dataSource(), sql -> sql.contains("ROWS EXAMINED "
                        + WALK_ROWS) && walks.incrementAndGet() % 2 == 0 ? sql.replace("ROWS EXAMINED " + WALK_ROWS,
                        "ROWS EXAMINED 1") : sql);
                try (CrmKit kit = CrmKit.builder().dataSource(alternating).tablePrefix(prefix).build()) {
                    assertThat(results(kit.as(Actor.of(TENANT, "agent", Permission.ALL)))).isEqualTo(indexed);
                    assertThat(walks.get()).as("walks").isGreaterThan(100);
                }
                db.execute("ALTER TABLE " + prefix + "customer DROP INDEX " + prefix + "customer_grams");
                db.execute("ALTER TABLE " + prefix + "identity DROP INDEX " + prefix + "identity_grams");
            }
            if (postgres) {
                db.execute("DROP INDEX " + prefix + "customer_search");
                db.execute("DROP INDEX " + prefix + "identity_search");
            }
            try (CrmKit kit = db.newKit(prefix, builder -> { })) {
                Crm crm = kit.as(Actor.of(TENANT, "agent", Permission.ALL));
                String plain = crm.filters().explain(Query.all().keyword("lotus")).sql();
                assertThat(plain).doesNotContain(" UNION ").doesNotContain("MATCH(").doesNotContain("ROWS EXAMINED");
                assertThat(results(crm)).isEqualTo(indexed);
                assertExpected(crm);
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    /**
     * Random texts of ASCII, Vietnamese, other cased letters and punctuation, and keywords cut out of them: the pages
     * MariaDB's FULLTEXT indexes serve (every walk stopped at once) and the counts, which always read them, find what
     * the search without them finds (the walk, which reads all of these customers).
     */
    @DbTest
    void mariaDbIndexesFindWhatTheSearchWithoutThemFinds(TestDb db) {
        Assumptions.assumeTrue(db.dialect().equals("mariadb"), "MariaDB's FULLTEXT indexes");
        String prefix = TestDb.uniquePrefix();
        Random random = new Random(11);
        String alphabet = "abcxyz0199  .-@_%ễđKİẞǅ";
        DataSource stopAtOnce = StatementHooks.rewriting(db.dataSource(),
                sql -> sql.replace("ROWS EXAMINED " + WALK_ROWS, "ROWS EXAMINED 1"));
        try (CrmKit kit = db.newKit(prefix, builder -> { });
             CrmKit indexed = CrmKit.builder().dataSource(stopAtOnce).tablePrefix(prefix).build()) {
            Crm crm = kit.as(Actor.of(TENANT, "agent", Permission.ALL));
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String name = text(random, alphabet);
                String company = text(random, alphabet);
                crm.customers().create(CustomerDraft.builder().name(name).company(company).build());
                texts.add(name);
                texts.add(company);
            }
            Crm onIndexes = indexed.as(Actor.of(TENANT, "agent", Permission.ALL));
            int served = 0;
            for (int i = 0; i < 250; i++) {
                String text = texts.get(random.nextInt(texts.size()));
                int from = random.nextInt(text.length());
                String keyword = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(6)));
                if (keyword.isBlank()) {
                    continue;
                }
                List<Long> expected = crm.filters().search(Query.all().keyword(keyword).pageSize(500)).items()
                        .stream().map(Customer::id).toList();
                Page<Customer> page = onIndexes.filters().search(Query.all().keyword(keyword).pageSize(500));
                assertThat(page.items()).extracting(Customer::id).as("page of '%s'", keyword)
                        .containsExactlyElementsOf(expected);
                assertThat(onIndexes.filters().search(Query.all().keyword(keyword).pageSize(1).includeTotal())
                        .total()).as("count of '%s'", keyword).hasValue(expected.size());
                served += crm.filters().explain(Query.all().keyword(keyword)).sql().contains("ROWS EXAMINED") ? 1 : 0;
            }
            assertThat(served).as("keywords the indexes served").isGreaterThan(60);
        } finally {
            db.dropTables(prefix);
        }
    }

    private static String text(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int n = 3 + random.nextInt(20); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString().strip().isEmpty() ? "x" : text.toString().strip();
    }

    /** The grams MariaDB stores are the ones {@code KeywordGrams} looks up, for text of any script and case. */
    @DbTest
    void mariaDbStoresTheWordsOfTheSearchedText(TestDb db) {
        Assumptions.assumeTrue(db.dialect().equals("mariadb"), "MariaDB's FULLTEXT indexes");
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> { })) {
            Crm crm = kit.as(Actor.of(TENANT, "agent", Permission.ALL));
            crm.customers().create(CustomerDraft.builder().name("Nguyễn QUENNEVILLE").company("100%_off! Straße")
                    .email("Lan.Anh@Example.COM").build());
            assertThat(db.column("SELECT search_grams FROM " + prefix + "customer")).containsExactly(
                    "zngu zguy uy n zque zuen zenn znne znev zevi zvil zill zlle le z100 00 zoff ff zstr ztra ra e "
                            + " wnww xngx wnww xnx wqww xqux w1ww x10x woww xofx wsww xstx weww xex ");
            assertThat(db.column("SELECT search_grams FROM " + prefix + "identity")).containsExactly(
                    "zlan an zanh nh zexa zxam zamp zmpl zple le zcom om wlww xlax waww xanx weww xexx wcww xcox");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void theMigrationCreatedTheIndexesWherePgTrgmCouldBeCreated(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> { })) {
            if (db.dialect().equals("postgres")) {
                assertThat(db.column("SELECT COUNT(*) FROM pg_indexes WHERE indexname IN (?, ?)",
                        prefix + "customer_search", prefix + "identity_search")).containsExactly("2");
            }
            assertThat(kit.schemaVersion()).isEqualTo("23");
        } finally {
            db.dropTables(prefix);
        }
    }

    /**
     * Migration V19 under a role that may not create pg_trgm, on a database without it: the migration does not
     * fail and creates no index. All in one transaction, rolled back (PostgreSQL's DDL, roles included, is
     * transactional), so that the database keeps its extension.
     */
    @DbTest
    void theMigrationGoesOnWithoutIndexesWhereTheRoleMayNotCreatePgTrgm(TestDb db) throws Exception {
        Assumptions.assumeTrue(db.dialect().equals("postgres"), "pg_trgm is PostgreSQL's");
        String prefix = TestDb.uniquePrefix();
        String role = prefix + "noext";
        String script;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("io/crmkit/db/migration/postgresql/V19__keyword_search_indexes.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
        }
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP EXTENSION IF EXISTS pg_trgm CASCADE");
                statement.execute("CREATE ROLE " + role + " NOLOGIN");
                statement.execute("CREATE TABLE " + prefix + "customer (name TEXT, nickname TEXT, company TEXT,"
                        + " country TEXT, province TEXT, city TEXT, area TEXT, address_detail TEXT)");
                statement.execute("CREATE TABLE " + prefix + "identity (id_value TEXT)");
                statement.execute("ALTER TABLE " + prefix + "customer OWNER TO " + role);
                statement.execute("ALTER TABLE " + prefix + "identity OWNER TO " + role);
                statement.execute("SET ROLE " + role);
                statement.execute(script);
                statement.execute("RESET ROLE");
                try (ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM pg_extension WHERE"
                        + " extname = 'pg_trgm'), (SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE '"
                        + prefix + "%')")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).as("pg_trgm").isZero();
                    assertThat(rows.getInt(2)).as("indexes").isZero();
                }
                statement.execute("SET ROLE NONE");
                statement.execute(script);
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_indexes WHERE indexname"
                        + " LIKE '" + prefix + "%'")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).as("indexes created by a superuser").isEqualTo(2);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static void assertExpected(Crm crm) {
        for (Map.Entry<String, List<String>> entry : EXPECTED.entrySet()) {
            List<String> names = crm.filters().search(Query.all().keyword(entry.getKey())).items().stream()
                    .map(Customer::name).toList();
            assertThat(names).as("keyword '" + entry.getKey() + "'")
                    .containsExactlyInAnyOrderElementsOf(entry.getValue());
        }
    }

    /** Every keyword in several orders, pages by cursor, with a filter, and counted. */
    private static Map<String, Object> results(Crm crm) {
        Map<String, Object> results = new LinkedHashMap<>();
        List<String> keywords = new ArrayList<>(EXPECTED.keySet());
        keywords.addAll(List.of("an", "a", "nguy", "ha", "deals", "example.com", "84", "+84 98"));
        for (String keyword : keywords) {
            for (Sort sort : List.of(Sort.NEWEST_FIRST, Sort.asc("name"), Sort.desc("company"), Sort.asc("id"),
                    Sort.desc("updatedAt"))) {
                results.put(keyword + " " + sort, walk(crm, Query.all().keyword(keyword).sortedBy(sort).pageSize(2)));
            }
            results.put(keyword + " filtered", walk(crm, Query.where(Filter.eq("country", "Vietnam"))
                    .keyword(keyword).pageSize(1)));
            results.put(keyword + " sorted by a metric", walk(crm, Query.all().keyword(keyword)
                    .sortedBy(Sort.desc("totalSpent")).pageSize(3)));
            results.put(keyword + " total", crm.filters().search(Query.all().keyword(keyword).includeTotal())
                    .total());
        }
        return results;
    }

    private static List<Long> walk(Crm crm, Query query) {
        List<Long> ids = new ArrayList<>();
        Page<Customer> page = crm.filters().search(query);
        page.items().forEach(customer -> ids.add(customer.id()));
        Optional<String> next = page.nextCursor();
        while (next.isPresent()) {
            page = crm.filters().search(query.after(next.get()));
            page.items().forEach(customer -> ids.add(customer.id()));
            next = page.nextCursor();
        }
        return ids;
    }

    private static void people(Crm crm) {
        crm.customers().create(CustomerDraft.builder().name("Nguyễn Thị Lan").phone("+84912345678")
                .email("lan@example.com").company("Lotus Trading").address(Address.of("Vietnam", "Ha Noi", "Hanoi", "",
                        "")).build());
        crm.customers().create(CustomerDraft.builder().name("Trần Văn Minh").phone("+84987654321").company("Minh Co")
                .address(Address.of("Vietnam", "", "Da Nang", "", "")).build());
        crm.customers().create(CustomerDraft.builder().name("Lê Hoa").email("HOA@Example.org")
                .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "", "")).build());
        crm.customers().create(CustomerDraft.builder().externalId("ERP-77").build());
        crm.customers().create(CustomerDraft.builder().name("100%_off! deals").build());
        crm.customers().create(CustomerDraft.builder().name("a_b c").build());
        crm.customers().create(CustomerDraft.builder().name("Xavier").nickname("axb").build());
        crm.customers().create(CustomerDraft.builder().name("Bibi").nickname("the bee").build());
        crm.customers().create(CustomerDraft.builder().name("王小明").build());
        crm.customers().create(CustomerDraft.builder().name("Đỗ Lan Anh").address(Address.of("", "", "", "",
                "12 Phố Huế")).build());
    }
}
