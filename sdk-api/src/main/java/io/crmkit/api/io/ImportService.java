package io.crmkit.api.io;

import io.crmkit.api.ProgressListener;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Imports customers of the actor's tenant from .xlsx, .xls (Excel 97-2003) and CSV files. Needs the {@code IMPORT} permission.
 *
 * <p>An import reads the file once to check it (format, safety, size, header) and count its rows, then again to
 * import them in chunks of {@value #CHUNK_ROWS} rows (fewer when the rows are long: a chunk holds a bounded number
 * of characters, sized from the heap), each chunk in one transaction together with the job's
 * progress: every row is either fully imported or not at all. Each row gets the validation of a single
 * customer; a row that breaks a rule fails alone, with every reason, and the import goes on. Two rows of the
 * same file that stand for the same customer (same id, phone or email) are one customer: the first row creates
 * or updates it, the later ones update it, in file order. An empty cell leaves the field as it is when updating;
 * identities and tags of a row are added to the customer's.
 *
 * <p>A queued or running import is held by its kit, which renews a lease on it every few seconds; running the
 * same import (same file content, same request) while it is held gets a {@code ConflictException}, so an import
 * never runs twice at once. If the process dies, the lease ends within seconds (10 by default) and the job shows as
 * {@code INTERRUPTED}: running the same import again, from any kit, continues after the last committed chunk, so no
 * row is imported twice.
 *
 * <p>Untrusted files are checked before anything is written: a file that is not what its format says, a zip
 * bomb, an XML entity, a sheet with more than {@value #MAX_COLUMNS} columns, an oversized shared-strings table or
 * package part, a row whose cells together are longer than the heap allows (at most 1,000,000 characters),
 * broken UTF-8, or more data rows than the kit's limit (at most {@value #MAX_ROWS}) get a
 * {@link ValidationException} (field "file") or a {@link LimitExceededException}, and nothing is imported.
 */
public interface ImportService {

    /** Most data rows in one file; the host may set its kit lower ({@code CrmKit.Builder.importMaxRows}). */
    int MAX_ROWS = 200_000;

    /** Most columns in one file. */
    int MAX_COLUMNS = 1_000;

    /** Largest file, in bytes (100 MiB). */
    long MAX_FILE_BYTES = 100L * 1024 * 1024;

    /** Most rows per chunk (transaction). */
    int CHUNK_ROWS = 1_000;

    /**
     * Writes an .xlsx template: a "Customers" sheet whose header names every built-in and active custom field
     * of the tenant, with an example row, and an "Instructions" sheet with each column's rules.
     *
     * @param out where the .xlsx is written; flushed, not closed; not null
     * @throws UncheckedIOException      when the stream fails
     * @throws PermissionDeniedException without {@code IMPORT}
     */
    void writeTemplate(OutputStream out);

    /**
     * Reads a file's header and first rows and suggests a mapping of its columns to fields. Nothing is written and
     * no job is stored; the file gets the same safety checks as an import.
     *
     * @param file the file to look at; not null
     * @return the header, the suggested mapping of the headers the kit recognized (the others listed as unmapped),
     *         up to the first 5 data rows (none for a file with a header only) and every field a column may be
     *         mapped to
     * @throws ValidationException       on field {@code file} when the file is unreadable, unsafe, empty or not in
     *                                   its format
     * @throws PermissionDeniedException without {@code IMPORT}
     */
    ImportPreview preview(ImportFile file);

    /**
     * Imports now, in the calling thread.
     *
     * @param request the file, its mapping and how to match existing customers; not null
     * @return the counts of rows read, customers created, updated and unchanged, rows failed, and the first failed
     *         rows with their reasons; for a dry run, what an import would do, nothing written
     * @throws ValidationException       when the request or the file is invalid (nothing is imported)
     * @throws LimitExceededException    when the file holds more data rows than the kit's limit, at most
     *                                   {@value #MAX_ROWS}
     * @throws PermissionDeniedException without {@code IMPORT}
     */
    default ImportResult run(ImportRequest request) {
        return run(request, ProgressListener.NONE);
    }

    /**
     * Like {@link #run(ImportRequest)}, telling the listener rows read / total after each chunk.
     *
     * @param request  the file, its mapping and how to match existing customers; not null
     * @param listener told rows read / total after each committed chunk, in the calling thread;
     *                 {@link ProgressListener#NONE} for none; not null
     * @return the import's counts, as {@link #run(ImportRequest)} returns them
     * @throws ValidationException       when the request or the file is invalid (nothing is imported)
     * @throws LimitExceededException    when the file holds more data rows than the kit's limit, at most
     *                                   {@value #MAX_ROWS}
     * @throws PermissionDeniedException without {@code IMPORT}
     */
    ImportResult run(ImportRequest request, ProgressListener listener);

    /**
     * Starts an import as a job and returns at once. The request's checks that need no file run first and throw
     * here; a bad file fails the job. The file and the request are kept in the database and the job is handed to the
     * kits' persistent scheduler: whichever kit on the database picks it up runs it, and when that kit dies midway
     * another kit continues it after its last committed row, seconds after the dead kit's lease ended (see
     * {@code CrmKit.Builder.jobLease}); no row is imported twice. The kept file is deleted after the kit's job file
     * retention. A dry run runs in this kit's job threads and is not continued elsewhere.
     *
     * @param request the file, its mapping and how to match existing customers; not null
     * @return the job's id, for {@code Crm.jobs()} and {@link #writeFailureReport}
     * @throws ValidationException       when the request is invalid (no job is stored)
     * @throws PermissionDeniedException without {@code IMPORT}
     * @throws ConflictException         when the same import is queued or running in a kit
     * @throws UncheckedIOException      when the file cannot be read to keep it in the database
     */
    long submit(ImportRequest request);

    /**
     * Writes every failed row of an import: the original cells under the original header, then its row number
     * and its reasons. An import without failed rows gets the header only.
     *
     * @param jobId  the import's job, as {@link ImportResult#jobId()} or {@link #submit} gives it
     * @param format the report's format, XLSX or CSV; not null
     * @param out    where the report is written; flushed, not closed; not null
     * @throws NotFoundException         when the tenant has no import with this id (an export's id included)
     * @throws PermissionDeniedException without {@code IMPORT}
     * @throws ValidationException       on field {@code format}, code {@code not_allowed}, for
     *                                   {@link FileFormat#XLS}
     */
    void writeFailureReport(long jobId, FileFormat format, OutputStream out);

    /** @return the tenant's import and export jobs, polled and listed; see {@link TransferJobs} */
    TransferJobs jobs();
}
