package io.crmkit.impl.activity;

import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a new task as {@link TaskDraft} describes, reporting every problem at once, and returns it cleaned:
 * title and assignee trimmed, the due time to the microsecond. A blank assignee is refused: an unassigned task has
 * none. Thread-safe.
 */
public final class TaskValidator {

    /** Longest assignee id, as long as an actor id. */
    static final int ASSIGNEE_MAX = 64;

    private TaskValidator() {
    }

    /**
     * @return the draft cleaned
     * @throws ValidationException naming every invalid value
     */
    public static TaskDraft clean(TaskDraft draft) {
        Errors errors = new Errors();
        String title = errors.requiredText("title", draft.title(), TaskDraft.TITLE_MAX, "a task");
        Optional<Instant> due = draft.dueAt().map(at -> ActivityTimes.check(errors, "dueAt", at));
        Optional<String> assignee = draft.assignee().map(id -> assignee(errors, id,
                "must not be blank; leave it out for an unassigned task"));
        errors.throwIfAny();
        return new TaskDraft(title, due, assignee);
    }

    /**
     * @return the assignee of a list trimmed
     * @throws ValidationException when it is blank or too long
     */
    static String assignee(String assignee) {
        Errors errors = new Errors();
        String clean = assignee(errors, assignee, "name the actor whose open tasks to list");
        errors.throwIfAny();
        return clean;
    }

    private static String assignee(Errors errors, String assignee, String whenBlank) {
        String clean = errors.text("assignee", assignee, ASSIGNEE_MAX);
        if (clean.isEmpty()) {
            errors.add("assignee", "required", whenBlank);
        }
        return clean;
    }
}
