package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.ChildJvm;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.SubmitImportInChildJvm;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits on one database: the kit running a submitted import is killed (SIGKILL) midway, and the other kit's
 * scheduler picks the job up once the dead kit's heartbeats stop and finishes it, every row imported once, without
 * anyone running the import again.
 */
class ScheduledImportCrashTest {

    private static final int ROWS = 40_000;
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @DbTest
    void aSubmittedImportWhoseKitWasKilledIsFinishedByTheOtherKit(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Two JVMs share H2 only through a server: AUTO_SERVER lets the second connect to the first over TCP.
        String url = db.name().equals("h2") ? "jdbc:h2:file:" + dir.resolve("crash") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        Path file = names(dir.resolve("customers.csv"));
        // Opened first and kept open, so that with H2 this JVM is the server the child connects to.
        try (Connection connection = DriverManager.getConnection(url)) {
            long committed;
            try (ChildJvm child = ChildJvm.start(SubmitImportInChildJvm.class, dir.resolve("child.log"), "256m", url,
                    prefix, db.tenant(), file.toString(), String.valueOf(LEASE.toMillis()))) {
                committed = awaitProgress(connection, prefix, db.tenant(), child, ROWS * 3 / 10,
                        dir.resolve("child.log"));
                child.kill();
            }
            assertThat(committed).isLessThan(ROWS);

            // The other kit starts after the first one ran the job: only a dead execution is left for it to pick up.
            try (CrmKit other = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix)
                    .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
                Crm crm = other.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                Job killed = crm.jobs().latest(JobKind.IMPORT, 1).get(0);

                Job finished = awaitDone(crm, killed.id());

                assertThat(finished.state()).isEqualTo(JobState.DONE);
                assertThat(finished.importResult().orElseThrow().rows()).isEqualTo(ROWS);
                assertThat(finished.importResult().orElseThrow().created()).isEqualTo(ROWS);
                assertThat(crm.filters().count(Filter.isNotEmpty("createdAt"))).as("every row exactly once")
                        .isEqualTo(ROWS);
                assertThat(crm.filters().count(Filter.eq("name", "Customer 00000"))).isEqualTo(1);
                assertThat(crm.filters().count(Filter.eq("name", "Customer " + (ROWS - 1)))).isEqualTo(1);
                assertThat(crm.jobs().latest(JobKind.IMPORT, 10)).as("no second job").hasSize(1);
            }
        } finally {
            if (!db.name().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    /**
     * Waits until the job is DONE: interrupted at first (its kit died), then continued here once the dead kit's
     * heartbeats stopped, which {@code await} wakes on when it ends.
     */
    private static Job awaitDone(Crm crm, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Job job = crm.jobs().await(id, Duration.ofSeconds(120));
        while (job.state() != JobState.DONE && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = crm.jobs().await(id, Duration.ofSeconds(120));
        }
        return job;
    }

    /** @return the file: a header and {@value #ROWS} rows of customers with a name and no identity */
    private static Path names(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("name,remark\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(String.format("Customer %05d,row %d\r\n", i, i));
            }
        }
        return file;
    }

    /**
     * Reads the child's import's progress with plain JDBC (no kit of the test's own yet) until it committed
     * {@code rows}.
     *
     * @return the rows committed then
     */
    private static long awaitProgress(Connection connection, String prefix, String tenant, ChildJvm child, long rows, Path log)
            throws InterruptedException, SQLException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long done = done(connection, prefix, tenant);
            if (done >= rows) {
                return done;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM ended before committing " + rows + " rows:\n"
                        + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child JVM committed fewer than " + rows + " rows in 90 s:\n"
                + Files.readString(log));
    }

    private static long done(Connection connection, String prefix, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT done FROM " + prefix + "transfer_job"
                     + " WHERE tenant_id = ?")) {
            statement.setString(1, tenant);
            try (ResultSet result = statement.executeQuery()) {
                List<Long> done = new java.util.ArrayList<>();
                while (result.next()) {
                    done.add(result.getLong(1));
                }
                return done.isEmpty() ? 0 : done.get(0);
            }
        } catch (SQLException e) {
            // The child is still creating the tables.
            if (e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("not found")
                    || e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("exist")) {
                return 0;
            }
            throw e;
        }
    }
}
