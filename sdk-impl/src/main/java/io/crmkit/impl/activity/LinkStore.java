package io.crmkit.impl.activity;

import io.crmkit.api.activity.Link;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.CustomerLinkTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code customer_link} table, with plain JDBC on the caller's connection. Thread-safe. */
final class LinkStore {

    private static final String COLUMNS = Table.list(CustomerLinkTable.READ);

    private final String table;
    private final String insert;

    LinkStore(String prefix) {
        this.table = CustomerLinkTable.TABLE.in(prefix);
        this.insert = CustomerLinkTable.TABLE.insert(prefix);
    }

    void insert(Connection connection, String tenantId, Link link) {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            new Row(CustomerLinkTable.TABLE).set(CustomerLinkTable.TENANT_ID, tenantId)
                    .set(CustomerLinkTable.ID, link.id()).set(CustomerLinkTable.CUSTOMER_ID, link.customerId())
                    .set(CustomerLinkTable.LINK_TYPE, link.type()).set(CustomerLinkTable.EXTERNAL_ID, link.externalId())
                    .set(CustomerLinkTable.LABEL, link.label()).set(CustomerLinkTable.CREATED_AT, link.createdAt())
                    .set(CustomerLinkTable.CREATED_BY, link.createdBy())
                    .bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return the customer's links, oldest first */
    List<Link> of(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND"
                + " customer_id = ? ORDER BY id", List.of(tenantId, customerId), LinkStore::link);
    }

    int count(Connection connection, String tenantId, long customerId) {
        return IdStatements.rows(connection, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND customer_id"
                + " = ?", List.of(tenantId, customerId), row -> row.getInt(1)).get(0);
    }

    /** @return the id of the customer's link to the object, if it has one */
    Optional<Long> idOf(Connection connection, String tenantId, long customerId, String type, String externalId) {
        return IdStatements.rows(connection, "SELECT id FROM " + table + " WHERE tenant_id = ? AND customer_id = ? AND"
                + " link_type = ? AND external_id = ?", List.of(tenantId, customerId, type, externalId),
                row -> row.getLong(1)).stream().findFirst();
    }

    /** @return the customer of the link, when the tenant has the link */
    Optional<Long> customerOf(Connection connection, String tenantId, long linkId) {
        return IdStatements.rows(connection, "SELECT customer_id FROM " + table + " WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, linkId), row -> row.getLong(1)).stream().findFirst();
    }

    /** @return whether the link was deleted */
    boolean delete(Connection connection, String tenantId, long linkId) {
        return IdStatements.execute(connection, "DELETE FROM " + table + " WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, linkId)) == 1;
    }

    private static Link link(ResultSet result) throws SQLException {
        Row row = new Row(CustomerLinkTable.TABLE).read(result, CustomerLinkTable.READ, 1);
        return new Link(row.bigint(CustomerLinkTable.ID), row.bigint(CustomerLinkTable.CUSTOMER_ID),
                row.text(CustomerLinkTable.LINK_TYPE), row.text(CustomerLinkTable.EXTERNAL_ID),
                row.text(CustomerLinkTable.LABEL), (Instant) row.get(CustomerLinkTable.CREATED_AT),
                row.text(CustomerLinkTable.CREATED_BY));
    }
}
