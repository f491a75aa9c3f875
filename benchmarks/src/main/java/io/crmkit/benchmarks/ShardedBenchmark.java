package io.crmkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * Measures what routing through ShardingSphere-JDBC costs: the same work through a kit on one PostgreSQL database
 * and through a kit on ShardingSphere over two databases of the same server (the sharding rules CRMKit ships, for
 * the prefix {@code bench_}), in one run; the sharded kit as built by default (each tenant's work on its shard's own
 * pool), and, reported beside it, one sending every statement through ShardingSphere (other tenants of the same
 * shards). {@value #TENANTS} tenants each create {@code size / TENANTS} customers
 * one at a time ({@code SampleCustomer}, seed {@value #SEED}), in {@value #ROUNDS} rounds whose side goes first
 * alternates; then each tenant's first page of two filters and a count, {@code reps} times per side, alternating,
 * medians of the whole set. Prints both sides' times, their ratio (target {@value #RATIO}) and how many customers
 * each shard holds. The shards are reached at the JDBC URLs in {@code CRMKIT_BENCH_SHARD_URLS} (comma-separated),
 * by default the databases {@code shard0} and {@code shard1} of the local PostgreSQL. Before the creates and
 * before the reads, both sides' tables are vacuumed and analyzed (autovacuum's work, which this machine's PostgreSQL
 * does not do). Last, the cost of one statement without the kit on each side: a primary-key read by plain JDBC,
 * up to {@value #STATEMENTS} times. Single-threaded.
 */
public final class ShardedBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 42;
    /** Tenants each side works for. */
    public static final int TENANTS = 8;
    /** Rounds the creates are split into. */
    public static final int ROUNDS = 4;
    /** Largest acceptable ratio of the sharded side's time to the single database's. */
    public static final double RATIO = 1.3;
    /** Most primary-key reads per side of the per-statement measure (as many as customers created, in 100s). */
    public static final int STATEMENTS = 5_000;
    /** Kits compared: one database, sharded (tenants pinned to their shards), sharded routing every statement. */
    private static final int SIDES = 3;
    /** Environment variable with the shards' JDBC URLs. */
    static final String SHARDS_ENV = "CRMKIT_BENCH_SHARD_URLS";
    private static final String SHARDS_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/shard0?user=postgres,"
            + "jdbc:postgresql://127.0.0.1:5432/shard1?user=postgres";
    private static final String PREFIX = "bench_";
    private static final List<String> TABLES = List.of("custom_value", "tag", "identity", "audit", "event",
            "customer", "field");

    private final DataSource pool;
    private final CrmKit single;
    private final int reps;

    /**
     * @param pool   one database's pool
     * @param single a kit on {@code pool} (prefix {@value #PREFIX})
     * @param reps   timed repetitions of the reads per side
     */
    public ShardedBenchmark(DataSource pool, CrmKit single, int reps) {
        this.pool = pool;
        this.single = single;
        this.reps = reps;
    }

    /** @return the shards' JDBC URLs: the environment's, or the local defaults */
    static List<String> shardUrls() {
        String urls = System.getenv(SHARDS_ENV);
        return Arrays.asList((urls == null || urls.isBlank() ? SHARDS_DEFAULT : urls).split(","));
    }

    /**
     * @param size customers created per side, at least {@value #TENANTS} x {@value #ROUNDS}
     * @return one line per measure: create, reads, customers per shard
     */
    public List<String> run(int size) throws Exception {
        if (size < TENANTS * ROUNDS) {
            throw new IllegalArgumentException("size: must be at least " + TENANTS * ROUNDS + ", got " + size);
        }
        List<HikariDataSource> shards = new ArrayList<>();
        String run = "sharded-" + System.nanoTime();
        List<String> tenants = new ArrayList<>();
        List<String> routedTenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(run + "-" + i);
            routedTenants.add(run + "-routed-" + i);
        }
        try {
            Map<String, DataSource> named = new LinkedHashMap<>();
            for (String url : shardUrls()) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setMaximumPoolSize(4);
                config.setPoolName("bench-ds_" + shards.size());
                HikariDataSource pool = new HikariDataSource(config);
                named.put("ds_" + shards.size(), pool);
                shards.add(pool);
                // ShardingSphere reads the tables when it starts: they must exist by then.
                CrmKit.builder().dataSource(pool).tablePrefix(PREFIX).build().close();
            }
            DataSource routed = YamlShardingSphereDataSourceFactory.createDataSource(named, rules());
            try (CrmKit sharded = CrmKit.builder().dataSource(routed).shards(List.copyOf(shards)).tablePrefix(PREFIX)
                    .defaultPhoneRegion("VN").build();
                 CrmKit everyStatement = CrmKit.builder().dataSource(routed).shards(List.copyOf(shards))
                         .pinTenantsToShards(false).tablePrefix(PREFIX).defaultPhoneRegion("VN").build()) {
                List<Side> sides = List.of(new Side(single, tenants), new Side(sharded, tenants),
                        new Side(everyStatement, routedTenants));
                List<String> lines = new ArrayList<>();
                warmUp(sides, run);
                vacuumAnalyze(shards);
                lines.add(creates(sides, size));
                vacuumAnalyze(shards);
                lines.add(reads(sides));
                int reads = Math.max(100, Math.min(STATEMENTS, size / 100 * 100));
                lines.add(statements(routed, tenants.get(0), reads));
                lines.add(perShard(shards, run));
                return lines;
            } finally {
                for (String tenant : tenants) {
                    FilterData.delete(pool, PREFIX, tenant);
                    FilterData.delete(routed, PREFIX, tenant);
                }
                for (String tenant : routedTenants) {
                    FilterData.delete(routed, PREFIX, tenant);
                }
                for (int i = 0; i < 2 * SIDES; i++) {
                    FilterData.delete(pool, PREFIX, run + "-warm-" + i);
                    FilterData.delete(routed, PREFIX, run + "-warm-" + i);
                }
                ((AutoCloseable) routed).close();
            }
        } finally {
            shards.forEach(HikariDataSource::close);
        }
    }

    /** @return CRMKit's sharding rules for the prefix {@value #PREFIX} */
    private static byte[] rules() throws java.io.IOException {
        try (InputStream in = CrmKit.class.getResourceAsStream("/io/crmkit/sharding/crmkit-sharding.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("crm_", PREFIX)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One side of the comparison: a kit and the tenants it works for. */
    private record Side(CrmKit kit, List<String> tenants) {
    }

    private void warmUp(List<Side> sides, String run) {
        List<SampleCustomer> customers = SampleCustomer.generate(SEED + 1, 200 * 2 * SIDES);
        for (int i = 0; i < 2; i++) {
            for (int side = 0; side < SIDES; side++) {
                int tenant = i * SIDES + side;
                Crm crm = sides.get(side).kit().as(Actor.of(run + "-warm-" + tenant, "bench", Permission.ALL));
                customers.subList(tenant * 200, tenant * 200 + 200).forEach(customer -> create(crm, customer));
                read(crm);
            }
        }
    }

    private String creates(List<Side> sides, int size) {
        List<SampleCustomer> customers = SampleCustomer.generate(SEED, size);
        int perTenant = size / TENANTS;
        int perRound = perTenant / ROUNDS;
        long[] nanos = new long[SIDES];
        for (int round = 0; round < ROUNDS; round++) {
            for (int turn = 0; turn < SIDES; turn++) {
                int side = (round + turn) % SIDES;
                long start = System.nanoTime();
                for (int t = 0; t < TENANTS; t++) {
                    Crm crm = sides.get(side).kit().as(Actor.of(sides.get(side).tenants().get(t), "bench",
                            Permission.ALL));
                    int from = t * perTenant + round * perRound;
                    int to = round == ROUNDS - 1 ? (t + 1) * perTenant : from + perRound;
                    customers.subList(from, to).forEach(customer -> create(crm, customer));
                }
                nanos[side] += System.nanoTime() - start;
            }
        }
        int created = perTenant * TENANTS;
        double ratio = (double) nanos[1] / nanos[0];
        return String.format("  %-26s %8d [postgres x2]  one db %8.0f ms  sharded %8.0f ms  ratio %5.2f  %s"
                + "  (%d tenants, one at a time; every statement through ShardingSphere: %.0f ms, ratio %.2f)",
                "create", created, nanos[0] / 1e6, nanos[1] / 1e6, ratio, verdict(ratio), TENANTS, nanos[2] / 1e6,
                (double) nanos[2] / nanos[0]);
    }

    private String reads(List<Side> sides) {
        long[][] samples = new long[SIDES][reps];
        for (int rep = 0; rep < reps; rep++) {
            for (int turn = 0; turn < SIDES; turn++) {
                int side = (rep + turn) % SIDES;
                long start = System.nanoTime();
                for (String tenant : sides.get(side).tenants()) {
                    read(sides.get(side).kit().as(Actor.of(tenant, "bench", Permission.ALL)));
                }
                samples[side][rep] = System.nanoTime() - start;
            }
        }
        double[] medians = new double[SIDES];
        for (int side = 0; side < SIDES; side++) {
            Arrays.sort(samples[side]);
            medians[side] = samples[side][reps / 2] / 1e6 / (TENANTS * 3);
        }
        double ratio = medians[1] / medians[0];
        return String.format("  %-26s %8d [postgres x2]  one db %8.2f ms  sharded %8.2f ms  ratio %5.2f  %s"
                + "  (per query, medians of %d; every statement through ShardingSphere: %.2f ms, ratio %.2f)",
                "filter first page / count", TENANTS * 3, medians[0], medians[1], ratio, verdict(ratio), reps,
                medians[2], medians[2] / medians[0]);
    }

    private static void read(Crm crm) {
        crm.filters().search(Query.where(Filter.hasTag("vip")));
        crm.filters().search(Query.where(Filter.all(Filter.hasTag("retail"), Filter.isNotEmpty("phones"))));
        crm.filters().count(Filter.hasTag("newsletter"));
    }

    /**
     * Clears dead rows and refreshes the statistics of the benchmark's tables on the single database and on each
     * shard, as autovacuum would in production (this machine's PostgreSQL runs without it): both sides then plan
     * their reads on equal terms, whatever earlier runs left.
     */
    private void vacuumAnalyze(List<HikariDataSource> shards) throws SQLException {
        List<DataSource> databases = new ArrayList<>(shards);
        databases.add(0, pool);
        for (DataSource database : databases) {
            try (Connection connection = database.getConnection(); var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                for (String table : TABLES) {
                    statement.execute("VACUUM ANALYZE " + PREFIX + table);
                }
            }
        }
    }

    /**
     * The cost of one statement on each side, without the kit: a primary-key read of a missing customer of a tenant,
     * by plain JDBC on the single database and through ShardingSphere, {@code count} times per side (a multiple of
     * 100) in turns of 100; medians of the turns.
     */
    private String statements(DataSource routed, String tenant, int count) throws SQLException {
        int turns = count / 100;
        long[][] samples = new long[2][turns];
        for (int turn = 0; turn < turns; turn++) {
            for (int side = 0; side < 2; side++) {
                try (Connection connection = (side == 0 ? pool : routed).getConnection()) {
                    long start = System.nanoTime();
                    for (int i = 0; i < 100; i++) {
                        try (PreparedStatement read = connection.prepareStatement("SELECT name FROM " + PREFIX
                                + "customer WHERE tenant_id = ? AND id = ?")) {
                            read.setString(1, tenant);
                            read.setLong(2, -1 - i);
                            try (ResultSet rows = read.executeQuery()) {
                                rows.next();
                            }
                        }
                    }
                    samples[side][turn] = System.nanoTime() - start;
                }
            }
        }
        Arrays.sort(samples[0]);
        Arrays.sort(samples[1]);
        double one = samples[0][turns / 2] / 1e3 / 100;
        double routedUs = samples[1][turns / 2] / 1e3 / 100;
        return String.format("  %-26s %8d [postgres x2]  one db %8.0f us  sharded %8.0f us  ratio %5.2f  (plain JDBC,"
                + " no kit: what ShardingSphere adds to each statement, %.0f us)", "primary-key read", count,
                one, routedUs, routedUs / one, routedUs - one);
    }

    private static String perShard(List<HikariDataSource> shards, String run) throws SQLException {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            try (Connection connection = shards.get(i).getConnection();
                 PreparedStatement count = connection.prepareStatement("SELECT COUNT(DISTINCT tenant_id),"
                         + " COUNT(*) FROM " + PREFIX + "customer WHERE tenant_id LIKE ?")) {
                count.setString(1, run + "-%");
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    counts.add(String.format("ds_%d: %d tenants, %d customers", i, rows.getLong(1), rows.getLong(2)));
                }
            }
        }
        return "  customers per shard: " + String.join("; ", counts)
                + " (warm-up tenants and those of the kit routing every statement included)";
    }

    private static String verdict(double ratio) {
        return ratio <= RATIO ? "ok (<= " + RATIO + ")" : "FAIL (> " + RATIO + ")";
    }

    private static void create(Crm crm, SampleCustomer customer) {
        CustomerDraft.Builder draft = CustomerDraft.builder().name(customer.name()).email(customer.email());
        customer.phones().forEach(draft::phone);
        customer.tags().forEach(draft::tag);
        crm.customers().create(draft.build());
    }
}
