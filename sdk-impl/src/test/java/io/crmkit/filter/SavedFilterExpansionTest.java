package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Saved filters that refer to others many times: the size that counts is the expanded one, every reference
 * inlined, and each saved filter is read once however often it is referred to.
 */
class SavedFilterExpansionTest {

    private static Filter references(long savedFilter, int times) {
        return Filter.any(IntStream.range(0, times).mapToObj(i -> Filter.eq("savedFilter", savedFilter))
                .toArray(Filter[]::new));
    }

    private static Filter conditions(int count) {
        return Filter.any(IntStream.range(0, count).mapToObj(i -> Filter.hasTag("tag" + i)).toArray(Filter[]::new));
    }

    @DbTest
    void aFilterThatExpandsPastTheLimitIsRefusedQuicklyNamingTheSavedFilter(TestDb db) {
        Crm crm = db.crm();
        SavedFilter leaf = crm.filters().saved().create("leaf", Filter.hasTag("vip"));
        SavedFilter wide = crm.filters().saved().create("wide", references(leaf.id(), Filter.MAX_CONDITIONS));
        // The leaf grew behind the SDK's back (stored by an older version): "wide" now expands to 200 x 200 = 40,000
        // conditions.
        db.execute("UPDATE crm_saved_filter SET filter_json = '" + crm.filters().toJson(conditions(Filter.MAX_CONDITIONS))
                + "' WHERE tenant_id = '" + db.tenant() + "' AND id = " + leaf.id());

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long allocatedBefore = allocatedBytes();
            ValidationException search = catchThrowableOfType(ValidationException.class,
                    () -> crm.filters().search(Query.where(Filter.eq("savedFilter", wide.id()))));
            assertThat(search.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("filter");
                assertTooLarge(error, wide.id());
            });

            // A third level would be 8,000,000 conditions.
            ValidationException third = catchThrowableOfType(ValidationException.class,
                    () -> crm.filters().saved().create("third", references(wide.id(), Filter.MAX_CONDITIONS)));
            assertThat(third.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("filter.any[0]");
                assertTooLarge(error, wide.id());
            });
            ValidationException count = catchThrowableOfType(ValidationException.class,
                    () -> crm.filters().count(references(wide.id(), Filter.MAX_CONDITIONS)));
            assertThat(count.errors()).singleElement().satisfies(error -> assertTooLarge(error, wide.id()));
            // A heap limit for this test alone: the refusals together cost what a few small queries cost, not
            // 40,000 or 8,000,000 conditions' worth.
            assertThat(allocatedBytes() - allocatedBefore).as("bytes allocated while refusing").isLessThan(64L << 20);
        }, () -> "refusing took longer than 20 s");
        assertThat(crm.filters().saved().list()).extracting(SavedFilter::name).containsExactly("leaf", "wide");
    }

    @DbTest
    void growingAFilterThatOthersReferToPastTheLimitIsRefusedNamingTheReferrer(TestDb db) {
        Crm crm = db.crm();
        SavedFilter leaf = crm.filters().saved().create("leaf", Filter.hasTag("vip"));
        SavedFilter wide = crm.filters().saved().create("wide", references(leaf.id(), Filter.MAX_CONDITIONS));
        crm.filters().saved().create("wider", Filter.all(Filter.eq("savedFilter", wide.id()), Filter.hasTag("new")));

        ValidationException grown = catchThrowableOfType(ValidationException.class,
                () -> crm.filters().saved().update(leaf.id(), conditions(Filter.MAX_CONDITIONS)));

        assertThat(grown.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("filter");
            assertThat(error.code()).isEqualTo("too_many");
            assertThat(error.message()).contains("saved filter 'wide' (" + wide.id() + ") refers to this one");
        });
        assertThat(crm.filters().saved().find(leaf.id()).orElseThrow().filter()).isEqualTo(Filter.hasTag("vip"));
        // 4 conditions: "wide" holds 800 and "wider" 801.
        assertThat(crm.filters().saved().update(leaf.id(), conditions(4)).version()).isEqualTo(2);
    }

    /** @return the bytes the current thread has allocated so far */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void assertTooLarge(FieldError error, long savedFilter) {
        assertThat(error.code()).isEqualTo("too_many");
        assertThat(error.limit()).contains(String.valueOf(Filter.MAX_EXPANDED_CONDITIONS));
        assertThat(error.message()).contains("saved filter " + savedFilter)
                .contains(Filter.MAX_EXPANDED_CONDITIONS + " conditions");
    }

    @DbTest
    void aFilterUpToTheLimitStillWorks(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Lan").tag("tag3").build());
        crm.customers().create(CustomerDraft.builder().name("Minh").build());
        SavedFilter leaf = crm.filters().saved().create("leaf", conditions(Filter.MAX_CONDITIONS));
        int fit = Filter.MAX_EXPANDED_CONDITIONS / Filter.MAX_CONDITIONS;
        SavedFilter wide = crm.filters().saved().create("wide", references(leaf.id(), fit));

        assertThat(crm.filters().count(Filter.eq("savedFilter", wide.id()))).isEqualTo(1);
    }

    @DbTest
    void aSavedFilterReferredToManyTimesIsReadOnce(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        AtomicInteger reads = new AtomicInteger();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(counting(db.ownKitDataSource(),
                prefix + "saved_filter", reads)))) {
            Crm crm = kit.as(Actor.of("reads", "agent", Permission.ALL));
            crm.customers().create(CustomerDraft.builder().name("Lan").tag("vip").build());
            SavedFilter vips = crm.filters().saved().create("VIPs", Filter.hasTag("vip"));
            SavedFilter fifty = crm.filters().saved().create("fifty", references(vips.id(), 50));
            reads.set(0);

            long members = crm.filters().count(Filter.eq("savedFilter", fifty.id()));

            assertThat(members).isEqualTo(1);
            assertThat(reads.get()).as("reads of saved filters").isEqualTo(2);
        } finally {
            db.dropTables(prefix);
        }
    }

    /** A data source whose connections count the statements prepared on a table. */
    private static DataSource counting(DataSource target, String table, AtomicInteger count) {
        String name = table.toLowerCase(Locale.ROOT);
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (inner, call, params) -> {
                                if (call.getName().equals("prepareStatement")
                                        && ((String) params[0]).toLowerCase(Locale.ROOT).contains(name)) {
                                    count.incrementAndGet();
                                }
                                return invoke(connection, call, params);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
