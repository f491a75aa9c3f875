package io.crmkit.api.job;

/** What a job does. */
public enum JobKind {
    /** A bulk operation on many customers ({@code BulkService}); its result is a {@code BulkResult}. */
    BULK,
    /** An import of customers from a file ({@code ImportService}); its result is an {@code ImportResult}. */
    IMPORT,
    /** An export of customers to a file ({@code ExportService}); its result is the number of rows written. */
    EXPORT
}
