package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.impl.db.Dialect;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A page with conditions on MariaDB first walks the page's order for a bounded number of rows, then runs as planned
 * when the walk stopped before the page was full; the page is the same either way.
 */
class PageWalkTest {

    @DbTest
    void aWalkStopsAtItsRowsAndSaysSoOnMariaDbOnly(TestDb db) throws Exception {
        Crm crm = db.crm();
        IntStream.range(0, 30).forEach(i -> crm.customers().create(CustomerDraft.builder().name("Walk " + i).build()));
        String page = "SELECT c.id FROM " + db.kit().tablePrefix() + "customer c WHERE c.tenant_id = ?"
                + " ORDER BY c.id DESC LIMIT 21";
        Dialect dialect = Dialect.detect(db.dataSource());
        try (Connection connection = db.dataSource().getConnection()) {
            Optional<String> walk = dialect.pageWalk(page, 10);
            assertThat(walk.isPresent()).isEqualTo(db.dialect().equals("mariadb"));
            if (walk.isEmpty()) {
                return;
            }
            assertThat(stopped(dialect, connection, walk.get(), db.tenant())).isTrue();
            assertThat(stopped(dialect, connection, dialect.pageWalk(page, 1000).get(), db.tenant())).isFalse();
        }
    }

    /** @return whether the walk stopped at its rows: with a warning and fewer rows, or with a failure if it sorts */
    private static boolean stopped(Dialect dialect, Connection connection, String walk, String tenant) {
        try (PreparedStatement statement = connection.prepareStatement(walk)) {
            statement.setString(1, tenant);
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            boolean stopped = dialect.stoppedAtRowsExamined(statement.getWarnings());
            assertThat(stopped).isEqualTo(rows < 21);
            return stopped;
        } catch (SQLException e) {
            assertThat(dialect.stoppedAtRowsExamined(e)).as("the failure is the walk's stop: " + e).isTrue();
            return true;
        }
    }

    @DbTest
    void pagesOfCommonAndRareConditionsHoldEveryMatchNewestFirst(TestDb db) {
        Crm crm = db.crm();
        List<Customer> common = new ArrayList<>();
        List<Customer> rare = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            CustomerDraft.Builder draft = CustomerDraft.builder().name("Page " + i);
            if (i % 3 == 0) {
                draft.tag("common");
            }
            if (i == 7 || i == 41) {
                draft.tag("rare");
            }
            Customer customer = crm.customers().create(draft.build());
            if (i % 3 == 0) {
                common.add(customer);
            }
            if (i == 7 || i == 41) {
                rare.add(customer);
            }
        }
        assertThat(ids(crm, Filter.hasTag("common"))).containsExactlyElementsOf(newestFirst(common));
        assertThat(ids(crm, Filter.hasTag("rare"))).containsExactlyElementsOf(newestFirst(rare));
        assertThat(ids(crm, Filter.hasNoTag("common"))).hasSize(40);
        String explained = crm.filters().explain(Query.where(Filter.hasTag("rare"))).sql();
        assertThat(explained.startsWith("SET STATEMENT")).isEqualTo(db.dialect().equals("mariadb"));
        assertThat(crm.filters().explain(Query.all()).sql()).doesNotStartWith("SET STATEMENT");
    }

    private static List<Long> ids(Crm crm, Filter filter) {
        return crm.filters().search(Query.where(filter).sortedBy(Sort.desc("createdAt"))).items().stream()
                .map(Customer::id).toList();
    }

    private static List<Long> newestFirst(List<Customer> customers) {
        return customers.stream().sorted(Comparator.comparing(Customer::createdAt).thenComparing(Customer::id)
                .reversed()).map(Customer::id).toList();
    }
}
