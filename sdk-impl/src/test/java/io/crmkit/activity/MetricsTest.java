package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

@ShardedToo
class MetricsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** Runs the test on a kit of its own whose clock stands at {@link #NOW}. */
    private static void withKit(TestDb db, Consumer<Crm> test) {
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(NOW);
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(clock))) {
            test.accept(kit.as(Actor.of(db.tenant(), "agent", Permission.ALL)));
        } finally {
            db.dropTables(prefix);
        }
    }

    /** Events refresh the metrics in the background; the tests read them after that. */
    static void awaitRefreshes(Crm crm) {
        try {
            assertThat(crm.activities().metrics().awaitRefreshes(Duration.ofSeconds(30))).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(Page<Customer> page) {
        return page.items().stream().map(Customer::id).toList();
    }

    @DbTest
    void eventsRefreshTheCustomersActivity(TestDb db) {
        withKit(db, crm -> {
            Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());
            Customer quiet = crm.customers().create(CustomerDraft.builder().name("Quiet").build());
            crm.activities().timeline().append(List.of(
                    EventDraft.of(lan.id(), "message", NOW.minus(Duration.ofDays(40))),
                    EventDraft.of(lan.id(), "message", NOW.minus(Duration.ofDays(3))),
                    EventDraft.of(lan.id(), "purchase", NOW.minus(Duration.ofDays(1)))));
            awaitRefreshes(crm);

            CustomerMetrics metrics = crm.activities().metrics().of(lan.id());
            assertThat(metrics.lastActivityAt()).contains(NOW.minus(Duration.ofDays(1)));
            assertThat(metrics.activityLast30Days()).isEqualTo(2);
            assertThat(metrics.orderCount()).isZero();
            assertThat(metrics.valueRating()).isEmpty();
            CustomerMetrics none = crm.activities().metrics().of(quiet.id());
            assertThat(none.lastActivityAt()).isEmpty();
            assertThat(none.activityLast30Days()).isZero();
            assertThat(none.totalSpent()).isEqualByComparingTo("0");
            assertThatThrownBy(() -> crm.activities().metrics().of(424242L)).isInstanceOf(NotFoundException.class);
        });
    }

    @DbTest
    void eventConditionsAndMetricsFilterCustomers(TestDb db) {
        withKit(db, crm -> {
            Customer buyer = crm.customers().create(CustomerDraft.builder().name("Buyer").build());
            Customer once = crm.customers().create(CustomerDraft.builder().name("Once").build());
            Customer old = crm.customers().create(CustomerDraft.builder().name("Old").build());
            Customer none = crm.customers().create(CustomerDraft.builder().name("None").build());
            List<EventDraft> events = new ArrayList<>();
            for (int day : new int[] {1, 5, 20}) {
                events.add(EventDraft.of(buyer.id(), "purchase", NOW.minus(Duration.ofDays(day))));
            }
            events.add(EventDraft.of(once.id(), "purchase", NOW.minus(Duration.ofDays(2))));
            events.add(EventDraft.of(once.id(), "email", NOW.minus(Duration.ofDays(2))));
            events.add(EventDraft.of(old.id(), "purchase", NOW.minus(Duration.ofDays(60))));
            events.add(EventDraft.of(old.id(), "purchase", NOW.minus(Duration.ofDays(61))));
            crm.activities().timeline().append(events);
            awaitRefreshes(crm);

            assertThat(ids(crm.filters().search(Query.where(Filter.occurred("purchase", 2, 30)))))
                    .containsExactly(buyer.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.occurred("purchase", 1, 30)))))
                    .containsExactlyInAnyOrder(buyer.id(), once.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.occurred("purchase", 2, 90)))))
                    .containsExactlyInAnyOrder(buyer.id(), old.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.eq("activity30d", 0)))))
                    .containsExactlyInAnyOrder(old.id(), none.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.where("activity30d",
                    io.crmkit.api.filter.Operator.GE, 2))))).containsExactlyInAnyOrder(buyer.id(), once.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.isEmpty("lastActivityAt")))))
                    .containsExactly(none.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.withinLastDays("lastActivityAt", 30)))))
                    .containsExactlyInAnyOrder(buyer.id(), once.id());
            assertThat(ids(crm.filters().search(Query.where(Filter.isEmpty("orderCount"))))).hasSize(4);

            String json = crm.filters().toJson(Filter.occurred("purchase", 2, 30));
            assertThat(crm.filters().parse(json)).isEqualTo(Filter.occurred("purchase", 2, 30));
            assertThatThrownBy(() -> crm.filters().search(Query.where(Filter.where("events.Bad Type",
                    io.crmkit.api.filter.Operator.OCCURRED_AT_LEAST, 1, 30))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("events.<type>");
            assertThatThrownBy(() -> crm.filters().search(Query.where(Filter.where("events.purchase",
                    io.crmkit.api.filter.Operator.OCCURRED_AT_LEAST, 0, 30))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("1 to 1000000");
            assertThatThrownBy(() -> crm.filters().search(Query.where(Filter.eq("events.purchase", 1))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("OCCURRED_AT_LEAST");
        });
    }

    @DbTest
    void customersSortByAMetricPageByPage(TestDb db) {
        withKit(db, crm -> {
            List<Customer> customers = new ArrayList<>();
            List<EventDraft> events = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Customer customer = crm.customers().create(CustomerDraft.builder().name("C" + i).build());
                customers.add(customer);
                // Customers 0-2 have no events; the others i % 4 events, so that counts repeat.
                for (int e = 0; i >= 3 && e < i % 4 + 1; e++) {
                    events.add(EventDraft.of(customer.id(), "message", NOW.minus(Duration.ofHours(i * 10L + e))));
                }
            }
            crm.activities().timeline().append(events);
            awaitRefreshes(crm);

            List<Long> seen = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            Query query = Query.all().sortedBy(Sort.desc("activity30d")).pageSize(5);
            while (true) {
                Page<Customer> page = crm.filters().search(query);
                for (Customer customer : page.items()) {
                    seen.add(customer.id());
                    counts.add(crm.activities().metrics().of(customer.id()).activityLast30Days());
                }
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                query = query.after(page.nextCursor().get());
            }
            assertThat(seen).hasSize(12).doesNotHaveDuplicates();
            assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(counts.subList(9, 12)).containsOnly(0);
            assertThat(crm.filters().explain(Query.all().sortedBy(Sort.desc("lastActivityAt"))).sql())
                    .contains("customer_metric");
        });
    }

    /** Ten customers, one order each, spending and recency rising together: quintiles 1,1,2,2,...,5,5. */
    @DbTest
    void ratingsAreQuintilesAcrossTheTenantAndCustomersWithoutOrdersHaveNone(TestDb db) {
        withKit(db, crm -> {
            List<Customer> buyers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Customer buyer = crm.customers().create(CustomerDraft.builder().name("Buyer " + i).build());
                buyers.add(buyer);
                crm.activities().orders().create(buyer.id(), OrderDraft.ofAmount("R-" + i,
                        NOW.minus(Duration.ofDays(100 - i)), OrderStatus.PAID, "VND", BigDecimal.valueOf(1000L * (i + 1))));
            }
            Customer browser = crm.customers().create(CustomerDraft.builder().name("Browser").build());

            assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(10);

            for (int i = 0; i < 10; i++) {
                CustomerMetrics metrics = crm.activities().metrics().of(buyers.get(i).id());
                int quintile = 1 + i / 2;
                assertThat(metrics.monetary()).as("buyer %d", i).contains(quintile);
                assertThat(metrics.recency()).as("buyer %d", i).contains(quintile);
                assertThat(metrics.frequency()).as("buyer %d: all have 1 order", i).contains(1);
                assertThat(metrics.valueRating()).as("buyer %d", i).contains(Math.round((2 * quintile + 1) / 3f));
                assertThat(metrics.orderCount()).isEqualTo(1);
            }
            assertThat(crm.activities().metrics().of(browser.id()).valueRating()).isEmpty();
            assertThat(ids(crm.filters().search(Query.where(Filter.where("valueRating",
                    io.crmkit.api.filter.Operator.GE, 4))))).containsExactlyInAnyOrder(buyers.get(8).id(),
                    buyers.get(9).id());
            assertThat(ids(crm.filters().search(Query.all().sortedBy(Sort.desc("valueRating")).pageSize(3))))
                    .as("the best rated first; ties by id, newest first").containsExactly(buyers.get(9).id(),
                            buyers.get(8).id(), buyers.get(7).id());
            assertThat(ids(crm.filters().search(Query.all().sortedBy(Sort.asc("valueRating")).pageSize(1))))
                    .as("no rating sorts as 0").containsExactly(browser.id());
        });
    }

    @DbTest
    void ratingsNeedTheBulkEditPermission(TestDb db) {
        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.WRITE).activities().metrics().recomputeRatings())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_EDIT");
        Customer lan = db.crm().customers().create(CustomerDraft.builder().name("Lan").build());
        assertThatThrownBy(() -> db.otherTenant().activities().metrics().of(lan.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(db.crm().activities().metrics().refresh(lan.id()).orderCount()).isZero();
        assertThat(Optional.of(db.crm().activities().metrics().of(lan.id())).map(CustomerMetrics::orderCount))
                .contains(0);
    }
}
