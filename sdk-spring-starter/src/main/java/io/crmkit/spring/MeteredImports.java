package io.crmkit.spring;

import io.crmkit.api.ProgressListener;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportPreview;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.TransferJobs;
import io.micrometer.core.instrument.Tags;
import java.io.OutputStream;

/**
 * Times {@code run} on {@code crmkit.imports} and counts the rows of imports that wrote on
 * {@code crmkit.imports.rows} by result (created, updated, unchanged, failed); dry runs are timed, not counted.
 * Submitted jobs are measured when they end, by {@link MeteredJobs}.
 */
final class MeteredImports implements ImportService {

    private final ImportService imports;
    private final CrmMeters meters;

    MeteredImports(ImportService imports, CrmMeters meters) {
        this.imports = imports;
        this.meters = meters;
    }

    @Override
    public ImportResult run(ImportRequest request, ProgressListener listener) {
        ImportResult result = meters.time(CrmMeters.IMPORTS, Tags.empty(), () -> imports.run(request, listener));
        meters.countImported(result);
        return result;
    }

    @Override
    public void writeTemplate(OutputStream out) {
        imports.writeTemplate(out);
    }

    @Override
    public ImportPreview preview(ImportFile file) {
        return imports.preview(file);
    }

    @Override
    public long submit(ImportRequest request) {
        return imports.submit(request);
    }

    @Override
    public void writeFailureReport(long jobId, FileFormat format, OutputStream out) {
        imports.writeFailureReport(jobId, format, out);
    }

    @Override
    public TransferJobs jobs() {
        return imports.jobs();
    }
}
