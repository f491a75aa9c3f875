package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Measures single creates: {@code size} customers created one at a time through
 * {@link CustomerService#create}, beside the same rows (customer, identities, tags, audit row and
 * {@code customer_created} event) written with plain JDBC ({@code JdbcCustomerWriter}), on the same pool and
 * database, in one run.
 *
 * <p>The customers come from {@code SampleCustomer.generate} with seed {@value #SEED}: a name, 1 or 2 Vietnamese
 * mobile phones in E.164, one e-mail and 2 or 3 tags. Each side writes them into a tenant of its own, named
 * after the run ({@code bench-<nanoTime>-sdk}, {@code ...-jdbc}), so runs never collide.
 *
 * <p>How it measures: both sides first warm up on up to {@value #WARM_UP_MAX} customers in throw-away
 * tenants. The customers are then split into {@value #ROUNDS} equal parts, one per round; in each round both
 * sides create that part one after the other, the SDK first in even rounds and the baseline first in odd
 * ones, so that the JIT, the database's caches, the growing tables and bursts of load from other processes
 * favour neither. Each measured stretch starts after a garbage collection with fresh heap peaks
 * ({@code HeapPeak}). Afterwards each tenant must hold exactly the expected rows, and both tenants the same
 * rows apart from ids and timestamps ({@code StoredCustomers}), or the run fails; then every row of the
 * run's tenants is deleted.
 *
 * <p>Single-threaded; not thread-safe.
 */
public final class CreateBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 42;
    /** Most customers each side creates to warm up. */
    public static final int WARM_UP_MAX = 10_000;
    /** Rounds the measured customers are split into. */
    public static final int ROUNDS = 4;

    private static final String ACTOR = "bench";

    private final DataSource pool;
    private final CrmKit kit;
    private final AtomicLong baselineIds = new AtomicLong(System.currentTimeMillis() << 22);

    /**
     * @param pool the pool the kit was built on; the baseline borrows its connection here
     * @param kit  a kit built on {@code pool}
     */
    public CreateBenchmark(DataSource pool, CrmKit kit) {
        this.pool = pool;
        this.kit = kit;
    }

    /**
     * Runs the benchmark.
     *
     * @param database the label of the database, for the result
     * @param size     customers each side creates in the measurement, at least {@value #ROUNDS}
     * @return the times, peak heaps and row counts of both sides
     * @throws IllegalArgumentException when {@code size} is below {@value #ROUNDS}
     * @throws SQLException             when the baseline, the verification or the clean-up fails on the database
     * @throws IllegalStateException    when a side did not leave exactly the expected rows, or the two sides'
     *                                  rows differ
     */
    public CreateResult run(String database, int size) throws SQLException {
        if (size < ROUNDS) {
            throw new IllegalArgumentException("size: must be at least " + ROUNDS + ", got " + size);
        }
        List<SampleCustomer> customers = SampleCustomer.generate(SEED, size);
        Tenants tenants = Tenants.of("bench-" + System.nanoTime());
        CreateResult result;
        try {
            result = measureAndVerify(database, customers, tenants);
        } catch (SQLException | RuntimeException e) {
            try {
                deleteRows(tenants);
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        deleteRows(tenants);
        return result;
    }

    private CreateResult measureAndVerify(String database, List<SampleCustomer> customers, Tenants tenants)
            throws SQLException {
        int size = customers.size();
        List<SampleCustomer> warmUp = customers.subList(0, Math.min(WARM_UP_MAX, size));
        createWithSdk(tenants.warmUpSdk(), warmUp);
        createWithJdbc(tenants.warmUpJdbc(), warmUp);
        Totals sdk = new Totals();
        Totals jdbc = new Totals();
        for (int round = 0; round < ROUNDS; round++) {
            List<SampleCustomer> part = customers.subList(round * size / ROUNDS, (round + 1) * size / ROUNDS);
            if (round % 2 == 0) {
                sdk.add(measure(() -> createWithSdk(tenants.sdk(), part)));
                jdbc.add(measure(() -> createWithJdbc(tenants.jdbc(), part)));
            } else {
                jdbc.add(measure(() -> createWithJdbc(tenants.jdbc(), part)));
                sdk.add(measure(() -> createWithSdk(tenants.sdk(), part)));
            }
        }
        RowCounts expected = RowCounts.expected(customers);
        RowCounts sdkRows = verified("sdk", RowCounts.count(pool, kit.tablePrefix(), tenants.sdk()), expected);
        RowCounts jdbcRows = verified("jdbc", RowCounts.count(pool, kit.tablePrefix(), tenants.jdbc()), expected);
        requireSameRows(tenants);
        return new CreateResult(database, size, sdk.nanos, jdbc.nanos, sdk.peakHeapBytes, jdbc.peakHeapBytes,
                sdkRows, jdbcRows);
    }

    private void createWithSdk(String tenantId, List<SampleCustomer> customers) {
        CustomerService service = kit.as(Actor.of(tenantId, ACTOR, Permission.ALL)).customers();
        for (SampleCustomer customer : customers) {
            service.create(CustomerDraft.builder()
                    .name(customer.name())
                    .phones(customer.phones())
                    .email(customer.email())
                    .tags(customer.tags())
                    .build());
        }
    }

    private void createWithJdbc(String tenantId, List<SampleCustomer> customers) throws SQLException {
        try (JdbcCustomerWriter writer = new JdbcCustomerWriter(pool, kit.tablePrefix(), baselineIds)) {
            for (SampleCustomer customer : customers) {
                writer.insert(tenantId, ACTOR, customer);
            }
        }
    }

    private static Measurement measure(Work work) throws SQLException {
        HeapPeak.reset();
        long start = System.nanoTime();
        work.run();
        long nanos = System.nanoTime() - start;
        return new Measurement(nanos, HeapPeak.peakBytes());
    }

    private static RowCounts verified(String side, RowCounts actual, RowCounts expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException("the " + side + " side left " + actual + " in its tenant, expected "
                    + expected + "; its timing does not measure the intended work");
        }
        return actual;
    }

    private void requireSameRows(Tenants tenants) throws SQLException {
        List<String> sdk = StoredCustomers.read(pool, kit.tablePrefix(), tenants.sdk());
        List<String> jdbc = StoredCustomers.read(pool, kit.tablePrefix(), tenants.jdbc());
        for (int i = 0; i < Math.min(sdk.size(), jdbc.size()); i++) {
            if (!sdk.get(i).equals(jdbc.get(i))) {
                throw new IllegalStateException("the baseline did not write the rows the SDK wrote; first difference:"
                        + "\n  sdk:  " + sdk.get(i) + "\n  jdbc: " + jdbc.get(i));
            }
        }
        if (sdk.size() != jdbc.size()) {
            throw new IllegalStateException("the SDK wrote " + sdk.size() + " customers, the baseline " + jdbc.size());
        }
    }

    /** Deletes every row of the run's tenants, so that repeated runs start from the same tables. */
    private void deleteRows(Tenants tenants) throws SQLException {
        String prefix = kit.tablePrefix();
        try (Connection connection = pool.getConnection()) {
            for (String table : List.of("tag", "identity", "audit", "event", "customer")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + prefix + table + " WHERE tenant_id = ?")) {
                    for (String tenant : tenants.all()) {
                        delete.setString(1, tenant);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private record Measurement(long nanos, long peakHeapBytes) {
    }

    /** The run's tenants: one per side for the measurement and one per side for the warm-up. */
    private record Tenants(String sdk, String jdbc, String warmUpSdk, String warmUpJdbc) {
        static Tenants of(String run) {
            return new Tenants(run + "-sdk", run + "-jdbc", run + "-warm-sdk", run + "-warm-jdbc");
        }

        List<String> all() {
            return List.of(sdk, jdbc, warmUpSdk, warmUpJdbc);
        }
    }

    /** Sums the times and keeps the highest peak heap of one side's rounds. */
    private static final class Totals {
        long nanos;
        long peakHeapBytes;

        void add(Measurement measurement) {
            nanos += measurement.nanos();
            peakHeapBytes = Math.max(peakHeapBytes, measurement.peakHeapBytes());
        }
    }
}
