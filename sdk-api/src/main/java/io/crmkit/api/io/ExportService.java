package io.crmkit.api.io;

import io.crmkit.api.ProgressListener;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Exports customers of the actor's tenant to .xlsx or CSV, streaming: memory does not grow with the number of
 * rows. Needs the {@code EXPORT} permission. A text cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe; an import removes it again.
 */
public interface ExportService {

    /** Most customers in one export; the host may set its kit lower ({@code CrmKit.Builder.exportMaxRows}). */
    long MAX_ROWS = 1_000_000;

    /**
     * Writes the export to the stream, in the calling thread; the stream is not closed. The export is stored as a job
     * named {@code (stream)}. Pages are read on a thread of the run's own; without a keyword, the customers are also
     * counted on a third thread while the first pages are written, so the run may hold three pooled connections.
     * Until the count allows them, the stream receives nothing: the written bytes are held, the first MiB in memory
     * and the rest in a temporary file of the JVM's temporary folder (a run cancelled before its count sends nothing).
     * With a keyword, the count comes first.
     *
     * @param request the format, the customers and the columns; not null
     * @param out     where the file is written; flushed, not closed; not null
     * @return the rows written, not counting the header; 0 when no customer matches (the file then holds the header
     *         only)
     * @throws ValidationException       for an unknown column, view or filter field
     * @throws LimitExceededException    when more customers match than the kit's limit, at most {@value #MAX_ROWS}
     *                                   (nothing is written to the stream; without a keyword the job is
     *                                   {@code FAILED} with the reason, with one no job is stored)
     * @throws PermissionDeniedException without {@code EXPORT}
     */
    default long run(ExportRequest request, OutputStream out) {
        return run(request, out, ProgressListener.NONE);
    }

    /**
     * Like {@link #run(ExportRequest, OutputStream)}, telling the listener rows written / total as it goes; until the
     * count ends, the total it is told is the rows written.
     *
     * @param request  the format, the customers and the columns; not null
     * @param out      where the file is written; flushed, not closed; not null
     * @param listener told rows written / total as it goes, in the calling thread; {@link ProgressListener#NONE}
     *                 for none; not null
     * @return the rows written, not counting the header
     * @throws ValidationException       for an unknown column, view or filter field
     * @throws LimitExceededException    when more customers match than the kit's limit, at most {@value #MAX_ROWS}
     *                                   (nothing is written to the stream; without a keyword the job is
     *                                   {@code FAILED} with the reason, with one no job is stored)
     * @throws PermissionDeniedException without {@code EXPORT}
     */
    long run(ExportRequest request, OutputStream out, ProgressListener listener);

    /**
     * Starts an export to a file in the kit's job executor and returns at once; the file is written whole or,
     * when the job fails or is cancelled, deleted. The request's checks run first and throw here. The job is named
     * after the file.
     *
     * @param request the format, the customers and the columns; not null
     * @param file    the file to write, created or replaced; its folder must exist; not null
     * @return the job's id, for {@link TransferJobs} and {@code Crm.jobs()}
     * @throws ValidationException       on field {@code file}, code {@code invalid}, when it is a folder or its folder
     *                                   does not exist; for an unknown column, view or filter field
     * @throws LimitExceededException    when more customers match than the kit's limit, at most {@value #MAX_ROWS}
     * @throws PermissionDeniedException without {@code EXPORT}
     */
    long submit(ExportRequest request, Path file);

    /**
     * Submits an export to the kit's scheduler and returns at once, keeping its file in the database instead of a
     * host path, so that any instance of the host sharing the database can serve it with {@link #writeFile} once the
     * job is done. Any kit on the database may run it; when the kit running it stops, another kit writes its file
     * again from the start once the first kit's job lease ended. The file is kept for the kit's job file retention ({@code CrmKit.Builder.jobFileRetention}, 7 days
     * by default), then deleted; it is deleted at once when the job fails or is cancelled. Its job's name is
     * {@code export.csv} or {@code export.xlsx}. The request's checks run first and throw here.
     *
     * @param request the format, the customers and the columns; not null
     * @return the job's id, for {@code Crm.jobs()} and {@link #writeFile}
     * @throws ValidationException       for an unknown column, view or filter field
     * @throws LimitExceededException    when more customers match than the kit's limit
     * @throws PermissionDeniedException without {@code EXPORT}
     */
    long submit(ExportRequest request);

    /**
     * Writes the file of an export submitted with {@link #submit(ExportRequest)}, from the database, to the stream,
     * one chunk of at most 1 MiB in memory at a time; the stream is not closed. Any kit sharing the database serves
     * it, not only the one that wrote it.
     *
     * @param jobId the export's job, as {@link #submit(ExportRequest)} returned it
     * @param out   where the file is written; not closed; not null
     * @return the bytes written
     * @throws NotFoundException         when the tenant has no such export, or its file is not kept in the database
     *                                   (written to a host path, or deleted after the retention)
     * @throws ConflictException         when the export has not finished (its state is not {@code DONE})
     * @throws UncheckedIOException      when the stream fails
     * @throws PermissionDeniedException without {@code EXPORT}
     */
    long writeFile(long jobId, OutputStream out);

    /** @return the tenant's import and export jobs, polled and listed; see {@link TransferJobs} */
    TransferJobs jobs();
}
