package io.crmkit.spring;

import io.crmkit.api.ProgressListener;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.TransferJobs;
import io.micrometer.core.instrument.Tags;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Times {@code run} on {@code crmkit.exports} and counts the rows written on {@code crmkit.exports.rows}.
 * Submitted jobs run on the kit's threads and are not measured.
 */
final class MeteredExports implements ExportService {

    private final ExportService exports;
    private final CrmMeters meters;

    MeteredExports(ExportService exports, CrmMeters meters) {
        this.exports = exports;
        this.meters = meters;
    }

    @Override
    public long run(ExportRequest request, OutputStream out, ProgressListener listener) {
        long rows = meters.time(CrmMeters.EXPORTS, Tags.empty(), () -> exports.run(request, out, listener));
        meters.count(CrmMeters.EXPORTS + ".rows", Tags.empty(), rows);
        return rows;
    }

    @Override
    public long submit(ExportRequest request, Path file) {
        return exports.submit(request, file);
    }

    @Override
    public long submit(ExportRequest request) {
        return exports.submit(request);
    }

    @Override
    public long writeFile(long jobId, OutputStream out) {
        return exports.writeFile(jobId, out);
    }

    @Override
    public TransferJobs jobs() {
        return exports.jobs();
    }
}
