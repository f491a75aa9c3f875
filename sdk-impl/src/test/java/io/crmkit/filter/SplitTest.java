package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilter;
import io.crmkit.api.filter.SplitTarget;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

class SplitTest {

    private static List<Long> ids(Crm crm, Filter filter) {
        List<Long> ids = new ArrayList<>();
        Query query = Query.where(filter).pageSize(1000);
        Page<Customer> page = crm.filters().search(query);
        page.items().forEach(customer -> ids.add(customer.id()));
        while (page.nextCursor().isPresent()) {
            page = crm.filters().search(query.after(page.nextCursor().get()));
            page.items().forEach(customer -> ids.add(customer.id()));
        }
        return ids;
    }

    /**
     * Random customers, many created in the same microsecond (the clock often stands still), split into
     * random numbers of parts: every match lands in exactly one part and part sizes differ by at most one.
     */
    @DbTest
    void partsCoverEveryMatchingCustomerExactlyOnceAndDifferByAtMostOne(TestDb db) {
        long seed = 20261125L;
        Random random = new Random(seed);
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(clock))) {
            Crm crm = kit.as(Actor.of("split", "agent", Permission.ALL));
            for (int i = 0; i < 300; i++) {
                if (random.nextInt(3) == 0) {
                    clock.advance(Duration.ofMillis(random.nextInt(5_000)));
                }
                crm.customers().create(CustomerDraft.builder().name("c" + i)
                        .tag(random.nextInt(4) == 0 ? "skip" : "campaign").build());
            }
            Filter filter = Filter.hasTag("campaign");
            Set<Long> matching = new HashSet<>(ids(crm, filter));

            for (int parts : new int[] {2, 3, 7, 50, 100}) {
                List<Filter> split = crm.filters().split(filter, parts);

                assertThat(split).as("seed %d, %d parts", seed, parts).hasSize(parts);
                List<Long> covered = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();
                for (Filter part : split) {
                    List<Long> members = ids(crm, part);
                    covered.addAll(members);
                    sizes.add(members.size());
                    assertThat(crm.filters().count(part)).isEqualTo(members.size());
                }
                assertThat(covered).as("seed %d, %d parts", seed, parts).hasSameSizeAs(matching)
                        .containsExactlyInAnyOrderElementsOf(matching);
                assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                        - sizes.stream().mapToInt(Integer::intValue).min().orElseThrow())
                        .as("seed %d, %d parts: %s", seed, parts, sizes).isLessThanOrEqualTo(1);
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void fewerCustomersThanPartsLeavesSomePartsEmptyAndLosesNone(TestDb db) {
        Crm crm = db.crm();
        for (int i = 0; i < 3; i++) {
            crm.customers().create(CustomerDraft.builder().name("c" + i).build());
        }

        List<Filter> split = crm.filters().split(Filter.isNotEmpty("name"), 5);

        List<Long> sizes = split.stream().map(part -> crm.filters().count(part)).toList();
        assertThat(sizes).containsExactly(0L, 1L, 0L, 1L, 1L);
        assertThat(crm.filters().split(Filter.eq("name", "nobody"), 3)).allSatisfy(part ->
                assertThat(crm.filters().count(part)).isZero());
    }

    @DbTest
    void refusesTooFewOrTooManyPartsAndAnInvalidFilter(TestDb db) {
        Crm crm = db.crm();

        assertThatThrownBy(() -> crm.filters().split(Filter.hasTag("x"), 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("between 2 and 100, got 1");
        assertThatThrownBy(() -> crm.filters().split(Filter.hasTag("x"), 101)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.filters().split(Filter.eq("shoe_size", 1), 2))
                .isInstanceOf(ValidationException.class);
    }

    @DbTest
    void savesThePartsAsSavedFiltersOrGroupsAllOrNothing(TestDb db) {
        Crm crm = db.crm();
        for (int i = 0; i < 10; i++) {
            crm.customers().create(CustomerDraft.builder().name("c" + i).tag("wave").build());
        }

        List<Long> saved = crm.filters().saveSplit(Filter.hasTag("wave"), 3, "Wave", SplitTarget.SAVED_FILTERS);
        List<Long> groups = crm.filters().saveSplit(Filter.hasTag("wave"), 3, "Wave", SplitTarget.GROUPS);

        assertThat(crm.filters().saved().list()).extracting(SavedFilter::name).containsExactly("Wave 1/3", "Wave 2/3",
                "Wave 3/3");
        assertThat(saved.stream().map(id -> crm.filters().count(Filter.eq("savedFilter", id)))).containsExactly(3L, 3L, 4L);
        assertThat(groups.stream().map(id -> crm.filters().count(Filter.eq("group", id)))).containsExactly(3L, 3L, 4L);

        crm.filters().groups().create("Wave 3/4");
        assertThatThrownBy(() -> crm.filters().saveSplit(Filter.hasTag("wave"), 4, "Wave", SplitTarget.GROUPS))
                .isInstanceOf(ConflictException.class);
        assertThat(crm.filters().groups().list()).extracting(io.crmkit.api.filter.CustomerGroup::name)
                .containsExactly("Wave 1/3", "Wave 2/3", "Wave 3/3", "Wave 3/4");
    }
}
