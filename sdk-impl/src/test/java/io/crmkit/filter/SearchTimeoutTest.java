package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.SearchTimeoutException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.StatementHooks;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A search statement runs at most the kit's search timeout on PostgreSQL and MariaDB: the database stops it then,
 * and the caller gets a {@link SearchTimeoutException} naming the timeout, never the driver's text; the kit serves the
 * next search as before. H2 runs searches without one (its timeout is the session's). The test makes the database
 * slow on purpose: each customer row the search reads sleeps 5 ms first (PostgreSQL's pg_sleep, MariaDB's SLEEP, a
 * Java function on H2).
 */
class SearchTimeoutTest {

    /** Customers the slow search reads, 5 ms each: 2 s in all, past the timeout of 1 s. */
    private static final int CUSTOMERS = 400;

    @DbTest
    void aSearchRunningPastTheTimeoutIsStoppedByTheDatabaseAndReportedAsSuch(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        AtomicBoolean slow = new AtomicBoolean(true);
        String sleep = switch (db.dialect()) {
            case "mariadb" -> "SLEEP(0.005) = 0";
            case "h2" -> "CRMKIT_TEST_SLEEP(5) IS NULL";
            // Its argument depends on the row: PostgreSQL runs the function once per row, not once for all.
            default -> "(SELECT COUNT(*) FROM pg_sleep(0.005 + 0 * c.id)) = 1";
        };
        if (db.dialect().equals("h2")) {
            db.execute("CREATE ALIAS IF NOT EXISTS CRMKIT_TEST_SLEEP FOR 'java.lang.Thread.sleep'");
        }
        String counted = "SELECT COUNT(*) FROM " + prefix + "customer c WHERE c.tenant_id = ?";
        try (CrmKit kit = CrmKit.builder().dataSource(StatementHooks.rewriting(db.dataSource(), sql -> slow.get()
                && sql.startsWith(counted) ? counted + " AND " + sleep + sql.substring(counted.length()) : sql))
                .tablePrefix(prefix).searchTimeout(Duration.ofSeconds(1)).build()) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            for (int i = 0; i < CUSTOMERS; i++) {
                crm.customers().create(CustomerDraft.builder().name("Slow " + i).company("Acme").build());
            }

            if (db.dialect().equals("h2")) {
                // H2's statement timeout would stay on the pooled connection for all later work: none is set.
                assertThat(crm.filters().count(Filter.eq("company", "Acme"))).isEqualTo(CUSTOMERS);
                return;
            }
            SearchTimeoutException stopped = catchThrowableOfType(SearchTimeoutException.class,
                    () -> crm.filters().count(Filter.eq("company", "Acme")));

            assertThat(stopped.code()).isEqualTo("search_timeout");
            assertThat(stopped.timeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(stopped.getMessage()).isEqualTo("could not count customers: a search ran longer than the"
                    + " search timeout of 1 s (or a limit the database sets) and the database stopped it; narrow the"
                    + " search (a longer keyword, fewer or more selective conditions), or raise"
                    + " CrmKit.builder().searchTimeout");
            slow.set(false);
            assertThat(crm.filters().count(Filter.eq("company", "Acme"))).isEqualTo(CUSTOMERS);
            assertThat(crm.filters().search(Query.where(Filter.eq("company", "Acme"))).items()).hasSize(50);
        } finally {
            db.dropTables(prefix);
        }
    }
}
