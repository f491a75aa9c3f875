package io.crmkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks and prints one line per database with the SDK's time, its plain-JDBC baseline's time
 * and their ratio. Today that is {@link CreateBenchmark}.
 *
 * <pre>
 * mvn -q exec:java -pl benchmarks -Dexec.args="--size 10000 --db all"
 * </pre>
 *
 * <p>Arguments: {@code --size N} customers per side (default 10000); {@code --db h2|postgres|mariadb|all}
 * (default all, which is h2 and postgres). H2 is an embedded file database under the module's
 * {@code target/bench-h2}, deleted at start. PostgreSQL and MariaDB are reached at the JDBC URLs in
 * {@code CRMKIT_BENCH_POSTGRES_URL} and {@code CRMKIT_BENCH_MARIADB_URL}, by default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} and {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}.
 * The tables carry the prefix {@code bench_}. A database that fails is reported and the others still run;
 * the program then ends with an exception naming the failed ones.
 */
public final class Benchmarks {

    private static final String TABLE_PREFIX = "bench_";

    private Benchmarks() {
    }

    /** @param args see the class description */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<BenchDatabase> databases = databases(options.db());
        int warmUp = Math.min(CreateBenchmark.WARM_UP_MAX, options.size());
        System.out.printf("CRMKit create benchmark: %d customers per side, seed %d, warm-up %d, %d interleaved"
                + " rounds%n", options.size(), CreateBenchmark.SEED, warmUp, CreateBenchmark.ROUNDS);
        List<String> failed = new ArrayList<>();
        for (BenchDatabase database : databases) {
            try {
                System.out.println(run(database, options.size()).line());
            } catch (Exception e) {
                failed.add(database.name());
                System.out.printf("create %d [%s]  FAILED: %s%n", options.size(), database.name(), e);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the benchmark failed on " + failed + "; see the lines above");
        }
    }

    /** Runs the create benchmark on one database with a kit and a baseline sharing one pool. */
    static CreateResult run(BenchDatabase database, int size) throws Exception {
        try (HikariDataSource pool = database.openPool();
             CrmKit kit = CrmKit.builder()
                     .dataSource(pool)
                     .tablePrefix(TABLE_PREFIX)
                     .migrate(true)
                     .defaultPhoneRegion("VN")
                     .build()) {
            return new CreateBenchmark(pool, kit).run(database.name(), size);
        }
    }

    private static List<BenchDatabase> databases(String db) throws Exception {
        return switch (db) {
            case "h2" -> List.of(BenchDatabase.h2(targetDirectory().resolve("bench-h2")));
            case "postgres" -> List.of(BenchDatabase.postgres());
            case "mariadb" -> List.of(BenchDatabase.mariadb());
            case "all" -> List.of(BenchDatabase.h2(targetDirectory().resolve("bench-h2")), BenchDatabase.postgres());
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
    record Options(int size, String db) {

        private static final String USAGE = "--size N --db h2|postgres|mariadb|all";

        static Options parse(String[] args) {
            int size = 10_000;
            String db = "all";
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + ": needs a value; usage: " + USAGE);
                }
                String value = args[++i];
                switch (name) {
                    case "--size" -> size = parseSize(value);
                    case "--db" -> db = value;
                    default -> throw new IllegalArgumentException("unknown argument '" + name + "'; usage: " + USAGE);
                }
            }
            return new Options(size, db);
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
