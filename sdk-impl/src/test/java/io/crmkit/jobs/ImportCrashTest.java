package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.TransferJob;
import io.crmkit.testing.ChildJvm;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ImportInChildJvm;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** An import whose JVM is killed (SIGKILL) midway is continued by another JVM, every row imported once. */
class ImportCrashTest {

    private static final int ROWS = 60_000;
    private static final Duration CHILD_LEASE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @DbTest
    void anImportWhoseJvmWasKilledIsCancelledAndContinuedAfterItsLastCommittedChunk(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Two JVMs share H2 only through a server: AUTO_SERVER lets the second connect to the first over TCP.
        String url = db.dialect().equals("h2") ? "jdbc:h2:file:" + dir.resolve("crash") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        Path file = CrashedJobs.numberedNames(dir.resolve("customers.csv"), ROWS);
        ImportRequest request = ImportRequest.builder(ImportFile.of(file)).build();
        try (CrmKit kit = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix).build()) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
            TransferJob killed;
            try (ChildJvm child = ChildJvm.start(ImportInChildJvm.class, dir.resolve("child.log"), "256m", url, prefix,
                    db.tenant(), file.toString(), String.valueOf(CHILD_LEASE.toMillis()))) {
                killed = awaitProgress(crm, child, ROWS * 3 / 10);
                child.kill();
            }
            long committed = crm.imports().jobs().find(killed.id()).orElseThrow().done();
            assertThat(committed).as("whole chunks").isGreaterThanOrEqualTo(ROWS * 3 / 10).isLessThan(ROWS);
            assertThat(count(crm)).isEqualTo(committed);

            TransferJob dead = awaitState(crm, killed.id(), TransferJob.State.INTERRUPTED, CHILD_LEASE.multipliedBy(5));
            assertThat(dead.error()).hasValueSatisfying(error -> assertThat(error).contains("run the same import"));
            assertThat(crm.imports().jobs().cancel(killed.id())).as("a dead job can be cancelled").isTrue();
            assertThat(crm.imports().jobs().find(killed.id()).orElseThrow().state())
                    .isEqualTo(TransferJob.State.CANCELLED);

            ImportResult resumed = crm.imports().run(request);

            assertThat(resumed.jobId()).isEqualTo(killed.id());
            assertThat(List.of(resumed.rows(), resumed.created(), resumed.failed())).containsExactly((long) ROWS,
                    (long) ROWS, 0L);
            assertThat(count(crm)).as("every row exactly once").isEqualTo(ROWS);
            assertThat(crm.filters().count(Filter.eq("name", "Customer 00000"))).isEqualTo(1);
            assertThat(crm.filters().count(Filter.eq("name", "Customer " + (ROWS - 1)))).isEqualTo(1);
            assertThat(crm.imports().jobs().find(killed.id()).orElseThrow().state()).isEqualTo(TransferJob.State.DONE);
        } finally {
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    private static long count(Crm crm) {
        return crm.filters().count(Filter.isNotEmpty("createdAt"));
    }

    /** Polls the child's import until it committed {@code rows}. */
    private static TransferJob awaitProgress(Crm crm, ChildJvm child, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<TransferJob> job = crm.imports().jobs().latest().stream().findFirst();
            if (job.isPresent() && job.get().done() >= rows) {
                return job.get();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM ended before committing " + rows + " rows; see child.log");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child JVM committed fewer than " + rows + " rows in 60 s");
    }

    private static TransferJob awaitState(Crm crm, long id, TransferJob.State state, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        TransferJob job = crm.imports().jobs().find(id).orElseThrow();
        while (job.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = crm.imports().jobs().find(id).orElseThrow();
        }
        assertThat(job.state()).isEqualTo(state);
        return job;
    }
}
