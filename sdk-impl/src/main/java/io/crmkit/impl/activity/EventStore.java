package io.crmkit.impl.activity;

import io.crmkit.api.activity.Event;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.EventTable;
import io.crmkit.impl.db.schema.EventTypeTable;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code event} and {@code event_type} tables, with plain JDBC on the caller's connection. Thread-safe. */
final class EventStore {

    /** Rows per JDBC batch. */
    private static final int BATCH = 1000;
    private static final int TENANT_ID = EventTable.TABLE.position(EventTable.TENANT_ID) + 1;
    private static final int ID = EventTable.TABLE.position(EventTable.ID) + 1;
    private static final int CUSTOMER_ID = EventTable.TABLE.position(EventTable.CUSTOMER_ID) + 1;
    private static final int EVENT_TYPE = EventTable.TABLE.position(EventTable.EVENT_TYPE) + 1;
    private static final int OCCURRED_AT = EventTable.TABLE.position(EventTable.OCCURRED_AT) + 1;
    private static final int SOURCE = EventTable.TABLE.position(EventTable.SOURCE) + 1;
    private static final int PROPERTIES = EventTable.TABLE.position(EventTable.PROPERTIES) + 1;
    private static final int RECORDED_AT = EventTable.TABLE.position(EventTable.RECORDED_AT) + 1;
    private static final int RECORDED_BY = EventTable.TABLE.position(EventTable.RECORDED_BY) + 1;

    /** A checked event, ready to insert (not to be confused with a {@link io.crmkit.impl.db.schema.Row}). */
    record Row(long id, long customerId, String type, Instant occurredAt, String source, String properties) {
    }

    private final String prefix;
    private final IdStatements sql;

    EventStore(String prefix, IdStatements sql) {
        this.prefix = prefix;
        this.sql = sql;
    }

    /** Inserts the rows as JDBC batches of {@value #BATCH}. */
    void insert(Connection connection, String tenantId, List<Row> rows, Instant at, String actorId) {
        LocalDateTime recorded = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement(EventTable.TABLE.insert(prefix))) {
            int pending = 0;
            for (Row row : rows) {
                // Bound by position, straight from the event: a million-event append pays no per-column lookups.
                statement.setString(TENANT_ID, tenantId);
                statement.setLong(ID, row.id());
                statement.setLong(CUSTOMER_ID, row.customerId());
                statement.setString(EVENT_TYPE, row.type());
                statement.setObject(OCCURRED_AT, LocalDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
                statement.setString(SOURCE, row.source());
                statement.setString(PROPERTIES, row.properties());
                statement.setObject(RECORDED_AT, recorded);
                statement.setString(RECORDED_BY, actorId);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /**
     * Reads which of the customers are live, and share-locks them until the transaction ends, so that a merge or a
     * delete of one of them waits for the events being recorded instead of leaving them behind.
     *
     * @return the ids among {@code ids} of live customers of the tenant
     */
    Set<Long> lockLiveCustomers(Connection connection, String tenantId, Collection<Long> ids, String shareLock) {
        Set<Long> live = new HashSet<>();
        for (List<Long> chunk : IdStatements.chunks(ids)) {
            live.addAll(sql.longs(connection, "SELECT id FROM " + prefix + "customer WHERE tenant_id = ? AND id IN ",
                    List.of(tenantId), chunk, shareLock));
        }
        return live;
    }

    /**
     * A page of a customer's events, newest first; one more than {@code size} tells that another page follows.
     *
     * @param types whitelisted types (checked by the caller), empty for all
     */
    List<Event> page(Connection connection, String tenantId, long customerId, Collection<String> types,
                     Optional<Instant> from, Optional<Instant> to, Optional<ListCursor> after, int size) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ? AND customer_id = ?");
        List<Object> values = new ArrayList<>(List.of(tenantId, customerId));
        if (!types.isEmpty()) {
            where.append(" AND event_type IN ").append(IdStatements.in(types.size()));
            values.addAll(types);
        }
        from.ifPresent(at -> {
            where.append(" AND occurred_at >= ?");
            values.add(at);
        });
        to.ifPresent(at -> {
            where.append(" AND occurred_at < ?");
            values.add(at);
        });
        after.ifPresent(cursor -> {
            where.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            values.add(cursor.at());
            values.add(cursor.at());
            values.add(cursor.id());
        });
        // The key's leading columns in the ORDER BY let H2 read the index backwards and stop at the limit.
        return IdStatements.rows(connection, "SELECT " + Table.list(EventTable.READ) + " FROM "
                + EventTable.TABLE.in(prefix) + where + " ORDER BY " + sql.dialect().tenantOrder("tenant_id", " DESC")
                + "customer_id DESC, occurred_at DESC,"
                + " id DESC LIMIT " + (size + 1), values, EventStore::event);
    }

    /** @return the tenant's own types, in the order registered */
    List<String> types(Connection connection, String tenantId) {
        return IdStatements.rows(connection, "SELECT " + EventTypeTable.NAME.name() + " FROM "
                + EventTypeTable.TABLE.in(prefix) + " WHERE tenant_id = ? ORDER BY created_at, name", List.of(tenantId),
                row -> row.getString(1));
    }

    void addType(Connection connection, String tenantId, String name, Instant at) {
        IdStatements.execute(connection, EventTypeTable.TABLE.insert(prefix), List.of(tenantId, name, at));
    }

    private static Event event(ResultSet result) throws SQLException {
        io.crmkit.impl.db.schema.Row row = new io.crmkit.impl.db.schema.Row(EventTable.TABLE)
                .read(result, EventTable.READ, 1);
        return new Event(row.bigint(EventTable.ID), row.bigint(EventTable.CUSTOMER_ID), row.text(EventTable.EVENT_TYPE),
                (Instant) row.get(EventTable.OCCURRED_AT), row.text(EventTable.SOURCE),
                EventProperties.fromJson(row.text(EventTable.PROPERTIES)), (Instant) row.get(EventTable.RECORDED_AT),
                row.text(EventTable.RECORDED_BY));
    }
}
