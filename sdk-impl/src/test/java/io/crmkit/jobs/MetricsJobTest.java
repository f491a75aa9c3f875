package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.StatementHooks;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recompute of metrics as a job: submitted to the scheduler, or run in the caller's thread, stored either way as a
 * METRICS job of {@code crm.jobs()}: listed, awaited, cancelled after a chunk, one unfinished per tenant.
 */
class MetricsJobTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    /** Ten buyers, one order each, spending and recency rising together. */
    private static List<Customer> buyers(Crm crm) {
        Instant now = Instant.now();
        List<Customer> buyers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Customer buyer = crm.customers().create(CustomerDraft.builder().name("Buyer " + i).build());
            buyers.add(buyer);
            crm.activities().orders().create(buyer.id(), OrderDraft.ofAmount("R-" + i,
                    now.minus(Duration.ofDays(100 - i)), OrderStatus.PAID, "VND", BigDecimal.valueOf(1000L * (i + 1))));
        }
        return buyers;
    }

    /** Checks the quintiles of {@link #buyers}: 1,1,2,2,...,5,5 in monetary and recency, one order each. */
    private static void assertRated(Crm crm, List<Customer> buyers) {
        for (int i = 0; i < buyers.size(); i++) {
            CustomerMetrics metrics = crm.activities().metrics().of(buyers.get(i).id());
            int quintile = 1 + i / 2;
            assertThat(metrics.orderCount()).as("buyer %d", i).isEqualTo(1);
            assertThat(metrics.totalSpent()).as("buyer %d", i).isEqualByComparingTo(BigDecimal.valueOf(1000L * (i + 1)));
            assertThat(metrics.monetary()).as("buyer %d", i).contains(quintile);
            assertThat(metrics.recency()).as("buyer %d", i).contains(quintile);
            assertThat(metrics.valueRating()).as("buyer %d", i).contains(Math.round((2 * quintile + 1) / 3f));
        }
    }

    /**
     * Runs the test on a kit of its own with the table prefix, on the test database's data source wrapped by
     * {@code wrap}, picking submitted jobs up within half a second.
     */
    private static void withKit(TestDb db, String prefix, UnaryOperator<DataSource> wrap, Consumer<Crm> test) {
        try (CrmKit kit = CrmKit.builder().dataSource(wrap.apply(db.dataSource())).tablePrefix(prefix)
                .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
            test.accept(kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL)));
        } finally {
            db.dropTables(prefix);
        }
    }

    private static long metricRows(TestDb db, String prefix) {
        return Long.parseLong(db.column("SELECT COUNT(*) FROM " + prefix + "customer_metric WHERE tenant_id = ?",
                db.tenant()).get(0));
    }

    private static Job await(Crm crm, long id) {
        try {
            return crm.jobs().await(id, LONG);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @DbTest
    void aSubmittedRecomputeRunsOnTheSchedulerRefreshesEveryCustomerAndRatesTheTenant(TestDb db) {
        Crm crm = db.crm();
        List<Customer> buyers = buyers(crm);
        Customer browser = crm.customers().create(CustomerDraft.builder().name("Browser").build());
        crm.activities().timeline().record(EventDraft.of(browser.id(), "message", Instant.now().minusSeconds(60)));
        // The metrics are a cache that a recompute rebuilds: lose all of it first.
        db.execute("DELETE FROM crm_customer_metric WHERE tenant_id = '" + db.tenant() + "'");

        long id = crm.activities().metrics().submitRecompute();
        Job job = await(crm, id);

        assertThat(job.state()).isEqualTo(JobState.DONE);
        assertThat(job.kind()).isEqualTo(JobKind.METRICS);
        assertThat(job.name()).isEqualTo("recompute_ratings");
        assertThat(job.actorId()).isEqualTo("agent-1");
        assertThat(List.of(job.done(), job.total())).containsExactly(11L, 11L);
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(job.error()).isEmpty();
        assertRated(crm, buyers);
        CustomerMetrics browsing = crm.activities().metrics().of(browser.id());
        assertThat(browsing.activityLast30Days()).isEqualTo(1);
        assertThat(browsing.valueRating()).as("no orders, no rating").isEmpty();
        assertThat(crm.jobs().latest(JobKind.METRICS, 10)).containsExactly(job);
        assertThat(crm.jobs().latest(10)).extracting(Job::id).first().isEqualTo(id);
        assertThat(crm.jobs().find(id)).contains(job);

        long again = crm.activities().metrics().submitRecompute();

        assertThat(again).as("a recompute that ended well is not taken over").isNotEqualTo(id);
        assertThat(await(crm, again).state()).isEqualTo(JobState.DONE);
        assertThat(crm.jobs().latest(JobKind.METRICS, 10)).extracting(Job::id).containsExactly(again, id);
    }

    @DbTest
    void recomputeRatingsRunsTheSameJobInTheCallersThread(TestDb db) {
        Crm crm = db.crm();
        List<Customer> buyers = buyers(crm);
        crm.customers().create(CustomerDraft.builder().name("Browser").build());

        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(10);

        assertRated(crm, buyers);
        Job job = crm.jobs().latest(JobKind.METRICS, 1).get(0);
        assertThat(job.state()).isEqualTo(JobState.DONE);
        assertThat(job.name()).isEqualTo("recompute_ratings");
        assertThat(List.of(job.done(), job.total())).containsExactly(11L, 11L);
    }

    @DbTest
    void cancellingARecomputeStopsItAfterItsChunkWithoutRatingsAndASubmitStartsItOver(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Holds the first statement of the recompute's first chunk until the test cancelled the job.
        StatementPause pause = new StatementPause(sql -> upsertsMetrics(sql, prefix));
        withKit(db, prefix, pause::wrap, crm -> {
            crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "many", 2500))).build());
            List<Customer> buyers = buyers(crm); // created last: in the last chunk
            // Three of the first chunk's customers are active: a customer without orders or events gets no row.
            activeWithoutMetrics(db, prefix, crm, db.column("SELECT id FROM " + prefix + "customer WHERE tenant_id = ?"
                    + " ORDER BY id LIMIT 3", db.tenant()));
            String[] outcomes;
            try {
                outcomes = pause.whileHeld(() -> await(crm, crm.activities().metrics().submitRecompute()).state()
                        .name(), () -> String.valueOf(crm.jobs().cancel(crm.jobs().latest(JobKind.METRICS, 1).get(0)
                        .id())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }

            assertThat(outcomes).containsExactly("CANCELLED", "true");
            Job cancelled = crm.jobs().latest(JobKind.METRICS, 1).get(0);
            // Two chunks of 1,000 at a time, but on MariaDB one.
            long refreshed = db.dialect().equals("mariadb") ? 1000L : 2000L;
            assertThat(List.of(cancelled.done(), cancelled.total())).containsExactly(refreshed, 2510L);
            assertThat(cancelled.error().orElseThrow()).contains("cancelled after " + refreshed + " of 2510 customers");
            assertThat(metricRows(db, prefix)).as("the first chunks' active customers keep their new counts")
                    .isEqualTo(3);
            assertThat(buyers).allSatisfy(buyer -> assertThat(crm.activities().metrics().of(buyer.id())
                    .valueRating()).as("no rating written").isEmpty());
            assertThat(crm.jobs().cancel(cancelled.id())).as("an ended job is not cancelled again").isFalse();

            long again = crm.activities().metrics().submitRecompute();

            assertThat(again).as("the cancelled recompute is taken over").isEqualTo(cancelled.id());
            Job done = await(crm, again);
            assertThat(done.state()).isEqualTo(JobState.DONE);
            assertThat(List.of(done.done(), done.total())).as("started over").containsExactly(2510L, 2510L);
            assertThat(done.error()).isEmpty();
            assertThat(metricRows(db, prefix)).as("the active customers: 3 imported, 10 buyers")
                    .isEqualTo(13);
            assertRated(crm, buyers);
            assertThat(crm.jobs().latest(JobKind.METRICS, 10)).hasSize(1);
        });
    }

    @DbTest
    void aSubmitWhileARecomputeIsUnfinishedReturnsItsIdAndARunInTheCallersThreadIsRefused(TestDb db)
            throws Exception {
        String prefix = TestDb.uniquePrefix();
        StatementPause pause = new StatementPause(sql -> upsertsMetrics(sql, prefix));
        withKit(db, prefix, pause::wrap, crm -> {
            crm.customers().create(CustomerDraft.builder().name("Lan").build());
            String[] outcomes;
            try {
                outcomes = pause.whileHeld(() -> {
                    long id = crm.activities().metrics().submitRecompute();
                    return id + " " + await(crm, id).state();
                }, () -> {
                    long running = crm.jobs().latest(JobKind.METRICS, 1).get(0).id();
                    long second = crm.activities().metrics().submitRecompute();
                    try {
                        crm.activities().metrics().recomputeRatings();
                        return running + " " + second + " ran";
                    } catch (ConflictException e) {
                        return running + " " + second + " conflict " + e.conflictingId().orElseThrow();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }

            long id = crm.jobs().latest(JobKind.METRICS, 1).get(0).id();
            assertThat(outcomes).containsExactly(id + " DONE", id + " " + id + " conflict " + id);
            assertThat(crm.jobs().latest(JobKind.METRICS, 10)).as("one job").hasSize(1);
        });
    }

    @DbTest
    void twoSubmitsAtOnceStoreOneRecompute(TestDb db) throws Exception {
        Crm crm = db.crm();
        // Enough customers that the recompute outlasts the race: a recompute of one customer can be DONE before the
        // second submit looks, and a submit after a DONE recompute rightly stores a new one.
        crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "Lan", 3000))).build());
        for (int round = 0; round < 2; round++) {
            Callable<String> submit = () -> String.valueOf(crm.activities().metrics().submitRecompute());

            List<String> ids = Race.run(submit, submit);

            assertThat(ids.get(1)).as("round %d: the same job", round).isEqualTo(ids.get(0));
            assertThat(await(crm, Long.parseLong(ids.get(0))).state()).isEqualTo(JobState.DONE);
            assertThat(crm.jobs().latest(JobKind.METRICS, 10)).as("round %d", round).hasSize(round + 1);
        }
    }

    @DbTest
    void recomputingAndCancellingNeedBulkEditAndReadingNeedsRead(TestDb db) {
        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.WRITE).activities().metrics().submitRecompute())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_EDIT");
        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.WRITE).activities().metrics().recomputeRatings())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_EDIT");
        assertThat(db.crm().jobs().latest(JobKind.METRICS, 10)).as("nothing stored").isEmpty();
        db.crm().customers().create(CustomerDraft.builder().name("Lan").build());
        assertThat(db.crm().activities().metrics().recomputeRatings()).as("a tenant without orders").isZero();
        long id = db.crm().jobs().latest(JobKind.METRICS, 1).get(0).id();

        assertThat(db.crm(Permission.READ).jobs().find(id)).isPresent();
        assertThatThrownBy(() -> db.crm(Permission.BULK_EDIT).jobs().find(id))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.IMPORT).jobs().cancel(id))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_EDIT");
        assertThat(db.crm(Permission.READ, Permission.BULK_EDIT).jobs().cancel(id)).as("it ended").isFalse();
    }

    @DbTest
    void aFailedRecomputeIsStoredWithItsErrorAndLoggedAndWritesNoRating(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        withKit(db, prefix, source -> StatementHooks.failing(source, sql -> sql.startsWith("INSERT INTO " + prefix
                + "customer_rating ("), "the ratings broke"), crm -> {
            List<Customer> buyers = buyers(crm);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Job job = recomputeLoggingTo(crm, log);

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.error().orElseThrow()).contains("rate customers");
            assertThat(job.done()).as("every customer refreshed before the ratings").isEqualTo(10);
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("Recompute " + job.id())
                    .contains("the ratings broke");
            assertThat(buyers).allSatisfy(buyer -> assertThat(crm.activities().metrics().of(buyer.id())
                    .valueRating()).isEmpty());
        });
    }

    @DbTest
    void whenTheFirstOfTwoChunksRefreshedAtOnceFailsTheJobKeepsItsProgressAndTheNextRunRefreshesAll(TestDb db) {
        Assumptions.assumeFalse(db.dialect().equals("mariadb"), "MariaDB refreshes one chunk at a time");
        String prefix = TestDb.uniquePrefix();
        AtomicBoolean broken = new AtomicBoolean();
        // The lock of the first chunk's customers, by id range; the second chunk runs beside it on another connection.
        withKit(db, prefix, source -> StatementHooks.failing(source, sql -> broken.get() && sql.contains(prefix
                + "customer WHERE tenant_id = ? AND id > ? AND id <= ?"), "the first chunk broke"), crm -> {
            crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "many", 2500))).build());
            List<String> ids = db.column("SELECT id FROM " + prefix + "customer WHERE tenant_id = ? ORDER BY id",
                    db.tenant());
            activeWithoutMetrics(db, prefix, crm, List.of(ids.get(0), ids.get(1000), ids.get(1001), ids.get(1999)));
            broken.set(true);
            Job job = recomputeLoggingTo(crm, new ByteArrayOutputStream());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.error().orElseThrow()).contains("refresh customer metrics");
            assertThat(job.done()).as("the progress stays before the pair").isZero();
            assertThat(db.column("SELECT customer_id FROM " + prefix + "customer_metric WHERE tenant_id = ?",
                    db.tenant())).as("the first chunk rolled back; the second may have committed on its own")
                    .doesNotContain(ids.get(0)).isSubsetOf(ids.get(1000), ids.get(1001), ids.get(1999));

            broken.set(false);
            Job again = await(crm, crm.activities().metrics().submitRecompute());
            assertThat(again.state()).isEqualTo(JobState.DONE);
            assertThat(List.of(again.done(), again.total())).containsExactly(2500L, 2500L);
            assertThat(metricRows(db, prefix)).as("both chunks' active customers").isEqualTo(4);
        });
    }

    /** Submits a recompute and awaits its end, with what it logs (a failure's warning) written to {@code log}. */
    private static Job recomputeLoggingTo(Crm crm, ByteArrayOutputStream log) {
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return await(crm, crm.activities().metrics().submitRecompute());
        } finally {
            System.setErr(err);
        }
    }

    /** Records an event on each customer, waits for their metrics, then deletes every metric row of the tenant. */
    private static void activeWithoutMetrics(TestDb db, String prefix, Crm crm, List<String> customerIds) {
        for (String id : customerIds) {
            crm.activities().timeline().record(EventDraft.of(Long.parseLong(id), "message",
                    Instant.now().minusSeconds(60)));
        }
        try {
            assertThat(crm.activities().metrics().awaitRefreshes(LONG)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        db.execute("DELETE FROM " + prefix + "customer_metric WHERE tenant_id = '" + db.tenant() + "'");
    }

    /** @return whether the statement is the upsert of a chunk's metric rows (on H2 a MERGE INTO) */
    private static boolean upsertsMetrics(String sql, String prefix) {
        return sql.startsWith("INSERT INTO " + prefix + "customer_metric (")
                || sql.startsWith("MERGE INTO " + prefix + "customer_metric (");
    }
}
