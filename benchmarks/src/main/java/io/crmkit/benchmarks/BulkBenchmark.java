package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.trash.RestoreResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Measures bulk operations on {@code size} customers (about 3 tags each, 60% with a phone, 2 custom values)
 * generated with plain JDBC into two tenants, one per side: edit all (company and stage), tag all ({@value
 * #TAG_RUNS} times, a new tag each time), delete all into the trash, restore all, delete all again (not timed) and
 * erase them from the trash for good,
 * through {@code crm.bulk()} / {@code crm.trash()} and as plain JDBC doing the same row changes in chunks of
 * 1000 ids per transaction, set-based: per chunk one {@code INSERT ... SELECT} and one {@code DELETE} per table
 * (the erase: one {@code DELETE} per table). Prints both times, their ratio and the peak heap; the restore and the
 * erase also print their ratio to the SDK's bulk delete, whose time is the limit they are held to
 * ({@link #RATIO_TO_DELETE}). On PostgreSQL the baseline's delete ends by refreshing the trash tables' statistics,
 * as the SDK's delete does on its way ({@code GrowingTables}; this machine's PostgreSQL runs without autovacuum),
 * so that both restores are planned on them. On H2 the baseline writes the ids
 * of its IN lists as literals, as the SDK does, since H2 scans the tenant's rows for an IN list of parameters.
 * Single-threaded.
 */
public final class BulkBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 7;
    /** Largest acceptable ratio of the tag operation; delete and restore allow {@link #RATIO_MOVE}. */
    public static final double RATIO_TAG = 2;
    /**
     * The edit has no target, its ratio is reported: the SDK reads each chunk's customers (rows, identities, tags,
     * custom values) to check the patch against each one as a single update would and to record what changed on the
     * timeline, where the baseline only writes.
     */
    public static final double REPORTED = Double.POSITIVE_INFINITY;
    /** How many times the tag operation runs, each time with a new tag. */
    public static final int TAG_RUNS = 5;
    /** Largest acceptable ratio of delete, restore and erase to their baselines. */
    public static final double RATIO_MOVE = 3;
    /** Largest acceptable ratio of the SDK's restore and erase to the SDK's bulk delete of the same customers. */
    public static final double RATIO_TO_DELETE = 1.5;

    private static final int CHUNK = 1000;
    private static final String EDITED_COMPANY = "Lotus Trading";
    private static final String EDITED_STAGE = "prospect";
    private static final String CUSTOMER_COLUMNS = "tenant_id, id, name, nickname, gender, birthday, company, country,"
            + " province, city, area, address_detail, remark, source, owner_id, status, stage, created_at, created_by,"
            + " updated_at, updated_by, version, avatar_url";
    private static final String[][] CHILDREN = {
        {"identity", "tenant_id, customer_id, id_type, id_value, ordinal, verified, created_at, match_key"},
        {"tag", "tenant_id, customer_id, tag, created_at"},
        {"custom_value", "tenant_id, customer_id, field_id, ordinal, text_value, number_value, bool_value,"
                + " date_value, time_value"},
        {"group_member", "tenant_id, customer_id, group_id, added_at"}};
    /** The trash tables, the children's first. */
    private static final String[] TRASH_TABLES = {"trash_identity", "trash_tag", "trash_custom_value",
        "trash_group_member", "trash_customer"};

    /** The tables whose rows a customer owns beyond its record, which an erase deletes, order lines first. */
    private static final String[][] OWNED = {
        {"order_line", "order_id IN (SELECT o.id FROM %1$scustomer_order o WHERE o.tenant_id = ? AND o.customer_id"},
        {"event", "customer_id"}, {"customer_order", "customer_id"}, {"task", "customer_id"},
        {"customer_link", "customer_id"}, {"customer_metric", "customer_id"}, {"customer_rating", "customer_id"}};

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;
    private boolean literalIds;
    private boolean postgres;
    /** The last id of an event the baseline wrote; far above the SDK's generated ids of this run. */
    private long eventIds = Long.MAX_VALUE / 2;

    public BulkBenchmark(DataSource pool, CrmKit kit) {
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
    }

    /** @return one line per operation: times, ratio, peak heap, verdict */
    public List<String> run(String database, int size) throws SQLException {
        literalIds = database.equals("h2");
        postgres = database.equals("postgres");
        String sdkTenant = "bulk-sdk-" + System.nanoTime();
        String sqlTenant = "bulk-sql-" + System.nanoTime();
        List<String> lines = new ArrayList<>();
        try {
            Crm crm = kit.as(Actor.of(sdkTenant, "bench", Permission.ALL));
            FilterData.load(pool, prefix, sdkTenant, size, SEED, 1, 1, 2);
            FilterData.load(pool, prefix, sqlTenant, size, SEED, 1, 1, 2);
            List<Long> ids = ids(sqlTenant);

            HeapPeak.reset();
            long start = System.nanoTime();
            BulkResult edited = crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                    .company(EDITED_COMPANY).stage(EDITED_STAGE).build()));
            long sdkEdit = System.nanoTime() - start;
            long editHeap = HeapPeak.peakBytes();
            start = System.nanoTime();
            editAll(sqlTenant, ids);
            long sqlEdit = System.nanoTime() - start;
            check(edited.changed() == size, "edited " + edited.changed() + ", failed " + edited.failed() + ", first issues "
                    + edited.issues().stream().limit(3).toList());
            lines.add(line(database, "bulk edit", size, sdkEdit, sqlEdit, editHeap, REPORTED));

            lines.addAll(tagRuns(crm, database, size, sqlTenant, ids));

            if (size > BulkService.MAX_DELETE) {
                lines.add(String.format("  %-22s %8d [%s]  skipped: a delete acts on at most %d customers",
                        "bulk delete, restore, erase", size, database, BulkService.MAX_DELETE));
                return lines;
            }
            HeapPeak.reset();
            start = System.nanoTime();
            DeletePreview preview = crm.bulk().previewDelete(Selection.all());
            BulkResult deleted = crm.bulk().run(Selection.all(), BulkOperation.delete(preview.token(), true,
                    "benchmark of a bulk delete"));
            long sdkDelete = System.nanoTime() - start;
            long deleteHeap = HeapPeak.peakBytes();
            start = System.nanoTime();
            moveAll(sqlTenant, ids, true);
            long sqlDelete = System.nanoTime() - start;
            check(deleted.changed() == size, "deleted " + deleted.changed());
            lines.add(line(database, "bulk delete to trash", size, sdkDelete, sqlDelete, deleteHeap, RATIO_MOVE));

            HeapPeak.reset();
            start = System.nanoTime();
            RestoreResult restored = crm.trash().restore(ids);
            long sdkRestore = System.nanoTime() - start;
            long restoreHeap = HeapPeak.peakBytes();
            start = System.nanoTime();
            moveAll(sqlTenant, ids, false);
            long sqlRestore = System.nanoTime() - start;
            check(restored.restored().size() == size, "restored " + restored.restored().size() + ", refused "
                    + restored.refused().size());
            lines.add(line(database, "restore from trash", size, sdkRestore, sqlRestore, restoreHeap, RATIO_MOVE)
                    + toDelete(sdkRestore, sdkDelete));

            // Both sides' customers go to the trash again, not timed, to be erased from it for good.
            DeletePreview again = crm.bulk().previewDelete(Selection.all());
            BulkResult deletedAgain = crm.bulk().run(Selection.all(), BulkOperation.delete(again.token(), true,
                    "benchmark of an erase from the trash"));
            check(deletedAgain.changed() == size, "deleted again " + deletedAgain.changed());
            moveAll(sqlTenant, ids, true);
            HeapPeak.reset();
            start = System.nanoTime();
            long erased = crm.trash().erase(ids);
            long sdkErase = System.nanoTime() - start;
            long eraseHeap = HeapPeak.peakBytes();
            start = System.nanoTime();
            eraseAll(sqlTenant, ids);
            long sqlErase = System.nanoTime() - start;
            check(erased == size, "erased " + erased);
            lines.add(line(database, "erase from trash", size, sdkErase, sqlErase, eraseHeap, RATIO_MOVE)
                    + toDelete(sdkErase, sdkDelete));
            return lines;
        } finally {
            for (String tenant : List.of(sdkTenant, sqlTenant)) {
                FilterData.delete(pool, prefix, tenant);
                try (Connection connection = pool.getConnection()) {
                    for (String table : List.of("trash_customer", "trash_identity", "trash_tag", "trash_custom_value",
                            "trash_group_member", "event", "job")) {
                        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + prefix + table
                                + " WHERE tenant_id = ?")) {
                            delete.setString(1, tenant);
                            delete.executeUpdate();
                        }
                    }
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                }
            }
        }
    }

    /**
     * Tags every customer {@value #TAG_RUNS} times, each time with a new tag, the SDK and the baseline taking turns,
     * and prints each run and the median and worst ratio: a single run on a shared machine is noise.
     */
    private List<String> tagRuns(Crm crm, String database, int size, String sqlTenant, List<Long> ids)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        double[] ratios = new double[TAG_RUNS];
        long peak = 0;
        for (int run = 0; run < TAG_RUNS; run++) {
            String tag = "campaign-" + run;
            HeapPeak.reset();
            long start = System.nanoTime();
            BulkResult tagged = crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of(tag)));
            long sdkTag = System.nanoTime() - start;
            peak = Math.max(peak, HeapPeak.peakBytes());
            start = System.nanoTime();
            tagAll(sqlTenant, ids, tag);
            long sqlTag = System.nanoTime() - start;
            check(tagged.changed() == size, "tagged " + tagged.changed());
            ratios[run] = (double) sdkTag / sqlTag;
            lines.add(line(database, "bulk tag, run " + (run + 1), size, sdkTag, sqlTag, HeapPeak.peakBytes(),
                    REPORTED));
        }
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[TAG_RUNS / 2];
        double worst = sorted[TAG_RUNS - 1];
        lines.add(String.format("  %-22s %8d [%s]  median ratio %5.2f  worst %5.2f  peak heap %4d MB  %s",
                "bulk tag, " + TAG_RUNS + " runs", size, database, median, worst, peak >> 20,
                worst <= RATIO_TAG ? "ok (every run <= " + RATIO_TAG + ")" : "FAIL (worst > " + RATIO_TAG + ")"));
        return lines;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("the SDK did not do the whole operation: " + what);
        }
    }

    private static String line(String database, String operation, int size, long sdk, long sql, long heap,
                               double target) {
        double ratio = (double) sdk / sql;
        return String.format("  %-22s %8d [%s]  sdk %8.0f ms  sql %8.0f ms  ratio %5.2f  peak heap %4d MB  %s",
                operation, size, database, sdk / 1e6, sql / 1e6, ratio, heap >> 20,
                Double.isInfinite(target) ? "reported" : ratio <= target ? "ok (<= " + target + ")"
                        : "FAIL (> " + target + ")");
    }

    /** @return the SDK's time to its bulk delete's: the ratio, the delete's time and the verdict against the target */
    private static String toDelete(long sdk, long sdkDelete) {
        double ratio = (double) sdk / sdkDelete;
        return String.format("  |  to sdk delete %8.0f ms: ratio %5.2f  %s", sdkDelete / 1e6, ratio,
                ratio <= RATIO_TO_DELETE ? "ok (<= " + RATIO_TO_DELETE + ")" : "FAIL (> " + RATIO_TO_DELETE + ")");
    }

    private List<Long> ids(String tenant) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM " + prefix + "customer WHERE"
                     + " tenant_id = ? ORDER BY id")) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Per chunk: one update of the edited columns, the versions and the update stamps. */
    private void editAll(String tenant, List<Long> ids) throws SQLException {
        LocalDateTime now = LocalDateTime.now();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (List<Long> chunk : chunks(ids)) {
                update(connection, "UPDATE " + prefix + "customer SET company = ?, stage = ?, version = version + 1,"
                        + " updated_at = ?, updated_by = 'bench' WHERE tenant_id = ? AND id",
                        List.of(EDITED_COMPANY, EDITED_STAGE, now, tenant), chunk);
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
    }

    /**
     * Per chunk: the rows the SDK writes, as hand-written SQL: the tag rows, the customers' versions, and one
     * timeline event per customer ({@code tag_added}, as the SDK records it).
     */
    private void tagAll(String tenant, List<Long> ids, String tag) throws SQLException {
        LocalDateTime now = LocalDateTime.now();
        String properties = "{\"tags\":[\"" + tag + "\"]}";
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (List<Long> chunk : chunks(ids)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "tag (tenant_id,"
                        + " customer_id, tag, created_at) VALUES (?, ?, ?, ?)")) {
                    for (Long id : chunk) {
                        insert.setString(1, tenant);
                        insert.setLong(2, id);
                        insert.setString(3, tag);
                        insert.setObject(4, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                update(connection, "UPDATE " + prefix + "customer SET version = version + 1, updated_at = ?,"
                        + " updated_by = 'bench' WHERE tenant_id = ? AND id", List.of(now, tenant), chunk);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "event"
                        + " (tenant_id, id, customer_id, event_type, occurred_at, source, properties, recorded_at,"
                        + " recorded_by) VALUES (?, ?, ?, 'tag_added', ?, 'crmkit', ?, ?, 'bench')")) {
                    for (Long id : chunk) {
                        insert.setString(1, tenant);
                        insert.setLong(2, ++eventIds);
                        insert.setLong(3, id);
                        insert.setObject(4, now);
                        insert.setString(5, properties);
                        insert.setObject(6, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
    }

    /** Per chunk: copy the rows to the other side's tables, delete them from this side's. */
    private void moveAll(String tenant, List<Long> ids, boolean toTrash) throws SQLException {
        String from = toTrash ? "" : "trash_";
        String to = toTrash ? "trash_" : "";
        LocalDateTime now = LocalDateTime.now();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (List<Long> chunk : chunks(ids)) {
                update(connection, "INSERT INTO " + prefix + to + "customer (" + CUSTOMER_COLUMNS
                        + (toTrash ? ", deleted_at, deleted_by, delete_reason" : "") + ") SELECT " + CUSTOMER_COLUMNS
                        + (toTrash ? ", ?, 'bench', 'benchmark'" : "") + " FROM " + prefix + from
                        + "customer WHERE tenant_id = ? AND id", toTrash ? List.of(now, tenant) : List.of(tenant), chunk);
                for (String[] child : CHILDREN) {
                    update(connection, "INSERT INTO " + prefix + to + child[0] + " (" + child[1] + ") SELECT "
                            + child[1] + " FROM " + prefix + from + child[0] + " WHERE tenant_id = ? AND customer_id",
                            List.of(tenant), chunk);
                    update(connection, "DELETE FROM " + prefix + from + child[0] + " WHERE tenant_id = ? AND"
                            + " customer_id", List.of(tenant), chunk);
                }
                update(connection, "DELETE FROM " + prefix + from + "customer WHERE tenant_id = ? AND id",
                        List.of(tenant), chunk);
                connection.commit();
            }
            connection.setAutoCommit(true);
            if (toTrash && postgres) {
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE " + Arrays.stream(TRASH_TABLES).map(table -> prefix + table)
                            .collect(Collectors.joining(", ")));
                }
            }
        }
    }

    /** Per chunk: delete the rows the customers own (events, orders with their lines, tasks, links, metrics), then
     * their trash rows. */
    private void eraseAll(String tenant, List<Long> ids) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (List<Long> chunk : chunks(ids)) {
                for (String[] owned : OWNED) {
                    boolean lines = owned[0].equals("order_line");
                    update(connection, "DELETE FROM " + prefix + owned[0] + " WHERE tenant_id = ? AND "
                            + String.format(owned[1], prefix), lines ? List.of(tenant, tenant) : List.of(tenant),
                            chunk, lines ? ")" : "");
                }
                for (String table : TRASH_TABLES) {
                    update(connection, "DELETE FROM " + prefix + table + " WHERE tenant_id = ? AND "
                            + (table.equals("trash_customer") ? "id" : "customer_id"), List.of(tenant), chunk);
                }
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
    }

    private int update(Connection connection, String sqlBeforeIn, List<Object> values, List<Long> ids)
            throws SQLException {
        return update(connection, sqlBeforeIn, values, ids, "");
    }

    private int update(Connection connection, String sqlBeforeIn, List<Object> values, List<Long> ids,
                       String sqlAfterIn) throws SQLException {
        String list = literalIds ? ids.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(sqlBeforeIn + " IN (" + list + ")"
                + sqlAfterIn)) {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            if (!literalIds) {
                for (Long id : ids) {
                    statement.setLong(index++, id);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            chunks.add(ids.subList(start, Math.min(start + CHUNK, ids.size())));
        }
        return chunks;
    }
}
