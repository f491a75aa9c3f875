package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Timeline;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@ShardedToo
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static Customer customer(Crm crm, String name) {
        return crm.customers().create(CustomerDraft.builder().name(name).build());
    }

    @DbTest
    void recordsAnEventWithPropertiesAndReadsItBack(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");

        Event event = crm.activities().timeline().record(EventDraft.of(lan.id(), "purchase", T0).source("pos")
                .property("amount", new BigDecimal("120.50")).property("items", List.of("tea", "cake"))
                .property("store", Map.of("id", 7, "open", true)).property("note", null));

        Page<Event> page = crm.activities().timeline().read(lan.id(), HostEvents.QUERY);
        assertThat(page.items()).containsExactly(event);
        Event read = page.items().get(0);
        assertThat(read.source()).isEqualTo("pos");
        assertThat(read.occurredAt()).isEqualTo(T0);
        assertThat(read.properties()).containsEntry("amount", new BigDecimal("120.50"))
                .containsEntry("items", List.of("tea", "cake")).containsEntry("note", null);
        assertThat(read.properties().get("store")).isEqualTo(Map.of("id", 7L, "open", true));
        assertThat(read.recordedBy()).isEqualTo(crm.actor().actorId());
        assertThat(page.nextCursor()).isEmpty();
    }

    @DbTest
    void readsNewestFirstPageByPageFilteredByTypeAndTime(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");
        Customer other = customer(crm, "Other");
        List<EventDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Two events share each time, so that the cursor's id tiebreak matters.
            drafts.add(EventDraft.of(lan.id(), i % 3 == 0 ? "email" : "message", T0.plusSeconds(i / 2 * 60L))
                    .property("n", i));
            drafts.add(EventDraft.of(other.id(), "email", T0.plusSeconds(i)));
        }
        assertThat(crm.activities().timeline().append(drafts)).isEqualTo(240);

        List<Long> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        TimelineQuery query = HostEvents.QUERY.page(PageRequest.first(25));
        int pages = 0;
        while (true) {
            Page<Event> page = crm.activities().timeline().read(lan.id(), query);
            pages++;
            page.items().forEach(event -> {
                seen.add(event.id());
                times.add(event.occurredAt());
                assertThat(event.customerId()).isEqualTo(lan.id());
            });
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.page(query.page().after(page.nextCursor().get()));
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Page<Event> emails = crm.activities().timeline().read(lan.id(), TimelineQuery.newest().types("email")
                .between(T0, T0.plusSeconds(30 * 60)).page(PageRequest.first(100)));
        assertThat(emails.items()).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo("email");
            assertThat(event.occurredAt()).isBefore(T0.plusSeconds(30 * 60)).isAfterOrEqualTo(T0);
        });
        assertThat(emails.items()).hasSize(20);
    }

    @DbTest
    void aBadEventInABatchRecordsNothingAndEveryProblemIsNamed(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");
        Map<String, Object> tooBig = Map.of("text", "x".repeat(Timeline.MAX_PROPERTIES_CHARS));
        List<EventDraft> drafts = List.of(
                EventDraft.of(lan.id(), "purchase", T0),
                EventDraft.of(lan.id(), "teleport", T0),
                EventDraft.of(lan.id(), "email", T0).source("line\nbreak"),
                EventDraft.of(lan.id(), "email", T0).property("bad key!", 1),
                EventDraft.of(lan.id(), "email", T0).property("when", Instant.now()),
                new EventDraft(lan.id(), "email", T0, "", tooBig),
                EventDraft.of(lan.id(), "email", Instant.parse("1800-01-01T00:00:00Z")),
                EventDraft.of(424242L, "email", T0));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> crm.activities().timeline().append(drafts));

        assertThat(e.errors()).extracting(error -> error.field() + "/" + error.code()).containsExactly(
                "events[1].type/unknown", "events[2].source/invalid", "events[3].properties/bad_key",
                "events[4].properties.when/bad_type", "events[5].properties.text/too_long",
                "events[6].occurredAt/out_of_range");
        assertThat(crm.activities().timeline().read(lan.id(), HostEvents.QUERY).items()).isEmpty();

        ValidationException missing = catchThrowableOfType(ValidationException.class,
                () -> crm.activities().timeline().append(List.of(EventDraft.of(lan.id(), "email", T0),
                        EventDraft.of(424242L, "email", T0))));
        assertThat(missing.errors()).extracting(error -> error.field()).containsExactly("events[1].customerId");
        assertThat(missing.getMessage()).contains("no customer 424242");
        assertThat(crm.activities().timeline().read(lan.id(), HostEvents.QUERY).items()).isEmpty();
        assertThatThrownBy(() -> crm.activities().timeline().append(List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 to " + Timeline.MAX_BATCH);
        assertThatThrownBy(() -> crm.activities().timeline().read(lan.id(), TimelineQuery.newest()
                .page(PageRequest.first().after("garbage")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a cursor");
    }

    @DbTest
    void hostsRegisterTheirOwnTypes(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");
        crm.activities().timeline().registerType("loyalty_scan");
        crm.activities().timeline().registerType("loyalty_scan");

        crm.activities().timeline().record(EventDraft.of(lan.id(), "loyalty_scan", T0));

        assertThat(crm.activities().timeline().types()).startsWith(Timeline.BUILT_IN_TYPES.toArray(String[]::new))
                .endsWith("loyalty_scan").doesNotHaveDuplicates();
        assertThat(db.otherTenant().activities().timeline().types()).doesNotContain("loyalty_scan");
        assertThatThrownBy(() -> crm.activities().timeline().registerType("Bad Type"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> db.crm(Permission.WRITE).activities().timeline().registerType("x"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("FIELD_ADMIN");
    }

    @DbTest
    void timelinesArePerTenantAndNeedPermissions(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");
        crm.activities().timeline().record(EventDraft.of(lan.id(), "email", T0));

        assertThatThrownBy(() -> db.otherTenant().activities().timeline().read(lan.id(), TimelineQuery.newest()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> db.otherTenant().activities().timeline().record(EventDraft.of(lan.id(), "email",
                T0))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> db.crm(Permission.READ).activities().timeline().record(EventDraft.of(lan.id(),
                "email", T0))).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("WRITE");
        assertThat(db.crm(Permission.READ).activities().timeline().read(lan.id(), HostEvents.QUERY).items())
                .hasSize(1);
    }
}
