package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.ChildJvm;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.SubmitMetricsInChildJvm;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits on one database: the kit running a submitted recompute of metrics is killed (SIGKILL) midway, and the other
 * kit's scheduler picks the job up once the dead kit's heartbeats stop and finishes it, continuing after the last
 * customer the dead kit refreshed: every customer's metrics are right and the tenant is rated, without anyone
 * submitting again.
 */
class ScheduledMetricsCrashTest {

    private static final int CUSTOMERS = 6_000;
    /** Every {@value}th customer has one order. */
    private static final int BUYER_EVERY = 60;
    /** Every {@value}th customer has one event, two days ago. */
    private static final int ACTIVE_EVERY = 25;
    private static final Duration LEASE = Duration.ofSeconds(2);
    /** Added to each chunk of 1,000 customers in the child, so that it is still running when it is killed. */
    private static final Duration CHUNK_DELAY = Duration.ofMillis(400);

    @TempDir
    Path dir;

    @DbTest
    void aSubmittedRecomputeWhoseKitWasKilledIsFinishedByTheOtherKit(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        String metrics = prefix + "customer_metric";
        // Two JVMs share H2 only through a server: AUTO_SERVER lets the second connect to the first over TCP.
        String url = db.dialect().equals("h2") ? "jdbc:h2:file:" + dir.resolve("crash") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        // Opened first and kept open, so that with H2 this JVM is the server the child connects to.
        try (Connection connection = DriverManager.getConnection(url)) {
            BigDecimal spent = BigDecimal.ZERO;
            // Closed before the child submits, so that only the child's scheduler can pick the job up at first.
            try (CrmKit first = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix).build()) {
                Crm crm = first.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                crm.imports().run(ImportRequest.builder(ImportFile.of(
                        CrashedJobs.numberedNames(dir.resolve("customers.csv"), CUSTOMERS))).build());
                List<Long> ids = longs(connection, "SELECT id FROM " + prefix + "customer WHERE tenant_id = ? ORDER"
                        + " BY id", db.tenant());
                List<EventDraft> events = new ArrayList<>();
                Instant now = Instant.now();
                for (int i = 0; i < ids.size(); i++) {
                    if (i % BUYER_EVERY == 0) {
                        BigDecimal amount = BigDecimal.valueOf(100L + i);
                        crm.activities().orders().create(ids.get(i), OrderDraft.ofAmount("R-" + i,
                                now.minus(Duration.ofDays(1 + i % 90)), OrderStatus.PAID, "VND", amount));
                        spent = spent.add(amount);
                    }
                    if (i % ACTIVE_EVERY == 0) {
                        events.add(EventDraft.of(ids.get(i), "message", now.minus(Duration.ofDays(2))));
                    }
                }
                crm.activities().timeline().append(events);
                assertThat(crm.activities().metrics().awaitRefreshes(Duration.ofSeconds(60))).isTrue();
            }
            // The metrics are a cache: lose all of it, for the recompute to rebuild.
            execute(connection, "DELETE FROM " + metrics + " WHERE tenant_id = ?", db.tenant());

            long doneAtKill;
            try (ChildJvm child = ChildJvm.start(SubmitMetricsInChildJvm.class, dir.resolve("child.log"), "256m",
                    url, prefix, db.tenant(), String.valueOf(LEASE.toMillis()),
                    String.valueOf(CHUNK_DELAY.toMillis()))) {
                CrashedJobs.awaitProgress(connection, prefix + "job", "METRICS", db.tenant(), child, 2_000,
                        dir.resolve("child.log"));
                child.kill();
            }
            doneAtKill = longs(connection, "SELECT done FROM " + prefix + "job WHERE tenant_id = ? AND kind ="
                    + " 'METRICS'", db.tenant()).get(0);
            assertThat(doneAtKill).isBetween(2_000L, CUSTOMERS - 1_000L);
            // A pair's second chunk commits without the progress, which the next pair's first stores: at most one
            // chunk of 1,000 customers beyond it may be refreshed already (and is refreshed again).
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ?", db.tenant())
                    .get(0)).as("the dead kit's committed chunks only")
                    .isBetween(withActivity(doneAtKill), withActivity(Math.min(CUSTOMERS, doneAtKill + 1_000)));

