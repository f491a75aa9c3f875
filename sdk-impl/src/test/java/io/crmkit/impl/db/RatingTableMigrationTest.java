package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;

/**
 * Migration 20 moves the RFM ratings out of customer_metric into customer_rating: a rated customer keeps its four
 * scores, an unrated one gets no rating row, every metric row keeps its counts, and the rating columns are gone from
 * customer_metric.
 */
class RatingTableMigrationTest {

    private static final String TENANT = "mig20";

    @DbTest
    void theRatingsMoveToTheirOwnTableAndTheCountsStay(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try {
            OlderSchema.migrate(db, prefix, "19");
            String metrics = prefix + "customer_metric";
            db.execute("INSERT INTO " + metrics + " (tenant_id, customer_id, activity_30d, order_count, total_spent,"
                    + " recency, frequency, monetary, value_rating, refreshed_at) VALUES ('" + TENANT + "', 1, 2, 3,"
                    + " 45.5, 5, 4, 3, 4, TIMESTAMP '2026-12-01 10:00:00'), ('" + TENANT + "', 2, 1, 0, 0, NULL, NULL,"
                    + " NULL, NULL, TIMESTAMP '2026-12-01 10:00:00')");

            try (CrmKit kit = db.newKit(prefix, builder -> { })) {
                assertThat(kit.appliedSchemaVersion()).isEqualTo("23");
                assertThat(db.column("SELECT " + concat(db, "customer_id", "recency", "frequency", "monetary",
                        "value_rating") + " FROM " + prefix + "customer_rating WHERE tenant_id = ?", TENANT))
                        .as("the rated customer only").containsExactly("1/5/4/3/4");
                assertThat(db.column("SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ? AND order_count = 3"
                        + " AND total_spent = 45.5", TENANT)).containsExactly("1");
                assertThat(db.column("SELECT COUNT(*) FROM " + metrics + " WHERE tenant_id = ?", TENANT))
                        .containsExactly("2");
                assertThatThrownBy(() -> db.column("SELECT value_rating FROM " + metrics)).as("the column is gone")
                        .isInstanceOf(RuntimeException.class);
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    /** @return the columns as one text, separated by slashes */
    private static String concat(TestDb db, String... columns) {
        String joined = String.join(", '/', ", columns);
        return db.dialect().equals("mariadb") ? "CONCAT(" + joined + ")" : String.join(" || '/' || ", columns);
    }
}
