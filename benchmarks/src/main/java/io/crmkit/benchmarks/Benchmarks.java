package io.crmkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs the benchmarks and prints one line per database with the SDK's time, its plain-JDBC baseline's time
 * and their ratio: {@link CreateBenchmark}, {@link FilterBenchmark}, {@link BulkBenchmark}, {@link ImportBenchmark}
 * {@link ExportBenchmark}, {@link DuplicateBenchmark}, {@link ActivityBenchmark}, {@link PersonBenchmark} and
 * {@link ShardedBenchmark} (PostgreSQL only, not part of all), chosen by
 * {@code --bench create|filter|bulk|import|export|duplicates|activity|persons|sharded|all} (default all). The
 * import and export targets hold with a heap of 256 MB: run them with {@code MAVEN_OPTS=-Xmx256m}.
 *
 * <pre>
 * mvn -q exec:java -pl benchmarks -Dexec.args="--size 10000 --db all"
 * </pre>
 *
 * <p>Arguments: {@code --size N} customers per side for create (default 10000) and customers generated for filter
 * and duplicates (default 1000000) and persons (default 100000); {@code --reps N} the fewest timed repetitions per
 * filter query and side (default 21; every query is timed for at least a second); {@code --explain true} prints the
 * SDK's SQL per filter query and EXPLAIN ANALYZE of queries over target; {@code --keywords false} leaves out the
 * filter benchmark's keyword cases (on MariaDB at 1,000,000 customers some take tens of seconds a page);
 * {@code --cities N} (1 to 50, default 50) makes the export write only the customers of N of the 50 generated cities,
 * about 2% of them per city, so that a tenant larger than an export may hold can be measured
 * ({@code --size 10000000 --cities 5} exports about 1,000,000); {@code --rounds N} (default 1) has each side of
 * the export run each format N times, taking turns, and prints the medians and the worst round's ratio;
 * {@code --db h2|postgres|mariadb|all} (default all, which is h2 and postgres). H2 is an embedded file database
 * under the module's {@code target/bench-h2}, deleted at start. PostgreSQL and MariaDB are reached at the JDBC URLs in
 * {@code CRMKIT_BENCH_POSTGRES_URL} and {@code CRMKIT_BENCH_MARIADB_URL}, by default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} and {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}.
 * The tables carry the prefix {@code bench_}. A database that fails is reported and the others still run;
 * the program then ends with an exception naming the failed ones.
 */
public final class Benchmarks {

    private static final String TABLE_PREFIX = "bench_";
    private static final int CREATE_SIZE = 10_000;
    private static final int FILTER_SIZE = 1_000_000;
    private static final int BULK_SIZE = 100_000;
    private static final int ACTIVITY_SIZE = 100_000;
    private static final int IMPORT_SIZE = 200_000;
    private static final int EXPORT_SIZE = 1_000_000;
    private static final int DUPLICATES_SIZE = 1_000_000;
    private static final int PERSONS_SIZE = 100_000;

    private Benchmarks() {
    }

