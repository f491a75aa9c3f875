package io.crmkit.impl.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The import and export jobs running in this kit, and the requests to cancel them; one per kit. A job checks
 * for a request after each chunk. Thread-safe.
 */
public final class RunningTransfers {

    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();

    void started(long jobId) {
        running.put(jobId, Boolean.FALSE);
    }

    void ended(long jobId) {
        running.remove(jobId);
    }

    /** @return whether the job runs here and is now asked to stop */
    boolean cancel(long jobId) {
        return running.replace(jobId, Boolean.TRUE) != null;
    }

    boolean isCancelled(long jobId) {
        return running.getOrDefault(jobId, Boolean.FALSE);
    }
}
