package io.crmkit.api.job;

/** Where a job is. A job is active while {@link #QUEUED} or {@link #RUNNING}; every other state has ended. */
public enum JobState {
    /** A previewed bulk delete waiting for its confirmation; no other kind of job is ever pending. */
    PENDING,
    /**
     * Submitted, waiting for one of its kit's job threads; held by its kit (a lease the kit renews every few
     * seconds), so starting the same job meanwhile is refused.
     */
    QUEUED,
    /** Running now, held by its kit's lease. */
    RUNNING,
    /** Finished; see the result. */
    DONE,
    /** Stopped by an error, which the job states; the work committed before it stays. */
    FAILED,
    /** Stopped by {@link Jobs#cancel}; the work committed before it stays and is reported. */
    CANCELLED,
    /**
     * Queued or running when its process stopped: the lease its kit renews ended. A job submitted to the scheduler
     * (an import, an export into the database, a bulk operation, a recompute of metrics) is continued by another
     * kit's scheduler seconds later, by itself; any other job by running the same import, operation or recompute
     * again, from any kit. {@link Jobs#cancel} ends it.
     */
    INTERRUPTED;

    /** @return whether the job is queued or running, so that it may still change by itself */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