    /** @param args see the class description */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> failed = new ArrayList<>();
        if (options.bench().equals("create") || options.bench().equals("all")) {
            runCreate(options, failed);
        }
        if (options.bench().equals("filter") || options.bench().equals("all")) {
            runFilter(options, failed);
        }
        if (options.bench().equals("bulk") || options.bench().equals("all")) {
            runBulk(options, failed);
        }
        if (options.bench().equals("import") || options.bench().equals("all")) {
            runTransfer(options, failed, true);
        }
        if (options.bench().equals("export") || options.bench().equals("all")) {
            runTransfer(options, failed, false);
        }
        if (options.bench().equals("duplicates") || options.bench().equals("all")) {
            runDuplicates(options, failed);
        }
        if (options.bench().equals("activity") || options.bench().equals("all")) {
            runActivity(options, failed);
        }
        if (options.bench().equals("persons") || options.bench().equals("all")) {
            runPersons(options, failed);
        }
        if (options.bench().equals("sharded")) {
            runSharded(options, failed);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the benchmark failed on " + failed + "; see the lines above");
        }
    }

    private static void runActivity(Options options, List<String> failed) throws Exception {
        int size = options.size().orElse(ACTIVITY_SIZE);
        System.out.printf("CRMKit activity benchmark: %d customers, %d events, %d customers rated, seed %d; targets:"
                + " append ratio <= %.1f, newest page < %.0f ms on PostgreSQL%n", size, size * 10L, size * 10L,
                ActivityBenchmark.SEED, ActivityBenchmark.RATIO, ActivityBenchmark.READ_TARGET_MS);
        for (BenchDatabase database : databases(options.db(), "activity-h2")) {
            try {
                List<String> lines = runActivity(database, size); // printed as measured
                if (lines.stream().anyMatch(line -> line.contains("FAIL"))) {
                    failed.add("activity [" + database.name() + "]");
                }
            } catch (Exception e) {
                System.out.printf("activity %d [%s]  FAILED: %s%n", size, database.name(), e);
                failed.add("activity [" + database.name() + "]");
            }
        }
    }

    static List<String> runActivity(BenchDatabase database, int size) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new ActivityBenchmark(pool, kit).run(database.name(), size);
        }
    }

    private static void runBulk(Options options, List<String> failed) throws Exception {
        int size = options.size().orElse(BULK_SIZE);
        System.out.printf("CRMKit bulk benchmark: %d customers per side, seed %d, chunks of 1000; targets: ratio <= %.0f"
                + " for tag, <= %.0f for delete, restore and erase; restore and erase within %.1fx of the SDK's bulk"
                + " delete%n", size, BulkBenchmark.SEED, BulkBenchmark.RATIO_TAG, BulkBenchmark.RATIO_MOVE,
                BulkBenchmark.RATIO_TO_DELETE);
        for (BenchDatabase database : databases(options.db(), "bench-h2-bulk")) {
            try {
                runBulk(database, size).forEach(System.out::println);
            } catch (Exception e) {
                failed.add("bulk " + database.name());
                System.out.printf("bulk %d [%s]  FAILED: %s%n", size, database.name(), e);
            }
        }
    }

    private static void runTransfer(Options options, List<String> failed, boolean imports) throws Exception {
        int size = options.size().orElse(imports ? IMPORT_SIZE : EXPORT_SIZE);
        System.out.printf(imports
                ? "CRMKit import benchmark: %d rows x 12 columns, 20%% existing customers, 2%% invalid, seed %d;"
                        + " target: ratio <= %.1f; limit (POI + COPY / multi-row INSERT) targets: ratio <= "
                        + ImportBenchmark.LIMIT_RATIO_POSTGRES + " [postgres], <= " + ImportBenchmark.LIMIT_RATIO_MARIADB
                        + " [mariadb]; heap limit %d MB%n"
                : "CRMKit export benchmark: %d customers x 12 columns, seed %d; target: ratio <= %.1f; heap limit"
                        + " %d MB%n", size, imports ? ImportBenchmark.SEED : ExportBenchmark.SEED,
                imports ? ImportBenchmark.RATIO : ExportBenchmark.RATIO, Runtime.getRuntime().maxMemory() >> 20);
        String name = imports ? "import" : "export";
        for (BenchDatabase database : databases(options.db(), "bench-h2-" + name)) {
            try {
                runTransfer(database, size, imports, options.cities(), options.rounds()).forEach(System.out::println);
            } catch (Exception e) {
                failed.add(name + " " + database.name());
                System.out.printf("%s %d [%s]  FAILED: %s%n", name, size, database.name(), e);
            }
        }
    }

    private static void runDuplicates(Options options, List<String> failed) throws Exception {
        int size = options.size().orElse(DUPLICATES_SIZE);
        System.out.printf("CRMKit duplicates benchmark: %d customers, %d%% planted duplicates (half exact, half near),"
                + " seed %d, %d alternating repetitions of exact detection (medians); targets: ratio <= %.1f, near"
                + " recall and precision >= %.2f; heap limit %d MB%n", size, DuplicateData.PLANTED_SHARE_PERCENT,
                DuplicateBenchmark.SEED, DuplicateBenchmark.REPETITIONS, DuplicateBenchmark.RATIO,
                DuplicateBenchmark.QUALITY, Runtime.getRuntime().maxMemory() >> 20);
        for (BenchDatabase database : databases(options.db(), "bench-h2-duplicates")) {
            try {
                System.out.println(runDuplicates(database, size).line());
            } catch (Exception e) {
                failed.add("duplicates " + database.name());
                System.out.printf("duplicates %d [%s]  FAILED: %s%n", size, database.name(), e);
            }
        }
    }

    private static void runPersons(Options options, List<String> failed) throws Exception {
        int size = options.size().orElse(PERSONS_SIZE);
        System.out.printf("CRMKit person-matching benchmark: %d customers, %d%% planted duplicates with no shared"
                + " identity (typos, OCR, word order, missing values), seed %d; identity rules %d times (median),"
                + " all rules once; targets: recall and precision >= %.2f; heap limit %d MB%n", size,
                PersonData.PLANTED_SHARE_PERCENT, PersonBenchmark.SEED, PersonBenchmark.REPETITIONS,
                PersonBenchmark.QUALITY, Runtime.getRuntime().maxMemory() >> 20);
        for (BenchDatabase database : databases(options.db(), "bench-h2-persons")) {
            try {
                System.out.println(runPersons(database, size).line());
            } catch (Exception e) {
                failed.add("persons " + database.name());
                System.out.printf("persons %d [%s]  FAILED: %s%n", size, database.name(), e);
            }
        }
    }

    private static void runSharded(Options options, List<String> failed) {
        int size = options.size().orElse(CREATE_SIZE);
        System.out.printf("CRMKit sharded benchmark: %d customers per side over %d tenants, seed %d, %d rounds; one"
                + " PostgreSQL database vs ShardingSphere-JDBC over %s; target: ratio <= %.1f%n", size,
                ShardedBenchmark.TENANTS, ShardedBenchmark.SEED, ShardedBenchmark.ROUNDS, ShardedBenchmark.shardUrls(),
                ShardedBenchmark.RATIO);
        try {
            runSharded(BenchDatabase.postgres(), size, options.repetitions()).forEach(System.out::println);
        } catch (Exception e) {
            failed.add("sharded postgres");
            System.out.printf("sharded %d [postgres]  FAILED: %s%n", size, e);
        }
    }

    /** Runs the sharded benchmark: a kit on one database against a kit on ShardingSphere over the shards. */
    static List<String> runSharded(BenchDatabase database, int size, int reps) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new ShardedBenchmark(pool, kit, reps).run(size);
        }
    }

    /** Runs the person-matching benchmark on one database. */
    static PersonBenchmark.Result runPersons(BenchDatabase database, int size) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new PersonBenchmark(pool, kit).run(database.name(), size);
        }
    }

    /** Runs the duplicates benchmark on one database with a kit and a baseline sharing one pool. */
    static DuplicateBenchmark.Result runDuplicates(BenchDatabase database, int size) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new DuplicateBenchmark(pool, kit).run(database.name(), size);
        }
    }

    /** Runs the import or export (of every city's customers) benchmark on one database. */
    static List<String> runTransfer(BenchDatabase database, int size, boolean imports) throws Exception {
        return runTransfer(database, size, imports, FilterData.CITIES, 1);
    }

    /**
     * Runs the import or export benchmark on one database with a kit and a baseline sharing one pool.
     *
     * @param cities how many of the generated cities' customers the export writes
     * @param rounds how many times each side of the export runs each format, taking turns
     */
    static List<String> runTransfer(BenchDatabase database, int size, boolean imports, int cities, int rounds)
            throws Exception {
        java.nio.file.Path directory = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target",
                "bench-files"));
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return imports ? List.of(new ImportBenchmark(pool, kit, directory).run(database.name(), size))
                    : new ExportBenchmark(pool, kit, directory).run(database.name(), size, cities, rounds);
        }
    }

    /** Runs the bulk benchmark on one database with a kit and a baseline sharing one pool. */
    static List<String> runBulk(BenchDatabase database, int size) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new BulkBenchmark(pool, kit).run(database.name(), size);
        }
    }

    private static void runCreate(Options options, List<String> failed) throws Exception {
        int size = options.size().orElse(CREATE_SIZE);
        List<BenchDatabase> databases = databases(options.db(), "bench-h2");
        int warmUp = Math.min(CreateBenchmark.WARM_UP_MAX, size);
        System.out.printf("CRMKit create benchmark: %d customers per side, seed %d, warm-up %d, %d interleaved"
                + " rounds%n", size, CreateBenchmark.SEED, warmUp, CreateBenchmark.ROUNDS);
        for (BenchDatabase database : databases) {
            try {
                System.out.println(run(database, size).line());
            } catch (Exception e) {
                failed.add("create " + database.name());
                System.out.printf("create %d [%s]  FAILED: %s%n", size, database.name(), e);
            }
        }
    }

    private static void runFilter(Options options, List<String> failed) throws Exception {
        int size = options.size().orElse(FILTER_SIZE);
        List<BenchDatabase> databases = databases(options.db(), "bench-h2-filter");
        System.out.printf("CRMKit filter benchmark: %d customers, seed %d, page %d, warm-up %d, at least %d"
                + " alternating repetitions per query and side, on for 1 s (medians); targets: ratio <= %.1f,"
                + " PostgreSQL (MariaDB: filters only) first page < %.0f ms (a keyword's: < %.0f ms, of 1-3"
                + " characters < %.0f ms)%n", size,
                FilterBenchmark.SEED, io.crmkit.api.filter.Query.DEFAULT_PAGE_SIZE, FilterBenchmark.WARM_UP,
                options.repetitions(), FilterBenchmark.RATIO_TARGET, FilterBenchmark.FIRST_PAGE_TARGET_MS,
                FilterBenchmark.KEYWORD_TARGET_MS, FilterBenchmark.SHORT_KEYWORD_TARGET_MS);
        for (BenchDatabase database : databases) {
            try {
                // H2 keeps the last result of a prepared query and answers a repeat from it while the tables stay
                // unchanged: with no cache of prepared queries, both sides run every query.
                if (database.name().equals("h2")) {
                    database = new BenchDatabase(database.name(), database.url() + ";QUERY_CACHE_SIZE=0");
                }
                FilterResult result = runFilter(database, size, options.repetitions(), options.explain(),
                        options.keywords());
                result.lines().forEach(System.out::println);
            } catch (Exception e) {
                failed.add("filter " + database.name());
                System.out.printf("filter %d [%s]  FAILED: %s%n", size, database.name(), e);
            }
        }
    }

    /** Runs the filter benchmark on one database with a kit and a baseline sharing one pool. */
    static FilterResult runFilter(BenchDatabase database, int size, int repetitions, boolean explain,
                                  boolean keywords) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new FilterBenchmark(pool, kit, repetitions, explain, keywords).run(database.name(), size);
        }
    }

    /** Runs the create benchmark on one database with a kit and a baseline sharing one pool. */
    static CreateResult run(BenchDatabase database, int size) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = kit(pool)) {
            return new CreateBenchmark(pool, kit).run(database.name(), size);
        }
    }

    private static CrmKit kit(HikariDataSource pool) {
        return CrmKit.builder()
                .dataSource(pool)
                .tablePrefix(TABLE_PREFIX)
                .migrate(true)
                .defaultPhoneRegion("VN")
                .build();
    }

    private static List<BenchDatabase> databases(String db, String h2Directory) throws Exception {
        return switch (db) {
            case "h2" -> List.of(BenchDatabase.h2(targetDirectory().resolve(h2Directory)));
            case "postgres" -> List.of(BenchDatabase.postgres());
            case "mariadb" -> List.of(BenchDatabase.mariadb());
            case "all" -> List.of(BenchDatabase.h2(targetDirectory().resolve(h2Directory)), BenchDatabase.postgres());
            default -> throw new IllegalArgumentException("--db: must be h2, postgres, mariadb or all, got '" + db
                    + "'");
        };
    }

    /**
     * The module's {@code target} directory, found from where this class was loaded
     * ({@code target/classes}), since {@code exec:java} runs in the directory Maven was started in.
     */
    private static Path targetDirectory() throws URISyntaxException {
        Path classes = Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = classes.getParent();
        return target != null && Files.isDirectory(target) ? target : Path.of("target");
    }

    /** The parsed command line. */
    record Options(String bench, OptionalInt size, String db, int repetitions, boolean explain, boolean keywords,
                   int cities, int rounds) {

        private static final String USAGE = "--bench"
                + " create|filter|bulk|import|export|duplicates|activity|persons|sharded|all"
                + " --size N"
                + " --db h2|postgres|mariadb|all"
                + " --reps N --explain true|false --keywords true|false --cities N --rounds N";

        static Options parse(String[] args) {
            String bench = "all";
            OptionalInt size = OptionalInt.empty();
            String db = "all";
            int repetitions = FilterBenchmark.REPETITIONS;
            boolean explain = false;
            boolean keywords = true;
            int cities = FilterData.CITIES;
            int rounds = 1;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + ": needs a value; usage: " + USAGE);
                }
                String value = args[++i];
                switch (name) {
                    case "--bench" -> bench = parseBench(value);
                    case "--size" -> size = OptionalInt.of(parseSize(value));
                    case "--db" -> db = value;
                    case "--reps" -> repetitions = parseSize(value);
                    case "--explain" -> explain = Boolean.parseBoolean(value);
                    case "--keywords" -> keywords = Boolean.parseBoolean(value);
                    case "--cities" -> cities = parseCities(value);
                    case "--rounds" -> rounds = parseRange("--rounds", value, 100);
                    default -> throw new IllegalArgumentException("unknown argument '" + name + "'; usage: " + USAGE);
                }
            }
            return new Options(bench, size, db, repetitions, explain, keywords, cities, rounds);
        }

        private static int parseCities(String value) {
            return parseRange("--cities", value, FilterData.CITIES);
        }

        /** @return the value, a whole number from 1 to {@code max} */
        private static int parseRange(String option, String value, int max) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= 1 && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below, with the limits
            }
            throw new IllegalArgumentException(option + ": must be a whole number from 1 to " + max + ", got '"
                    + value + "'");
        }

        private static String parseBench(String value) {
            if (List.of("create", "filter", "bulk", "import", "export", "duplicates", "activity", "persons", "sharded",
                    "all").contains(value)) {
                return value;
            }
            throw new IllegalArgumentException("--bench: must be create, filter, bulk, import, export, duplicates, activity,"
                    + " persons, sharded or all, got '" + value + "'");
        }

        private static int parseSize(String value) {
            try {
                int size = Integer.parseInt(value);
                if (size >= CreateBenchmark.ROUNDS) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below, with the limit
            }
            throw new IllegalArgumentException("--size: must be a whole number of at least " + CreateBenchmark.ROUNDS
                    + ", got '" + value + "'");
        }
    }
}
