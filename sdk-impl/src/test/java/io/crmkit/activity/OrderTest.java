package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.Orders;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

@ShardedToo
class OrderTest {

    private static final Instant MAY_FIRST = Instant.parse("2024-05-01T10:00:00Z");
    private static final List<String> ORDER_TABLES = List.of("customer_order", "order_line", "customer_metric",
            "audit");

    private static OrderLine line(String name, String quantity, String unitPrice) {
        return new OrderLine("SKU-" + name, name, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }

    private static OrderDraft paid(String number, String amount) {
        return OrderDraft.ofAmount(number, MAY_FIRST, OrderStatus.PAID, "VND", new BigDecimal(amount));
    }

    /** @return the customer's order_count and total_spent, as stored; empty without a metrics row */
    private static List<String> metric(TestDb db, long customerId) {
        List<String> values = new ArrayList<>();
        for (String column : List.of("order_count", "total_spent")) {
            values.addAll(db.column("SELECT " + column + " FROM crm_customer_metric WHERE tenant_id = ? AND"
                    + " customer_id = ?", db.tenant(), customerId));
        }
        return values;
    }

    @DbTest
    void createsAnOrderWithLinesWhoseAmountIsTheirSum(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Orders orders = crm.activities().orders();

        Order order = orders.create(lan, OrderDraft.of(" SO-1001 ", MAY_FIRST, OrderStatus.PAID, "VND",
                List.of(line("Tea", "2", "45000.5"), line("Cup", "1.25", "8"))));

        assertThat(order.number()).isEqualTo("SO-1001");
        assertThat(order.amount()).isEqualByComparingTo("90011");
        assertThat(order.lines()).extracting(OrderLine::name).containsExactly("Tea", "Cup");
        assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("45000.5");
        assertThat(order.currency()).isEqualTo("VND");
        assertThat(order.version()).isEqualTo(1);
        assertThat(orders.find(order.id())).hasValue(order);
        assertThat(orders.findByNumber("SO-1001")).hasValue(order);
        assertThat(orders.findByNumber("so-1001")).isEmpty();
        assertThat(orders.ofCustomer(lan, PageRequest.first()).items()).containsExactly(order);
        assertThat(db.column("SELECT action FROM crm_audit WHERE tenant_id = ? AND subject_id = ?", db.tenant(),
                order.id())).containsExactly("order.create");
    }

    @DbTest
    void takesAGivenAmountOnlyWhenItEqualsTheSumOfTheLines(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Orders orders = crm.activities().orders();
        List<OrderLine> lines = List.of(line("Tea", "2", "5"));

        Order equal = orders.create(lan, new OrderDraft("A-1", MAY_FIRST, OrderStatus.PENDING, "USD", lines,
                Optional.of(new BigDecimal("10.00"))));
        assertThat(equal.amount()).isEqualByComparingTo("10");
        assertThatThrownBy(() -> orders.create(lan, new OrderDraft("A-2", MAY_FIRST, OrderStatus.PENDING, "USD", lines,
                Optional.of(new BigDecimal("10.01"))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("amount: must equal the sum of the lines, 10, got 10.01");
        assertThat(orders.create(lan, paid("A-3", "0")).amount()).isEqualByComparingTo("0");
        assertThat(orders.findByNumber("A-2")).isEmpty();
    }

    @DbTest
    void refusesBadDraftsNamingEveryProblemAndWritesNothing(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Orders orders = crm.activities().orders();
        List<Integer> before = db.counts(ORDER_TABLES);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> orders.create(lan,
                new OrderDraft(" ", Instant.parse("1800-01-01T00:00:00Z"), OrderStatus.PAID, "usd", List.of(
                        new OrderLine("x".repeat(65), " ", BigDecimal.ZERO, new BigDecimal("-1")),
                        line("Dust", "0.00001", "1"), line("Tiny", "0.3333", "0.0001")),
                        Optional.of(new BigDecimal("-5")))));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("number", "orderedAt", "currency",
                "lines[0].sku", "lines[0].name", "lines[0].quantity", "lines[0].unitPrice", "lines[1].quantity",
                "lines[1]", "lines[2]", "amount", "amount");
        assertThat(e.getMessage()).contains("number: an order needs a number").contains("ISO 4217")
                .contains("at most 64 characters, got 65").contains("must be more than 0, got 0")
                .contains("at most 4 decimals, got 5").contains("0.00003333");
        assertThatThrownBy(() -> orders.create(lan, OrderDraft.of("N", MAY_FIRST, OrderStatus.PAID, "VND",
                Collections.nCopies(OrderDraft.LINES_MAX + 1, line("Tea", "1", "1")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 500 lines, got 501");
        assertThatThrownBy(() -> orders.create(lan, OrderDraft.of("N", MAY_FIRST, OrderStatus.PAID, "VND", List.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("an order without lines needs an amount");
        assertThatThrownBy(() -> orders.create(lan, paid("x".repeat(65), "1e20"))).isInstanceOf(
                ValidationException.class).hasMessageContaining("number: at most 64").hasMessageContaining("at most 20 digits");
        assertThatThrownBy(() -> orders.create(lan, OrderDraft.ofAmount("N", MAY_FIRST, OrderStatus.PAID, "VNDX",
                BigDecimal.ONE))).isInstanceOf(ValidationException.class).hasMessageContaining("currency");
        assertThat(db.counts(ORDER_TABLES)).isEqualTo(before);

        Order widest = orders.create(lan, OrderDraft.of("x".repeat(64), MAY_FIRST, OrderStatus.PAID, "VND",
                Collections.nCopies(OrderDraft.LINES_MAX, line("Tea", "1", "199999999999999999.9998"))));
        assertThat(orders.find(widest.id())).hasValue(widest);
        assertThat(widest.lines()).hasSize(500);
        assertThat(widest.amount()).isEqualByComparingTo("99999999999999999999.9");
    }

    @DbTest
    void aTakenNumberIsAConflictNamingItAndAnotherTenantMayUseIt(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        long minh = TaskTest.customer(crm, "Minh");
        Order first = crm.activities().orders().create(lan, paid("SO-7", "100"));

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> crm.activities().orders().create(minh, paid(" SO-7", "5")));

        assertThat(e.getMessage()).contains("'SO-7'");
        assertThat(e.conflictingId()).hasValue(first.id());
        assertThat(crm.activities().orders().ofCustomer(minh, PageRequest.first()).items()).isEmpty();
        assertThat(metric(db, minh)).isEmpty();
        long theirs = TaskTest.customer(db.otherTenant(), "Theirs");
        assertThat(db.otherTenant().activities().orders().create(theirs, paid("SO-7", "1")).number()).isEqualTo("SO-7");
        assertThat(db.otherTenant().activities().orders().find(first.id())).isEmpty();
        assertThat(db.otherTenant().activities().orders().findByNumber("SO-7")).map(Order::customerId).hasValue(theirs);
    }

    @DbTest
    void concurrentCreatesOfOneNumberLeaveOneOrder(TestDb db) throws Exception {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        long minh = TaskTest.customer(crm, "Minh");

        List<String> outcomes = Race.run(() -> attempt(crm, lan), () -> attempt(crm, minh), () -> attempt(crm, lan),
                () -> attempt(crm, minh));

        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(3);
        assertThat(db.count("customer_order")).isEqualTo(1);
        assertThat(db.column("SELECT SUM(order_count) FROM crm_customer_metric WHERE tenant_id = ?", db.tenant()))
                .containsExactly("1");
    }

    private static String attempt(Crm crm, long customerId) {
        try {
            crm.activities().orders().create(customerId, paid("RACE-1", "10"));
            return "created";
        } catch (ConflictException e) {
            return "conflict";
        }
    }

    @DbTest
    void ordersAndTheirStatusChangesRefreshTheCustomersMetrics(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Orders orders = crm.activities().orders();

        orders.create(lan, paid("M-1", "100.25"));
        Order cancelled = orders.create(lan, OrderDraft.ofAmount("M-2", MAY_FIRST.plusSeconds(60),
                OrderStatus.CANCELLED, "VND", new BigDecimal("50")));
        List<String> afterCreates = metric(db, lan);
        Order paid = orders.changeStatus(cancelled.id(), OrderStatus.PAID, cancelled.version());
        List<String> afterPaying = metric(db, lan);
        orders.changeStatus(paid.id(), OrderStatus.REFUNDED, paid.version());

        assertThat(afterCreates.get(0)).isEqualTo("1");
        assertThat(new BigDecimal(afterCreates.get(1))).isEqualByComparingTo("100.25");
        assertThat(afterPaying.get(0)).isEqualTo("2");
        assertThat(new BigDecimal(afterPaying.get(1))).isEqualByComparingTo("150.25");
        assertThat(new BigDecimal(metric(db, lan).get(1))).isEqualByComparingTo("100.25");
        assertThat(db.column("SELECT last_order_at FROM crm_customer_metric WHERE tenant_id = ? AND customer_id = ?",
                db.tenant(), lan).get(0)).startsWith("2024-05-01");
    }

    @DbTest
    void changesStatusAgainstTheVersionReadAndRefusesAStaleOne(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Orders orders = crm.activities().orders();
        Order order = orders.create(lan, paid("V-1", "10"));

        Order shipped = orders.changeStatus(order.id(), OrderStatus.SHIPPED, 1);

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.version()).isEqualTo(2);
        assertThat(shipped.lines()).isEqualTo(order.lines());
        assertThatThrownBy(() -> orders.changeStatus(order.id(), OrderStatus.COMPLETED, 1))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> orders.changeStatus(31337L, OrderStatus.COMPLETED, 1))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no order 31337");
        assertThatThrownBy(() -> db.otherTenant().activities().orders().changeStatus(order.id(), OrderStatus.PAID, 2))
                .isInstanceOf(NotFoundException.class);
        assertThat(orders.find(order.id())).hasValue(shipped);
    }

    @DbTest
    void listsACustomersOrdersNewestFirstPageByPage(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Orders orders = crm.activities().orders();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            orders.create(lan, OrderDraft.of("P-" + i, MAY_FIRST.plusSeconds(i / 2 * 3600), OrderStatus.PAID, "VND",
                    List.of(line("Item " + i, "1", String.valueOf(i)))));
            newestFirst.add(0, "P-" + i);
        }
        orders.create(TaskTest.customer(crm, "Other"), paid("P-other", "1"));

        for (int size : new int[] {1, 2, 3, 7, 8}) {
            List<String> numbers = new ArrayList<>();
            PageRequest request = PageRequest.first(size);
            while (true) {
                Page<Order> page = orders.ofCustomer(lan, request);
                page.items().forEach(order -> {
                    assertThat(order.lines()).singleElement().satisfies(line -> assertThat(line.name())
                            .isEqualTo("Item " + order.number().substring(2)));
                    numbers.add(order.number());
                });
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                request = request.after(page.nextCursor().get());
            }
            assertThat(numbers).as("size " + size).isEqualTo(newestFirst);
        }
        assertThatThrownBy(() -> orders.ofCustomer(lan, PageRequest.first().after("bm90IGEgY3Vyc29y")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
    }

    @DbTest
    void needsALiveCustomerReadAndWrite(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        long gone = TaskTest.customer(crm, "Gone");
        Order kept = crm.activities().orders().create(gone, paid("G-1", "5"));
        crm.customers().delete(gone);
        Orders readOnly = db.crm(Permission.READ).activities().orders();

        assertThatThrownBy(() -> crm.activities().orders().create(424242L, paid("X-1", "1")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer 424242");
        assertThatThrownBy(() -> crm.activities().orders().create(gone, paid("X-2", "1")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.activities().orders().ofCustomer(gone, PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.activities().orders().find(kept.id())).isEmpty();
        assertThatThrownBy(() -> crm.activities().orders().create(lan, paid("G-1", "1")))
                .as("the number stays taken while its customer is in the trash").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> readOnly.create(lan, paid("X-3", "1"))).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("WRITE");
        assertThatThrownBy(() -> db.crm(Permission.WRITE).activities().orders().findByNumber("G-1"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThat(readOnly.ofCustomer(lan, PageRequest.first()).items()).isEmpty();
        assertThat(db.count("customer_order")).isEqualTo(1);
    }
}
