package io.crmkit.api.io;

import java.util.List;

/**
 * What an import did. {@code created + updated + unchanged + failed == rows}. A dry run counts what it would do.
 *
 * @param jobId     the import's job, for {@link ImportService#writeFailureReport}
 * @param dryRun    whether nothing was written
 * @param rows      data rows read
 * @param created   customers created
 * @param updated   customers that matched and changed
 * @param unchanged customers that matched and already held the row's values
 * @param failed    rows not imported
 * @param failures  the first {@value #MAX_LISTED} failed rows; the failure report has all of them
 */
public record ImportResult(long jobId, boolean dryRun, long rows, long created, long updated, long unchanged,
                           long failed, List<ImportFailure> failures) {

    /** Most failures listed in a result. */
    public static final int MAX_LISTED = 100;

    /**
     * Copies the failures.
     *
     * @param jobId     the import's job
     * @param dryRun    whether nothing was written
     * @param rows      data rows read
     * @param created   customers created
     * @param updated   customers that matched and changed
     * @param unchanged customers that matched and already held the row's values
     * @param failed    rows not imported
     * @param failures  at most {@value #MAX_LISTED} failed rows; neither the list nor a failure may be null
     * @throws NullPointerException when {@code failures} or a failure is null
     */
    public ImportResult {
        failures = List.copyOf(failures);
    }
}
