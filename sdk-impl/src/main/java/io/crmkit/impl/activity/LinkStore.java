package io.crmkit.impl.activity;

import io.crmkit.api.activity.Link;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code customer_link} table, with plain JDBC on the caller's connection. Thread-safe. */
final class LinkStore {

    private static final String COLUMNS = "id, customer_id, link_type, external_id, label, created_at, created_by";

    private final String table;

    LinkStore(String prefix) {
        this.table = prefix + "customer_link";
    }

    void insert(Connection connection, String tenantId, Link link) {
        IdStatements.execute(connection, "INSERT INTO " + table + " (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?,"
                + " ?, ?, ?)", List.of(tenantId, link.id(), link.customerId(), link.type(), link.externalId(),
                link.label(), link.createdAt(), link.createdBy()));
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

    private static Link link(ResultSet row) throws SQLException {
        return new Link(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                IdStatements.instant(row, 6), row.getString(7));
    }
}
