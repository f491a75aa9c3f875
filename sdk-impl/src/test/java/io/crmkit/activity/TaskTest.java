package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TaskStatus;
import io.crmkit.api.activity.Tasks;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ShardedToo
class TaskTest {

    private static final Instant MONDAY = Instant.parse("2030-03-04T09:00:00Z");

    static long customer(Crm crm, String name) {
        return crm.customers().create(CustomerDraft.builder().name(name).build()).id();
    }

    private static Task task(Tasks tasks, long customerId, String title, Instant due) {
        TaskDraft draft = TaskDraft.of(title);
        return tasks.create(customerId, due == null ? draft : draft.dueAt(due));
    }

    private static List<String> titles(Page<Task> page) {
        return page.items().stream().map(Task::title).toList();
    }

    /** Reads every page of a list of the given size and returns the titles in order. */
    private static List<String> allPages(java.util.function.Function<PageRequest, Page<Task>> list, int size) {
        List<String> titles = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int pages = 0; pages < 50; pages++) {
            Page<Task> page = list.apply(request);
            assertThat(page.items().size()).isLessThanOrEqualTo(size);
            titles.addAll(titles(page));
            if (page.nextCursor().isEmpty()) {
                return titles;
            }
            assertThat(page.items()).hasSize(size);
            request = request.after(page.nextCursor().get());
        }
        throw new AssertionError("more than 50 pages");
    }

    @DbTest
    void createsAnOpenTaskThatReadsBackTheSame(TestDb db) {
        Crm crm = db.crm();
        long lan = customer(crm, "Lan");

        Task task = crm.activities().tasks().create(lan, TaskDraft.of("  Call back about the quote ")
                .dueAt(Instant.parse("2030-03-04T09:00:00.123456789Z")).assignedTo(" agent-7 "));

        assertThat(task.customerId()).isEqualTo(lan);
        assertThat(task.title()).isEqualTo("Call back about the quote");
        assertThat(task.dueAt()).hasValue(Instant.parse("2030-03-04T09:00:00.123456Z"));
        assertThat(task.assignee()).hasValue("agent-7");
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.createdBy()).isEqualTo("agent-1");
        assertThat(task.version()).isEqualTo(1);
        assertThat(crm.activities().tasks().find(task.id())).hasValue(task);
        assertThat(db.column("SELECT action FROM crm_audit WHERE tenant_id = ? AND subject_id = ?", db.tenant(),
                task.id())).containsExactly("task.create");
    }

    @DbTest
    void refusesBadDraftsNamingEveryProblemAndWritesNothing(TestDb db) {
        Crm crm = db.crm();
        long lan = customer(crm, "Lan");
        Tasks tasks = crm.activities().tasks();

        ValidationException all = catchThrowableOfType(ValidationException.class, () -> tasks.create(lan,
                new TaskDraft("a\nb", Optional.of(Instant.parse("1899-12-31T23:59:59Z")), Optional.of("x".repeat(65)))));
        assertThat(all.errors()).extracting(FieldError::field).containsExactly("title", "dueAt", "assignee");
        assertThat(all.errors().get(2).limit()).hasValue("64");
        assertThat(all.getMessage()).contains("line breaks").contains("1900").contains("at most 64");
        assertThatThrownBy(() -> tasks.create(lan, TaskDraft.of(" \u200B "))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("title: a task needs a title");
        assertThatThrownBy(() -> tasks.create(lan, TaskDraft.of("x".repeat(TaskDraft.TITLE_MAX + 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 200 characters, got 201");
        assertThatThrownBy(() -> tasks.create(lan, TaskDraft.of("Call").assignedTo("  ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("assignee: must not be blank");
        assertThatThrownBy(() -> tasks.create(lan, TaskDraft.of("Call").dueAt(Instant.parse("9999-01-01T00:00:00Z"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("dueAt");
        assertThat(db.count("task")).isZero();

        assertThat(tasks.create(lan, TaskDraft.of("😀".repeat(TaskDraft.TITLE_MAX))
                .dueAt(Instant.parse("9998-12-31T23:59:59.999999Z")).assignedTo("x".repeat(64))).title())
                .hasSize(2 * TaskDraft.TITLE_MAX);
    }

    @DbTest
    void aTaskNeedsALiveCustomerOfTheTenant(TestDb db) {
        Crm crm = db.crm();
        long lan = customer(crm, "Lan");
        long gone = customer(crm, "Gone");
        crm.customers().delete(gone);

        for (long customerId : new long[] {424242L, gone}) {
            assertThatThrownBy(() -> crm.activities().tasks().create(customerId, TaskDraft.of("Call")))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer " + customerId);
            assertThatThrownBy(() -> crm.activities().tasks().ofCustomer(customerId, true, PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> db.otherTenant().activities().tasks().create(lan, TaskDraft.of("Call")))
                .isInstanceOf(NotFoundException.class);
        assertThat(db.count("task")).isZero();
    }

    @DbTest
    void readingNeedsReadAndWritingNeedsWrite(TestDb db) {
        long lan = customer(db.crm(), "Lan");
        Task task = db.crm().activities().tasks().create(lan, TaskDraft.of("Call").assignedTo("agent-2"));
        Tasks readOnly = db.crm(Permission.READ).activities().tasks();
        Tasks writeOnly = db.crm(Permission.WRITE).activities().tasks();

        assertThat(readOnly.find(task.id())).hasValue(task);
        assertThat(titles(readOnly.openOf("agent-2", PageRequest.first()))).containsExactly("Call");
        assertThatThrownBy(() -> readOnly.create(lan, TaskDraft.of("More"))).isInstanceOf(
                PermissionDeniedException.class).hasMessageContaining("WRITE");
        assertThatThrownBy(() -> readOnly.changeStatus(task.id(), TaskStatus.DONE, task.version()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("WRITE");
        assertThatThrownBy(() -> writeOnly.find(task.id())).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("READ");
        assertThatThrownBy(() -> writeOnly.ofCustomer(lan, false, PageRequest.first()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThat(db.count("task")).isEqualTo(1);
    }

    @DbTest
    void changesStatusAgainstTheVersionReadAndRefusesAStaleOne(TestDb db) {
        Crm crm = db.crm();
        Tasks tasks = crm.activities().tasks();
        Task task = tasks.create(customer(crm, "Lan"), TaskDraft.of("Call"));

        Task started = tasks.changeStatus(task.id(), TaskStatus.IN_PROGRESS, task.version());
        ConflictException stale = catchThrowableOfType(ConflictException.class,
                () -> tasks.changeStatus(task.id(), TaskStatus.DONE, task.version()));
        Task same = tasks.changeStatus(task.id(), TaskStatus.IN_PROGRESS, started.version());

        assertThat(started.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(started.version()).isEqualTo(2);
        assertThat(started.updatedBy()).isEqualTo("agent-1");
        assertThat(stale.getMessage()).contains("version 2").contains("version 1");
        assertThat(same).as("the same status changes nothing").isEqualTo(started);
        assertThat(tasks.find(task.id())).hasValue(started);
        assertThatThrownBy(() -> tasks.changeStatus(987654L, TaskStatus.DONE, 1)).isInstanceOf(
                NotFoundException.class).hasMessageContaining("no task 987654");
        assertThatThrownBy(() -> db.otherTenant().activities().tasks().changeStatus(task.id(), TaskStatus.DONE, 2))
                .isInstanceOf(NotFoundException.class);
        assertThat(db.otherTenant().activities().tasks().find(task.id())).isEmpty();
        assertThat(tasks.find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @DbTest
    void listsOpenTasksByDueTimeWithUndatedOnesLastAndClosedOnesOnlyWhenAsked(TestDb db) {
        Crm crm = db.crm();
        Tasks tasks = crm.activities().tasks();
        long lan = customer(crm, "Lan");
        task(tasks, lan, "undated", null);
        task(tasks, lan, "wednesday", MONDAY.plusSeconds(2 * 86_400));
        Task doneFirst = task(tasks, lan, "done first", MONDAY);
        task(tasks, lan, "monday", MONDAY);
        Task cancelledLater = task(tasks, lan, "cancelled later", null);
        Task started = task(tasks, lan, "tuesday", MONDAY.plusSeconds(86_400));
        tasks.changeStatus(started.id(), TaskStatus.IN_PROGRESS, 1);
        tasks.changeStatus(doneFirst.id(), TaskStatus.DONE, 1);
        tasks.changeStatus(cancelledLater.id(), TaskStatus.CANCELLED, 1);
        task(tasks, customer(crm, "Other"), "someone else's", MONDAY);

        assertThat(titles(tasks.ofCustomer(lan, false, PageRequest.first())))
                .containsExactly("monday", "tuesday", "wednesday", "undated");
        assertThat(titles(tasks.ofCustomer(lan, true, PageRequest.first())))
                .containsExactly("monday", "tuesday", "wednesday", "undated", "cancelled later", "done first");
    }

    @DbTest
    void pagesThroughOpenAndClosedTasksWithoutLosingOrRepeatingOne(TestDb db) {
        Crm crm = db.crm();
        Tasks tasks = crm.activities().tasks();
        long lan = customer(crm, "Lan");
        List<String> expectedOpen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            task(tasks, lan, "due " + i, MONDAY.plusSeconds(i / 2 * 3600));
            expectedOpen.add("due " + i);
        }
        for (int i = 0; i < 2; i++) {
            task(tasks, lan, "undated " + i, null);
            expectedOpen.add("undated " + i);
        }
        List<String> expectedClosed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Task closed = task(tasks, lan, "closed " + i, MONDAY);
            tasks.changeStatus(closed.id(), i % 2 == 0 ? TaskStatus.DONE : TaskStatus.CANCELLED, 1);
            expectedClosed.add(0, "closed " + i);
        }
        List<String> everything = new ArrayList<>(expectedOpen);
        everything.addAll(expectedClosed);

        for (int size : new int[] {1, 2, 3, 7, 11, 12}) {
            assertThat(allPages(page -> tasks.ofCustomer(lan, false, page), size)).as("open, size " + size)
                    .isEqualTo(expectedOpen);
            assertThat(allPages(page -> tasks.ofCustomer(lan, true, page), size)).as("all, size " + size)
                    .isEqualTo(everything);
        }
    }

    @DbTest
    void refusesACursorThatIsMalformedOrOfAnotherList(TestDb db) {
        Crm crm = db.crm();
        Tasks tasks = crm.activities().tasks();
        long lan = customer(crm, "Lan");
        long other = customer(crm, "Other");
        task(tasks, lan, "a", null);
        task(tasks, lan, "b", null);
        String cursor = tasks.ofCustomer(lan, false, PageRequest.first(1)).nextCursor().orElseThrow();

        for (String bad : List.of("garbage!", "", "MTox", "%%%", java.util.Base64.getUrlEncoder().encodeToString(
                "7:1:2:tasks/1/open".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> tasks.ofCustomer(lan, false, PageRequest.first(1).after(bad)))
                    .as(bad).isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
        }
        assertThatThrownBy(() -> tasks.ofCustomer(other, false, PageRequest.first(1).after(cursor)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("another list");
        assertThatThrownBy(() -> tasks.ofCustomer(lan, true, PageRequest.first(1).after(cursor)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("another list");
        assertThat(titles(tasks.ofCustomer(lan, false, PageRequest.first(1).after(cursor)))).containsExactly("b");
    }

    @DbTest
    void listsAnAssigneesOpenTasksAcrossLiveCustomersOnly(TestDb db) {
        Crm crm = db.crm();
        Tasks tasks = crm.activities().tasks();
        long lan = customer(crm, "Lan");
        long minh = customer(crm, "Minh");
        long trashed = customer(crm, "Trashed");
        tasks.create(lan, TaskDraft.of("lan undated").assignedTo("agent-7"));
        tasks.create(minh, TaskDraft.of("minh tuesday").assignedTo("agent-7").dueAt(MONDAY.plusSeconds(86_400)));
        tasks.create(lan, TaskDraft.of("lan monday").assignedTo("agent-7").dueAt(MONDAY));
        Task started = tasks.create(minh, TaskDraft.of("minh started").assignedTo("agent-7").dueAt(MONDAY
                .plusSeconds(3600)));
        tasks.changeStatus(started.id(), TaskStatus.IN_PROGRESS, 1);
        Task done = tasks.create(minh, TaskDraft.of("minh done").assignedTo("agent-7").dueAt(MONDAY));
        tasks.changeStatus(done.id(), TaskStatus.DONE, 1);
        tasks.create(lan, TaskDraft.of("someone else's").assignedTo("agent-8").dueAt(MONDAY));
        Task ofTrashed = tasks.create(trashed, TaskDraft.of("trashed customer's").assignedTo("agent-7")
                .dueAt(MONDAY));
        crm.customers().delete(trashed);

        List<String> expected = List.of("lan monday", "minh started", "minh tuesday", "lan undated");
        assertThat(titles(tasks.openOf(" agent-7 ", PageRequest.first()))).isEqualTo(expected);
        assertThat(allPages(page -> tasks.openOf("agent-7", page), 1)).isEqualTo(expected);
        assertThat(allPages(page -> tasks.openOf("agent-7", page), 3)).isEqualTo(expected);
        assertThat(tasks.find(ofTrashed.id())).as("a trashed customer's task is out of reach").isEmpty();
        assertThat(db.count("task")).as("but kept for a restore").isEqualTo(7);
        assertThat(db.otherTenant().activities().tasks().openOf("agent-7", PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> tasks.openOf(" ", PageRequest.first())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("assignee");
    }
}
