package io.crmkit.impl.activity;

import io.crmkit.api.error.NotFoundException;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.util.List;

/**
 * Checks that a customer is live (in the customer table, not in the trash) before its tasks, orders or links are
 * read or written. Writers lock the customer's row, so that a concurrent delete or merge waits for them instead
 * of leaving a task or an order behind a customer that has gone. Thread-safe.
 */
final class LiveCustomer {

    private final String table;

    LiveCustomer(String prefix) {
        this.table = prefix + "customer";
    }

    /**
     * Locks the customer's row until the transaction ends.
     *
     * @throws NotFoundException when the tenant has no such live customer
     */
    void lock(Connection connection, String tenantId, long customerId) {
        if (!tryLock(connection, tenantId, customerId)) {
            throw notFound(customerId, tenantId);
        }
    }

    /** @return whether the customer is live; if so, its row is locked until the transaction ends */
    boolean tryLock(Connection connection, String tenantId, long customerId) {
        return exists(connection, "SELECT id FROM " + table + " WHERE tenant_id = ? AND id = ? FOR UPDATE", tenantId,
                customerId);
    }

    /** @throws NotFoundException when the tenant has no such live customer */
    void require(Connection connection, String tenantId, long customerId) {
        if (!exists(connection, "SELECT id FROM " + table + " WHERE tenant_id = ? AND id = ?", tenantId,
                customerId)) {
            throw notFound(customerId, tenantId);
        }
    }

    private static boolean exists(Connection connection, String sql, String tenantId, long customerId) {
        return !IdStatements.rows(connection, sql, List.of(tenantId, customerId), row -> row.getLong(1)).isEmpty();
    }

    private static NotFoundException notFound(long customerId, String tenantId) {
        return new NotFoundException("no customer " + customerId + " in tenant '" + tenantId + "'");
    }
}
