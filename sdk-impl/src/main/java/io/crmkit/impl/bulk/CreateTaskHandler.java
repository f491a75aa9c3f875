package io.crmkit.impl.bulk;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerEvents;
import java.util.Map;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.activity.TaskStore;
import io.crmkit.impl.activity.TaskValidator;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.crmkit.impl.db.Session;

/**
 * Creates one task on each live customer (with {@code WRITE} as well); a customer that got its task from an earlier
 * run of the same job (stopped by a crash) is left unchanged.
 */
final class CreateTaskHandler implements BulkHandler<BulkOperation.CreateTask> {

    private final ChunkWrites writes;
    private final TaskStore tasks;
    private final IdGenerator ids;
    private final IdStatements idSql;

    CreateTaskHandler(ChunkWrites writes, TaskStore tasks, IdGenerator ids, IdStatements idSql) {
        this.writes = writes;
        this.tasks = tasks;
        this.ids = ids;
        this.idSql = idSql;
    }

    @Override
    public Set<Permission> permissions() {
        return Set.of(permission(), Permission.WRITE);
    }

    @Override
    public ChunkWork prepare(Actor actor, BulkOperation.CreateTask create) {
        Access.require(actor, Permission.WRITE, "create tasks in bulk");
        TaskDraft draft = TaskValidator.clean(create.draft());
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return draft;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                return createTasks(session.getConnection(), by, jobId, chunk, draft, now);
            }
        };
    }

    /** The chunk's customers stay locked until the chunk commits. */
    private ChunkWrites.Outcome createTasks(Connection connection, Actor actor, long jobId, List<Long> chunk,
                                            TaskDraft draft, Instant now) {
        ChunkWrites.Outcome outcome = new ChunkWrites.Outcome();
        List<Long> live = writes.lock(connection, actor.tenantId(), chunk, outcome);
        Set<Long> done = live.isEmpty() ? Set.of() : new HashSet<>(tasks.customersWithTaskOf(connection,
                actor.tenantId(), jobId, live, idSql));
        List<Task> created = new ArrayList<>(live.size());
        for (Long customerId : live) {
            if (done.contains(customerId)) {
                outcome.unchanged++;
            } else {
                created.add(TaskStore.newTask(ids.next(), customerId, draft, now, actor.actorId()));
                outcome.changed.add(customerId);
            }
        }
        if (!created.isEmpty()) {
            tasks.insert(connection, actor.tenantId(), created, jobId);
            created.forEach(task -> outcome.events.add(new CustomerEvents.Change(task.customerId(),
                    EventTypes.TASK_CREATED, Map.of("taskId", Long.toString(task.id())))));
        }
        return outcome;
    }
}
