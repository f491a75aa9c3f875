package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.Link;
import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The timeline (and whatever else a customer owns) moves with its customer: merge, undo, trash, erase. */
class OwnedRowsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static List<String> sources(Crm crm, long customerId) {
        return crm.activities().timeline().read(customerId, HostEvents.QUERY).items().stream()
                .map(Event::source).toList();
    }

    @DbTest
    void aMergeMovesTheTimelineToTheSurvivorAndUndoMovesExactlyThatBack(TestDb db) {
        Crm crm = db.crm();
        Customer survivor = crm.customers().create(CustomerDraft.builder().name("Lan").phone("0912000071").build());
        Customer merged = crm.customers().create(CustomerDraft.builder().name("Lan N").phone("0912000072").build());
        crm.activities().timeline().append(List.of(
                EventDraft.of(survivor.id(), "email", T0).source("survivor-1"),
                EventDraft.of(merged.id(), "email", T0.plusSeconds(60)).source("merged-1"),
                EventDraft.of(merged.id(), "purchase", T0.plusSeconds(120)).source("merged-2")));

        MetricsTest.awaitRefreshes(crm);
        long merge = crm.merges().merge(survivor.id(), merged.id(), MergeOptions.defaults()).mergeIds().get(0);

        assertThat(sources(crm, survivor.id())).containsExactly("merged-2", "merged-1", "survivor-1");
        assertThat(crm.activities().metrics().of(survivor.id()).lastActivityAt()).contains(T0.plusSeconds(120));
        crm.activities().timeline().record(EventDraft.of(survivor.id(), "message", T0.plusSeconds(180))
                .source("after-merge"));
        MetricsTest.awaitRefreshes(crm);

        crm.merges().undo(merge);

        assertThat(sources(crm, merged.id())).containsExactly("merged-2", "merged-1");
        assertThat(sources(crm, survivor.id())).containsExactly("after-merge", "survivor-1");
        assertThat(crm.activities().metrics().of(merged.id()).lastActivityAt()).contains(T0.plusSeconds(120));
        assertThat(crm.activities().metrics().of(survivor.id()).lastActivityAt()).contains(T0.plusSeconds(180));
        assertThat(db.count("merge_moved")).isZero();
    }

    @DbTest
    void tasksOrdersAndLinksMoveWithTheMergeAndBackAndGoWithAnErasure(TestDb db) {
        Crm crm = db.crm();
        Customer survivor = crm.customers().create(CustomerDraft.builder().name("Lan").build());
        Customer merged = crm.customers().create(CustomerDraft.builder().name("Lan N").build());
        Task task = crm.activities().tasks().create(merged.id(), TaskDraft.of("Call back").assignedTo("agent-7"));
        Order order = crm.activities().orders().create(merged.id(), OrderDraft.of("ORD-1", T0, OrderStatus.PAID,
                "VND", List.of(new OrderLine("tea", "Green tea", new BigDecimal("2"), new BigDecimal("50000")))));
        Link link = crm.activities().links().add(merged.id(), "ticket", "T-9", "Broken kettle");

        long merge = crm.merges().merge(survivor.id(), merged.id(), MergeOptions.defaults()).mergeIds().get(0);

        assertThat(crm.activities().tasks().find(task.id()).orElseThrow().customerId()).isEqualTo(survivor.id());
        assertThat(crm.activities().orders().find(order.id()).orElseThrow().customerId()).isEqualTo(survivor.id());
        assertThat(crm.activities().links().of(survivor.id())).extracting(Link::id).containsExactly(link.id());
        assertThat(crm.activities().metrics().of(survivor.id()).orderCount()).isEqualTo(1);
        assertThat(crm.activities().metrics().of(survivor.id()).totalSpent()).isEqualByComparingTo("100000");

        crm.merges().undo(merge);

        assertThat(crm.activities().tasks().find(task.id()).orElseThrow().customerId()).isEqualTo(merged.id());
        assertThat(crm.activities().orders().find(order.id()).orElseThrow().customerId()).isEqualTo(merged.id());
        assertThat(crm.activities().links().of(merged.id())).extracting(Link::id).containsExactly(link.id());
        assertThat(crm.activities().metrics().of(survivor.id()).orderCount()).isZero();
        assertThat(crm.activities().metrics().of(merged.id()).orderCount()).isEqualTo(1);

        assertThat(crm.activities().metrics().recomputeRatings()).as("the merged customer has the order").isOne();
        assertThat(crm.activities().metrics().of(merged.id()).valueRating()).isPresent();

        crm.customers().delete(merged.id());
        crm.trash().erase(List.of(merged.id()));
        for (String table : List.of("task", "customer_order", "order_line", "customer_link", "customer_metric",
                "customer_rating")) {
            assertThat(db.column("SELECT COUNT(*) FROM crm_" + table + " WHERE tenant_id = ?", db.tenant()))
                    .as(table).containsExactly(table.equals("customer_metric") ? "1" : "0");
        }
    }

    @DbTest
    void theTrashKeepsTheTimelineAndAnErasureErasesIt(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());
        crm.activities().timeline().record(EventDraft.of(lan.id(), "email", T0).source("kept"));
        crm.customers().delete(lan.id());

        assertThatThrownBy(() -> crm.activities().timeline().read(lan.id(), TimelineQuery.newest()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.activities().timeline().record(EventDraft.of(lan.id(), "email", T0)))
                .isInstanceOf(NotFoundException.class);

        crm.trash().restore(List.of(lan.id()));
        assertThat(sources(crm, lan.id())).containsExactly("kept");

        MetricsTest.awaitRefreshes(crm);
        crm.customers().delete(lan.id());
        crm.trash().erase(List.of(lan.id()));
        assertThat(db.count("event")).isZero();
        assertThat(db.count("customer_metric")).isZero();
    }
}
