package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class RelativeDateFilterTest {

    private static List<String> names(Crm crm, Filter filter) {
        return crm.filters().search(Query.where(filter)).items().stream().map(Customer::name).sorted().toList();
    }

    @DbTest
    void relativeDateConditionsCountDaysBackFromTheKitsClock(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T12:00:00Z"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(clock))) {
            Crm crm = kit.as(Actor.of("dates", "agent", Permission.ALL));
            crm.customers().create(CustomerDraft.builder().name("old").birthday(LocalDate.of(1990, 1, 1)).build());
            clock.advance(Duration.ofDays(20));
            crm.customers().create(CustomerDraft.builder().name("recent").birthday(LocalDate.of(2025, 1, 15)).build());
            clock.advance(Duration.ofDays(5));

            assertThat(names(crm, Filter.withinLastDays("createdAt", 7))).containsExactly("recent");
            assertThat(names(crm, Filter.withinLastDays("createdAt", 30))).containsExactly("old", "recent");
            assertThat(names(crm, Filter.where("createdAt", Operator.BEFORE_DAYS_AGO, 10))).containsExactly("old");
            assertThat(names(crm, Filter.where("birthday", Operator.AFTER_DAYS_AGO, 30))).containsExactly("recent");
            assertThat(names(crm, Filter.where("birthday", Operator.BEFORE_DAYS_AGO, 30))).containsExactly("old");
            assertThat(names(crm, Filter.isEmpty("birthday"))).isEmpty();
        } finally {
            db.dropTables(prefix);
        }
    }
}
