package io.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Generates the filter benchmark's customers straight into the SDK's tables with plain multi-row JDBC
 * inserts, {@value #CUSTOMERS_PER_COMMIT} customers per transaction, from {@code Random(seed)}:
 *
 * <ul>
 *   <li>created_at spread evenly over the {@value #SPAN_DAYS} days before {@link #NOW};</li>
 *   <li>city one of {@value #CITIES} ({@code city-00} .. {@code city-49});</li>
 *   <li>2 to 4 (about 3) distinct tags of {@value #TAGS} ({@code tag-000} .. {@code tag-099});</li>
 *   <li>60% one phone ({@code +849} and 8 digits, unique), 30% one e-mail ({@code c<index>@} one of
 *   {@link #DOMAINS}, by index);</li>
 *   <li>a name of one of {@link #FIRST_NAMES} and one of {@link #LAST_NAMES} by index, one in
 *   {@value #RARE_EVERY} customers {@value #RARE_NAME} (at index 11 and every {@value #RARE_EVERY}th after);</li>
 *   <li>three customers in four a company, one of {@link #COMPANY_FIRST} and one of {@link #COMPANY_SECOND} by
 *   index (one in 500 "Contoso Logistics");</li>
 *   <li>every customer a value of the NUMBER field {@code points} (0..999) and of the SINGLE_CHOICE field
 *   {@code tier} (bronze 50%, silver 30%, gold 15%, platinum 5%).</li>
 * </ul>
 */
final class FilterData {

    static final int CITIES = 50;
    static final int TAGS = 100;
    static final int SPAN_DAYS = 730;
    static final int CUSTOMERS_PER_COMMIT = 1000;
    /** The fixed "now" the data is generated before, so that ranges in the queries hit known shares. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 1, 0, 0);
    static final List<String> TIERS = List.of("bronze", "silver", "gold", "platinum");

    /** The keyword cases' words: names, companies and e-mail domains chosen by the customer's index. */
    static final List<String> FIRST_NAMES = List.of("Anna", "Bao", "Chi", "Dung", "Emma", "Felix", "Giang", "Hoa",
            "Ivan", "Julia", "Khanh", "Linh", "Minh", "Nam", "Olga", "Phuong", "Quang", "Rosa", "Son", "Thu", "Uyen",
            "Van", "Wei", "Xuan", "Yen", "Zoe", "Ahmed", "Bruno", "Carla", "Diego", "Elena", "Farid", "Grace",
            "Hugo", "Ines", "Jonas", "Kim", "Lars", "Mai", "Nora");
    static final List<String> LAST_NAMES = List.of("Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu",
            "Vo", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Smith", "Johnson", "Williams", "Brown", "Jones",
            "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
            "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Flores",
            "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell");
    static final String RARE_NAME = "Quenneville";
    static final int RARE_EVERY = 20_000;
    static final List<String> COMPANY_FIRST = List.of("Northwind", "Contoso", "Fabrikam", "Globex", "Initech",
            "Umbrella", "Hooli", "Vandelay", "Acme", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Aperture",
            "Wonka", "Gringotts", "Oceanic", "Monarch", "Dunder");
    static final List<String> COMPANY_SECOND = List.of("Logistics", "Trading", "Foods", "Textiles", "Electronics",
            "Holdings", "Pharma", "Media", "Motors", "Studios", "Consulting", "Retail", "Farms", "Energy", "Labs",
            "Travel", "Bank", "Logic", "Steel", "Paper", "Garden", "Clinic", "Design", "Works", "Systems");
    static final List<String> DOMAINS = List.of("example.com", "mail.vn", "quillpost.io", "corp.example.org",
            "inbox.net");

    private static final String ACTOR = "bench";

    private FilterData() {
    }

    static String city(int i) {
        return String.format("city-%02d", i);
    }

    static String tag(int i) {
        return String.format("tag-%03d", i);
    }

    /** @return the name of the customer with that index (no random draw: the other columns stay as they were) */
    static String name(int index) {
        return FIRST_NAMES.get(index * 7 % FIRST_NAMES.size()) + " " + (index % RARE_EVERY == 11 ? RARE_NAME
                : LAST_NAMES.get(index * 13 % LAST_NAMES.size()));
    }

    /** @return the company of the customer with that index, "" for one in four */
    static String company(int index) {
        return index % 4 == 0 ? "" : COMPANY_FIRST.get(index % COMPANY_FIRST.size()) + " "
                + COMPANY_SECOND.get(index / COMPANY_FIRST.size() % COMPANY_SECOND.size());
    }

    /** @return the phone of the customer with that index, unique for fewer than 10^8 customers */
    static String phone(long index) {
        return "+849" + String.format("%08d", (index * 7919 + 12_345) % 100_000_000L);
    }

    /**
     * Writes {@code size} customers into the tenant.
     *
     * @param firstId the id of the first customer; the others follow
     * @return by customer index, which customers got a phone ({@link #phone}): one bit each, so that 10,000,000
     *         customers load with a heap of 256 MB
     */
    static BitSet load(DataSource pool, String prefix, String tenantId, int size, long seed, long firstId,
                         long pointsFieldId, long tierFieldId) throws SQLException {
        Random random = new Random(seed);
        BitSet phones = new BitSet(size);
        long spanSeconds = SPAN_DAYS * 86_400L;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            Inserter customers = new Inserter(connection, "INSERT INTO " + prefix + "customer (tenant_id, id, name,"
                    + " nickname, gender, birthday, company, country, province, city, area, address_detail, remark,"
                    + " source, owner_id, status, stage, created_at, created_by, updated_at, updated_by, version)", 22,
                    500);
            Inserter identities = new Inserter(connection, "INSERT INTO " + prefix + "identity (tenant_id, id_type,"
                    + " id_value, customer_id, ordinal, verified, created_at)", 7, 1000);
            Inserter tags = new Inserter(connection, "INSERT INTO " + prefix + "tag (tenant_id, customer_id, tag,"
                    + " created_at)", 4, 2000);
            Inserter values = new Inserter(connection, "INSERT INTO " + prefix + "custom_value (tenant_id,"
                    + " customer_id, field_id, ordinal, text_value, number_value)", 6, 2000);
            try {
                for (int i = 0; i < size; i++) {
                    long id = firstId + i;
                    LocalDateTime created = NOW.minusSeconds(1 + (long) (random.nextDouble() * spanSeconds))
                            .minusNanos(random.nextInt(1_000_000) * 1000L).truncatedTo(ChronoUnit.MICROS);
                    String city = city(random.nextInt(CITIES));
                    customers.add(tenantId, id, name(i), "", "UNKNOWN", null, company(i), "VN", "", city, "", "", "",
                            "", null, "NEW", "lead", created, ACTOR, created, ACTOR, 1L);
                    int ordinal = 0;
                    if (random.nextInt(10) < 6) {
                        phones.set(i);
                        identities.add(tenantId, "phone", phone(i), id, (short) ordinal++, false, created);
                    }
                    if (random.nextInt(10) < 3) {
                        identities.add(tenantId, "email", "c" + i + "@" + DOMAINS.get(i % DOMAINS.size()), id,
                                (short) ordinal, false, created);
                    }
                    Set<Integer> chosen = new LinkedHashSet<>();
                    int tagCount = 2 + random.nextInt(3);
                    while (chosen.size() < tagCount) {
                        chosen.add(random.nextInt(TAGS));
                    }
                    for (int t : chosen) {
                        tags.add(tenantId, id, tag(t), created);
                    }
                    values.add(tenantId, id, pointsFieldId, (short) 0, null,
                            new java.math.BigDecimal(random.nextInt(1000)));
                    int tier = random.nextInt(100);
                    values.add(tenantId, id, tierFieldId, (short) 0,
                            TIERS.get(tier < 50 ? 0 : tier < 80 ? 1 : tier < 95 ? 2 : 3), null);
                    if ((i + 1) % CUSTOMERS_PER_COMMIT == 0 || i == size - 1) {
                        customers.flush();
                        identities.flush();
                        tags.flush();
                        values.flush();
                        connection.commit();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                customers.close();
                identities.close();
                tags.close();
                values.close();
            }
            connection.setAutoCommit(true);
            analyze(connection, prefix);
        }
        return phones;
    }

    /**
     * Updates the planner's statistics and, on PostgreSQL, the visibility map of the customer tables, as a server's
     * autovacuum would (this machine's PostgreSQL runs without it): without statistics PostgreSQL takes a tenant's
     * rows for a handful and plans look-ups by a key's last column as a scan of the tenant's rows, and without the
     * visibility map an index-only scan reads every heap row it returns (a 30,000-row tag look-up: about 100 ms
     * instead of a few). Needs a connection in auto-commit (VACUUM runs outside a transaction).
     */
    static void analyze(Connection connection, String prefix) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        try (Statement analyze = connection.createStatement()) {
            if (product.contains("postgres")) {
                for (String table : List.of("customer", "identity", "tag", "custom_value")) {
                    analyze.execute("VACUUM (ANALYZE) " + prefix + table);
                }
            } else if (product.contains("h2")) {
                analyze.execute("ANALYZE");
            }
        }
    }

    /** Deletes every row of the tenant in the tables the SDK writes for customers (their events too) and fields. */
    static void delete(DataSource pool, String prefix, String tenantId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            for (String table : List.of("custom_value", "tag", "identity", "audit", "event", "customer", "field")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + prefix + table + " WHERE tenant_id = ?")) {
                    delete.setString(1, tenantId);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** Buffers rows and sends them as multi-row INSERTs of up to {@code rowsPerStatement} rows. */
    static final class Inserter implements AutoCloseable {
        private final Connection connection;
        private final String head;
        private final int columns;
        private final int rowsPerStatement;
        private final List<Object> buffer = new ArrayList<>();
        private final Map<Integer, PreparedStatement> statements = new HashMap<>();

        Inserter(Connection connection, String head, int columns, int rowsPerStatement) {
            this.connection = connection;
            this.head = head;
            this.columns = columns;
            this.rowsPerStatement = rowsPerStatement;
        }

        void add(Object... row) throws SQLException {
            Collections.addAll(buffer, row);
            if (buffer.size() >= rowsPerStatement * columns) {
                flush();
            }
        }

        void flush() throws SQLException {
            int rows = buffer.size() / columns;
            if (rows == 0) {
                return;
            }
            PreparedStatement statement = statements.get(rows);
            if (statement == null) {
                String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
                statement = connection.prepareStatement(head + " VALUES " + String.join(", ",
                        Collections.nCopies(rows, row)));
                if (rows == rowsPerStatement) {
                    statements.put(rows, statement);
                }
            }
            try {
                for (int p = 0; p < buffer.size(); p++) {
                    Object value = buffer.get(p);
                    if (value == null) {
                        statement.setNull(p + 1, p % columns == 5 && columns == 22 ? Types.DATE
                                : columns == 6 && p % columns == 5 ? Types.DECIMAL : Types.VARCHAR);
                    } else {
                        statement.setObject(p + 1, value);
                    }
                }
                statement.executeUpdate();
            } finally {
                if (rows != rowsPerStatement) {
                    statement.close();
                }
            }
            buffer.clear();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
    }

    static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
