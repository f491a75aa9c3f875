package io.crmkit.impl.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The jobs of every kind queued or running in this kit, the requests to cancel them, and the signal that wakes the
 * threads waiting for one to end; one per kit. A job checks for a cancel request after each chunk. Job ids are
 * unique per database, so one registry serves every kind. Thread-safe.
 */
public final class RunningJobs {

    private final Map<Long, Run> running = new ConcurrentHashMap<>();

    /** Whether a job waited for ran here. */
    public enum Wait {
        /** It ended here (or was never here by the time the wait began, see {@link #NOT_HERE}). */
        ENDED,
        /** It is still running here at the end of the wait. */
        TIMED_OUT,
        /** It does not run in this kit: another kit holds it, or it ended before the wait began. */
        NOT_HERE
    }

    /** A job queued or running here. */
    private static final class Run {
        volatile boolean cancelled;
        final CountDownLatch ended = new CountDownLatch(1);
    }

    /** Records that a job is queued or running here, from before its id is handed out until {@link #ended}. */
    public void started(long jobId) {
        running.put(jobId, new Run());
    }

    /** Records that a job stopped running here, whatever its end, and wakes the threads waiting for it. */
    public void ended(long jobId) {
        Run run = running.remove(jobId);
        if (run != null) {
            run.ended.countDown();
        }
    }

    /** @return whether the job runs here and is now asked to stop */
    public boolean cancel(long jobId) {
        Run run = running.get(jobId);
        if (run == null) {
            return false;
        }
        run.cancelled = true;
        return true;
    }

    /** @return whether the job runs here and was asked to stop */
    public boolean isCancelled(long jobId) {
        Run run = running.get(jobId);
        return run != null && run.cancelled;
    }

    /**
     * Waits for a job running here to end, without reading the database.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Wait await(long jobId, Duration timeout) throws InterruptedException {
        Run run = running.get(jobId);
        if (run == null) {
            return Wait.NOT_HERE;
        }
        return run.ended.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS) ? Wait.ENDED : Wait.TIMED_OUT;
    }
}
