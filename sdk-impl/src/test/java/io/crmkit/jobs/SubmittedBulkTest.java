package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * Every submitted bulk operation is stored with its job and run by the kit's scheduler: an edit with custom values of
 * every type, a task creation and a confirmed delete run to DONE with their effect, and a delete's token confirms one
 * job even when two kits submit it at once.
 */
class SubmittedBulkTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    private static List<Long> create(Crm crm, int count, String tag) {
        return IntStream.range(0, count).mapToObj(i -> crm.customers().create(CustomerDraft.builder()
                .name(tag + " " + i).tag(tag).build()).id()).toList();
    }

    private static void defineOneFieldOfEachType(Crm crm) {
        Map.ofEntries(Map.entry("t_text", FieldType.TEXT), Map.entry("t_number", FieldType.NUMBER),
                Map.entry("t_decimal", FieldType.DECIMAL), Map.entry("t_boolean", FieldType.BOOLEAN),
                Map.entry("t_date", FieldType.DATE), Map.entry("t_datetime", FieldType.DATETIME),
                Map.entry("t_single", FieldType.SINGLE_CHOICE), Map.entry("t_multiple", FieldType.MULTIPLE_CHOICE),
                Map.entry("t_email", FieldType.EMAIL), Map.entry("t_phone", FieldType.PHONE),
                Map.entry("t_url", FieldType.URL)).forEach((key, type) -> {
                    FieldDraft.Builder draft = FieldDraft.builder(key, type);
                    if (type.isChoice()) {
                        draft.options("a", "b", "c");
                    }
                    crm.fields().define(draft.build());
                });
        assertThat(crm.fields().list()).extracting(field -> field.type()).containsExactlyInAnyOrder(
                FieldType.values());
    }

    /** @return the stored request of the tenant's bulk job */
    private static String request(TestDb db, long job) {
        return db.column("SELECT request FROM crm_job WHERE tenant_id = ? AND id = ?", db.tenant(), job).get(0);
    }

    @DbTest
    void aSubmittedEditWithCustomValuesOfEveryTypeRunsOnTheSchedulerToDone(TestDb db) throws Exception {
        Crm crm = db.crm();
        defineOneFieldOfEachType(crm);
        List<Long> edited = create(crm, 3, "edit-me");
        long other = create(crm, 1, "keep").get(0);
        CustomerPatch patch = CustomerPatch.builder(0).company("ACME").gender(Gender.FEMALE)
                .birthday(LocalDate.of(1990, 2, 28)).address(Address.of("Vietnam", "", "Hanoi", "", "1 Trang Tien"))
                .remark("bulk edited").source("fair").stage("prospect").nickname(null)
                .custom("t_text", "héllo").custom("t_number", 42).custom("t_decimal", new BigDecimal("12.50"))
                .custom("t_boolean", true).custom("t_date", LocalDate.of(2024, 2, 29))
                .custom("t_datetime", OffsetDateTime.of(2024, 5, 31, 15, 0, 0, 123_456_000, ZoneOffset.ofHours(7)))
                .custom("t_single", "b").custom("t_multiple", Set.of("c", "a"))
                .custom("t_email", "Lan@Example.COM").custom("t_phone", "0912 345 678")
                .custom("t_url", URI.create("https://example.com/x?y=1")).build();

        long job = crm.bulk().submit(Selection.matching(Filter.hasTag("edit-me")), BulkOperation.edit(patch));
        BulkJob done = crm.bulk().await(job, LONG);

        assertThat(done.state()).as(done.error().orElse("")).isEqualTo(BulkJob.State.DONE);
        assertThat(done.result().orElseThrow().changed()).isEqualTo(3);
        assertThat(request(db, job)).as("stored with its typed values").contains("\"operation\":\"edit\"")
                .contains("{\"kind\":\"decimal\",\"value\":\"12.50\"}").contains("{\"kind\":\"date\",\"value\":"
                        + "\"2024-02-29\"}");
        for (long id : edited) {
            Customer customer = crm.customers().get(id);
            assertThat(customer.company()).isEqualTo("ACME");
            assertThat(customer.gender()).isEqualTo(Gender.FEMALE);
            assertThat(customer.birthday()).contains(LocalDate.of(1990, 2, 28));
            assertThat(customer.address()).isEqualTo(Address.of("Vietnam", "", "Hanoi", "", "1 Trang Tien"));
            assertThat(List.of(customer.remark(), customer.source(), customer.stage()))
                    .containsExactly("bulk edited", "fair", "prospect");
            assertThat(customer.custom()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    Map.entry("t_text", "héllo"), Map.entry("t_number", 42L),
                    Map.entry("t_decimal", new BigDecimal("12.5")), Map.entry("t_boolean", true),
                    Map.entry("t_date", LocalDate.of(2024, 2, 29)),
                    Map.entry("t_datetime", Instant.parse("2024-05-31T08:00:00.123456Z")),
                    Map.entry("t_single", "b"), Map.entry("t_multiple", List.of("a", "c")),
                    Map.entry("t_email", "lan@example.com"), Map.entry("t_phone", "+84912345678"),
                    Map.entry("t_url", "https://example.com/x?y=1")));
            assertThat(customer.version()).isEqualTo(2);
        }
        assertThat(crm.customers().get(other).custom()).isEmpty();
    }

    @DbTest
    void anEditWithAValueOfATypeNoFieldTakesIsRefusedBeforeAJobIsWritten(TestDb db) {
        Crm crm = db.crm();
        create(crm, 1, "any");

        assertThatThrownBy(() -> crm.bulk().submit(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .custom("t_text", new Object()).build()))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("changes.custom.t_text"));
        assertThat(db.count("job")).isZero();
    }

    @DbTest
    void aSubmittedTaskCreationRunsOnTheSchedulerToDoneWithEveryFieldOfItsDraft(TestDb db) throws Exception {
        Crm crm = db.crm();
        List<Long> ids = create(crm, 3, "task");
        Instant due = Instant.parse("2031-02-03T04:05:06.123456Z");

        long job = crm.bulk().submit(Selection.ids(ids), BulkOperation.createTask(TaskDraft.of(" Call back ")
                .dueAt(due).assignedTo("agent-7")));
        BulkJob done = crm.bulk().await(job, LONG);

        assertThat(done.state()).as(done.error().orElse("")).isEqualTo(BulkJob.State.DONE);
        assertThat(done.result().orElseThrow().changed()).isEqualTo(3);
        assertThat(request(db, job)).contains("\"operation\":\"create_task\"");
        for (long id : ids) {
            List<Task> tasks = crm.activities().tasks().ofCustomer(id, false, PageRequest.first()).items();
            assertThat(tasks).singleElement().satisfies(task -> {
                assertThat(task.title()).isEqualTo("Call back");
                assertThat(task.dueAt()).contains(due);
                assertThat(task.assignee()).contains("agent-7");
                assertThat(task.createdBy()).isEqualTo("agent-1");
            });
        }
    }

    @DbTest
    void aSubmittedDeleteRunsOnTheSchedulerAsTheJobItsTokenConfirmedOnce(TestDb db) throws Exception {
        Crm crm = db.crm();
        List<Long> doomed = create(crm, 3, "old");
        long kept = create(crm, 1, "new").get(0);
        Selection old = Selection.matching(Filter.hasTag("old"));
        DeletePreview preview = crm.bulk().previewDelete(old);
        long pending = crm.bulk().jobs().get(0).id();

        assertThatThrownBy(() -> crm.bulk().submit(old, BulkOperation.delete(preview.token(), false,
                "duplicates of the ERP import"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("agree");
        assertThat(crm.bulk().job(pending).orElseThrow().state()).as("a refused submission keeps the token")
                .isEqualTo(BulkJob.State.PENDING);
        long job = crm.bulk().submit(old, BulkOperation.delete(preview.token(), true, "duplicates of the ERP import"));
        BulkJob done = crm.bulk().await(job, LONG);

        assertThat(job).as("the previewed job").isEqualTo(pending);
        assertThat(done.state()).as(done.error().orElse("")).isEqualTo(BulkJob.State.DONE);
        assertThat(done.result().orElseThrow().changed()).isEqualTo(3);
        assertThat(doomed).allSatisfy(id -> assertThat(crm.customers().find(id)).isEmpty());
        assertThat(crm.customers().find(kept)).isPresent();
        assertThat(db.count("trash_customer")).isEqualTo(3);
        assertThat(request(db, job)).as("confirmed for this job, with the customers its preview bound")
                .contains("\"confirmed\":true").contains("\"job\":" + job).contains("\"members\":[");
        assertThat(db.column("SELECT detail FROM crm_audit WHERE tenant_id = ? AND action = 'bulk.delete' AND detail"
                + " LIKE '%ERP import'", db.tenant())).containsExactly("3 customer(s): duplicates of the ERP import");
        assertThatThrownBy(() -> crm.bulk().submit(old, BulkOperation.delete(preview.token(), true,
                "duplicates of the ERP import"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("used already");
        assertThatThrownBy(() -> crm.bulk().run(old, BulkOperation.delete(preview.token(), true,
                "duplicates of the ERP import"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("used already");
        assertThat(crm.bulk().jobs()).as("one job").hasSize(1);
    }

    @DbTest
    void twoKitsSubmittingTheSameDeleteAtOnceScheduleOneJob(TestDb db) throws Exception {
        try (CrmKit second = db.newKit("crm_", builder -> { })) {
            Crm here = db.crm();
            Crm there = second.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
            for (int round = 0; round < 3; round++) {
                String tag = "race" + round;
                create(here, 3, tag);
                Selection selection = Selection.matching(Filter.hasTag(tag));
                DeletePreview preview = here.bulk().previewDelete(selection);
                BulkOperation delete = BulkOperation.delete(preview.token(), true, "closing branch " + round);

                List<String> outcomes = Race.run(submit(here, selection, delete), submit(there, selection, delete));

                List<String> jobs = outcomes.stream().filter(outcome -> outcome.startsWith("job ")).toList();
                assertThat(jobs).as("round " + round + ": " + outcomes).hasSize(1);
                assertThat(outcomes).filteredOn(outcome -> !outcome.startsWith("job "))
                        .singleElement().asString().matches("refused on token: (used|changed)");
                long job = Long.parseLong(jobs.get(0).substring(4));
                assertThat(here.bulk().await(job, LONG).state()).isEqualTo(BulkJob.State.DONE);
                assertThat(here.filters().count(Filter.hasTag(tag))).isZero();
                assertThat(db.column("SELECT COUNT(*) FROM crm_audit WHERE tenant_id = ? AND action = 'bulk.delete'"
                        + " AND detail LIKE ?", db.tenant(), "%closing branch " + round)).containsExactly("1");
            }
            assertThat(db.count("trash_customer")).isEqualTo(9);
            assertThat(here.bulk().jobs()).as("one job per token").hasSize(3)
                    .allSatisfy(job -> assertThat(job.state()).isEqualTo(BulkJob.State.DONE));
        }
    }

    private static Callable<String> submit(Crm crm, Selection selection, BulkOperation delete) {
        return () -> {
            try {
                return "job " + crm.bulk().submit(selection, delete);
            } catch (ValidationException e) {
                return "refused on " + e.errors().get(0).field() + ": " + e.errors().get(0).code();
            }
        };
    }
}
