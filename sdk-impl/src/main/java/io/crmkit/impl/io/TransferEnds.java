package io.crmkit.impl.io;

import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kit's {@link TransferListener}s, told of the end of each submitted import and export. Thread-safe. */
public final class TransferEnds {

    private static final Logger LOG = LoggerFactory.getLogger(TransferEnds.class);

    private final List<TransferListener> listeners;

    /** @param listeners in the order they are told */
    public TransferEnds(List<TransferListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Tells every listener of the job's end as stored; a listener that throws is logged and skipped. */
    void report(TransferJobRows jobs, String tenantId, long jobId) {
        if (listeners.isEmpty()) {
            return;
        }
        jobs.find(tenantId, jobId).ifPresent(this::report);
    }

    /** Tells every listener of the job's end; a listener that throws is logged and skipped. */
    void report(TransferJob job) {
        for (TransferListener listener : listeners) {
            try {
                listener.ended(job);
            } catch (RuntimeException e) {
                LOG.warn("a TransferListener failed on the end of job {}; the job is not affected", job.id(), e);
            }
        }
    }
}
