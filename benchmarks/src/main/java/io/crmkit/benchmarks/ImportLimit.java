package io.crmkit.benchmarks;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The import benchmark's limit baseline: what the machine allows for loading the file's rows, with nothing but the
 * parse and the fastest bulk load the database offers. POI's event API parses the file (shared strings read-only,
 * no styles kept) and every row becomes a customer with its identities, tags and timeline event (the
 * {@code customer_created} event the SDK records for each customer it creates), {@value #CHUNK} rows per
 * transaction: on PostgreSQL through pgjdbc's {@code CopyManager} ({@code COPY ... FROM STDIN}, text format, one
 * COPY per table per chunk), elsewhere (MariaDB, H2) through multi-row {@code INSERT ... VALUES (...), (...)} of
 * {@value #ROWS_PER_INSERT} rows, which is the statement MariaDB Connector/J 2's {@code rewriteBatchedStatements}
 * produced (Connector/J 3 dropped the option, so the rewrite is written out here). No validation, matching,
 * audit or job bookkeeping: every row is inserted as a new customer. Single-threaded.
 */
final class ImportLimit {

    /** Rows per transaction. */
    static final int CHUNK = 5_000;
    /** Rows per multi-row INSERT where COPY is not available. */
    static final int ROWS_PER_INSERT = 500;

    private static final String CUSTOMER_COLUMNS = "tenant_id, id, name, nickname, gender, birthday, company, country,"
            + " province, city, area, address_detail, remark, source, status, stage, created_at, created_by,"
            + " updated_at, updated_by, version";
    private static final int CUSTOMER_WIDTH = 21;
    private static final String IDENTITY_COLUMNS = "tenant_id, id_type, id_value, customer_id, ordinal, verified,"
            + " created_at";
    private static final int IDENTITY_WIDTH = 7;
    private static final String TAG_COLUMNS = "tenant_id, customer_id, tag, created_at";
    private static final int TAG_WIDTH = 4;
    private static final String EVENT_COLUMNS = "tenant_id, id, customer_id, event_type, occurred_at, source,"
            + " properties, recorded_at, recorded_by";
    private static final int EVENT_WIDTH = 9;
    /** The properties of the SDK's {@code customer_created} event of an imported customer. */
    static final String CREATED_PROPERTIES = "{\"via\":\"import\"}";

    private ImportLimit() {
    }

    /** @return how many rows were inserted */
    static long load(DataSource pool, String prefix, Path file, String tenant, boolean copy) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Loader loader = copy ? new CopyLoader(connection, prefix) : new InsertLoader(connection, prefix);
                Rows rows = new Rows(loader, tenant);
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                XMLReader xml = factory.newSAXParser().getXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, false));
                try (InputStream sheet = reader.getSheetsData().next()) {
                    xml.parse(new InputSource(sheet));
                }
                rows.flush();
                return rows.count;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** One parsed data row, as the baseline stores it. */
    private record Row(long id, String[] customer, List<String[]> identities, List<String> tags) {
    }

    /** Writes a chunk of rows in the open transaction. */
    private interface Loader {
        void write(String tenant, List<Row> rows, LocalDateTime now) throws SQLException;
    }

    /** Collects each parsed row's cells and loads every {@value #CHUNK} rows in one transaction. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Loader loader;
        private final String tenant;
        private final LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        private final String[] cells = new String[ImportFileGenerator.HEADER.size()];
        private final List<Row> chunk = new ArrayList<>(CHUNK);
        private long nextId = 7_000_000_000L;
        private long count;

        Rows(Loader loader, String tenant) {
            this.loader = loader;
            this.tenant = tenant;
        }

        @Override
        public void startRow(int rowNum) {
            java.util.Arrays.fill(cells, "");
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + reference.charAt(i) - 'A' + 1;
            }
            if (column - 1 < cells.length) {
                cells[column - 1] = value;
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (rowNum == 0) {
                return;
            }
            long id = nextId++;
            String[] customer = {cells[0], cells[1], cells[2].toUpperCase(Locale.ROOT), cells[3], cells[4],
                cells[5], cells[9], cells[11]};
            List<String[]> identities = new ArrayList<>(3);
            identity(identities, "phone", cells[6]);
            identity(identities, "email", cells[7]);
            identity(identities, "external_id", cells[8]);
            List<String> tags = new ArrayList<>(2);
            for (String name : cells[10].split(";")) {
                String tag = name.strip();
                if (!tag.isEmpty() && !tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            chunk.add(new Row(id, customer, identities, tags));
            count++;
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        private static void identity(List<String[]> identities, String type, String value) {
            if (!value.isEmpty()) {
                identities.add(new String[] {type, value});
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                loader.write(tenant, chunk, now);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            chunk.clear();
        }
    }

    /** PostgreSQL: {@code COPY ... FROM STDIN} (text format) per table per chunk, then a commit. */
    private static final class CopyLoader implements Loader {
        private final Connection connection;
        private final CopyManager copy;
        private final String prefix;

        CopyLoader(Connection connection, String prefix) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.prefix = prefix;
        }

        @Override
        public void write(String tenant, List<Row> rows, LocalDateTime now) throws SQLException {
            String at = now.toString();
            StringBuilder customers = new StringBuilder(rows.size() * 256);
            StringBuilder identities = new StringBuilder(rows.size() * 200);
            StringBuilder tags = new StringBuilder(rows.size() * 100);
            StringBuilder events = new StringBuilder(rows.size() * 120);
            for (Row row : rows) {
                String[] c = row.customer();
                String id = Long.toString(row.id());
                line(customers, tenant, id, c[0], c[1], c[2], c[3], c[4], "", "", c[5], "", "", c[6], c[7], "NEW",
                        "lead", at, "bench", at, "bench", "1");
                for (String[] identity : row.identities()) {
                    line(identities, tenant, identity[0], identity[1], id, "0", "f", at);
                }
                for (String tag : row.tags()) {
                    line(tags, tenant, id, tag, at);
                }
                line(events, tenant, id, id, "customer_created", at, "crmkit", CREATED_PROPERTIES, at, "bench");
            }
            try {
                copy.copyIn("COPY " + prefix + "customer (" + CUSTOMER_COLUMNS + ") FROM STDIN",
                        new StringReader(customers.toString()));
                copy.copyIn("COPY " + prefix + "identity (" + IDENTITY_COLUMNS + ") FROM STDIN",
                        new StringReader(identities.toString()));
                copy.copyIn("COPY " + prefix + "tag (" + TAG_COLUMNS + ") FROM STDIN",
                        new StringReader(tags.toString()));
                copy.copyIn("COPY " + prefix + "event (" + EVENT_COLUMNS + ") FROM STDIN",
                        new StringReader(events.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
            connection.commit();
        }

        /** Appends one line of COPY text: tab-separated, backslash escapes. */
        private static void line(StringBuilder out, String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                String value = values[i];
                for (int k = 0; k < value.length(); k++) {
                    char ch = value.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
            out.append('\n');
        }
    }

    /** MariaDB and H2: multi-row INSERTs of {@value #ROWS_PER_INSERT} rows per table, then a commit. */
    private static final class InsertLoader implements Loader {
        private final Connection connection;
        private final String prefix;

        InsertLoader(Connection connection, String prefix) {
            this.connection = connection;
            this.prefix = prefix;
        }

        @Override
        public void write(String tenant, List<Row> rows, LocalDateTime now) throws SQLException {
            List<Object[]> customers = new ArrayList<>(rows.size());
            List<Object[]> identities = new ArrayList<>(rows.size() * 3);
            List<Object[]> tags = new ArrayList<>(rows.size() * 2);
            List<Object[]> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String[] c = row.customer();
                customers.add(new Object[] {tenant, row.id(), c[0], c[1], c[2],
                    c[3].isEmpty() ? null : LocalDate.parse(c[3]), c[4], "", "", c[5], "", "", c[6], c[7], "NEW",
                    "lead", now, "bench", now, "bench", 1L});
                for (String[] identity : row.identities()) {
                    identities.add(new Object[] {tenant, identity[0], identity[1], row.id(), 0, false, now});
                }
                for (String tag : row.tags()) {
                    tags.add(new Object[] {tenant, row.id(), tag, now});
                }
                events.add(new Object[] {tenant, row.id(), row.id(), "customer_created", now, "crmkit",
                    CREATED_PROPERTIES, now, "bench"});
            }
            insert("customer", CUSTOMER_COLUMNS, CUSTOMER_WIDTH, customers);
            insert("identity", IDENTITY_COLUMNS, IDENTITY_WIDTH, identities);
            insert("tag", TAG_COLUMNS, TAG_WIDTH, tags);
            insert("event", EVENT_COLUMNS, EVENT_WIDTH, events);
            connection.commit();
        }

        private void insert(String table, String columns, int width, List<Object[]> rows) throws SQLException {
            PreparedStatement full = null;
            try {
                for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
                    int count = Math.min(ROWS_PER_INSERT, rows.size() - start);
                    PreparedStatement insert;
                    if (count == ROWS_PER_INSERT) {
                        if (full == null) {
                            full = connection.prepareStatement(sql(table, columns, width, count));
                        }
                        insert = full;
                    } else {
                        insert = connection.prepareStatement(sql(table, columns, width, count));
                    }
                    int p = 1;
                    for (int r = start; r < start + count; r++) {
                        for (Object value : rows.get(r)) {
                            insert.setObject(p++, value);
                        }
                    }
                    insert.executeUpdate();
                    if (insert != full) {
                        insert.close();
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
        }

        private String sql(String table, String columns, int width, int count) {
            String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
            return "INSERT INTO " + prefix + table + " (" + columns + ") VALUES "
                    + String.join(", ", Collections.nCopies(count, row));
        }
    }
}
