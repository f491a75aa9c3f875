package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.Tasks;
import io.crmkit.impl.KitContext;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TaskStatus;
import io.crmkit.api.filter.Page;
import java.util.Optional;

/** {@link Tasks} for one actor. Not built yet. */
final class DefaultTasks implements Tasks {

    private final Actor actor;
    private final KitContext kit;

    DefaultTasks(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
    }

    @Override
    public Task create(long customerId, TaskDraft draft) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Task changeStatus(long taskId, TaskStatus status, long version) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Optional<Task> find(long taskId) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Page<Task> ofCustomer(long customerId, boolean includeClosed, PageRequest page) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Page<Task> openOf(String assignee, PageRequest page) {
        throw new UnsupportedOperationException("not built yet");
    }
}
