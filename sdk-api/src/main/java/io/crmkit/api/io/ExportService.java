package io.crmkit.api.io;

import io.crmkit.api.ProgressListener;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.io.OutputStream;
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
     * Writes the export to the stream, in the calling thread; the stream is not closed.
     *
     * @return the rows written
     * @throws ValidationException       for an unknown column, view or filter field
     * @throws LimitExceededException    when more customers match than the kit's limit, at most {@value #MAX_ROWS}
     *                                   (nothing is written)
     * @throws PermissionDeniedException without {@code EXPORT}
     */
    default long run(ExportRequest request, OutputStream out) {
        return run(request, out, ProgressListener.NONE);
    }

    /** Like {@link #run(ExportRequest, OutputStream)}, telling the listener rows written / total as it goes. */
    long run(ExportRequest request, OutputStream out, ProgressListener listener);

    /**
     * Starts an export to a file in the kit's job executor and returns at once; the file is written whole or,
     * when the job fails or is cancelled, deleted. The request's checks run first and throw here.
     *
     * @return the job's id, for {@link TransferJobs}
     */
    long submit(ExportRequest request, Path file);

    /** @return the tenant's import and export jobs, polled and listed; see {@link TransferJobs} */
    TransferJobs jobs();
}
