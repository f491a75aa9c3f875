package io.crmkit.impl.io;

import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferJobs;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.job.JobSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The import and export jobs of one actor's tenant as {@link Job}s, read and cancelled through its
 * {@link TransferJobs} (which check the permissions).
 */
final class TransferJobSource implements JobSource {

    private final TransferJobs transfers;
    private final TransferJobStore store;
    private final String tenantId;

    TransferJobSource(TransferJobs transfers, TransferJobStore store, String tenantId) {
        this.transfers = transfers;
        this.store = store;
        this.tenantId = tenantId;
    }

    @Override
    public Set<JobKind> kinds() {
        return Set.of(JobKind.IMPORT, JobKind.EXPORT);
    }

    @Override
    public Optional<Job> find(long id) {
        return transfers.find(id).map(TransferJobSource::job);
    }

    @Override
    public List<Job> latest(int limit) {
        List<TransferJob> latest = transfers.latest();
        return latest.subList(0, Math.min(limit, latest.size())).stream().map(TransferJobSource::job).toList();
    }

    @Override
    public List<Job> latest(JobKind kind, int limit) {
        return store.latest(tenantId, TransferJob.Kind.valueOf(kind.name()), limit).stream()
                .map(row -> job(row.job())).toList();
    }

    @Override
    public boolean cancel(Job job) {
        return transfers.cancel(job.id());
    }

    static Job job(TransferJob job) {
        return new Job(job.id(), JobKind.valueOf(job.kind().name()), job.fileName(), job.actorId(),
                JobState.valueOf(job.state().name()), job.done(), job.total(), Optional.empty(), job.imported(),
                job.error(), job.createdAt(), job.updatedAt());
    }
}
