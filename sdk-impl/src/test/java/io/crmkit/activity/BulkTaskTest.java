package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class BulkTaskTest {

    private static final TaskDraft FOLLOW_UP = TaskDraft.of(" Follow up ").dueAt(Instant.parse("2030-01-02T03:04:05Z"))
            .assignedTo("agent-7");

    /** Inserts customers with ids from {@code firstId} in a city, as plain rows. */
    private static void insertCustomers(TestDb db, long firstId, int count, String city) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_customer (tenant_id, id,"
                    + " name, gender, status, stage, created_at, created_by, updated_at, updated_by, version, nickname,"
                    + " company, country, province, city, area, address_detail, remark, source) VALUES (?, ?, 'x',"
                    + " 'UNKNOWN', 'NEW', 'lead', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 1, '', '', '',"
                    + " '', ?, '', '', '', '')")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, db.tenant());
                    insert.setLong(2, firstId + i);
                    insert.setString(3, city);
                    insert.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    @DbTest
    void createsOneTaskOnEachCustomerOfAQueryChunkByChunk(TestDb db) throws Exception {
        Crm crm = db.crm();
        insertCustomers(db, 1, 1200, "Hanoi");
        insertCustomers(db, 5001, 3, "Hue");
        List<long[]> progress = new ArrayList<>();

        BulkResult result = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                BulkOperation.createTask(FOLLOW_UP), (done, total) -> progress.add(new long[] {done, total}));

        assertThat(result.operation()).isEqualTo("create_task");
        assertThat(List.of(result.total(), result.changed(), result.failed())).containsExactly(1200L, 1200L, 0L);
        assertThat(progress).extracting(step -> step[0] + "/" + step[1]).containsExactly("1000/1200", "1200/1200");
        assertThat(db.count("task")).isEqualTo(1200);
        assertThat(db.column("SELECT COUNT(DISTINCT customer_id) FROM crm_task WHERE tenant_id = ? AND customer_id"
                + " <= 1200", db.tenant())).containsExactly("1200");
        Task first = crm.activities().tasks().ofCustomer(1, false, PageRequest.first()).items().get(0);
        assertThat(first.title()).isEqualTo("Follow up");
        assertThat(first.dueAt()).isEqualTo(FOLLOW_UP.dueAt());
        assertThat(first.createdBy()).isEqualTo("agent-1");
        assertThat(crm.activities().tasks().ofCustomer(5001, true, PageRequest.first()).items()).isEmpty();
        assertThat(crm.activities().tasks().openOf("agent-7", PageRequest.first(1000)).items()).hasSize(1000);
        assertThat(crm.customers().get(1).version()).as("a task does not change its customer").isEqualTo(1);
        assertThat(db.column("SELECT detail FROM crm_audit WHERE tenant_id = ? AND action = 'bulk.create_task'"
                + " ORDER BY id", db.tenant())).containsExactly("1000 customer(s)", "200 customer(s)");
    }

    @DbTest
    void reportsCustomersThatAreMissingOrInTheTrashAndRunsAsAJob(TestDb db) throws Exception {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        long gone = TaskTest.customer(crm, "Gone");
        crm.customers().delete(gone);

        BulkResult result = crm.bulk().run(Selection.ids(List.of(lan, gone, 424242L)),
                BulkOperation.createTask(FOLLOW_UP));
        long job = crm.bulk().submit(Selection.ids(List.of(lan)), BulkOperation.createTask(TaskDraft.of("Again")));
        BulkJob done = crm.bulk().await(job, Duration.ofSeconds(30));

        assertThat(List.of(result.changed(), result.failed())).containsExactly(1L, 2L);
        assertThat(result.issues()).extracting(BulkIssue::customerId, BulkIssue::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(gone, "not_found"),
                org.assertj.core.groups.Tuple.tuple(424242L, "not_found"));
        assertThat(done.state()).isEqualTo(BulkJob.State.DONE);
        assertThat(done.operation()).isEqualTo("create_task");
        assertThat(crm.activities().tasks().ofCustomer(lan, false, PageRequest.first()).items())
                .extracting(Task::title).containsExactlyInAnyOrder("Follow up", "Again");
        assertThat(db.count("task")).as("running it again adds tasks, as documented").isEqualTo(2);
    }

    @DbTest
    void runningTheSameTaskCreationAgainAfterACrashCreatesNoTaskTwice(TestDb db) throws Exception {
        Crm crm = db.crm();
        insertCustomers(db, 1, 1500, "Hanoi");
        Selection hanoi = Selection.matching(Filter.eq("city", "Hanoi"));

        assertThatThrownBy(() -> crm.bulk().run(hanoi, BulkOperation.createTask(FOLLOW_UP), (done, total) -> {
            throw new IllegalStateException("the process dies after " + done);
        })).hasMessageContaining("dies after 1000");
        assertThat(db.count("task")).isEqualTo(1000);
        BulkJob crashed = crm.bulk().jobs().get(0);

        BulkResult again = crm.bulk().run(hanoi, BulkOperation.createTask(FOLLOW_UP));

        assertThat(List.of(again.total(), again.changed(), again.unchanged())).containsExactly(1500L, 500L, 1000L);
        assertThat(db.count("task")).as("one task per customer").isEqualTo(1500);
        assertThat(db.column("SELECT COUNT(DISTINCT customer_id) FROM crm_task WHERE tenant_id = ?", db.tenant()))
                .containsExactly("1500");
        assertThat(crm.bulk().jobs()).extracting(BulkJob::id).as("the crashed job was finished").containsExactly(
                crashed.id());
        assertThat(crm.bulk().run(hanoi, BulkOperation.createTask(FOLLOW_UP)).changed())
                .as("a finished creation runs anew").isEqualTo(1500);
    }

    @DbTest
    void needsBulkEditAndWriteAndAValidDraftBeforeWritingAnything(TestDb db) {
        long lan = TaskTest.customer(db.crm(), "Lan");
        Selection one = Selection.ids(List.of(lan));

        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.BULK_EDIT).bulk().run(one,
                BulkOperation.createTask(FOLLOW_UP))).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("WRITE");
        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.WRITE).bulk().run(one,
                BulkOperation.createTask(FOLLOW_UP))).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("BULK_EDIT");
        assertThatThrownBy(() -> db.crm().bulk().run(one, BulkOperation.createTask(TaskDraft.of(" ")
                .assignedTo("x".repeat(65))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("title").hasMessageContaining("assignee");
        assertThatThrownBy(() -> db.crm().bulk().submit(one, BulkOperation.createTask(TaskDraft.of("a\tb"))))
                .isInstanceOf(ValidationException.class);
        assertThat(db.count("task")).isZero();
        assertThat(db.count("job")).isZero();
        assertThat(db.otherTenant().bulk().run(one, BulkOperation.createTask(FOLLOW_UP)).failed()).isEqualTo(1);
        assertThat(db.count("task")).isZero();
    }
}
