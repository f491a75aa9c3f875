package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
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
import java.util.Map;
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
 * An export holds at most {@code ExportService.MAX_ROWS} customers, so {@code size} must not pass it.
 * Single-threaded.
 */
public final class ExportBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 13;
    /** Largest acceptable ratio. */
    public static final double RATIO = 1.5;
    static final List<String> COLUMNS = List.of("id", "name", "nickname", "gender", "company", "city", "phones",
            "emails", "tags", "status", "stage", "createdAt");
    private static final int PAGE = 1000;

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
        String tenant = "export-" + System.nanoTime();
        List<String> lines = new ArrayList<>();
        Path file = directory.resolve("export.out");
        try {
            FilterData.load(pool, prefix, tenant, size, SEED, 1, 1, 2);
            Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
            for (FileFormat format : FileFormat.values()) {
                if (!format.canWrite()) {
                    continue;
                }
                HeapPeak.reset();
                long start = System.nanoTime();
                long rows;
                try (OutputStream out = Files.newOutputStream(file)) {
                    rows = crm.exports().run(ExportRequest.builder(format).columns(COLUMNS).build(), out);
                }
                long sdk = System.nanoTime() - start;
                long heap = HeapPeak.peakBytes();
                start = System.nanoTime();
                long baseline = baseline(tenant, format, file);
                long sql = System.nanoTime() - start;
                if (rows != size || baseline != size) {
                    throw new IllegalStateException("exported " + rows + ", baseline " + baseline + " of " + size);
                }
                double ratio = (double) sdk / sql;
                lines.add(String.format("  %-22s %8d [%s]  sdk %8.0f ms  sql %8.0f ms  ratio %5.2f  peak heap %4d MB"
                        + "  %s  sdk %,.0f rows/s", "export ." + format.extension(), size, database, sdk / 1e6,
                        sql / 1e6, ratio, heap >> 20, ratio <= RATIO ? "ok (<= " + RATIO + ")" : "FAIL (> " + RATIO
                        + ")", size / (sdk / 1e9)));
            }
            return lines;
        } finally {
            Files.deleteIfExists(file);
            if (!database.equals("h2")) { // H2's file is deleted at the next start, faster than its rows
                FilterData.delete(pool, prefix, tenant);
            }
        }
    }

    private long baseline(String tenant, FileFormat format, Path file) throws SQLException, IOException {
        long rows = 0;
        try (Connection connection = pool.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            Sink sink = format == FileFormat.XLSX ? new XlsxSink(out) : new CsvSink(out);
            sink.row(new ArrayList<>(COLUMNS));
            long lastId = Long.MIN_VALUE;
            while (true) {
                List<Object[]> page = customers(connection, tenant, lastId);
                if (page.isEmpty()) {
                    break;
                }
                List<Long> ids = page.stream().map(row -> (Long) row[0]).toList();
                long firstExcluded = lastId;
                lastId = ids.get(ids.size() - 1);
                Map<Long, List<String>> phones = new HashMap<>();
                Map<Long, List<String>> emails = new HashMap<>();
                Map<Long, List<String>> tags = new HashMap<>();
                children(connection, tenant, "SELECT customer_id, id_type, id_value FROM " + prefix + "identity WHERE"
                        + " tenant_id = ? AND id_type IN ('phone', 'email') AND customer_id", firstExcluded, lastId,
                        (id, type, value) ->
                        (type.equals("phone") ? phones : emails).computeIfAbsent(id, key -> new ArrayList<>()).add(value));
                children(connection, tenant, "SELECT customer_id, '', tag FROM " + prefix + "tag WHERE tenant_id = ?"
                        + " AND customer_id", firstExcluded, lastId, (id, type, value) ->
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

    private List<Object[]> customers(Connection connection, String tenant, long afterId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name, nickname, gender, company,"
                + " city, status, stage, created_at FROM " + prefix + "customer WHERE tenant_id = ? AND id > ?"
                + " ORDER BY tenant_id, id LIMIT " + PAGE)) {
            statement.setString(1, tenant);
            statement.setLong(2, afterId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {result.getLong(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                        result.getString(8), result.getTimestamp(9).toLocalDateTime()});
                }
            }
        }
        return rows;
    }

    private interface ChildRow {
        void accept(long customerId, String type, String value);
    }

    /** Reads the child rows of a page's customers by the page's id range, which every database reads by index. */
    private void children(Connection connection, String tenant, String sqlBeforeRange, long afterId, long lastId,
                          ChildRow each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sqlBeforeRange + " > ? AND customer_id <= ?")) {
            statement.setString(1, tenant);
            statement.setLong(2, afterId);
            statement.setLong(3, lastId);
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
