package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.activity.CustomerMetrics;
import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pins the rule of the RFM ratings, which the recompute sets across a tenant in one set-based statement: a quintile
 * is 1 + 5 x (customers with a smaller value) / (customers with orders), rounded down, so that equal values share a
 * quintile; customers without orders that count have no rating; another tenant's ratings stay as they were.
 */
class RfmRatingsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Customer buyer(Crm crm, String name, long... amounts) {
        Customer customer = crm.customers().create(CustomerDraft.builder().name(name).build());
        for (long amount : amounts) {
            order(crm, customer, amount, START.plus(Duration.ofDays(amount % 97)));
        }
        return customer;
    }

    private static Order order(Crm crm, Customer customer, long amount, Instant at) {
        return crm.activities().orders().create(customer.id(), OrderDraft.ofAmount(name(customer) + "-" + amount + "-"
                + at.getEpochSecond(), at, OrderStatus.PAID, "VND", BigDecimal.valueOf(amount)));
    }

    private static String name(Customer customer) {
        return "R" + customer.id();
    }

    private static List<Integer> scores(Crm crm, Customer customer) {
        CustomerMetrics metrics = crm.activities().metrics().of(customer.id());
        return List.of(metrics.recency().orElse(0), metrics.frequency().orElse(0), metrics.monetary().orElse(0),
                metrics.valueRating().orElse(0));
    }

    /**
     * Ten buyers whose totals tie in threes and twos: 100 x3, 200 x2, 300, 400 x2, 500, 600. Customers with a
     * smaller total: 0,0,0, 3,3, 5, 6,6, 8, 9, so the monetary quintiles are 1,1,1, 2,2, 3, 4,4, 5, 5 (never split
     * by id, as NTILE would split a tie). Order counts 1 (six buyers) and 2 (four): 1 for the first, 1 + 5 x 6 / 10
     * = 4 for the others. One order each on the same day for recency ties too.
     */
    @DbTest
    void equalValuesShareAQuintileAndTheRatingIsTheRoundedMeanOfTheThree(TestDb db) {
        Crm crm = db.crm();
        long[] totals = {100, 100, 100, 200, 200, 300, 400, 400, 500, 600};
        List<Customer> buyers = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            Customer customer = crm.customers().create(CustomerDraft.builder().name("Buyer " + i).build());
            // The last four buyers' totals come from two orders; every buyer's last order is on day 1 or 2.
            Instant last = START.plus(Duration.ofDays(i < 5 ? 1 : 2));
            if (i >= 6) {
                order(crm, customer, totals[i] / 2, START);
                order(crm, customer, totals[i] - totals[i] / 2, last);
            } else {
                order(crm, customer, totals[i], last);
            }
            buyers.add(customer);
        }

        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(10);

        int[] monetary = {1, 1, 1, 2, 2, 3, 4, 4, 5, 5};
        for (int i = 0; i < totals.length; i++) {
            int recency = i < 5 ? 1 : 3; // 5 of 10 ordered last on day 1: the others have 5 smaller, 1 + 25 / 10
            int frequency = i < 6 ? 1 : 4;
            int rating = (2 * (recency + frequency + monetary[i]) + 3) / 6;
            assertThat(scores(crm, buyers.get(i))).as("buyer %d: recency, frequency, monetary, rating", i)
                    .containsExactly(recency, frequency, monetary[i], rating);
        }
    }

    /**
     * With fewer than five customers the quintiles skip numbers: one buyer is 1 in every dimension, two are 1 and 3,
     * three are 1, 2 and 4, four are 1, 2, 3 and 4.
     */
    @DbTest
    void aTenantWithFewerThanFiveBuyersGetsTheQuintilesOfItsRanks(TestDb db) {
        Crm crm = db.crm();
        Customer only = buyer(crm, "Only", 500);
        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(1);
        assertThat(scores(crm, only)).containsExactly(1, 1, 1, 1);

        Customer second = buyer(crm, "Second", 600);
        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(2);
        assertThat(crm.activities().metrics().of(only.id()).monetary()).contains(1);
        assertThat(crm.activities().metrics().of(second.id()).monetary()).contains(3);

        Customer third = buyer(crm, "Third", 700);
        Customer fourth = buyer(crm, "Fourth", 800);
        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(4);
        assertThat(List.of(only, second, third, fourth)).extracting(customer -> crm.activities().metrics()
                .of(customer.id()).monetary().orElseThrow()).containsExactly(1, 2, 3, 4);
        assertThat(scores(crm, fourth).get(1)).as("four buyers of one order each tie on frequency").isEqualTo(1);
    }

    /**
     * Customers without orders, or whose only order was cancelled, have no rating and do not count among the
     * customers ranked: the buyers' quintiles are those of the buyers alone.
     */
    @DbTest
    void customersWithoutOrdersThatCountHaveNoRatingAndDoNotCount(TestDb db) {
        Crm crm = db.crm();
        Customer small = buyer(crm, "Small", 100);
        Customer big = buyer(crm, "Big", 900);
        Customer browser = crm.customers().create(CustomerDraft.builder().name("Browser").build());
        Customer cancelling = crm.customers().create(CustomerDraft.builder().name("Cancelling").build());
        Order order = order(crm, cancelling, 5000, START.plus(Duration.ofDays(50)));
        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(3);
        assertThat(crm.activities().metrics().of(cancelling.id()).monetary()).as("2 of 3 below: 1 + 10 / 3").contains(4);

        crm.activities().orders().changeStatus(order.id(), OrderStatus.CANCELLED, order.version());
        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(2);

        assertThat(crm.activities().metrics().of(small.id()).monetary()).contains(1);
        assertThat(crm.activities().metrics().of(big.id()).monetary()).contains(3);
        for (Customer none : List.of(browser, cancelling)) {
            CustomerMetrics metrics = crm.activities().metrics().of(none.id());
            assertThat(metrics.orderCount()).isZero();
            assertThat(List.of(metrics.recency(), metrics.frequency(), metrics.monetary(), metrics.valueRating()))
                    .as("%s has no rating", name(none)).containsOnly(Optional.empty());
        }
    }

    /** A recompute rates its own tenant only: the other tenant's ratings stay as its own last recompute left them. */
    @DbTest
    void anotherTenantsRatingsStayAsTheyWere(TestDb db) {
        Crm other = db.otherTenant();
        Customer low = buyer(other, "Low", 100);
        Customer high = buyer(other, "High", 900);
        assertThat(other.activities().metrics().recomputeRatings()).isEqualTo(2);
        // An order since: the other tenant's counts change at once, its ratings only at its next recompute.
        Customer newcomer = buyer(other, "Newcomer", 5000);

        Crm crm = db.crm();
        Customer mine = buyer(crm, "Mine", 300);
        assertThat(crm.activities().metrics().recomputeRatings()).isEqualTo(1);

        assertThat(scores(crm, mine)).containsExactly(1, 1, 1, 1);
        assertThat(scores(other, low)).containsExactly(1, 1, 1, 1);
        assertThat(scores(other, high).get(2)).isEqualTo(3);
        assertThat(other.activities().metrics().of(newcomer.id()).orderCount()).isEqualTo(1);
        assertThat(other.activities().metrics().of(newcomer.id()).valueRating()).isEmpty();
    }
}
