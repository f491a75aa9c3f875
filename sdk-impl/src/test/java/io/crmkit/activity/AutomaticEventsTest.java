package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.ContactRecord;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.EventTypes;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TaskStatus;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The timeline records every change by itself, in the change's transaction, with the actor who made it. */
class AutomaticEventsTest {

    @TempDir
    Path dir;

    /** @return the customer's automatic events, oldest first, as "type properties" */
    private static List<String> changes(Crm crm, long customerId) {
        List<Event> newest = crm.activities().timeline().read(customerId, TimelineQuery.newest()
                .types(EventTypes.AUTOMATIC.toArray(String[]::new))).items();
        List<String> oldest = new java.util.ArrayList<>(newest.stream().map(event -> event.type() + " "
                + event.properties()).toList());
        java.util.Collections.reverse(oldest);
        return oldest;
    }

    @DbTest
    void aCustomersChangesAreOnItsTimelineWithTheActorAndNoPersonalValues(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("0912000301").build());
        Customer edited = crm.customers().update(lan.id(), CustomerPatch.builder(lan.version()).name("Lan Tran")
                .company("ACME").stage("prospect").emails(List.of("lan@example.com")).build());
        Customer tagged = crm.customers().addTags(lan.id(), List.of("vip", "new"));
        crm.customers().removeTags(lan.id(), List.of("new"));
        crm.customers().markVerified(lan.id(), IdentityType.EMAIL, "lan@example.com");
        crm.customers().identifyAsValid(lan.id());
        crm.customers().assign(lan.id(), "agent-7");

