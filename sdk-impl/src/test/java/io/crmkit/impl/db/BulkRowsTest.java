package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomValueTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BulkRows} stores exactly what a plain INSERT would: text with every character COPY's text format escapes or
 * could mistake for its own markers, unicode, NULL in every nullable column kind, and numbers, dates, times and
 * booleans, through COPY on PostgreSQL ({@value BulkRows#COPY_MIN_ROWS} rows or more), JDBC batches on MariaDB (one
 * more row than a batch holds included) and multi-row INSERTs elsewhere and for fewer rows.
 */
class BulkRowsTest {

    private static final String PREFIX = "crm_";

    /** Texts of at most 8 characters (the narrowest column): COPY's delimiters, escapes and markers, unicode. */
    private static final List<String> TRICKY = List.of("a\tb", "x\ny", "c\r\nd", "\\N", "\\.", "\\", "q'\"z",
            "é漢😀", "", " \\t ", "end\\", "\u00a0nb", "a\\\tb");

    @Test
    void copyTextEscapesDelimitersAndBackslashesAndWritesNullAsBackslashN() {
        Row row = new Row(CustomValueTable.TABLE)
                .set(CustomValueTable.TENANT_ID, "t\\1\t\n\r")
                .set(CustomValueTable.CUSTOMER_ID, 42L)
                .set(CustomValueTable.FIELD_ID, -7L)
                .set(CustomValueTable.ORDINAL, 3)
                .set(CustomValueTable.TEXT_VALUE, null)
                .set(CustomValueTable.NUMBER_VALUE, new BigDecimal("1E+3"))
                .set(CustomValueTable.BOOL_VALUE, true)
                .set(CustomValueTable.DATE_VALUE, LocalDate.of(2024, 2, 29))
                .set(CustomValueTable.TIME_VALUE, Instant.parse("2024-02-29T23:59:00.000120Z"));

        assertThat(BulkRows.copyText(List.of(row)).toString()).isEqualTo(
                "t\\\\1\\t\\n\\r\t42\t-7\t3\t\\N\t1000\tt\t2024-02-29\t2024-02-29 23:59:00.000120\n");
    }

    @Test
    void copyTextGivesUpOnADateCopyCannotReadBack() {
        Row row = new Row(CustomValueTable.TABLE).set(CustomValueTable.DATE_VALUE, LocalDate.of(10_000, 1, 1));

        assertThat(BulkRows.copyText(List.of(row))).isNull();
    }

    @DbTest
    void storesTrickyTextAndNullsInEveryColumnKindExactlyAsWritten(TestDb db) throws SQLException {
        for (int count : new int[] {BulkRows.COPY_MIN_ROWS + 5, 3, BulkRows.ROWS_PER_BATCH + 1}) {
            long firstId = 1_000 * count;
            List<Row> customers = new ArrayList<>();
            List<Row> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                customers.add(customer(db.tenant(), firstId + i, i));
                values.add(customValue(db.tenant(), firstId + i, i));
            }
            try (Connection connection = db.dataSource().getConnection()) {
                BulkRows.insert(connection, PREFIX, customers);
                BulkRows.insert(connection, PREFIX, values);

                assertThat(read(connection, CustomerTable.TABLE, db.tenant(), firstId, count))
                        .as("customers, %d rows, on %s", count, db.name()).isEqualTo(values(customers));
                assertThat(read(connection, CustomValueTable.TABLE, db.tenant(), firstId, count))
                        .as("custom values, %d rows, on %s", count, db.name()).isEqualTo(values(values));
            }
        }
    }

    @DbTest
    void aDuplicateKeyFailsTheInsertAsAUniqueViolation(TestDb db) throws SQLException {
        for (int count : new int[] {BulkRows.COPY_MIN_ROWS, 2}) {
            List<Row> customers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                customers.add(customer(db.tenant(), 50_000 + 100 * count + i, i));
            }
            Dialect dialect = Dialect.detect(db.dataSource());
            try (Connection connection = db.dataSource().getConnection()) {
                BulkRows.insert(connection, PREFIX, customers);

                assertThatThrownBy(() -> BulkRows.insert(connection, PREFIX, customers))
                        .isInstanceOf(IdStatements.StorageFailure.class)
                        .satisfies(failure -> assertThat(dialect.isUniqueViolation(
                                ((IdStatements.StorageFailure) failure).sqlException())).isTrue());
            }
        }
    }

    @Test
    void insertsNothingForNoRows() {
        BulkRows.insert(null, PREFIX, List.of()); // no connection needed: nothing is sent
    }

    private static Row customer(String tenant, long id, int i) {
        Row row = new Row(CustomerTable.TABLE);
        for (Column column : CustomerTable.TABLE.columns()) {
            if (column.kind() == io.crmkit.impl.db.schema.Kind.TEXT) {
                row.set(column, column.nullable() && i % 3 == 0 ? null : TRICKY.get((i + column.name().length())
                        % TRICKY.size()));
            }
        }
        Instant at = Instant.parse("2026-01-02T03:04:05.123456Z").plus(i, ChronoUnit.MICROS);
        return row.set(CustomerTable.TENANT_ID, tenant).set(CustomerTable.ID, id)
                .set(CustomerTable.BIRTHDAY, i % 2 == 0 ? null : LocalDate.of(1900 + i, 1 + i % 12, 1 + i % 28))
                .set(CustomerTable.CREATED_AT, at).set(CustomerTable.UPDATED_AT, at.plusSeconds(i))
                .set(CustomerTable.VERSION, (long) i);
    }

    private static Row customValue(String tenant, long customerId, int i) {
        boolean none = i % 2 == 0;
        return new Row(CustomValueTable.TABLE)
                .set(CustomValueTable.TENANT_ID, tenant)
                .set(CustomValueTable.CUSTOMER_ID, customerId)
                .set(CustomValueTable.FIELD_ID, 77L)
                .set(CustomValueTable.ORDINAL, i)
                .set(CustomValueTable.TEXT_VALUE, none ? null : TRICKY.get(i % TRICKY.size()) + "\t" + i)
                .set(CustomValueTable.NUMBER_VALUE, none ? null : new BigDecimal("-12345.0000000001").add(
                        BigDecimal.valueOf(i)))
                .set(CustomValueTable.BOOL_VALUE, none ? null : i % 4 == 1)
                .set(CustomValueTable.DATE_VALUE, none ? null : LocalDate.of(2000, 2, 29).plusDays(i))
                .set(CustomValueTable.TIME_VALUE, none ? null : Instant.parse("1999-12-31T23:59:59.999999Z")
                        .plus(i, ChronoUnit.MINUTES));
    }

    /** @return each row's values by column, numbers compared by value (DECIMAL pads the scale) */
    private static List<List<Object>> values(List<Row> rows) {
        List<List<Object>> all = new ArrayList<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            for (Column column : row.table().columns()) {
                Object value = row.get(column);
                values.add(value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value);
            }
            all.add(values);
        }
        return all;
    }

    private static List<List<Object>> read(Connection connection, Table table, String tenant, long firstId,
                                           int count) throws SQLException {
        String id = table == CustomerTable.TABLE ? "id" : "customer_id";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(table.select(PREFIX) + " WHERE tenant_id = ?"
                + " AND " + id + " BETWEEN ? AND ? ORDER BY " + id)) {
            select.setString(1, tenant);
            select.setLong(2, firstId);
            select.setLong(3, firstId + count - 1);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.read(table, result));
                }
            }
        }
        return values(rows);
    }
}
