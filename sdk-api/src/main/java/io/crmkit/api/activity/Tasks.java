package io.crmkit.api.activity;

import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Page;
import java.util.Optional;

/**
 * Tasks on customers. Creating tasks for the customers of a query is a bulk operation:
 * {@code crm.bulk().run(selection, BulkOperation.createTask(draft))}.
 */
public interface Tasks {

    /**
     * @throws ValidationException       with a blank or too long title, or a bad assignee
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Task create(long customerId, TaskDraft draft);

    /**
     * @param version the task's version as read
     * @throws NotFoundException         when the task does not exist in the tenant
     * @throws ConflictException         when the task changed since it was read
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Task changeStatus(long taskId, TaskStatus status, long version);

    /** @return the task, when it exists in the tenant */
    Optional<Task> find(long taskId);

    /**
     * A customer's tasks, the open ones first by due time (tasks without one last), then the closed ones when
     * asked for, newest first.
     *
     * @param includeClosed whether done and cancelled tasks are listed too
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Task> ofCustomer(long customerId, boolean includeClosed, PageRequest page);

    /**
     * An assignee's open and in-progress tasks across the tenant's customers, by due time (tasks without one
     * last). Tasks of customers in the trash are left out.
     *
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Task> openOf(String assignee, PageRequest page);
}
