package io.crmkit.api.job;

/** What a job does. */
public enum JobKind {
    /** A bulk operation on many customers ({@code BulkService}); its result is a {@code BulkResult}. */
    BULK,
    /** An import of customers from a file ({@code ImportService}); its result is an {@code ImportResult}. */
    IMPORT,
    /** An export of customers to a file ({@code ExportService}); its result is the number of rows written. */
    EXPORT,
    /**
     * A recompute of a tenant's customer metrics and value ratings ({@code Metrics.submitRecompute},
     * {@code Metrics.recomputeRatings}), named {@code recompute_ratings}; its done and total count customers
     * refreshed, the ratings are set after the last of them.
     */
    METRICS
}
