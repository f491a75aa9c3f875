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
 *   <li>Refresh after events: a recompute of the metrics of the {@code size} customers of the append's SDK tenant
 *   ({@code metrics().recomputeRatings()}, which reads their {@code 10 x size} events), beside the SDK's time to
 *   append those events. Target: ratio at most {@value #REFRESH_RATIO}, the refresh keeps up with the append.</li>
 *   <li>Read: the newest 50 of one customer's {@value #DEEP_EVENTS} events, the median of {@value #READS} reads
 *   after warm-up, beside the same page by hand-written SQL. Target on PostgreSQL: under
 *   {@value #READ_TARGET_MS} ms.</li>
 *   <li>Ratings: {@code 10 x size} customers, 60% with 1 to 5 orders, in two tenants with the same customers and
 *   orders; {@code metrics().recomputeRatings()} in one (every customer's counts, then the RFM quintiles and value
 *   ratings) beside hand-written set-based SQL of the dialect in the other (one upsert of the counts of every
 *   customer with orders or events from aggregates of the whole tenant, one INSERT of the tenant's ratings from
 *   window functions), the limit of the machine; the two tenants' metric and rating rows must be equal. Target on
 *   PostgreSQL: the SDK under {@value #RFM_TARGET_MS} ms.</li>
 * </ol>
 */
public final class ActivityBenchmark {

    /** Seed of the generated data. */
    public static final long SEED = 17;
    /** Largest acceptable append ratio. */
    public static final double RATIO = 1.5;
    /** Largest acceptable median read of the newest page on PostgreSQL, in ms. */
    public static final double READ_TARGET_MS = 20;
    /** Largest acceptable ratio of the refresh of the metrics after the events to the SDK's append of them. */
    public static final double REFRESH_RATIO = 1.0;
    /** Largest acceptable time of the SDK's recompute of the RFM ratings on PostgreSQL, in ms. */
    public static final double RFM_TARGET_MS = 20_000;
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
    /** The SDK's time to append the events, for the refresh's ratio. */
    private long appendNanos;

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
        String rfmSqlTenant = "activity-rfm-sql-" + System.nanoTime();
        List<String> lines = new ArrayList<>();
        try {
            FilterData.load(pool, prefix, sdkTenant, size, SEED, 1, 1, 2);
            FilterData.load(pool, prefix, sqlTenant, size, SEED, 1, 1, 2);
            // Each line is printed as soon as it is measured: the three parts take minutes each at full size.
            lines.add(print(append(database, size, sdkTenant, sqlTenant)));
            lines.add(print(refresh(database, size, sdkTenant)));
            lines.add(print(read(database, sdkTenant)));
            lines.add(print(ratings(database, size * 10, rfmTenant, rfmSqlTenant)));
            return lines;
        } finally {
            if (!database.equals("h2")) { // H2's file is deleted at the next start, faster than its rows
                for (String tenant : List.of(sdkTenant, sqlTenant, rfmTenant, rfmSqlTenant)) {
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
        appendNanos = sdk;
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

    /** A recompute of the metrics of the append's customers from their events, beside the SDK's append time. */
    private String refresh(String database, int customers, String tenant) throws SQLException {
        analyze();
        Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
        HeapPeak.reset();
        long start = System.nanoTime();
        crm.activities().metrics().recomputeRatings();
        long nanos = System.nanoTime() - start;
        double ratio = (double) nanos / appendNanos;
        return String.format("  %-26s %9d [%s]  sdk %8.0f ms  append %8.0f ms  ratio %5.2f  peak heap %4d MB  %s"
                + "  (%d customers' metrics recomputed from their events)", "refresh after events",
                10L * customers, database, nanos / 1e6, appendNanos / 1e6, ratio, HeapPeak.peakBytes() >> 20,
                ratio <= REFRESH_RATIO ? "ok (<= " + REFRESH_RATIO + ", keeps up)" : "FAIL (> " + REFRESH_RATIO + ")",
                customers);
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

    private String ratings(String database, int customers, String tenant, String sqlTenant) throws SQLException {
        FilterData.load(pool, prefix, tenant, customers, SEED + 1, 1, 1, 2);
        FilterData.load(pool, prefix, sqlTenant, customers, SEED + 1, 1, 1, 2);
        long orders = insertOrders(tenant, customers);
        insertOrders(sqlTenant, customers);
        vacuum();
        analyze();
        Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
        HeapPeak.reset();
        long start = System.nanoTime();
        long rated = crm.activities().metrics().recomputeRatings();
        long sdk = System.nanoTime() - start;
        long heap = HeapPeak.peakBytes() >> 20;
        start = System.nanoTime();
        long sqlRated = rateBySql(sqlTenant);
        long sql = System.nanoTime() - start;
        long differing = differing(tenant, sqlTenant);
        if (rated != sqlRated || differing != 0) {
            throw new IllegalStateException("the SDK rated " + rated + " customers, the SQL " + sqlRated + "; "
                    + differing + " customers' metrics differ");
        }
        double ratio = (double) sdk / sql;
        boolean postgres = database.startsWith("postgres");
        return String.format("  %-26s %9d [%s]  sdk %8.0f ms  sql %8.0f ms  ratio %5.2f  peak heap %4d MB  %s"
                + "  (%d customers with %d orders rated, same as the SQL)", "recompute RFM ratings", customers,
                database, sdk / 1e6, sql / 1e6, ratio, heap, !postgres ? "(target on PostgreSQL)"
                        : sdk / 1e6 < RFM_TARGET_MS ? "ok (< " + (long) RFM_TARGET_MS + " ms)"
                        : "FAIL (>= " + (long) RFM_TARGET_MS + " ms)", rated, orders);
    }

    /**
     * The baseline of the ratings, hand-written for the dialect: one upsert of the counts of every customer with
     * orders or events (or a metric row) from aggregates of the tenant's orders and events, then the tenant's rating
     * rows deleted and written again by one INSERT ... SELECT of the quintiles from window functions (the same rule
     * as the SDK's: 1 + 5 x customers with a smaller value / customers with orders, integer division), with an
     * ANALYZE between them on PostgreSQL.
     *
     * @return the customers rated
     */
    private long rateBySql(String tenant) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            boolean postgres = product.contains("postgres");
            boolean mariadb = product.contains("maria") || product.contains("mysql");
            String div = mariadb ? " DIV " : " / ";
            LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
            String metric = prefix + "customer_metric";
            String counts = "SELECT c.tenant_id, c.id, COALESCE(e.recent, 0), COALESCE(o.n, 0), COALESCE(o.spent, 0),"
                    + " o.last_at, CASE WHEN e.last_at IS NULL OR e.last_at < o.last_at THEN o.last_at ELSE"
                    + " e.last_at END, ? FROM " + prefix + "customer c LEFT JOIN (SELECT customer_id, COUNT(*) n,"
                    + " SUM(amount) spent, MAX(ordered_at) last_at FROM " + prefix + "customer_order WHERE tenant_id"
                    + " = ? AND status NOT IN ('CANCELLED', 'REFUNDED') GROUP BY customer_id) o ON o.customer_id ="
                    + " c.id LEFT JOIN (SELECT customer_id, SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END)"
                    + " recent, MAX(occurred_at) last_at FROM " + prefix + "event WHERE tenant_id = ? AND event_type"
                    + " NOT IN " + automaticTypes() + " GROUP BY customer_id) e ON e.customer_id = c.id WHERE"
                    + " c.tenant_id = ? AND (o.n IS NOT NULL OR e.last_at IS NOT NULL OR EXISTS (SELECT 1 FROM "
                    + metric + " x WHERE x.tenant_id = c.tenant_id AND x.customer_id = c.id))";
            String columns = " (tenant_id, customer_id, activity_30d, order_count, total_spent, last_order_at,"
                    + " last_activity_at, refreshed_at) ";
            String upsert = postgres ? "INSERT INTO " + metric + columns + counts + " ON CONFLICT (tenant_id,"
                    + " customer_id) DO UPDATE SET activity_30d = EXCLUDED.activity_30d, order_count ="
                    + " EXCLUDED.order_count, total_spent = EXCLUDED.total_spent, last_order_at ="
                    + " EXCLUDED.last_order_at, last_activity_at = EXCLUDED.last_activity_at, refreshed_at ="
                    + " EXCLUDED.refreshed_at"
                    : mariadb ? "INSERT INTO " + metric + columns + counts + " ON DUPLICATE KEY UPDATE activity_30d ="
                    + " VALUES(activity_30d), order_count = VALUES(order_count), total_spent = VALUES(total_spent),"
                    + " last_order_at = VALUES(last_order_at), last_activity_at = VALUES(last_activity_at),"
                    + " refreshed_at = VALUES(refreshed_at)"
                    : "MERGE INTO " + metric + columns + "KEY (tenant_id, customer_id) " + counts;
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                statement.setObject(1, now);
                statement.setString(2, tenant);
                statement.setObject(3, now.minusDays(30));
                statement.setString(4, tenant);
                statement.setString(5, tenant);
                statement.executeUpdate();
            }
            connection.commit();
            if (postgres) { // statistics of the tenant's new rows, for the ratings' plan
                try (var statement = connection.createStatement()) {
                    statement.execute("ANALYZE " + metric);
                }
                connection.commit();
            }
            String quintiles = "SELECT customer_id AS q_id, 1 + 5 * (RANK() OVER (ORDER BY last_order_at) - 1)" + div
                    + "COUNT(*) OVER () AS q_r, 1 + 5 * (RANK() OVER (ORDER BY order_count) - 1)" + div + "COUNT(*)"
                    + " OVER () AS q_f, 1 + 5 * (RANK() OVER (ORDER BY total_spent) - 1)" + div + "COUNT(*) OVER ()"
                    + " AS q_m FROM " + metric + " WHERE tenant_id = ? AND order_count > 0";
            String rating = prefix + "customer_rating";
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + rating + " WHERE"
                    + " tenant_id = ?")) {
                statement.setString(1, tenant);
                statement.executeUpdate();
            }
            long rated;
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + rating + " (tenant_id,"
                    + " customer_id, recency, frequency, monetary, value_rating) SELECT ?, q_id, q_r, q_f, q_m, (2 *"
                    + " (q_r + q_f + q_m) + 3)" + div + "6 FROM (" + quintiles + ") q ORDER BY q_id")) {
                statement.setString(1, tenant);
                statement.setString(2, tenant);
                rated = statement.executeUpdate();
            }
            connection.commit();
            return rated;
        }
    }

    /** @return the SDK's own event types as a list of SQL literals: not the customer's activity */
    private static String automaticTypes() {
        return io.crmkit.api.activity.EventTypes.AUTOMATIC.stream().map(type -> "'" + type + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** @return how many customers' metric rows differ between the two tenants (same customer ids), or lack a twin */
    private long differing(String tenant, String twin) throws SQLException {
        String metric = prefix + "customer_metric";
        String rating = prefix + "customer_rating";
        String rated = "SELECT m.customer_id, m.order_count, m.total_spent, m.activity_30d, COALESCE(r.recency, 0) AS"
                + " r_r, COALESCE(r.frequency, 0) AS r_f, COALESCE(r.monetary, 0) AS r_m, COALESCE(r.value_rating, 0)"
                + " AS r_v FROM " + metric + " m LEFT JOIN " + rating + " r ON r.tenant_id = m.tenant_id AND"
                + " r.customer_id = m.customer_id WHERE m.tenant_id = ?";
        String sql = "SELECT (SELECT COUNT(*) FROM " + metric + " WHERE tenant_id = ?)"
                + " - (SELECT COUNT(*) FROM (" + rated + ") a JOIN (" + rated + ") b ON b.customer_id = a.customer_id"
                + " WHERE a.order_count = b.order_count AND a.total_spent = b.total_spent AND a.activity_30d ="
                + " b.activity_30d AND a.r_r = b.r_r AND a.r_f = b.r_f AND a.r_m = b.r_m AND a.r_v = b.r_v)"
                + " + ABS((SELECT COUNT(*) FROM " + metric + " WHERE tenant_id = ?)"
                + " - (SELECT COUNT(*) FROM " + metric + " WHERE tenant_id = ?))"
                + " + ABS((SELECT COUNT(*) FROM " + rating + " WHERE tenant_id = ?)"
                + " - (SELECT COUNT(*) FROM " + rating + " WHERE tenant_id = ?))";
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.setString(2, tenant);
            statement.setString(3, twin);
            statement.setString(4, tenant);
            statement.setString(5, twin);
            statement.setString(6, tenant);
            statement.setString(7, twin);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
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
                for (String table : List.of("customer", "event", "customer_order", "customer_metric",
                        "customer_rating")) {
                    statement.execute("ANALYZE " + prefix + table);
                }
            } else if (product.contains("h2")) {
                statement.execute("ANALYZE");
            }
        }
    }

    /**
     * On PostgreSQL, clears the dead rows that earlier runs' deletes left in the tables the ratings read and write
     * (customers, orders, events, metrics, ratings), as autovacuum would in production (this machine's PostgreSQL
     * runs without it): both sides of the ratings then work on the same clean tables. Without it a run after another
     * read 7,000,000 dead order rows and 2,000,000 dead customers, and took 30.1 s instead of 16.7 s (SQL 26.7 s
     * instead of 21.5 s).
     */
    private void vacuum() throws SQLException {
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                connection.setAutoCommit(true);
                for (String table : List.of("customer", "customer_order", "event", "customer_metric",
                        "customer_rating")) {
                    statement.execute("VACUUM ANALYZE " + prefix + table);
                }
            }
        }
    }

    private void deleteActivity(String tenant) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            for (String table : List.of("event", "customer_order", "customer_metric", "customer_rating")) {
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
