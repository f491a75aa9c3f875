package io.crmkit.impl.activity;

import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TaskStatus;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.Table;
import io.crmkit.impl.db.schema.TaskTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code task} table, with plain JDBC on the caller's connection. Reads see only tasks of live customers:
 * a customer's tasks stay in the table while it is in the trash, out of reach until it is restored.
 * Thread-safe.
 */
public final class TaskStore {

    private static final String COLUMNS = Table.list("t", TaskTable.READ);

    private final String table;
    private final String insert;
    private final String live;

    public TaskStore(String prefix) {
        this.table = TaskTable.TABLE.in(prefix);
        this.insert = TaskTable.TABLE.insert(prefix);
        this.live = " AND EXISTS (SELECT 1 FROM " + prefix + "customer c WHERE c.tenant_id = t.tenant_id AND c.id ="
                + " t.customer_id)";
    }

    /** @return a new open task of a cleaned draft, at version 1 */
    public static Task newTask(long id, long customerId, TaskDraft clean, Instant now, String actorId) {
        return new Task(id, customerId, clean.title(), clean.dueAt(), clean.assignee(), TaskStatus.OPEN, now, actorId,
                now, actorId, 1);
    }

    /** Inserts tasks as one batch. */
    public void insert(Connection connection, String tenantId, List<Task> tasks) {
        insert(connection, tenantId, tasks, null);
    }

    /** Inserts tasks of a bulk job as one batch, each recording the job that created it. */
    public void insert(Connection connection, String tenantId, List<Task> tasks, long bulkJobId) {
        insert(connection, tenantId, tasks, Long.valueOf(bulkJobId));
    }

    /** @return which of the customers have a task created by the bulk job */
    public List<Long> customersWithTaskOf(Connection connection, String tenantId, long bulkJobId,
                                          List<Long> customerIds, IdStatements idSql) {
        return idSql.longs(connection, "SELECT customer_id FROM " + table + " WHERE tenant_id = ? AND bulk_job_id = ?"
                + " AND customer_id IN ", List.of(tenantId, bulkJobId), customerIds, "");
    }

    private void insert(Connection connection, String tenantId, List<Task> tasks, Long bulkJobId) {
        Row row = new Row(TaskTable.TABLE).set(TaskTable.TENANT_ID, tenantId).set(TaskTable.BULK_JOB_ID, bulkJobId);
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Task task : tasks) {
                row.set(TaskTable.ID, task.id()).set(TaskTable.CUSTOMER_ID, task.customerId())
                        .set(TaskTable.TITLE, task.title()).set(TaskTable.DUE_AT, task.dueAt().orElse(null))
                        .set(TaskTable.ASSIGNEE, task.assignee().orElse(null))
                        .set(TaskTable.STATUS, task.status().name()).set(TaskTable.CLOSED, task.status().closed())
                        .set(TaskTable.LIST_AT, listAt(task.status(), task.dueAt(), task.updatedAt()))
                        .set(TaskTable.CREATED_AT, task.createdAt()).set(TaskTable.CREATED_BY, task.createdBy())
                        .set(TaskTable.UPDATED_AT, task.updatedAt()).set(TaskTable.UPDATED_BY, task.updatedBy())
                        .set(TaskTable.VERSION, task.version())
                        .bind(statement);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return the task, when it belongs to a live customer of the tenant */
    Optional<Task> find(Connection connection, String tenantId, long id) {
        return IdStatements.rows(connection, "SELECT " + COLUMNS + " FROM " + table + " t WHERE t.tenant_id = ? AND"
                + " t.id = ?" + live, List.of(tenantId, id), TaskStore::keyed).stream().findFirst().map(Keyed::item);
    }

    /**
     * Sets the status of the task if it is still at {@code version}.
     *
     * @return whether it was
     */
    boolean changeStatus(Connection connection, String tenantId, Task current, TaskStatus status, Instant now,
                         String actorId) {
        return IdStatements.execute(connection, "UPDATE " + table + " SET status = ?, closed = ?, list_at = ?,"
                + " updated_at = ?, updated_by = ?, version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?",
                List.of(status.name(), status.closed(), listAt(status, current.dueAt(), now), now, actorId, tenantId,
                        current.id(), current.version())) == 1;
    }

    /**
     * @param closed whether to read the closed tasks (newest first) or the open ones (by due time, none last)
     * @param after  the last task of the page before in the same part, if any
     * @return up to {@code limit} tasks of the customer
     */
    List<Keyed<Task>> ofCustomer(Connection connection, String tenantId, long customerId, boolean closed,
                                 Optional<ListCursor> after, int limit) {
        List<Object> values = new ArrayList<>(List.of(tenantId, customerId, closed));
        String sql = "SELECT " + COLUMNS + " FROM " + table + " t WHERE t.tenant_id = ? AND t.customer_id = ? AND"
                + " t.closed = ?" + keyset(after, closed, values) + " ORDER BY t.list_at" + (closed ? " DESC" : "")
                + ", t.id" + (closed ? " DESC" : "") + " LIMIT " + limit;
        return IdStatements.rows(connection, sql, values, TaskStore::keyed);
    }

    /** @return up to {@code limit} open tasks of the assignee on live customers, by due time, none last */
    List<Keyed<Task>> openOf(Connection connection, String tenantId, String assignee, Optional<ListCursor> after,
                             int limit) {
        List<Object> values = new ArrayList<>(List.of(tenantId, assignee, false));
        String sql = "SELECT " + COLUMNS + " FROM " + table + " t WHERE t.tenant_id = ? AND t.assignee = ? AND"
                + " t.closed = ?" + keyset(after, false, values) + live + " ORDER BY t.list_at, t.id LIMIT " + limit;
        return IdStatements.rows(connection, sql, values, TaskStore::keyed);
    }

    private static String keyset(Optional<ListCursor> after, boolean descending, List<Object> values) {
        if (after.isEmpty()) {
            return "";
        }
        values.addAll(List.of(after.get().at(), after.get().at(), after.get().id()));
        String beyond = descending ? " < " : " > ";
        return " AND (t.list_at" + beyond + "? OR (t.list_at = ? AND t.id" + beyond + "?))";
    }

    /** @return the sort time: the due time of an open task (none sorts last), the time a closed one closed */
    private static Instant listAt(TaskStatus status, Optional<Instant> due, Instant changedAt) {
        return status.closed() ? changedAt : due.orElse(ActivityTimes.NO_DUE_TIME);
    }

    private static Keyed<Task> keyed(ResultSet result) throws SQLException {
        Row row = new Row(TaskTable.TABLE).read(result, TaskTable.READ, 1);
        Task task = new Task(row.bigint(TaskTable.ID), row.bigint(TaskTable.CUSTOMER_ID), row.text(TaskTable.TITLE),
                Optional.ofNullable((Instant) row.get(TaskTable.DUE_AT)),
                Optional.ofNullable(row.text(TaskTable.ASSIGNEE)), TaskStatus.valueOf(row.text(TaskTable.STATUS)),
                (Instant) row.get(TaskTable.CREATED_AT), row.text(TaskTable.CREATED_BY),
                (Instant) row.get(TaskTable.UPDATED_AT), row.text(TaskTable.UPDATED_BY), row.bigint(TaskTable.VERSION));
        return new Keyed<>(task, (Instant) row.get(TaskTable.LIST_AT), task.id());
    }
}
