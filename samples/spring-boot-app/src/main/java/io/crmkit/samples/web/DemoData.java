package io.crmkit.samples.web;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.CustomerGroup;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gives each empty tenant of the {@link DemoUsers} something to look at: a custom field "tier",
 * {@value #CUSTOMERS} customers across four cities, two of whom are the same person typed twice (a suggested
 * duplicate), the group {@value #GROUP} (the customers tagged trade-fair) and the saved filter
 * {@value #SAVED_FILTER} (a segment), which the filter builder offers as options of its group and saved filter fields.
 * The first customer ({@value #FIRST}) has a verified phone, a task, an order, a link and a message on its timeline,
 * for the details panel. Runs at start-up, when nobody is signed in, as an actor of its own in each tenant that has no
 * customer;
 * {@code sample.demo-data=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "sample.demo-data", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    /** The first customer, the one with a history. */
    static final String FIRST = "Nguyen Van An";
    /** Customers created. */
    static final int CUSTOMERS = 24;
    /** The group of the customers tagged trade-fair. */
    static final String GROUP = "Trade fair visitors";
    /** The saved filter of the newsletter readers in Hanoi. */
    static final String SAVED_FILTER = "Newsletter readers in Hanoi";

    /** The open task of the first customer. */
    static final String TASK = "Call back about the wholesale offer";
    /** The number of the first customer's order. */
    static final String ORDER = "SO-1001";
    /** The label of the first customer's link. */
    static final String LINK = "Support ticket T-1001";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> CITIES = List.of("Hanoi", "Ho Chi Minh City", "Da Nang", "Hai Phong");
    private static final List<String> TIERS = List.of("bronze", "silver", "gold");
    private static final List<String> NAMES = List.of(FIRST, "Le Thi Binh", "Pham Minh Chau",
            "Hoang Duc Dung", "Vo Thi Giang", "Dang Van Hai", "Bui Thi Hoa", "Do Quang Huy", "Ngo Thi Khanh",
            "Duong Van Long", "Ly Thi Mai", "Trinh Van Nam", "Mai Thi Oanh", "Dinh Van Phuc", "Cao Thi Quynh",
            "Lam Van Son", "Ha Thi Thu", "Quach Van Tuan", "Luong Thi Uyen", "Kieu Van Vinh", "Ton Thi Xuan",
            "Chu Van Yen");

    private final CrmKit kit;
    private final DemoUsers users;

    DemoData(CrmKit kit, DemoUsers users) {
        this.kit = kit;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String tenant : users.tenants()) {
            fill(kit.as(Actor.of(tenant, "demo-data", Permission.ALL)));
        }
    }

    /**
     * Gives the customer what the details panel shows beyond the record: a verified phone, a message on the
     * timeline (beside the events the SDK records by itself), an open task, a paid order and a link.
     */
    private static void giveHistory(Crm crm, Customer customer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        crm.customers().markVerified(customer.id(), IdentityType.PHONE, customer.phones().get(0));
        crm.activities().timeline().record(EventDraft.of(customer.id(), "message", now.minus(2, ChronoUnit.DAYS))
                .source("web").property("subject", "Asked about wholesale prices"));
        crm.activities().tasks().create(customer.id(), TaskDraft.of(TASK).dueAt(now.plus(3, ChronoUnit.DAYS))
                .assignedTo("manager"));
        awaitMetricRefreshes(crm);
        crm.activities().orders().create(customer.id(), OrderDraft.of(ORDER, now.minus(1, ChronoUnit.DAYS),
                OrderStatus.PAID, "VND", List.of(new OrderLine("TEA-01", "Lotus tea", BigDecimal.valueOf(3),
                        BigDecimal.valueOf(120_000)))));
        crm.activities().links().add(customer.id(), "ticket", "T-1001", LINK);
    }

    /**
     * Waits for the metric refreshes the events above started on the kit's job threads: an order created while one
     * of them runs for the same customer can fail on the metrics row both create (a race of the SDK, reported).
     */
    private static void awaitMetricRefreshes(Crm crm) {
        try {
            crm.activities().metrics().awaitRefreshes(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fill(Crm crm) {
        if (!crm.filters().search(Query.all().pageSize(1)).items().isEmpty()) {
            return;
        }
        if (crm.fields().find("tier").isEmpty()) {
            crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).label("Tier").options(TIERS)
                    .build());
        }
        for (int i = 0; i < NAMES.size(); i++) {
            Customer created = crm.customers().create(CustomerDraft.builder()
                    .name(NAMES.get(i))
                    .phone(String.format("+8491%07d", 2_345_600 + i))
                    .company(i % 3 == 0 ? "Sao Mai Trading" : i % 3 == 1 ? "Hong Ha Foods" : "")
                    .address(Address.of("VN", "", CITIES.get(i % CITIES.size()), "", ""))
                    .tag(i % 2 == 0 ? "newsletter" : "trade-fair")
                    .tags(i % 5 == 0 ? List.of("vip") : List.of())
                    .custom("tier", TIERS.get(i % TIERS.size()))
                    .build());
            if (i == 0) {
                giveHistory(crm, created);
            }
        }
        crm.customers().create(CustomerDraft.builder().name("Tran Thi Lan").email("lan.tran@gmail.com")
                .address(Address.of("VN", "", "Hanoi", "", "")).tag("newsletter").build());
        crm.customers().create(CustomerDraft.builder().name("Tran Thi Lan").email("lantran@gmail.com")
                .phone("+84987654321").address(Address.of("VN", "", "Hanoi", "", "")).tag("trade-fair").build());
        CustomerGroup visitors = crm.filters().groups().create(GROUP);
        crm.filters().groups().addMatching(visitors.id(), Filter.hasTag("trade-fair"));
        SavedFilter readers = crm.filters().saved().create(SAVED_FILTER, Filter.all(Filter.eq("city", "Hanoi"),
                Filter.hasTag("newsletter")));
        crm.filters().saved().markSegment(readers.id(), true);
        LOG.info("Created {} demo customers in tenant {} (sample.demo-data=false turns this off)", CUSTOMERS,
                crm.actor().tenantId());
    }
}