        assertThat(changes(crm, lan.id())).containsExactly(
                "customer_created {via=manual}",
                "fields_changed {fields=[name, company]}",
                "stage_changed {from=lead, to=prospect}",
                "identity_added {type=email}",
                "tag_added {tags=[new, vip]}",
                "tag_removed {tags=[new]}",
                "identity_verified {type=email}",
                "status_changed {from=NEW, to=TO_BE_ASSIGNED}",
                "status_changed {from=TO_BE_ASSIGNED, to=ASSIGNED}",
                "assigned {from=null, to=agent-7}");
        Event created = crm.activities().timeline().read(lan.id(), TimelineQuery.newest()
                .types(EventTypes.CUSTOMER_CREATED)).items().get(0);
        assertThat(created.recordedBy()).isEqualTo(crm.actor().actorId());
        assertThat(created.source()).isEqualTo("crmkit");
        assertThat(edited.version()).isLessThan(tagged.version());
        assertThat(changes(crm, lan.id()).toString()).doesNotContain("Lan Tran", "ACME", "lan@example.com", "0912");
    }

    @DbTest
    void aChangeThatFailsRecordsNothing(TestDb db) {
        Crm crm = db.crm();
        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").build());
        crm.customers().update(minh.id(), CustomerPatch.builder(minh.version()).name("Minh 2").build());
        catchThrowableOfType(ConflictException.class, () -> crm.customers().update(minh.id(),
                CustomerPatch.builder(minh.version()).name("stale").build()));
        catchThrowableOfType(ValidationException.class, () -> crm.customers().update(minh.id(),
                CustomerPatch.builder(minh.version() + 1).name("x".repeat(10_000)).build()));
        assertThat(changes(crm, minh.id())).containsExactly("customer_created {via=manual}",
                "fields_changed {fields=[name]}");
    }

    @DbTest
    void tasksOrdersTheTrashAndMergesAreRecorded(TestDb db) {
        Crm crm = db.crm();
        Customer hoa = crm.customers().create(CustomerDraft.builder().name("Hoa").phone("0912000302").build());
        Customer twin = crm.customers().create(CustomerDraft.builder().name("Hoa T").email("hoa@example.com")
                .build());
        Task task = crm.activities().tasks().create(hoa.id(), TaskDraft.of("Call back"));
        crm.activities().tasks().changeStatus(task.id(), TaskStatus.DONE, task.version());
        crm.activities().orders().create(hoa.id(), OrderDraft.ofAmount("SO-1", Instant.parse("2026-05-01T00:00:00Z"),
                OrderStatus.PAID, "VND", new BigDecimal("120.5")));
        MergeResult merge = crm.merges().merge(hoa.id(), twin.id(), MergeOptions.defaults());
        long mergeId = merge.mergeIds().get(0);
        crm.merges().undo(mergeId);
        crm.customers().delete(hoa.id());
        crm.trash().restore(List.of(hoa.id()));

        String taskId = Long.toString(task.id());
        assertThat(changes(crm, hoa.id())).startsWith("customer_created {via=manual}",
                "task_created {taskId=" + taskId + "}", "task_closed {taskId=" + taskId + ", status=DONE}");
        assertThat(changes(crm, hoa.id())).contains(
                "merged {mergeId=" + mergeId + ", mergedCustomerId=" + twin.id() + "}",
                "unmerged {mergeId=" + mergeId + ", restoredCustomerId=" + twin.id() + "}");
        assertThat(changes(crm, hoa.id())).endsWith("deleted {}", "restored {}");
        assertThat(changes(crm, hoa.id()).stream().filter(change -> change.startsWith("order_placed")).toList())
                .hasSize(1).allMatch(change -> change.contains("amount=120.5") && change.contains("currency=VND")
                        && change.contains("orderId="));
        assertThat(changes(crm, twin.id())).containsExactly("customer_created {via=manual}", "restored {}");
    }

    @DbTest
    void bulkOperationsAndImportsRecordAnEventPerCustomer(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "name,phones,city\r\nAn,0912000311,Hue\r\nBinh,0912000312,Hue\r\nChi,0912000313,Hue\r\n",
                StandardCharsets.UTF_8);
        assertThat(crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build()).created()).isEqualTo(3);
        List<Customer> hue = crm.filters().search(Query.where(Filter.eq("city", "Hue"))).items();
        assertThat(hue).hasSize(3);

        crm.bulk().run(Selection.matching(Filter.eq("city", "Hue")), BulkOperation.addTags(List.of("fair")));
        crm.bulk().run(Selection.matching(Filter.eq("city", "Hue")), BulkOperation.identifyAsValid());
        crm.bulk().run(Selection.matching(Filter.eq("city", "Hue")), BulkOperation.assign("agent-9"));
        crm.bulk().run(Selection.matching(Filter.eq("city", "Hue")), BulkOperation.edit(CustomerPatch.builder(0)
                .stage("prospect").build()));
        Files.writeString(file, "phones,company\r\n0912000311,ACME\r\n", StandardCharsets.UTF_8);
        crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());

        for (Customer customer : hue) {
            List<String> expected = new java.util.ArrayList<>(List.of("customer_created {via=import}",
                    "tag_added {tags=[fair]}", "status_changed {from=NEW, to=TO_BE_ASSIGNED}",
                    "status_changed {from=TO_BE_ASSIGNED, to=ASSIGNED}",
                    "assigned {from=null, to=agent-9}", "stage_changed {from=lead, to=prospect}"));
            if (customer.phones().contains("+84912000311")) {
                expected.add("fields_changed {fields=[company]}");
            }
            assertThat(changes(crm, customer.id())).as(customer.name()).containsExactlyElementsOf(expected);
        }
        assertThat(crm.filters().count(Filter.occurred(EventTypes.STAGE_CHANGED, 1, 30))).isEqualTo(3);
        assertThat(crm.filters().count(Filter.occurred(EventTypes.FIELDS_CHANGED, 1, 30))).isEqualTo(1);
    }

    /** A chunk of 1,000 customers with two events each: more events than one multi-row insert holds. */
    @DbTest
    void aBulkEditOfMoreCustomersThanAChunkRecordsEveryEventOnce(TestDb db) throws IOException {
        Crm crm = db.kit().as(Actor.of("events-" + System.nanoTime(), "agent-3", Permission.ALL));
        StringBuilder rows = new StringBuilder("name,company\r\n");
        for (int i = 0; i < 1_200; i++) {
            rows.append("Guest ").append(i).append(",Old\r\n");
        }
        Path file = dir.resolve("guests.csv");
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        assertThat(crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build()).created()).isEqualTo(1_200);

        assertThat(crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0).company("New")
                .stage("customer").build())).changed()).isEqualTo(1_200);

        assertThat(crm.filters().count(Filter.occurred(EventTypes.CUSTOMER_CREATED, 1, 1))).isEqualTo(1_200);
        assertThat(crm.filters().count(Filter.occurred(EventTypes.FIELDS_CHANGED, 1, 1))).isEqualTo(1_200);
        assertThat(crm.filters().count(Filter.occurred(EventTypes.STAGE_CHANGED, 1, 1))).isEqualTo(1_200);
        assertThat(crm.filters().count(Filter.occurred(EventTypes.STAGE_CHANGED, 2, 1))).isZero();
    }

    /** 100 tags of 64 characters and their removal: the event lists what fits and counts the rest. */
    @DbTest
    void manyLongTagsMakeOneEventWithinTheLimitAndTheChangeSucceeds(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());
        List<String> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tags.add(String.format("%02d", i) + "x".repeat(62));
        }
        crm.customers().addTags(lan.id(), tags);
        crm.bulk().run(Selection.ids(List.of(lan.id())), BulkOperation.removeTags(tags));

        List<Event> events = crm.activities().timeline().read(lan.id(), TimelineQuery.newest()
                .types(EventTypes.TAG_ADDED, EventTypes.TAG_REMOVED)).items();
        assertThat(events).hasSize(2).allSatisfy(event -> {
            List<?> listed = (List<?>) event.properties().get("tags");
            assertThat(listed).isNotEmpty();
            assertThat(((Number) event.properties().get("more")).intValue() + listed.size()).isEqualTo(100);
        });
        assertThat(crm.customers().get(lan.id()).tags()).isEmpty();
    }

    @DbTest
    void hostsCannotRecordTheAutomaticTypesAndContactRecordsAreChecked(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());
        Instant at = Instant.parse("2026-05-01T09:00:00Z");
        ValidationException automatic = catchThrowableOfType(ValidationException.class, () -> crm.activities()
                .timeline().record(EventDraft.of(lan.id(), EventTypes.STAGE_CHANGED, at)));
        assertThat(automatic.errors()).anyMatch(error -> error.field().equals("type")
                && error.code().equals("automatic"));

        ValidationException register = catchThrowableOfType(ValidationException.class, () -> crm.activities()
                .timeline().registerType(EventTypes.ASSIGNED));
        assertThat(register.errors()).anyMatch(error -> error.code().equals("automatic"));
        assertThat(crm.activities().timeline().types()).doesNotHaveDuplicates().containsAll(EventTypes.AUTOMATIC);

        Event call = crm.activities().timeline().record(new ContactRecord("phone", ContactRecord.Direction.OUTBOUND,
                "agent-7", "reached", "Asked for a quote.\nCall again Monday.").toEvent(lan.id(), at));
        assertThat(call.properties()).containsEntry("direction", "outbound").containsEntry("channel", "phone")
                .containsEntry("note", "Asked for a quote.\nCall again Monday.");

        ValidationException bad = catchThrowableOfType(ValidationException.class, () -> crm.activities().timeline()
                .record(EventDraft.of(lan.id(), ContactRecord.TYPE, at).property("channel", "phone")
                        .property("direction", "sideways").property("mood", "good")));
        assertThat(bad.errors()).extracting(error -> error.field() + ":" + error.code()).contains(
                "properties.direction:invalid", "properties.agent:required", "properties.outcome:required",
                "properties.mood:unknown", "properties.note:required");
        ValidationException longNote = catchThrowableOfType(ValidationException.class, () -> crm.activities()
                .timeline().record(new ContactRecord("phone", ContactRecord.Direction.INBOUND, "agent-7", "reached",
                        "n".repeat(ContactRecord.NOTE_MAX + 1)).toEvent(lan.id(), at)));
        assertThat(longNote.errors()).extracting(error -> error.field() + ":" + error.code())
                .containsExactly("properties.note:too_long");
    }

    @DbTest
    void automaticEventsAreNotActivityAndAKitCanTurnThemOff(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());
        crm.customers().addTags(lan.id(), List.of("vip"));
        assertThat(crm.activities().metrics().refresh(lan.id()).activityLast30Days()).isZero();
        assertThat(crm.activities().metrics().of(lan.id()).lastActivityAt()).isEmpty();

        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.automaticEvents(false))) {
            Crm quiet = kit.as(Actor.of("quiet", "agent-1", Permission.ALL));
            Customer minh = quiet.customers().create(CustomerDraft.builder().name("Minh").build());
            quiet.customers().addTags(minh.id(), List.of("vip"));
            quiet.customers().delete(minh.id());
            quiet.trash().restore(List.of(minh.id()));
            assertThat(quiet.activities().timeline().read(minh.id(), TimelineQuery.newest()).items()).isEmpty();
        } finally {
            db.dropTables(prefix);
        }
    }
}
