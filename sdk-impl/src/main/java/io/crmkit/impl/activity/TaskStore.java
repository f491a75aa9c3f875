package io.crmkit.impl.activity;

import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TaskStatus;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    private static final String COLUMNS = "t.id, t.customer_id, t.title, t.due_at, t.assignee, t.status, t.created_at,"
            + " t.created_by, t.updated_at, t.updated_by, t.version, t.list_at";

    private final String table;
    private final String live;

    public TaskStore(String prefix) {
        this.table = prefix + "task";
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
        insert(connection, tenantId, tasks, new IdStatements.SqlNull(Types.BIGINT));
    }

    /** Inserts tasks of a bulk job as one batch, each recording the job that created it. */
    public void insert(Connection connection, String tenantId, List<Task> tasks, long bulkJobId) {
        insert(connection, tenantId, tasks, (Object) bulkJobId);
    }

    /** @return which of the customers have a task created by the bulk job */
    public List<Long> customersWithTaskOf(Connection connection, String tenantId, long bulkJobId,
                                          List<Long> customerIds, IdStatements idSql) {
        return idSql.longs(connection, "SELECT customer_id FROM " + table + " WHERE tenant_id = ? AND bulk_job_id = ?"
                + " AND customer_id IN ", List.of(tenantId, bulkJobId), customerIds, "");
    }

    private void insert(Connection connection, String tenantId, List<Task> tasks, Object bulkJobId) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (tenant_id, id,"
                + " customer_id, title, due_at, assignee, status, closed, list_at, created_at, created_by, updated_at,"
                + " updated_by, version, bulk_job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Task task : tasks) {
                Object due = task.dueAt().isPresent() ? task.dueAt().get() : new IdStatements.SqlNull(Types.TIMESTAMP);
                List<Object> values = List.of(tenantId, task.id(), task.customerId(), task.title(), due,
                        task.assignee().isPresent() ? task.assignee().get() : new IdStatements.SqlNull(Types.VARCHAR),
                        task.status().name(), task.status().closed(), listAt(task.status(), task.dueAt(),
                        task.updatedAt()), task.createdAt(), task.createdBy(), task.updatedAt(), task.updatedBy(),
                        task.version(), bulkJobId);
                for (int i = 0; i < values.size(); i++) {
                    IdStatements.bind(insert, i + 1, values.get(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
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

    private static Keyed<Task> keyed(ResultSet row) throws SQLException {
        Task task = new Task(row.getLong(1), row.getLong(2), row.getString(3),
                Optional.ofNullable(IdStatements.instant(row, 4)), Optional.ofNullable(row.getString(5)),
                TaskStatus.valueOf(row.getString(6)), IdStatements.instant(row, 7), row.getString(8),
                IdStatements.instant(row, 9), row.getString(10), row.getLong(11));
        return new Keyed<>(task, IdStatements.instant(row, 12), task.id());
    }
}
