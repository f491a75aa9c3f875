package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Imports a generated .xlsx of {@code rows} rows (12 columns; a fifth stand for existing customers, matched by
 * phone or email; 2% invalid) through {@code crm.imports()}, beside the baseline: POI's event API parsing the same
 * file and plain JDBC batches inserting each row as a customer with its identities, tags and timeline event
 * ({@code customer_created}, as the SDK records for each customer it creates), 500 rows per transaction, into
 * another tenant; and beside the limit baseline ({@link ImportLimit}: the same parse and PostgreSQL {@code COPY},
 * or multi-row INSERTs elsewhere), whose ratio has the targets {@value #LIMIT_RATIO_POSTGRES} on PostgreSQL and
 * {@value #LIMIT_RATIO_MARIADB} on MariaDB (H2 reported). Off PostgreSQL the limit is the faster of the multi-row
 * INSERTs and the driver's batches (MariaDB Connector/J 3 sends a batch in bulk, and that measured faster). Before
 * each side runs, PostgreSQL's tables are vacuumed, so that no side pays for the dead rows of an earlier one (this
 * machine's PostgreSQL runs without autovacuum). Prints the times, the ratios and the peak heap of the SDK's import.
 * The baselines are single-threaded.
 */
public final class ImportBenchmark {

    /** Seed of the generated file. */
    public static final long SEED = 11;
    /** Largest acceptable ratio. */
    public static final double RATIO = 2.5;
    /** Largest acceptable ratio to the limit baseline ({@link ImportLimit}) on PostgreSQL. */
    public static final double LIMIT_RATIO_POSTGRES = 2.0;
    /** Largest acceptable ratio to the limit baseline ({@link ImportLimit}) on MariaDB. */
    public static final double LIMIT_RATIO_MARIADB = 2.5;
    private static final int BATCH = 500;

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;
    private final Path directory;

    public ImportBenchmark(DataSource pool, CrmKit kit, Path directory) {
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
        this.directory = directory;
    }

    /** @return the line of the import: times, ratio, peak heap, verdict */
    public String run(String database, int rows) throws Exception {
        String sdkTenant = "import-sdk-" + System.nanoTime();
        String sqlTenant = "import-sql-" + System.nanoTime();
        String limitTenant = "import-limit-" + System.nanoTime();
        Path file = directory.resolve("import-" + rows + ".xlsx");
        try {
            ImportFileGenerator.write(file, rows, SEED);
            ImportFileGenerator.existingCustomers(pool, prefix, sdkTenant, ImportFileGenerator.existing(rows),
                    9_000_000_000L);
            Crm crm = kit.as(Actor.of(sdkTenant, "bench", Permission.ALL));
            settle(database);

            HeapPeak.reset();
            long start = System.nanoTime();
            ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());
            long sdk = System.nanoTime() - start;
            long heap = HeapPeak.peakBytes();
            settle(database);
            start = System.nanoTime();
            long inserted = baseline(file, sqlTenant);
            long sql = System.nanoTime() - start;
            settle(database);
            start = System.nanoTime();
            long loaded = ImportLimit.load(pool, prefix, file, limitTenant, database.equals("postgres"));
            long limit = System.nanoTime() - start;
            boolean copy = database.equals("postgres");
            if (!copy) {
                limit = Math.min(limit, sql);
            }
            long invalid = java.util.stream.IntStream.range(0, rows).filter(ImportFileGenerator::invalid).count();
            if (result.updated() + result.unchanged() != ImportFileGenerator.existing(rows)
                    || result.failed() != invalid || inserted != rows || loaded != rows) {
                throw new IllegalStateException("unexpected import outcome: " + result.created() + " created, "
                        + result.updated() + " updated, " + result.unchanged() + " unchanged, " + result.failed()
                        + " failed (" + result.failures().stream().limit(3).toList() + "), baseline " + inserted
                        + ", limit " + loaded);
            }
            double ratio = (double) sdk / sql;
            double limitRatio = (double) sdk / limit;
            double target = limitRatio(database);
            return String.format("  %-22s %8d [%s]  sdk %8.0f ms  sql %8.0f ms  ratio %5.2f  %s  limit (%s) %8.0f ms"
                    + "  ratio %5.2f  %s  peak heap %4d MB",
                    "import .xlsx", rows, database, sdk / 1e6, sql / 1e6, ratio,
                    ratio <= RATIO ? "ok (<= " + RATIO + ")" : "FAIL (> " + RATIO + ")",
                    copy ? "POI + COPY" : "POI + multi-row INSERT or batch", limit / 1e6, limitRatio,
                    target == 0 ? "reported" : limitRatio <= target ? "ok (<= " + target + ")"
                            : "FAIL (> " + target + ")", heap >> 20);
        } finally {
            Files.deleteIfExists(file);
            if (!database.equals("h2")) { // H2's file is deleted at the next start, faster than its rows
                FilterData.delete(pool, prefix, sdkTenant);
                FilterData.delete(pool, prefix, sqlTenant);
                FilterData.delete(pool, prefix, limitTenant);
                deleteEvents(sdkTenant, sqlTenant, limitTenant);
            }
        }
    }

    /** @return the largest acceptable ratio to the limit baseline on the database, 0 where it is only reported */
    static double limitRatio(String database) {
        return switch (database) {
            case "postgres" -> LIMIT_RATIO_POSTGRES;
            case "mariadb" -> LIMIT_RATIO_MARIADB;
            default -> 0;
        };
    }

    /**
     * On PostgreSQL, vacuums the tables an import writes, as autovacuum would between two imports (this machine's
     * PostgreSQL runs without it), so that each side starts on tables without an earlier side's dead rows.
     */
    private void settle(String database) throws SQLException {
        if (!database.equals("postgres")) {
            return;
        }
        try (Connection connection = pool.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            for (String table : List.of("customer", "identity", "tag", "event", "audit", "import_failure")) {
                statement.execute("VACUUM (ANALYZE) " + prefix + table);
            }
        }
    }

    /** Deletes the tenants' timeline events and import failures, which {@code FilterData.delete} leaves. */
    private void deleteEvents(String... tenants) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            for (String table : List.of("event", "import_failure")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + prefix + table
                        + " WHERE tenant_id = ?")) {
                    for (String tenant : tenants) {
                        delete.setString(1, tenant);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    /** Parses the file with POI's event API and inserts every row with plain JDBC batches. */
    private long baseline(Path file, String tenant) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             Connection connection = pool.getConnection();
             RowInserter inserter = new RowInserter(connection, tenant)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            XMLReader xml = factory.newSAXParser().getXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, inserter, false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                xml.parse(new InputSource(sheet));
            }
            inserter.flush();
            return inserter.rows;
        }
    }

    /** Collects each parsed row's cells and inserts it; commits every {@value #BATCH} rows. */
    private final class RowInserter implements XSSFSheetXMLHandler.SheetContentsHandler, AutoCloseable {
        private final Connection connection;
        private final String tenant;
        private final PreparedStatement customer;
        private final PreparedStatement identity;
        private final PreparedStatement tag;
        private final PreparedStatement event;
        private final LocalDateTime now = LocalDateTime.now();
        private final String[] cells = new String[ImportFileGenerator.HEADER.size()];
        private long nextId = 8_000_000_000L;
        private long rows;
        private int pending;

        RowInserter(Connection connection, String tenant) throws SQLException {
            this.connection = connection;
            this.tenant = tenant;
            connection.setAutoCommit(false);
            customer = connection.prepareStatement("INSERT INTO " + prefix + "customer (tenant_id, id, name, nickname,"
                    + " gender, birthday, company, country, province, city, area, address_detail, remark, source,"
                    + " status, stage, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?,"
                    + " ?, ?, '', '', ?, '', '', ?, ?, 'NEW', 'lead', ?, 'bench', ?, 'bench', 1)");
            identity = connection.prepareStatement("INSERT INTO " + prefix + "identity (tenant_id, id_type, id_value,"
                    + " customer_id, ordinal, verified, created_at) VALUES (?, ?, ?, ?, 0, FALSE, ?)");
            tag = connection.prepareStatement("INSERT INTO " + prefix + "tag (tenant_id, customer_id, tag, created_at)"
                    + " VALUES (?, ?, ?, ?)");
            event = connection.prepareStatement("INSERT INTO " + prefix + "event (tenant_id, id, customer_id,"
                    + " event_type, occurred_at, source, properties, recorded_at, recorded_by) VALUES (?, ?, ?,"
                    + " 'customer_created', ?, 'crmkit', '" + ImportLimit.CREATED_PROPERTIES + "', ?, 'bench')");
        }

        @Override
        public void startRow(int rowNum) {
            java.util.Arrays.fill(cells, "");
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            if (column < cells.length) {
                cells[column] = value;
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (rowNum == 0) {
                return;
            }
            try {
                insert();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void insert() throws SQLException {
            long id = nextId++;
            customer.setString(1, tenant);
            customer.setLong(2, id);
            customer.setString(3, cells[0]);
            customer.setString(4, cells[1]);
            customer.setString(5, cells[2].toUpperCase(java.util.Locale.ROOT));
            customer.setObject(6, LocalDate.parse(cells[3]));
            customer.setString(7, cells[4]);
            customer.setString(8, cells[5]);
            customer.setString(9, cells[9]);
            customer.setString(10, cells[11]);
            customer.setObject(11, now);
            customer.setObject(12, now);
            customer.addBatch();
            identity(id, "phone", cells[6]);
            identity(id, "email", cells[7]);
            identity(id, "external_id", cells[8]);
            List<String> tags = new ArrayList<>();
            for (String name : cells[10].split(";")) {
                if (!name.isBlank() && !tags.contains(name.strip())) {
                    tags.add(name.strip());
                    tag.setString(1, tenant);
                    tag.setLong(2, id);
                    tag.setString(3, name.strip());
                    tag.setObject(4, now);
                    tag.addBatch();
                }
            }
            event.setString(1, tenant);
            event.setLong(2, id);
            event.setLong(3, id);
            event.setObject(4, now);
            event.setObject(5, now);
            event.addBatch();
            rows++;
            if (++pending == BATCH) {
                flush();
            }
        }

        private void identity(long id, String type, String value) throws SQLException {
            if (!value.isEmpty()) {
                identity.setString(1, tenant);
                identity.setString(2, type);
                identity.setString(3, value);
                identity.setLong(4, id);
                identity.setObject(5, now);
                identity.addBatch();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                customer.executeBatch();
                identity.executeBatch();
                tag.executeBatch();
                event.executeBatch();
                connection.commit();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            customer.close();
            identity.close();
            tag.close();
            event.close();
            connection.setAutoCommit(true);
        }
    }
}
