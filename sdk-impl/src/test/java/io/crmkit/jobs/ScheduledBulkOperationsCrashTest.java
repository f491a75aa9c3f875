package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits on one database, as {@link ScheduledBulkCrashTest}, for the operations whose parameters only the stored
 * request carries: an edit with typed custom values, a task creation and a confirmed delete are submitted in a child
 * JVM, which is killed (SIGKILL) midway; the other kit's scheduler continues each job from its stored request, and
 * every customer is changed, given its task or moved to the trash exactly once.
 */
class ScheduledBulkOperationsCrashTest {

    private static final int CUSTOMERS = 5_000;
    /** Added to each chunk of 1,000 customers in the child, so that it is still running when it is killed. */
    private static final Duration CHUNK_DELAY = Duration.ofMillis(400);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final String TEXT = "crash text for the job";
    private static final SqlStep NOTHING = (connection, prefix, tenant) -> { };

    @TempDir
    Path dir;

    /** What the test checks once the other kit finished the job. */
    @FunctionalInterface
    private interface Finished {
        void check(Crm crm, Connection connection, String prefix, BulkResult result) throws Exception;
    }

    @DbTest
    void aSubmittedEditWhoseKitWasKilledIsFinishedByTheOtherKitChangingEachCustomerOnce(TestDb db) throws Exception {
        long[] versionBefore = new long[1];
        crashAndFinish(db, "edit", crm -> {
            define(crm, "c_text", FieldType.TEXT);
            define(crm, "c_number", FieldType.NUMBER);
            define(crm, "c_decimal", FieldType.DECIMAL);
            define(crm, "c_flag", FieldType.BOOLEAN);
            define(crm, "c_date", FieldType.DATE);
            define(crm, "c_time", FieldType.DATETIME);
            crm.fields().define(FieldDraft.builder("c_colors", FieldType.MULTIPLE_CHOICE)
                    .options("red", "green", "blue").build());
        }, (connection, prefix, tenant) -> versionBefore[0] = CrashedJobs.versions(connection, prefix, tenant).get(0),
                (crm, connection, prefix, result) -> {
                    assertThat(CrashedJobs.versions(connection, prefix, crm.actor().tenantId()))
                            .as("every customer changed exactly once").containsExactly(versionBefore[0] + 1);
                    assertThat(CrashedJobs.longs(connection, "SELECT COUNT(*) FROM " + prefix + "custom_value WHERE"
                            + " tenant_id = ?", crm.actor().tenantId())).as("7 fields, 2 colors, on each customer")
                            .containsExactly(8L * CUSTOMERS);
                    long first = CrashedJobs.longs(connection, "SELECT MIN(id) FROM " + prefix + "customer WHERE"
                            + " tenant_id = ?", crm.actor().tenantId()).get(0);
                    long last = CrashedJobs.longs(connection, "SELECT MAX(id) FROM " + prefix + "customer WHERE"
                            + " tenant_id = ?", crm.actor().tenantId()).get(0);
                    for (long id : List.of(first, last)) {
                        Customer customer = crm.customers().get(id);
                        assertThat(customer.remark()).isEqualTo(TEXT);
                        assertThat(customer.custom()).containsEntry("c_text", TEXT).containsEntry("c_number", 42L)
                                .containsEntry("c_decimal", new BigDecimal("12.5")).containsEntry("c_flag", true)
                                .containsEntry("c_date", LocalDate.of(2024, 2, 29))
                                .containsEntry("c_time", Instant.parse("2024-05-31T08:00:00Z"))
                                .containsEntry("c_colors", List.of("red", "blue"));
                    }
                });
    }

    @DbTest
    void aSubmittedTaskCreationWhoseKitWasKilledIsFinishedByTheOtherKitWithOneTaskEach(TestDb db) throws Exception {
        crashAndFinish(db, "task", crm -> { }, NOTHING, (crm, connection, prefix, result) -> {
            String tenant = crm.actor().tenantId();
            assertThat(CrashedJobs.longs(connection, "SELECT COUNT(*) FROM " + prefix + "task WHERE tenant_id = ?",
                    tenant)).as("no task twice").containsExactly((long) CUSTOMERS);
            assertThat(CrashedJobs.longs(connection, "SELECT COUNT(DISTINCT customer_id) FROM " + prefix + "task"
                    + " WHERE tenant_id = ? AND title = '" + TEXT + "'", tenant)).containsExactly((long) CUSTOMERS);
        });
    }

