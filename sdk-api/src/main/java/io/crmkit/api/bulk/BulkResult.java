package io.crmkit.api.bulk;

import java.util.List;

/**
 * The outcome of a bulk operation.
 *
 * @param operation the operation's name
 * @param total     customers selected
 * @param changed   customers changed (for a delete: moved to the trash)
 * @param unchanged customers that already were as the operation would make them (for a delete: already in the trash,
 *                  such as those a run stopped by a crash moved there)
 * @param skipped   customers the operation does not apply to (an invalid status transition), or that stopped
 *                  matching the selection's query before their chunk ran
 * @param failed    customers that could not be changed (not found, invalid value, limit)
 * @param issues    why customers were skipped or failed, the first {@value #MAX_ISSUES}
 */
public record BulkResult(String operation, long total, long changed, long unchanged, long skipped, long failed,
                         List<BulkIssue> issues) {

    /** Most issues a result lists; the counts stay exact. */
    public static final int MAX_ISSUES = 1000;

    /**
     * Copies the issues.
     *
     * @param operation the operation's name, as {@link BulkOperation#name()} gives it
     * @param total     customers selected
     * @param changed   customers changed
     * @param unchanged customers that already were as the operation would make them
     * @param skipped   customers the operation does not apply to
     * @param failed    customers that could not be changed
     * @param issues    why customers were skipped or failed, at most {@value #MAX_ISSUES}; neither the list nor an
     *                  issue may be null
     * @throws NullPointerException when {@code issues} or an issue is null
     */
    public BulkResult {
        issues = List.copyOf(issues);
    }
}
