package io.crmkit.api.activity;

import io.crmkit.api.Page;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.Optional;

/**
 * Tasks on customers. Creating tasks for the customers of a query is a bulk operation:
 * {@code crm.bulk().run(selection, BulkOperation.createTask(draft))}.
 *
 * <p>The tasks of a customer in the trash stay stored but are out of reach (not found, not listed) until the
 * customer is restored. Lists come in keyset pages: pass a page's {@code nextCursor} to
 * {@link PageRequest#after(String)} for the next one; a cursor only continues the list that returned it (the same
 * customer and {@code includeClosed}, or the same assignee). Pages carry no total.
 */
public interface Tasks {

    /**
     * Creates an open task at version 1.
     *
     * @param customerId the customer the task is about
     * @param draft      the task; see {@link TaskDraft} for the limits of each field; not null
     * @return the task as stored: title and assignee trimmed, due time to the microsecond
     * @throws ValidationException       naming every invalid value of the draft (see {@link TaskDraft})
     * @throws NotFoundException         when the customer does not exist or is in the trash
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Task create(long customerId, TaskDraft draft);

    /**
     * Changes the status; any status may follow any other. Setting the status the task has changes nothing.
     *
     * @param taskId  the task's id
     * @param status  the new status; not null
     * @param version the task's version as read
     * @return the task as stored after the change, its version one higher
     * @throws NotFoundException         when the task does not exist in the tenant
     * @throws ConflictException         when the task changed since it was read
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Task changeStatus(long taskId, TaskStatus status, long version);

    /**
     * @param taskId the task's id
     * @return the task, when it exists in the tenant and its customer is not in the trash
     * @throws PermissionDeniedException without {@code READ}
     */
    Optional<Task> find(long taskId);

    /**
     * A customer's tasks, the open ones (open and in progress) first by due time (tasks without one last), then
     * the closed ones when asked for, the most recently closed first (ties: the one created first comes first
     * among open tasks, last among closed ones).
     *
     * @param customerId    the customer whose tasks to list
     * @param includeClosed whether done and cancelled tasks are listed too
     * @param page          the page size and cursor; not null
     * @return a page of the customer's tasks; empty items when it has none
     * @throws ValidationException       when the cursor is malformed or belongs to another list
     * @throws NotFoundException         when the customer does not exist or is in the trash
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Task> ofCustomer(long customerId, boolean includeClosed, PageRequest page);

    /**
     * An assignee's open and in-progress tasks across the tenant's customers, by due time (tasks without one
     * last; ties by id). Tasks of customers in the trash are left out.
     *
     * @param assignee the actor id, 1 to 64 characters after trimming (field {@code assignee})
     * @param page     the page size and cursor; not null
     * @return a page of the assignee's open tasks; empty items when there are none
     * @throws ValidationException       with a blank or too long assignee, or a cursor malformed or of another list
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Task> openOf(String assignee, PageRequest page);
}
