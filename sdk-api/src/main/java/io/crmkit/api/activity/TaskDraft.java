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

    /** @throws ValidationException naming the component that is null or invalid */
    public TaskDraft {
        ValidationException.requireNonNull(title, "title");
        ValidationException.requireNonNull(dueAt, "dueAt");
        ValidationException.requireNonNull(assignee, "assignee");
    }

    /** @return an open task with a title only */
    public static TaskDraft of(String title) {
        return new TaskDraft(title, Optional.empty(), Optional.empty());
    }

    /** @return this draft due at the given time */
    public TaskDraft dueAt(Instant due) {
        return new TaskDraft(title, Optional.of(ValidationException.requireNonNull(due, "dueAt")), assignee);
    }

    /** @return this draft assigned to an actor */
    public TaskDraft assignedTo(String actorId) {
        return new TaskDraft(title, dueAt, Optional.of(ValidationException.requireNonNull(actorId, "assignee")));
    }
}
