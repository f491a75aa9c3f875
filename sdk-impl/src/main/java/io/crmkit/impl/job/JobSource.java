package io.crmkit.impl.job;

import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import java.util.Set;

/**
 * The part of the kit whose jobs some kinds are (bulk operations; imports and exports), as one actor sees them: how
 * a stored job of its kinds reads as a {@link Job}, and what cancelling one needs. Every kind lives in the one job
 * table ({@link JobStore}); {@link DefaultJobs} reads it and hands each job to the source of its kind.
 */
public interface JobSource {

    /** @return the kinds of job of this source */
    Set<JobKind> kinds();

    /** @return a stored job of one of this source's kinds as a host sees it */
    Job job(StoredJob stored);

    /**
     * Cancels a job of this source, read by {@link DefaultJobs}, after checking the permission that starts it: see
     * {@code Jobs.cancel}.
     *
     * @return whether the job was asked to stop or was cancelled
     */
    boolean cancel(Job job);
}