    @DbTest
    void aConfirmedDeleteWhoseKitWasKilledIsFinishedByTheOtherKitTrashingEachCustomerOnce(TestDb db) throws Exception {
        crashAndFinish(db, "delete", crm -> { }, NOTHING, (crm, connection, prefix, result) -> {
            String tenant = crm.actor().tenantId();
            assertThat(CrashedJobs.longs(connection, "SELECT COUNT(*) FROM " + prefix + "customer WHERE tenant_id = ?",
                    tenant)).containsExactly(0L);
            assertThat(CrashedJobs.longs(connection, "SELECT COUNT(*) FROM " + prefix + "trash_customer WHERE"
                    + " tenant_id = ?", tenant)).containsExactly((long) CUSTOMERS);
            assertThat(crm.trash().count()).isEqualTo(CUSTOMERS);
            List<String> audited = details(connection, prefix, tenant);
            assertThat(audited).as("the confirmation, audited once").filteredOn(detail -> detail.contains(TEXT))
                    .containsExactly(CUSTOMERS + " customer(s): " + TEXT);
            assertThat(audited.stream().filter(detail -> !detail.contains(TEXT))
                    .mapToLong(detail -> Long.parseLong(detail.substring(0, detail.indexOf(' ')))).sum())
                    .as("the customers moved by the chunks of both kits: each one once").isEqualTo(CUSTOMERS);
        });
    }

    /**
     * Imports the customers with a first kit (after {@code setup}), submits the operation in a child JVM, kills it
     * after it committed 30% of the customers, then lets another kit's scheduler finish the job.
     */
    private void crashAndFinish(TestDb db, String operation, Consumer<Crm> setup, SqlStep beforeChild,
                                Finished finished) throws Exception {
        String prefix = TestDb.uniquePrefix();
        String url = db.dialect().equals("h2") ? "jdbc:h2:file:" + dir.resolve("crash") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        try (Connection connection = DriverManager.getConnection(url)) {
            try (CrmKit first = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix).build()) {
                Crm crm = first.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                setup.accept(crm);
                crm.imports().run(ImportRequest.builder(ImportFile.of(
                        CrashedJobs.numberedNames(dir.resolve("customers.csv"), CUSTOMERS))).build());
            }
            beforeChild.run(connection, prefix, db.tenant());

            long committed;
            try (ChildJvm child = ChildJvm.start(SubmitBulkInChildJvm.class, dir.resolve("child.log"), "256m", url,
                    prefix, db.tenant(), TEXT, String.valueOf(LEASE.toMillis()), operation,
                    String.valueOf(CHUNK_DELAY.toMillis()))) {
                committed = CrashedJobs.awaitProgress(connection, prefix + "job", "BULK", db.tenant(), child,
                        CUSTOMERS * 3 / 10, dir.resolve("child.log"));
                child.kill();
            }
            assertThat(committed).isLessThan(CUSTOMERS);

            try (CrmKit other = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix)
                    .jobLease(LEASE, LEASE.dividedBy(4)).build()) {
                Crm crm = other.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
                List<Job> jobs = crm.jobs().latest(JobKind.BULK, 10);
                assertThat(jobs).as("one job, the child's").hasSize(1);

                Job done = CrashedJobs.awaitDone(crm, jobs.get(0).id());

                assertThat(done.state()).as(done.error().orElse("")).isEqualTo(JobState.DONE);
                BulkResult result = done.bulkResult().orElseThrow();
                assertThat(result.changed()).as("the other kit changed the rest").isPositive();
                assertThat(result.unchanged()).as("and found what the killed kit did").isPositive();
                assertThat(result.changed() + result.unchanged()).isEqualTo(CUSTOMERS);
                assertThat(result.failed()).isZero();
                assertThat(crm.jobs().latest(JobKind.BULK, 10)).as("no second job").hasSize(1);
                finished.check(crm, connection, prefix, result);
            }
        } finally {
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    /** A step on the test's own connection, with the kit's table prefix and the test's tenant. */
    @FunctionalInterface
    private interface SqlStep {
        void run(Connection connection, String prefix, String tenant) throws SQLException;
    }

    private static void define(Crm crm, String key, FieldType type) {
        crm.fields().define(FieldDraft.builder(key, type).build());
    }

    private static List<String> details(Connection connection, String prefix, String tenant) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT detail FROM " + prefix + "audit WHERE tenant_id = ?"
                + " AND action = 'bulk.delete'")) {
            statement.setString(1, tenant);
            try (var rows = statement.executeQuery()) {
                List<String> details = new java.util.ArrayList<>();
                while (rows.next()) {
                    details.add(rows.getString(1));
                }
                return details;
            }
        }
    }
}
