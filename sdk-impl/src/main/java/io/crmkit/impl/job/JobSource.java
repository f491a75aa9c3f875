package io.crmkit.impl.job;

import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored jobs of some kinds, as one actor sees them: bulk operations from their table, imports and exports from
 * theirs. {@link DefaultJobs} puts the sources together; each source checks the permissions of its own kinds.
 */
public interface JobSource {

    /** @return the kinds of job this source stores */
    Set<JobKind> kinds();

    /** @return the actor's tenant's job with this id, when it is of this source's kinds */
    Optional<Job> find(long id);

    /** @return the tenant's latest jobs of this source, at most {@code limit}, newest first */
    List<Job> latest(int limit);

    /** @return the tenant's latest jobs of one of this source's kinds, at most {@code limit}, newest first */
    List<Job> latest(JobKind kind, int limit);

    /**
     * Cancels a job of this source, found by {@link #find}: see {@code Jobs.cancel}.
     *
     * @return whether the job was asked to stop or was cancelled
     */
    boolean cancel(Job job);
}
