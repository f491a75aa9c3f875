package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * A new task. Checked when created, every problem reported at once: a title of 1 to {@value #TITLE_MAX}
 * characters on one line, a due time from 1900 to the end of 9998 (kept to the microsecond), an assignee id of 1
 * to 64 characters (leave it empty for an unassigned task). Texts are trimmed.
 *
 * @param title    what to do
 * @param dueAt    when it is due, if it is
 * @param assignee the actor id who should do it, if anyone yet
 */
public record TaskDraft(String title, Optional<Instant> dueAt, Optional<String> assignee) {

    /** Longest title. */
    public static final int TITLE_MAX = 200;

    /**
     * Checks for nulls; the limits in the type's description are checked when the task is created, on the field
     * of the same name.
     *
     * @param title    what to do, 1 to {@value #TITLE_MAX} characters on one line; not null
     * @param dueAt    when it is due, from 1900 to the end of 9998; empty for no due time; not null
     * @param assignee the actor id who should do it, 1 to 64 characters; empty for an unassigned task; not null
     * @throws ValidationException on field {@code title}, {@code dueAt} or {@code assignee}, code {@code required},
     *                             when it is null
     */
    public TaskDraft {
        ValidationException.requireNonNull(title, "title");
        ValidationException.requireNonNull(dueAt, "dueAt");
        ValidationException.requireNonNull(assignee, "assignee");
    }

    /**
     * @param title what to do, 1 to {@value #TITLE_MAX} characters on one line
     * @return an open task with a title only
     * @throws ValidationException on field {@code title}, code {@code required}, when it is null
     */
    public static TaskDraft of(String title) {
        return new TaskDraft(title, Optional.empty(), Optional.empty());
    }

    /**
     * @param due when the task is due, from 1900 to the end of 9998
     * @return this draft due at the given time
     * @throws ValidationException on field {@code dueAt}, code {@code required}, when it is null
     */
    public TaskDraft dueAt(Instant due) {
        return new TaskDraft(title, Optional.of(ValidationException.requireNonNull(due, "dueAt")), assignee);
    }

    /**
     * @param actorId the actor id who should do it, 1 to 64 characters, not blank
     * @return this draft assigned to an actor
     * @throws ValidationException on field {@code assignee}, code {@code required}, when it is null
     */
    public TaskDraft assignedTo(String actorId) {
        return new TaskDraft(title, dueAt, Optional.of(ValidationException.requireNonNull(actorId, "assignee")));
    }
}
