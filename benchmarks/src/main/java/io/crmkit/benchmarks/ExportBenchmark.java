package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Exports {@code size} generated customers (the filter benchmark's data) with 12 columns to .xlsx and to CSV
 * through {@code crm.exports()}, beside the baseline: plain JDBC reading pages of 1000 customers by id (the
 * customer row, its phones and emails, its tags) and POI's streaming writer (compressed temporary files, as the
 * SDK's) or a buffered CSV writer. The baseline reads a page's phones, emails and tags by the page's id range. Prints
 * both times, their ratio, the peak heap and the SDK's rows per second (the scale curve compares it across sizes).
 *
 * <p>With {@code cities} under {@value FilterData#CITIES}, both sides export only the customers of the first
 * {@code cities} cities (a filter {@code city in (...)}, about 2% of the customers per city): the way to measure a
 * tenant larger than an export may hold ({@code ExportService.MAX_ROWS} customers; an .xlsx sheet holds 1,048,575
 * rows), such as 10,000,000 customers with 5 cities. The baseline then reads the page's child rows by the page's
 * ids. The customers exported must not pass {@code ExportService.MAX_ROWS}. Without that filter, a last case exports
 * to CSV the customers of a keyword few hold ({@link #keywordExport}). Single-threaded.
 */
public final class ExportBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 13;
    /** Largest acceptable ratio. */
    public static final double RATIO = 1.5;
    static final List<String> COLUMNS = List.of("id", "name", "nickname", "gender", "company", "city", "phones",
            "emails", "tags", "status", "stage", "createdAt");
    private static final int PAGE = 1000;
    /**
     * Most customers the run deletes again at its end; a larger tenant (deleting 10,000,000 customers takes longer
     * than the run) is left in place, under a name of its size, and the next run of that size exports it again.
     */
    static final int DELETE_AT_END_MAX = 1_000_000;

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;
    private final Path directory;

    public ExportBenchmark(DataSource pool, CrmKit kit, Path directory) {
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
        this.directory = directory;
    }

    /** @return one line per format: times, ratio, peak heap, verdict */
    public List<String> run(String database, int size) throws Exception {
        return run(database, size, FilterData.CITIES, 1);
    }

    /** @return the middle value (of an even count, the upper of the two) */
    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * @param size   customers generated
     * @param cities how many of the {@value FilterData#CITIES} cities' customers are exported: all of them, or a
     *               filter {@code city in (...)}
     * @param rounds how many times each side exports each format, taking turns; the line shows the medians, their
     *               ratio and the worst round's ratio
     * @return one line per format: times, ratio, peak heap, verdict
     */
    public List<String> run(String database, int size, int cities, int rounds) throws Exception {
        if (cities < 1 || cities > FilterData.CITIES) {
            throw new IllegalArgumentException("cities: must be 1 to " + FilterData.CITIES + ", got " + cities);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be at least 1, got " + rounds);
        }
        String tenant = size > DELETE_AT_END_MAX ? "export-" + size : "export-" + System.nanoTime();
        List<String> lines = new ArrayList<>();
        Path file = directory.resolve("export.out");
        List<String> exported = cities == FilterData.CITIES ? List.of()
                : IntStream.range(0, cities).mapToObj(FilterData::city).toList();
        try {
            if (!leftInPlace(tenant, size)) {
                FilterData.load(pool, prefix, tenant, size, SEED, 1, 1, 2);
            }
            long expected = exported.isEmpty() ? size : count(tenant, exported);
            Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
            for (FileFormat format : FileFormat.values()) {
                if (!format.canWrite()) {
                    continue;
                }
                ExportRequest.Builder request = ExportRequest.builder(format).columns(COLUMNS);
                if (!exported.isEmpty()) {
                    request.filter(Filter.in("city", exported));
                }
                long[] sdk = new long[rounds];
                long[] sql = new long[rounds];
                long heap = 0;
                long rows = 0;
                for (int round = 0; round < rounds; round++) { // the sides take turns, round after round
                    HeapPeak.reset();
                    long start = System.nanoTime();
                    try (OutputStream out = Files.newOutputStream(file)) {
                        rows = crm.exports().run(request.build(), out);
                    }
                    sdk[round] = System.nanoTime() - start;
                    heap = Math.max(heap, HeapPeak.peakBytes());
                    start = System.nanoTime();
                    long baseline = baseline(database, tenant, exported, null, format, file);
                    sql[round] = System.nanoTime() - start;
                    if (rows != expected || baseline != expected) {
                        throw new IllegalStateException("exported " + rows + ", baseline " + baseline + " of "
                                + expected);
                    }
                }
                double worst = IntStream.range(0, rounds).mapToDouble(round -> (double) sdk[round] / sql[round])
                        .max().orElseThrow();
                double ratio = (double) median(sdk) / median(sql);
                lines.add(String.format("  %-22s %8d [%s]  sdk %8.0f ms  sql %8.0f ms  ratio %5.2f  peak heap %4d MB"
                        + "  %s  sdk %,.0f rows/s%s%s", "export ." + format.extension(), size, database,
                        median(sdk) / 1e6, median(sql) / 1e6, ratio, heap >> 20, ratio <= RATIO ? "ok (<= " + RATIO
                        + ")" : "FAIL (> " + RATIO + ")", rows / (median(sdk) / 1e9), rounds == 1 ? ""
                        : String.format("  (medians of %d rounds, worst round's ratio %.2f)", rounds, worst),
                        exported.isEmpty() ? "" : String.format("  (%d customers of %d cities exported)", rows,
                                cities)));
            }
            if (exported.isEmpty()) {
                lines.add(keywordExport(database, crm, tenant, size, file));
            }
            return lines;
        } finally {
            Files.deleteIfExists(file);
            if (size > DELETE_AT_END_MAX) {
                lines.add(String.format("  (the %d customers of tenant %s are left in %scustomer and its tables:"
                        + " the next run of this size uses them again; truncate the %s tables when done)", size,
                        tenant, prefix, prefix));
            } else if (!database.equals("h2")) { // H2's file is deleted at the next start, faster than its rows
                FilterData.delete(pool, prefix, tenant);
            }
        }
    }

    /**
     * The export of a keyword few customers hold, the generated customers' rare name ({@value FilterData#RARE_NAME},
     * 1 in {@value FilterData#RARE_EVERY}), to .csv. The baseline finds the keyword's customers as an expert would
     * on each database, then writes them as the other baselines do: on PostgreSQL by the trigram indexes (the
     * customer's text joined by U+001F, LIKE; the e-mails and external ids, LIKE), on MariaDB by the FULLTEXT indexes
     * of migration V22 (each match checked with LIKE), on H2 by reading the tenant.
     */
    private String keywordExport(String database, Crm crm, String tenant, int size, Path file) throws Exception {
        String keyword = FilterData.RARE_NAME.toLowerCase(Locale.ROOT);
        HeapPeak.reset();
        long start = System.nanoTime();
        long rows;
        try (OutputStream out = Files.newOutputStream(file)) {
            rows = crm.exports().run(ExportRequest.builder(FileFormat.CSV).columns(COLUMNS).keyword(keyword).build(),
                    out);
        }
        long sdk = System.nanoTime() - start;
        long heap = HeapPeak.peakBytes();
        start = System.nanoTime();
        long baseline = baseline(database, tenant, List.of(), keywordIds(database, tenant, keyword), FileFormat.CSV,
                file);
        long sql = System.nanoTime() - start;
        long expected = (size + FilterData.RARE_EVERY - 12) / FilterData.RARE_EVERY;
        if (rows != expected || baseline != expected) {
            throw new IllegalStateException("exported " + rows + " of keyword '" + keyword + "', baseline " + baseline
                    + " of " + expected);
        }
        return String.format("  %-22s %8d [%s]  sdk %8.1f ms  sql %8.1f ms  ratio %5.2f  peak heap %4d MB  reported"
                + "  (%d customers of the keyword '%s')", "export .csv, rare name", size, database, sdk / 1e6,
                sql / 1e6, (double) sdk / sql, heap >> 20, rows, keyword);
    }

    /** @return in ascending order, the ids of the tenant's customers whose text, e-mails or external ids hold it */
    private List<Long> keywordIds(String database, String tenant, String keyword) throws SQLException {
        String pattern = "%" + keyword + "%";
        String identities = " UNION SELECT i.customer_id FROM " + prefix + "identity i WHERE i.tenant_id = ?";
        String identityHolds = " AND i.id_type IN ('email', 'external_id') AND LOWER(i.id_value) LIKE ?";
        String columnsHold = FilterBenchmark.KEYWORD_COLUMNS.stream().map(column -> "LOWER(c." + column + ") LIKE ?")
                .collect(Collectors.joining(" OR "));
        String sql;
        List<Object> values = new ArrayList<>();
        switch (database) {
            case "postgres" -> {
                sql = "SELECT c.id FROM " + prefix + "customer c WHERE c.tenant_id = ? AND LOWER("
                        + FilterBenchmark.KEYWORD_COLUMNS.stream().map(column -> "c." + column)
                        .collect(Collectors.joining(" || E'\\x1F' || ")) + ") LIKE ?" + identities + identityHolds;
                values.addAll(List.of(tenant, pattern, tenant, pattern));
            }
            case "mariadb" -> {
                String words = FilterBenchmark.fullTextWords(keyword);
                sql = "SELECT c.id FROM " + prefix + "customer c WHERE c.tenant_id = ? AND MATCH(c.search_grams)"
                        + " AGAINST(? IN BOOLEAN MODE) AND (" + columnsHold + ")" + identities
                        + " AND MATCH(i.search_grams) AGAINST(? IN BOOLEAN MODE)" + identityHolds;
                values.addAll(List.of(tenant, words));
                FilterBenchmark.KEYWORD_COLUMNS.forEach(column -> values.add(pattern));
                values.addAll(List.of(tenant, words, pattern));
            }
            default -> {
                sql = "SELECT c.id FROM " + prefix + "customer c WHERE c.tenant_id = ? AND (" + columnsHold + ")"
                        + identities + identityHolds;
                values.add(tenant);
                FilterBenchmark.KEYWORD_COLUMNS.forEach(column -> values.add(pattern));
                values.addAll(List.of(tenant, pattern));
            }
        }
        List<Long> ids = new ArrayList<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        Collections.sort(ids);
        return ids;
    }

    /**
     * @return whether an earlier run of this size left the tenant's customers whole (loading 10,000,000 takes about
     *         25 minutes); deletes what a run stopped while loading left
     */
    private boolean leftInPlace(String tenant, int size) throws SQLException {
        if (size <= DELETE_AT_END_MAX) {
            return false;
        }
        long customers;
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + prefix + "customer"
                     + " WHERE tenant_id = ?")) {
            statement.setString(1, tenant);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                customers = result.getLong(1);
            }
        }
        if (customers != size && customers > 0) {
            FilterData.delete(pool, prefix, tenant);
        }
        return customers == size;
    }

    /** @return the tenant's customers in the cities */
    private long count(String tenant, List<String> cities) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + prefix + "customer"
                     + " WHERE tenant_id = ? AND city IN " + marks(cities.size()))) {
            statement.setString(1, tenant);
            for (int i = 0; i < cities.size(); i++) {
                statement.setString(i + 2, cities.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String marks(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * @param database h2, postgres or mariadb
     * @param ids      the customers to write, in ascending order, or null for those of the cities (all of them when
     *                 {@code cities} is empty)
     */
    private long baseline(String database, String tenant, List<String> cities, List<Long> ids, FileFormat format, Path file)
            throws SQLException, IOException {
        long rows = 0;
        try (Connection connection = pool.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            Sink sink = format == FileFormat.XLSX ? new XlsxSink(out) : new CsvSink(out);
            sink.row(new ArrayList<>(COLUMNS));
            long lastId = Long.MIN_VALUE;
            boolean range = cities.isEmpty() && ids == null;
            for (int from = 0; ; from += PAGE) {
                List<Object[]> page = ids == null ? customers(connection, database, tenant, cities, lastId)
                        : from >= ids.size() ? List.of()
                        : customers(connection, tenant, ids.subList(from, Math.min(from + PAGE, ids.size())));
                if (page.isEmpty()) {
                    break;
                }
                List<Long> pageIds = page.stream().map(row -> (Long) row[0]).toList();
                long firstExcluded = lastId;
                lastId = pageIds.get(pageIds.size() - 1);
                Map<Long, List<String>> phones = new HashMap<>();
                Map<Long, List<String>> emails = new HashMap<>();
                Map<Long, List<String>> tags = new HashMap<>();
                children(connection, tenant, range, "SELECT x.customer_id, x.id_type, x.id_value FROM " + prefix
                        + "identity x", "x.id_type IN ('phone', 'email')", firstExcluded, lastId, pageIds,
                        (id, type, value) ->
                        (type.equals("phone") ? phones : emails).computeIfAbsent(id, key -> new ArrayList<>()).add(value));
                children(connection, tenant, range, "SELECT x.customer_id, '', x.tag FROM " + prefix + "tag x", "1 = 1",
                        firstExcluded, lastId, pageIds, (id, type, value) ->
                        tags.computeIfAbsent(id, key -> new ArrayList<>()).add(value));
                for (Object[] customer : page) {
                    Long id = (Long) customer[0];
                    List<Object> cells = new ArrayList<>(List.of(customer).subList(0, 6));
                    cells.add(String.join("; ", phones.getOrDefault(id, List.of())));
                    cells.add(String.join("; ", emails.getOrDefault(id, List.of())));
                    List<String> sorted = new ArrayList<>(tags.getOrDefault(id, List.of()));
                    Collections.sort(sorted);
                    cells.add(String.join("; ", sorted));
                    cells.addAll(List.of(customer).subList(6, 9));
                    sink.row(cells);
                    rows++;
                }
            }
            sink.close();
        }
        return rows;
    }

    /**
     * @return the next page of the tenant's customers (of the cities) after {@code afterId}, read in key order: on
     *         MariaDB ordered by {@code id} alone, as an expert writes it there (with the tenant in the ORDER BY,
     *         compared in the connection's collation, MariaDB sorts the tenant's rows for every page)
     */
    private List<Object[]> customers(Connection connection, String database, String tenant, List<String> cities,
                                     long afterId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name, nickname, gender, company,"
                + " city, status, stage, created_at FROM " + prefix + "customer WHERE tenant_id = ? AND id > ?"
                + (cities.isEmpty() ? "" : " AND city IN " + marks(cities.size())) + " ORDER BY "
                + (database.equals("mariadb") ? "" : "tenant_id, ") + "id LIMIT "
                + PAGE)) {
            statement.setString(1, tenant);
            statement.setLong(2, afterId);
            for (int i = 0; i < cities.size(); i++) {
                statement.setString(i + 3, cities.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
        }
        return rows;
    }

    /** @return the customers of these ids, in id order */
    private List<Object[]> customers(Connection connection, String tenant, List<Long> ids) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name, nickname, gender, company,"
                + " city, status, stage, created_at FROM " + prefix + "customer WHERE tenant_id = ? AND id IN "
                + marks(ids.size()) + " ORDER BY id")) {
            statement.setString(1, tenant);
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 2, ids.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
        }
        return rows;
    }

    private static Object[] row(ResultSet result) throws SQLException {
        return new Object[] {result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
            result.getString(5), result.getString(6), result.getString(7), result.getString(8),
            result.getTimestamp(9).toLocalDateTime()};
    }

    private interface ChildRow {
        void accept(long customerId, String type, String value);
    }

    /**
     * Reads the child rows (table alias {@code x}) of a page's customers: by the page's id range, which every
     * database reads by index, when the page holds every customer of the range; by the page's ids when a filter left
     * some out.
     */
    private void children(Connection connection, String tenant, boolean range, String select, String condition,
                          long afterId, long lastId, List<Long> ids, ChildRow each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(select + " WHERE x.tenant_id = ? AND "
                + condition + (range ? " AND x.customer_id > ? AND x.customer_id <= ?" : " AND x.customer_id IN "
                + marks(ids.size())))) {
            statement.setString(1, tenant);
            if (range) {
                statement.setLong(2, afterId);
                statement.setLong(3, lastId);
            } else {
                for (int i = 0; i < ids.size(); i++) {
                    statement.setLong(i + 2, ids.get(i));
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    each.accept(result.getLong(1), result.getString(2), result.getString(3));
                }
            }
        }
    }

    private interface Sink {
        void row(List<Object> cells) throws IOException;

        void close() throws IOException;
    }

    /** POI's streaming writer, with the SDK's settings: a window of 100 rows, compressed temporary files. */
    private static final class XlsxSink implements Sink {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true);
        private final SXSSFSheet sheet = workbook.createSheet("Customers");
        private int next;

        XlsxSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void row(List<Object> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value instanceof Long number) {
                    row.createCell(i).setCellValue(number);
                } else {
                    row.createCell(i).setCellValue(String.valueOf(value));
                }
            }
        }

        @Override
        public void close() throws IOException {
            workbook.write(out);
            workbook.dispose();
            workbook.close();
        }
    }

    /** A buffered UTF-8 CSV writer, quoting as RFC 4180 says. */
    private static final class CsvSink implements Sink {
        private final BufferedWriter writer;

        CsvSink(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void row(List<Object> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                String text = String.valueOf(cells.get(i));
                if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
                    writer.write('"' + text.replace("\"", "\"\"") + '"');
                } else {
                    writer.write(text);
                }
            }
            writer.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }
}
