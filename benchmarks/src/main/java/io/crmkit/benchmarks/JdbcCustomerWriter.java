package io.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The baseline of the create benchmark: the rows the SDK writes for one create (the customer, its identities and
 * tags, the audit row and the {@code customer_created} timeline event), written with plain JDBC as a careful
 * hand-written DAO would. It holds one connection of the pool in manual-commit mode and prepares each statement once
 * (the multi-row inserts once per row count); every customer is one transaction of five inserts and a commit. No
 * validation, no normalization: the input is already clean.
 */
final class JdbcCustomerWriter implements AutoCloseable {

    private static final String GENDER = "UNKNOWN";
    private static final String STATUS = "NEW";
    private static final String STAGE = "lead";

    private final Connection connection;
    private final String prefix;
    private final AtomicLong ids;
    private final PreparedStatement customer;
    private final PreparedStatement audit;
    private final PreparedStatement event;
    private final Map<Integer, PreparedStatement> identityInserts = new HashMap<>();
    private final Map<Integer, PreparedStatement> tagInserts = new HashMap<>();

    /**
     * @param pool   where to borrow the connection, held until {@link #close()}
     * @param prefix the SDK's table prefix
     * @param ids    the source of customer ids
     */
    JdbcCustomerWriter(DataSource pool, String prefix, AtomicLong ids) throws SQLException {
        this.connection = pool.getConnection();
        this.prefix = prefix;
        this.ids = ids;
        try {
            connection.setAutoCommit(false);
            this.customer = connection.prepareStatement("INSERT INTO " + prefix + "customer (tenant_id, id, name,"
                    + " nickname, gender, birthday, company, country, province, city, area, address_detail, remark,"
                    + " source, owner_id, status, stage, created_at, created_by, updated_at, updated_by, version)"
                    + " VALUES " + values(1, 22));
            this.audit = connection.prepareStatement("INSERT INTO " + prefix + "audit (tenant_id, id, actor_id, action,"
                    + " subject_type, subject_id, occurred_at, detail) VALUES (?, ?, ?, 'customer.create', 'customer',"
                    + " ?, ?, '')");
            this.event = connection.prepareStatement("INSERT INTO " + prefix + "event (tenant_id, id, customer_id,"
                    + " event_type, occurred_at, source, properties, recorded_at, recorded_by) VALUES (?, ?, ?,"
                    + " 'customer_created', ?, 'crmkit', '{\"via\":\"manual\"}', ?, ?)");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Writes one customer in its own transaction; rolls back on failure.
     *
     * @return the new customer's id
     */
    long insert(String tenantId, String actorId, SampleCustomer sample) throws SQLException {
        long id = ids.incrementAndGet();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            insertCustomer(tenantId, actorId, id, sample.name(), now);
            insertIdentities(tenantId, id, sample, now);
            insertTags(tenantId, id, sample.tags(), now);
            insertAuditAndEvent(tenantId, actorId, id, now);
            connection.commit();
            return id;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Binds every column, as a DAO that stores any customer would; text not set is "", as the SDK stores it. */
    private void insertCustomer(String tenantId, String actorId, long id, String name, LocalDateTime now)
            throws SQLException {
        customer.setString(1, tenantId);
        customer.setLong(2, id);
        customer.setString(3, name);
        customer.setString(4, "");
        customer.setString(5, GENDER);
        customer.setNull(6, Types.DATE);
        for (int column = 7; column <= 14; column++) {
            customer.setString(column, "");
        }
        customer.setNull(15, Types.VARCHAR);
        customer.setString(16, STATUS);
        customer.setString(17, STAGE);
        customer.setObject(18, now);
        customer.setString(19, actorId);
        customer.setObject(20, now);
        customer.setString(21, actorId);
        customer.setLong(22, 1);
        customer.executeUpdate();
    }

    private void insertAuditAndEvent(String tenantId, String actorId, long id, LocalDateTime now)
            throws SQLException {
        audit.setString(1, tenantId);
        audit.setLong(2, id);
        audit.setString(3, actorId);
        audit.setLong(4, id);
        audit.setObject(5, now);
        audit.executeUpdate();
        event.setString(1, tenantId);
        event.setLong(2, id);
        event.setLong(3, id);
        event.setObject(4, now);
        event.setObject(5, now);
        event.setString(6, actorId);
        event.executeUpdate();
    }

    private void insertIdentities(String tenantId, long customerId, SampleCustomer sample, LocalDateTime now)
            throws SQLException {
        PreparedStatement insert = identityInsert(sample.identityCount());
        int p = 1;
        int ordinal = 0;
        for (String phone : sample.phones()) {
            p = bindIdentity(insert, p, tenantId, "phone", phone, customerId, ordinal++, now);
        }
        bindIdentity(insert, p, tenantId, "email", sample.email(), customerId, ordinal, now);
        insert.executeUpdate();
    }

    private static int bindIdentity(PreparedStatement insert, int p, String tenantId, String type, String value,
                                    long customerId, int ordinal, LocalDateTime now) throws SQLException {
        insert.setString(p, tenantId);
        insert.setString(p + 1, type);
        insert.setString(p + 2, value);
        insert.setLong(p + 3, customerId);
        insert.setInt(p + 4, ordinal);
        insert.setBoolean(p + 5, false);
        insert.setObject(p + 6, now);
        return p + 7;
    }

    private void insertTags(String tenantId, long customerId, List<String> tags, LocalDateTime now)
            throws SQLException {
        PreparedStatement insert = tagInsert(tags.size());
        int p = 1;
        for (String tag : tags) {
            insert.setString(p, tenantId);
            insert.setLong(p + 1, customerId);
            insert.setString(p + 2, tag);
            insert.setObject(p + 3, now);
            p += 4;
        }
        insert.executeUpdate();
    }

    private PreparedStatement identityInsert(int rows) throws SQLException {
        PreparedStatement insert = identityInserts.get(rows);
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO " + prefix + "identity (tenant_id, id_type, id_value,"
                    + " customer_id, ordinal, verified, created_at) VALUES " + values(rows, 7));
            identityInserts.put(rows, insert);
        }
        return insert;
    }

    private PreparedStatement tagInsert(int rows) throws SQLException {
        PreparedStatement insert = tagInserts.get(rows);
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO " + prefix + "tag (tenant_id, customer_id, tag,"
                    + " created_at) VALUES " + values(rows, 4));
            tagInserts.put(rows, insert);
        }
        return insert;
    }

    /** @return {@code (?, ?), (?, ?)} for 2 rows of 2 columns */
    private static String values(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /** Closes the statements and returns the connection to the pool. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            customer.close();
            audit.close();
            event.close();
            for (PreparedStatement insert : identityInserts.values()) {
                insert.close();
            }
            for (PreparedStatement insert : tagInserts.values()) {
                insert.close();
            }
        }
    }
}
