package io.crmkit.api.activity;

/** Where a task stands. Any status can change to any other; done and cancelled tasks are closed. */
public enum TaskStatus {
    /** Not started. */
    OPEN,
    /** Being worked on. */
    IN_PROGRESS,
    /** Finished; closed. */
    DONE,
    /** Dropped; closed. */
    CANCELLED;

    /** @return whether the task is finished: done or cancelled */
    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
