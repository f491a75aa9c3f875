package io.crmkit.impl.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.impl.db.Dialect;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Two refreshes of one customer's metrics at once (an order's and a scheduled one) take turns; neither fails. */
class MetricsRaceTest {

    @DbTest
    void aSecondRefreshOfACustomerWithoutMetricsWaitsForTheFirstAndSucceeds(TestDb db) throws Exception {
        // On raw connections, outside Database.write: under SERIALIZABLE the second is refused (40001) once the first
        // commits, and only the retry of Database.write makes it succeed (SerializableRetryTest covers that).
        org.junit.jupiter.api.Assumptions.assumeFalse(db.name().equals("serializable"),
                "the store alone, without the retry a SERIALIZABLE database needs");
        Customer lan = db.crm().customers().create(CustomerDraft.builder().name("Lan").build());
        MetricsStore store = new MetricsStore("crm_", IdStatements.of(Dialect.detect(db.dataSource())));
        Instant now = Instant.now();

        try (Connection first = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            store.refreshActivity(first, db.tenant(), List.of(lan.id()), now);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try (Connection connection = db.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    store.refreshActivity(connection, db.tenant(), List.of(lan.id()), now);
                    connection.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(second).isNotDone();
            first.commit();
            second.get(10, TimeUnit.SECONDS);
        }

        assertThat(db.column("SELECT customer_id FROM crm_customer_metric WHERE tenant_id = ?", db.tenant()))
                .containsExactly(Long.toString(lan.id()));
    }
}
