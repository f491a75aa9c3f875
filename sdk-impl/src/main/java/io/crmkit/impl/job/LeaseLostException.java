package io.crmkit.impl.job;

import io.crmkit.api.error.ConflictException;

/**
 * A run's lease on its job ended (its kit could not renew it in time, or the job was cancelled as abandoned) and the
 * job may now run elsewhere: the transaction that found out is rolled back and the run stops.
 */
public final class LeaseLostException extends ConflictException {

    public LeaseLostException(long jobId) {
        super("job " + jobId + " was taken over or cancelled after this run's lease on it ended; its committed work"
                + " stays, the rest is done by the run that holds it now", jobId);
    }
}
