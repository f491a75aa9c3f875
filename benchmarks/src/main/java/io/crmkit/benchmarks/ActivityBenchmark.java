package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.Timeline;
import io.crmkit.api.activity.TimelineQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Measures the timeline and the metrics on data generated in the run ({@code Random(SEED)}):
 *
 * <ol>
 *   <li>Append: {@code 10 x size} events (8 types, a small properties map each) for {@code size} customers,
 *   through {@code timeline().append} in calls of {@value #BATCH}, beside plain JDBC batches of the same rows
 *   committed per {@value #BATCH}, into two tenants with the same customers; the sides alternate call by call so
 *   that both see the event table at the same size. Target: ratio at most {@value #RATIO}. The SDK refreshes the
 *   customers' metrics on its job threads meanwhile; the line also says how long after the last append they
 *   were all refreshed.</li>
 *   <li>Read: the newest 50 of one customer's {@value #DEEP_EVENTS} events, the median of {@value #READS} reads
 *   after warm-up, beside the same page by hand-written SQL. Target on PostgreSQL: under
 *   {@value #READ_TARGET_MS} ms.</li>
 *   <li>Ratings: {@code 10 x size} customers, 60% with 1 to 5 orders, then {@code metrics().recomputeRatings()};
 *   the time is reported.</li>
 * </ol>
 */
public final class ActivityBenchmark {

    /** Seed of the generated data. */
    public static final long SEED = 17;
    /** Largest acceptable append ratio. */
    public static final double RATIO = 1.5;
    /** Largest acceptable median read of the newest page on PostgreSQL, in ms. */
    public static final double READ_TARGET_MS = 20;
    static final int BATCH = 10_000;
    static final int DEEP_EVENTS = 10_000;
    static final int READS = 201;
    /** The host's built-in types with free properties: not the SDK's automatic ones, not the structured contact record. */
    private static final List<String> TYPES = Timeline.BUILT_IN_TYPES.stream()
            .filter(type -> !io.crmkit.api.activity.EventTypes.AUTOMATIC.contains(type)
                    && !type.equals(io.crmkit.api.activity.ContactRecord.TYPE)).toList();
    private static final Instant NOW = FilterData.NOW.toInstant(ZoneOffset.UTC);

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;

    public ActivityBenchmark(DataSource pool, CrmKit kit) {
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
    }

    /** @return one line per measurement */
    public List<String> run(String database, int size) throws SQLException {
        String sdkTenant = "activity-sdk-" + System.nanoTime();
        String sqlTenant = "activity-sql-" + System.nanoTime();
        String rfmTenant = "activity-rfm-" + System.nanoTime();
        List<String> lines = new ArrayList<>();
        try {
            FilterData.load(pool, prefix, sdkTenant, size, SEED, 1, 1, 2);
            FilterData.load(pool, prefix, sqlTenant, size, SEED, 1, 1, 2);
            // Each line is printed as soon as it is measured: the three parts take minutes each at full size.
            lines.add(print(append(database, size, sdkTenant, sqlTenant)));
            lines.add(print(read(database, sdkTenant)));
            lines.add(print(ratings(database, size * 10, rfmTenant)));
            return lines;
        } finally {
            if (!database.equals("h2")) { // H2's file is deleted at the next start, faster than its rows
                for (String tenant : List.of(sdkTenant, sqlTenant, rfmTenant)) {
                    deleteActivity(tenant);
                    FilterData.delete(pool, prefix, tenant);
                }
            }
        }
    }

    private static String print(String line) {
        System.out.println(line);
        return line;
    }

    private String append(String database, int customers, String sdkTenant, String sqlTenant) throws SQLException {
        Crm crm = kit.as(Actor.of(sdkTenant, "bench", Permission.ALL));
        Random random = new Random(SEED);
        long events = 10L * customers;
        long sdk = 0;
        long sql = 0;
        long nextId = 1;
        HeapPeak.reset();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (long done = 0; done < events; done += BATCH) {
                int count = (int) Math.min(BATCH, events - done);
                List<EventDraft> drafts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    long customer = 1 + random.nextInt(customers);
                    Instant at = NOW.minusSeconds(random.nextInt(365 * 86_400));
                    drafts.add(new EventDraft(customer, TYPES.get(random.nextInt(TYPES.size())), at, "web",
                            Map.of("campaign", "c-" + random.nextInt(50), "value", random.nextInt(1000))));
                }
                boolean sdkFirst = (done / BATCH) % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    long start = System.nanoTime();
                    if ((side == 0) == sdkFirst) {
                        crm.activities().timeline().append(drafts);
                        sdk += System.nanoTime() - start;
                    } else {
                        nextId = insertEvents(connection, sqlTenant, drafts, nextId);
                        sql += System.nanoTime() - start;
                    }
                }
            }
        }
        // The metrics of the customers follow in the background: report how long after the last append.
        long start = System.nanoTime();
        try {
            if (!crm.activities().metrics().awaitRefreshes(java.time.Duration.ofMinutes(30))) {
                throw new IllegalStateException("the metrics were not refreshed within 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long catchUp = System.nanoTime() - start;
        double ratio = (double) sdk / sql;
        return String.format("  %-26s %9d [%s]  sdk %8.0f ms  sql %8.0f ms  ratio %5.2f  peak heap %4d MB  %s"
                + "  (metrics refreshed %.0f ms after the last append)", "append events", events, database,
                sdk / 1e6, sql / 1e6, ratio, HeapPeak.peakBytes() >> 20, ratio <= RATIO ? "ok (<= " + RATIO + ")"
                : "FAIL (> " + RATIO + ")", catchUp / 1e6);
    }

    /** The baseline: the same rows, one JDBC batch per call, committed. */
    private long insertEvents(Connection connection, String tenant, List<EventDraft> drafts, long firstId)
            throws SQLException {
        long id = firstId;
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + prefix + "event (tenant_id,"
                + " id, customer_id, event_type, occurred_at, source, properties, recorded_at, recorded_by) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            LocalDateTime recorded = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
            int pending = 0;
            for (EventDraft draft : drafts) {
                statement.setString(1, tenant);
                statement.setLong(2, id++);
                statement.setLong(3, draft.customerId());
                statement.setString(4, draft.type());
                statement.setObject(5, LocalDateTime.ofInstant(draft.occurredAt(), ZoneOffset.UTC));
                statement.setString(6, draft.source());
                statement.setString(7, "{\"campaign\":\"" + draft.properties().get("campaign") + "\",\"value\":"
                        + draft.properties().get("value") + "}");
                statement.setObject(8, recorded);
                statement.setString(9, "bench");
                statement.addBatch();
                if (++pending == 1000) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
        connection.commit();
        return id;
    }

    private String read(String database, String tenant) throws SQLException {
        Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
        long customer = 7;
        List<EventDraft> drafts = new ArrayList<>(DEEP_EVENTS);
        for (int i = 0; i < DEEP_EVENTS; i++) {
            drafts.add(EventDraft.of(customer, TYPES.get(i % TYPES.size()), NOW.minusSeconds(i * 37L)));
        }
        crm.activities().timeline().append(drafts);
        analyze();
        long[] sdk = new long[READS];
        long[] sql = new long[READS];
        for (int warm = 0; warm < 200; warm++) {
            crm.activities().timeline().read(customer, TimelineQuery.newest());
            sqlPage(tenant, customer);
        }
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            Page<Event> page = crm.activities().timeline().read(customer, TimelineQuery.newest());
            sdk[i] = System.nanoTime() - start;
            start = System.nanoTime();
            int rows = sqlPage(tenant, customer);
            sql[i] = System.nanoTime() - start;
            if (page.items().size() != 50 || rows != 50) {
                throw new IllegalStateException("a page held " + page.items().size() + " / " + rows + " events");
            }
        }
        Arrays.sort(sdk);
        Arrays.sort(sql);
        double sdkMs = sdk[READS / 2] / 1e6;
        boolean postgres = database.startsWith("postgres");
        return String.format("  %-26s %9d [%s]  sdk %8.2f ms  sql %8.2f ms  ratio %5.2f  (medians of %d)  %s",
                "newest 50 events", DEEP_EVENTS, database, sdkMs, sql[READS / 2] / 1e6, (double) sdk[READS / 2]
                        / sql[READS / 2], READS, !postgres ? "(target on PostgreSQL)"
                        : sdkMs < READ_TARGET_MS ? "ok (< " + READ_TARGET_MS + " ms)" : "FAIL (>= " + READ_TARGET_MS
                        + " ms)");
    }

    private int sqlPage(String tenant, long customer) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id, customer_id, event_type,"
                     + " occurred_at, source, properties, recorded_at, recorded_by FROM " + prefix + "event WHERE"
                     + " tenant_id = ? AND customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 50")) {
            statement.setString(1, tenant);
            statement.setLong(2, customer);
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    result.getString(6);
                    rows++;
                }
            }
            return rows;
        }
    }

    private String ratings(String database, int customers, String tenant) throws SQLException {
        FilterData.load(pool, prefix, tenant, customers, SEED + 1, 1, 1, 2);
        long orders = insertOrders(tenant, customers);
        analyze();
        Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
        HeapPeak.reset();
        long start = System.nanoTime();
        long rated = crm.activities().metrics().recomputeRatings();
        long nanos = System.nanoTime() - start;
        return String.format("  %-26s %9d [%s]  sdk %8.0f ms  (%d customers with %d orders rated)  peak heap %4d MB",
                "recompute RFM ratings", customers, database, nanos / 1e6, rated, orders, HeapPeak.peakBytes() >> 20);
    }

    /** 60% of the customers get 1 to 5 orders, by plain JDBC batches. */
    private long insertOrders(String tenant, int customers) throws SQLException {
        Random random = new Random(SEED + 2);
        long id = 1;
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO " + prefix + "customer_order"
                     + " (tenant_id, id, customer_id, order_no, ordered_at, status, amount, currency, created_at,"
                     + " created_by, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, 'PAID', ?, 'VND', ?, 'bench',"
                     + " ?, 'bench', 1)")) {
            connection.setAutoCommit(false);
            LocalDateTime now = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
            int pending = 0;
            for (long customer = 1; customer <= customers; customer++) {
                if (random.nextInt(10) >= 6) {
                    continue;
                }
                for (int n = 1 + random.nextInt(5); n > 0; n--) {
                    statement.setString(1, tenant);
                    statement.setLong(2, id);
                    statement.setLong(3, customer);
                    statement.setString(4, "ORD-" + id++);
                    statement.setObject(5, now.minusMinutes(random.nextInt(365 * 24 * 60)));
                    statement.setBigDecimal(6, java.math.BigDecimal.valueOf(random.nextInt(5_000_000), 2));
                    statement.setObject(7, now);
                    statement.setObject(8, now);
                    statement.addBatch();
                    if (++pending == 1000) {
                        statement.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
            }
            statement.executeBatch();
            connection.commit();
        }
        return id - 1;
    }

    /** Fresh statistics, as a production database keeps them (this machine's PostgreSQL runs without autovacuum). */
    private void analyze() throws SQLException {
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                for (String table : List.of("customer", "event", "customer_order", "customer_metric")) {
                    statement.execute("ANALYZE " + prefix + table);
                }
            } else if (product.contains("h2")) {
                statement.execute("ANALYZE");
            }
        }
    }

    private void deleteActivity(String tenant) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            for (String table : List.of("event", "customer_order", "customer_metric")) {
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + prefix + table
                        + " WHERE tenant_id = ?")) {
                    statement.setString(1, tenant);
                    statement.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
