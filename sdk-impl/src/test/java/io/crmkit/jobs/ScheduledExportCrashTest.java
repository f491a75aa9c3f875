package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.ChildJvm;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.SubmitExportInChildJvm;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits on one database: the kit running an export submitted into the database is killed (SIGKILL) midway, and the
 * other kit's scheduler picks the job up once the dead kit's heartbeats stop and writes its file again, whole: every
 * customer once, without anyone exporting again.
 */
class ScheduledExportCrashTest {

    private static final int CUSTOMERS = 40_000;
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @DbTest
    void anExportIntoTheDatabaseWhoseKitWasKilledIsWrittenWholeByTheOtherKit(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Two JVMs share H2 only through a server: AUTO_SERVER lets the second connect to the first over TCP.
        String url = db.dialect().equals("h2") ? "jdbc:h2:file:" + dir.resolve("crash") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        // Opened first and kept open, so that with H2 this JVM is the server the child connects to.
        try (Connection connection = DriverManager.getConnection(url)) {
            // Closed before the child submits, so that only the child's scheduler can pick the job up at first.
            try (CrmKit first = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix).build()) {
                first.as(Actor.of(db.tenant(), "agent-1", Permission.ALL)).imports()
                        .run(ImportRequest.builder(ImportFile.of(
                                CrashedJobs.numberedNames(dir.resolve("customers.csv"), CUSTOMERS))).build());
            }
            long committed;
            try (ChildJvm child = ChildJvm.start(SubmitExportInChildJvm.class, dir.resolve("child.log"), "256m", url,
                    prefix, db.tenant(), "-", String.valueOf(LEASE.toMillis()))) {
                committed = CrashedJobs.awaitProgress(connection, prefix + "job", "EXPORT",
                        db.tenant(), child, 10_000, dir.resolve("child.log"));
                child.kill();
            }
            assertThat(committed).isLessThan(CUSTOMERS);

            // The other kit starts after the first one ran the job: only a dead execution is left for it to pick up.
            try (CrmKit other = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix)
                    .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
                Crm crm = other.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                Job killed = crm.jobs().latest(JobKind.EXPORT, 1).get(0);

                Job finished = CrashedJobs.awaitDone(crm, killed.id());

                assertThat(finished.state()).isEqualTo(JobState.DONE);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                crm.exports().writeFile(killed.id(), out);
                List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
                assertThat(lines).as("a header and every customer").hasSize(CUSTOMERS + 1);
                assertThat(new HashSet<>(lines.subList(1, lines.size()))).as("every customer once")
                        .hasSize(CUSTOMERS);
                assertThat(crm.jobs().latest(JobKind.EXPORT, 10)).as("no second job").hasSize(1);
            }
        } finally {
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    }
