package io.crmkit.impl.sheet;

/**
 * Counts the bytes inflated from one .xlsx, all parts together, and stops the reading once they pass the limit,
 * whatever the zip declared.
 */
final class UncompressedBudget {

    private final long max;
    private long used;

    /** @param max the most bytes all parts may inflate to */
    UncompressedBudget(long max) {
        this.max = max;
    }

    /**
     * @param bytes how many more bytes were just inflated
     * @param part  the part they came from, for the message
     * @throws io.crmkit.api.error.ValidationException {@code unsafe} once the total passes the limit
     */
    void spend(long bytes, String part) {
        used += bytes;
        if (used > max) {
            throw FileProblem.of("unsafe", part + ": the workbook inflates to more than " + max + " bytes, more than "
                    + "its zip directory declares; at most that much is read. Split it, or save it as CSV");
        }
    }
}