            // The other kit starts after the first one ran the job: only a dead execution is left for it to pick up.
            try (CrmKit other = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix)
                    .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
                Crm crm = other.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                Job killed = crm.jobs().latest(JobKind.METRICS, 1).get(0);
                assertThat(killed.state()).isIn(JobState.INTERRUPTED, JobState.QUEUED, JobState.RUNNING);

                Job finished = CrashedJobs.awaitDone(crm, killed.id());

                assertThat(finished.state()).isEqualTo(JobState.DONE);
                assertThat(List.of(finished.done(), finished.total())).containsExactly((long) CUSTOMERS,
                        (long) CUSTOMERS);
                assertThat(crm.jobs().latest(JobKind.METRICS, 10)).as("no second job").hasSize(1);
            }

            int buyers = (CUSTOMERS + BUYER_EVERY - 1) / BUYER_EVERY;
            int active = (CUSTOMERS + ACTIVE_EVERY - 1) / ACTIVE_EVERY;
            String ratings = prefix + "customer_rating";
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ?", db.tenant()))
                    .as("every customer with an order or an event has metrics")
                    .containsExactly(withActivity(CUSTOMERS));
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + metrics + " m JOIN " + ratings + " r ON"
                    + " r.tenant_id = m.tenant_id AND r.customer_id = m.customer_id WHERE m.tenant_id = ? AND"
                    + " m.order_count = 1 AND m.last_order_at IS NOT NULL AND r.value_rating BETWEEN 1 AND 5",
                    db.tenant())).as("every buyer counted once and rated").containsExactly((long) buyers);
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + ratings + " WHERE tenant_id = ?", db.tenant()))
                    .as("no one else has a rating").containsExactly((long) buyers);
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ? AND order_count"
                    + " = 0 AND total_spent = 0", db.tenant()))
                    .as("no one else has orders").containsExactly(withActivity(CUSTOMERS) - buyers);
            assertThat(decimal(connection, "SELECT SUM(total_spent) FROM " + metrics + " WHERE tenant_id = ?",
                    db.tenant())).isEqualByComparingTo(spent);
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ? AND activity_30d"
                    + " = 1 AND last_activity_at IS NOT NULL", db.tenant())).as("every event counted once")
                    .containsExactly((long) active);
            // Each run refreshes every customer it reaches as of the time it started.
            assertThat(longs(connection, "SELECT COUNT(DISTINCT refreshed_at) FROM " + metrics + " WHERE tenant_id"
                    + " = ?", db.tenant())).as("two runs: the dead kit's and the other kit's").containsExactly(2L);
            assertThat(longs(connection, "SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ? AND refreshed_at"
                    + " = (SELECT MIN(refreshed_at) FROM " + metrics + " WHERE tenant_id = ?)", db.tenant(),
                    db.tenant())).as("the customers the dead kit refreshed were not refreshed again: the run"
                    + " continued after them").containsExactly(withActivity(doneAtKill));
        } finally {
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    /** @return how many of the first {@code customers} (in id order) have an order or an event: metric rows */
    private static long withActivity(long customers) {
        return LongStream.range(0, customers).filter(i -> i % BUYER_EVERY == 0 || i % ACTIVE_EVERY == 0).count();
    }

    private static void execute(Connection connection, String sql, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** @return the first column of a query's rows, bound to the values, as longs */
    private static List<Long> longs(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Long> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(result.getLong(1));
                }
                return rows;
            }
        }
    }

    private static BigDecimal decimal(Connection connection, String sql, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBigDecimal(1);
            }
        }
    }
}
