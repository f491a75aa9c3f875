package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.ChildJvm;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.SubmitBulkInChildJvm;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits on one database: the kit running a submitted bulk operation is killed (SIGKILL) midway, and the other
 * kit's scheduler picks the job up once the dead kit's heartbeats stop and finishes it, every customer changed exactly
 * once, without anyone running the operation again.
 */
class ScheduledBulkCrashTest {

    private static final int CUSTOMERS = 5_000;
    /** Added to each chunk of 1,000 customers in the child, so that it is still running when it is killed. */
    private static final Duration CHUNK_DELAY = Duration.ofMillis(400);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final String TAG = "crash-tag";

    @TempDir
    Path dir;

    @DbTest
    void aSubmittedBulkOperationWhoseKitWasKilledIsFinishedByTheOtherKit(TestDb db) throws Exception {
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
            List<Long> versionsBefore = CrashedJobs.versions(connection, prefix, db.tenant());
            assertThat(versionsBefore).as("every customer at one version").hasSize(1);

            long committed;
            try (ChildJvm child = ChildJvm.start(SubmitBulkInChildJvm.class, dir.resolve("child.log"), "256m", url,
                    prefix, db.tenant(), TAG, String.valueOf(LEASE.toMillis()), "tags",
                    String.valueOf(CHUNK_DELAY.toMillis()))) {
                committed = CrashedJobs.awaitProgress(connection, prefix + "job", "BULK",
                        db.tenant(), child, CUSTOMERS * 3 / 10, dir.resolve("child.log"));
                child.kill();
            }
            assertThat(committed).isLessThan(CUSTOMERS);

            // The other kit starts after the first one ran the job: only a dead execution is left for it to pick up.
            try (CrmKit other = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix)
                    .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
                Crm crm = other.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                Job killed = crm.jobs().latest(JobKind.BULK, 1).get(0);

                Job finished = CrashedJobs.awaitDone(crm, killed.id());

                assertThat(finished.state()).isEqualTo(JobState.DONE);
                BulkResult result = finished.bulkResult().orElseThrow();
                assertThat(result.changed() + result.unchanged()).isEqualTo(CUSTOMERS);
                assertThat(result.failed()).isZero();
                assertThat(crm.filters().count(Filter.hasTag(TAG))).as("every customer tagged").isEqualTo(CUSTOMERS);
                assertThat(CrashedJobs.versions(connection, prefix, db.tenant()))
                        .as("every customer changed exactly once").containsExactly(versionsBefore.get(0) + 1);
                assertThat(crm.jobs().latest(JobKind.BULK, 10)).as("no second job").hasSize(1);
            }
        } finally {
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }
}
