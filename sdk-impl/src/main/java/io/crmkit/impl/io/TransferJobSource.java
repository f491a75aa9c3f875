package io.crmkit.impl.io;

import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferJobs;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.impl.job.JobSource;
import io.crmkit.impl.job.StoredJob;
import java.util.Optional;
import java.util.Set;

/**
 * The import and export jobs of one actor's tenant as {@link Job}s, cancelled through its {@link TransferJobs}
 * (which checks the permissions: {@code IMPORT} or {@code EXPORT}, what starting the job needs).
 */
final class TransferJobSource implements JobSource {

    private final TransferJobs transfers;

    TransferJobSource(TransferJobs transfers) {
        this.transfers = transfers;
    }

    @Override
    public Set<JobKind> kinds() {
        return TransferJobRows.TRANSFERS;
    }

    @Override
    public Job job(StoredJob stored) {
        TransferJob job = TransferJobRows.job(stored);
        return new Job(job.id(), JobKind.valueOf(job.kind().name()), job.fileName(), job.actorId(),
                JobState.valueOf(job.state().name()), job.done(), job.total(), Optional.empty(), job.imported(),
                job.error(), job.createdAt(), job.updatedAt());
    }

    @Override
    public boolean cancel(Job job) {
        return transfers.cancel(job.id());
    }
}
