package io.crmkit.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The import benchmark's input, from {@code Random(seed)}: an .xlsx of {@code rows} data rows and 12 columns, where
 * every fifth row stands for an existing customer (half by phone, half by email) and every fiftieth row has an
 * invalid email; and those existing customers, written with plain JDBC.
 */
final class ImportFileGenerator {

    static final List<String> HEADER = List.of("Customer Name", "Nickname", "Gender", "Birthday", "Company", "City",
            "Mobile", "E-mail", "External ID", "Remark", "Tags", "Source");
    private static final int EXISTING_EVERY = 5;
    private static final int INVALID_EVERY = 50;

    private ImportFileGenerator() {
    }

    /** @return a valid Vietnamese mobile number, unique for indexes below 10^7 */
    static String phone(long index) {
        return "+8491" + String.format("%07d", index);
    }

    /** @return whether the row is one of the invalid ones */
    static boolean invalid(int row) {
        return row % INVALID_EVERY == 1;
    }

    /** @return how many rows of a file stand for existing customers */
    static int existing(int rows) {
        return (rows + EXISTING_EVERY - 1) / EXISTING_EVERY;
    }

    static void write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = workbook.createSheet("Customers");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r + 1);
                String phone;
                String email;
                if (r % EXISTING_EVERY == 0) {
                    int existing = r / EXISTING_EVERY;
                    phone = existing % 2 == 0 ? phone(existing) : "";
                    email = existing % 2 == 0 ? "" : "existing" + existing + "@bench.test";
                } else {
                    phone = phone(1_000_000L + r);
                    email = invalid(r) ? "not-an-email-" + r : "new" + r + "@bench.test";
                }
                String[] cells = {"Customer " + r, "c" + r, random.nextBoolean() ? "male" : "female",
                    LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15_000)).toString(), "Company " + random.nextInt(5000),
                    FilterData.city(random.nextInt(50)), phone, email, "EXT-" + r, "imported in the benchmark",
                    FilterData.tag(random.nextInt(100)) + "; " + FilterData.tag(random.nextInt(100)), "bench"};
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Writes the customers the file's matching rows stand for: a phone (even ones) or an email (odd ones). */
    static void existingCustomers(DataSource pool, String prefix, String tenant, int count, long firstId)
            throws SQLException {
        LocalDateTime now = FilterData.NOW;
        try (Connection connection = pool.getConnection();
             PreparedStatement customer = connection.prepareStatement("INSERT INTO " + prefix + "customer (tenant_id,"
                     + " id, name, nickname, gender, company, country, province, city, area, address_detail, remark,"
                     + " source, status, stage, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?,"
                     + " ?, '', 'UNKNOWN', '', '', '', '', '', '', '', 'seed', 'NEW', 'lead', ?, 'bench', ?, 'bench', 1)");
             PreparedStatement identity = connection.prepareStatement("INSERT INTO " + prefix + "identity (tenant_id,"
                     + " id_type, id_value, customer_id, ordinal, verified, created_at) VALUES (?, ?, ?, ?, 0, FALSE,"
                     + " ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                customer.setString(1, tenant);
                customer.setLong(2, id);
                customer.setString(3, "Existing " + i);
                customer.setObject(4, now);
                customer.setObject(5, now);
                customer.addBatch();
                identity.setString(1, tenant);
                identity.setString(2, i % 2 == 0 ? "phone" : "email");
                identity.setString(3, i % 2 == 0 ? phone(i) : "existing" + i + "@bench.test");
                identity.setLong(4, id);
                identity.setObject(5, now);
                identity.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    customer.executeBatch();
                    identity.executeBatch();
                    connection.commit();
                }
            }
            connection.setAutoCommit(true);
            FilterData.analyze(connection, prefix);
        }
    }
}
