package io.crmkit.trash;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A bulk delete keeps the planner's statistics of the trash tables it fills, and of the events it and a restore
 * record, up to date where the database needs it (PostgreSQL): without them a restore or an erase of the same
 * customers looks up each chunk of ids by scanning all the tenant's trashed rows and events, and takes several times
 * the delete's time. Runs on a kit of its own, whose tables start with no statistics at all.
 */
class TrashStatisticsTest {

    private static final int CUSTOMERS = 5_000;

    @DbTest
    void aBulkDeleteRefreshesTheStatisticsOfTheTrashAndARestoreThoseOfTheEvents(TestDb db) throws SQLException {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> { })) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
            List<Long> ids = LongStream.rangeClosed(1, CUSTOMERS).boxed().toList();
            insertCustomers(db, prefix, ids);
            if (db.dialect().equals("postgres")) {
                assertThat(rowEstimate(db, prefix + "trash_customer")).isLessThan(1);
            }

            DeletePreview preview = crm.bulk().previewDelete(Selection.all());
            BulkResult deleted = crm.bulk().run(Selection.all(), BulkOperation.delete(preview.token(), true,
                    "statistics of the trash"));

            assertThat(deleted.changed()).isEqualTo(CUSTOMERS);
            if (db.dialect().equals("postgres")) {
                // Refreshed after the last chunk committed, on the kit's statistics thread: the estimate becomes the
                // trash's true size.
                assertThat(settledEstimate(db, prefix + "trash_customer", CUSTOMERS)).isEqualTo(CUSTOMERS);
                assertThat(settledEstimate(db, prefix + "event", CUSTOMERS)).isEqualTo(CUSTOMERS);
            }

            RestoreResult restored = crm.trash().restore(ids);

            assertThat(restored.restored()).hasSize(CUSTOMERS);
            assertThat(restored.refused()).isEmpty();
            assertThat(crm.trash().count()).isZero();
            if (db.dialect().equals("postgres")) {
                // A deleted and a restored event per customer: the refresh at twice the first threshold.
                assertThat(settledEstimate(db, prefix + "event", 2 * CUSTOMERS)).isEqualTo(2 * CUSTOMERS);
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    private static void insertCustomers(TestDb db, String prefix, List<Long> ids) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "customer (tenant_id,"
                     + " id, name, gender, status, stage, created_at, created_by, updated_at, updated_by, version)"
                     + " VALUES (?, ?, ?, 'UNKNOWN', 'NEW', 'lead', ?, 'test', ?, 'test', 1)")) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            for (Long id : ids) {
                insert.setString(1, db.tenant());
                insert.setLong(2, id);
                insert.setString(3, "Customer " + id);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * @return the table's row estimate once it is the expected one, or as it is after 20 seconds (the refresh runs
     *         on a thread of its own)
     */
    private static double settledEstimate(TestDb db, String table, double expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        double estimate = rowEstimate(db, table);
        while (estimate != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            estimate = rowEstimate(db, table);
        }
        return estimate;
    }

    /** @return PostgreSQL's estimate of the table's rows, as its last ANALYZE left it (-1: never analyzed) */
    private static double rowEstimate(TestDb db, String table) {
        return Double.parseDouble(db.column("SELECT reltuples FROM pg_class WHERE relname = ?", table).get(0));
    }
}
