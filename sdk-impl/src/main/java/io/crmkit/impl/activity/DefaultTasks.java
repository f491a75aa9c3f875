package io.crmkit.impl.activity;

import io.crmkit.api.activity.EventTypes;
import java.util.Map;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TaskStatus;
import io.crmkit.api.activity.Tasks;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.impl.access.Access;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Tasks} for one actor. */
final class DefaultTasks implements Tasks {

    /** The parts of a customer's task list, as its cursors name them. */
    private static final int OPEN = 0;
    private static final int CLOSED = 1;

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final TaskStore store;
    private final LiveCustomer customers;

    DefaultTasks(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.store = new TaskStore(tablePrefix);
        this.customers = new LiveCustomer(tablePrefix);
    }

    @Override
    public Task create(long customerId, TaskDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        Access.require(actor, Permission.WRITE, "create a task");
        TaskDraft clean = TaskValidator.clean(draft);
        return database.write("create a task", session -> {
            Connection connection = session.getConnection();
            customers.lock(connection, actor.tenantId(), customerId);
            Task task = TaskStore.newTask(ids.next(), customerId, clean, clock.instant(), actor.actorId());
            store.insert(connection, actor.tenantId(), List.of(task));
            audit.record(session, actor, "task.create", "task", task.id(), "customer " + customerId);
            audit.events().record(session, actor, customerId, EventTypes.TASK_CREATED, Map.of("taskId",
                    Long.toString(task.id())));
            return task;
        });
    }

    @Override
    public Task changeStatus(long taskId, TaskStatus status, long version) {
        ValidationException.requireNonNull(status, "status");
        Access.require(actor, Permission.WRITE, "change the status of a task");
        return database.write("change the status of a task", session -> {
            Connection connection = session.getConnection();
            Task current = store.find(connection, actor.tenantId(), taskId).orElseThrow(() -> notFound(taskId));
            if (current.version() != version) {
                throw stale(taskId, version, current.version());
            }
            if (current.status() == status) {
                return current;
            }
            Instant now = clock.instant();
            if (!store.changeStatus(connection, actor.tenantId(), current, status, now, actor.actorId())) {
                throw new ConflictException("task " + taskId + " changed while its status was being changed; read it"
                        + " again and apply the change to the current version");
            }
            audit.record(session, actor, "task.status", "task", taskId, current.status() + " -> " + status);
            if (status.closed() && !current.status().closed()) {
                audit.events().record(session, actor, current.customerId(), EventTypes.TASK_CLOSED, CustomerEvents.properties("taskId",
                        Long.toString(taskId), "status", status.name()));
            }
            return store.find(connection, actor.tenantId(), taskId).orElseThrow();
        });
    }

    @Override
    public Optional<Task> find(long taskId) {
        Access.require(actor, Permission.READ, "read tasks");
        return database.read("read a task", session -> store.find(session.getConnection(), actor.tenantId(),
                taskId));
    }

    @Override
    public Page<Task> ofCustomer(long customerId, boolean includeClosed, PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Access.require(actor, Permission.READ, "read tasks");
        String list = "tasks/" + customerId + (includeClosed ? "/all" : "/open");
        Optional<ListCursor> cursor = ListCursor.of(page, list);
        return database.read("list a customer's tasks", session -> {
            Connection connection = session.getConnection();
            customers.require(connection, actor.tenantId(), customerId);
            List<Keyed<Task>> rows = new ArrayList<>();
            boolean inClosed = cursor.isPresent() && cursor.get().part() == CLOSED;
            if (!inClosed) {
                rows.addAll(store.ofCustomer(connection, actor.tenantId(), customerId, false, cursor,
                        page.size() + 1));
            }
            if (includeClosed && rows.size() <= page.size()) {
                rows.addAll(store.ofCustomer(connection, actor.tenantId(), customerId, true,
                        inClosed ? cursor : Optional.empty(), page.size() + 1 - rows.size()));
            }
            return ListCursor.page(rows, page.size(), list, task -> task.status().closed() ? CLOSED : OPEN);
        });
    }

    @Override
    public Page<Task> openOf(String assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        Access.require(actor, Permission.READ, "read tasks");
        String clean = TaskValidator.assignee(assignee);
        String list = "tasks/assignee/" + clean;
        Optional<ListCursor> cursor = ListCursor.of(page, list);
        return database.read("list an assignee's open tasks", session -> ListCursor.page(store.openOf(
                session.getConnection(), actor.tenantId(), clean, cursor, page.size() + 1), page.size(), list,
                task -> OPEN));
    }

    private NotFoundException notFound(long taskId) {
        return new NotFoundException("no task " + taskId + " in tenant '" + actor.tenantId() + "'");
    }

    private static ConflictException stale(long taskId, long given, long current) {
        return new ConflictException("task " + taskId + " is at version " + current + ", the change was made against"
                + " version " + given + "; read it again and apply the change to the current version");
    }
}
