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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
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
        String url = db.dialect().equals("h2") ? "jdbc:h2:file:" + dir.resolve("crash") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        Path file = CrashedJobs.numberedNames(dir.resolve("customers.csv"), ROWS);
        // Opened first and kept open, so that with H2 this JVM is the server the child connects to.
        try (Connection connection = DriverManager.getConnection(url)) {
            long committed;
            try (ChildJvm child = ChildJvm.start(SubmitImportInChildJvm.class, dir.resolve("child.log"), "256m", url,
                    prefix, db.tenant(), file.toString(), String.valueOf(LEASE.toMillis()))) {
                committed = CrashedJobs.awaitProgress(connection, prefix + "job", "IMPORT",
                        db.tenant(), child, ROWS * 3 / 10, dir.resolve("child.log"));
                child.kill();
            }
            assertThat(committed).isLessThan(ROWS);

            // The other kit starts after the first one ran the job: only a dead execution is left for it to pick up.
            try (CrmKit other = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix)
                    .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
                Crm crm = other.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                Job killed = crm.jobs().latest(JobKind.IMPORT, 1).get(0);

                Job finished = CrashedJobs.awaitDone(crm, killed.id());

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
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    }
