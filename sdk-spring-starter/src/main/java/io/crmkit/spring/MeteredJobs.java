package io.crmkit.spring;

import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferListener;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;

/**
 * Meters imports and exports submitted as jobs when they end, on the same meters as {@code run} (see
 * {@link CrmMetricsAutoConfiguration}): the timer gets the job's time from its start to its end as stored, with
 * {@code outcome=success} when it is DONE and {@code error} otherwise; the rows counters get its rows.
 */
final class MeteredJobs implements TransferListener {

    private final CrmMeters meters;

    MeteredJobs(CrmMeters meters) {
        this.meters = meters;
    }

    @Override
    public void ended(TransferJob job) {
        String name = job.kind() == TransferJob.Kind.IMPORT ? CrmMeters.IMPORTS : CrmMeters.EXPORTS;
        meters.record(name, Tags.empty(), Duration.between(job.createdAt(), job.updatedAt()),
                job.state() == TransferJob.State.DONE);
        if (job.kind() == TransferJob.Kind.EXPORT) {
            meters.count(CrmMeters.EXPORTS + ".rows", Tags.empty(), job.done());
        } else {
            job.imported().ifPresent(meters::countImported);
        }
    }
}
