package io.crmkit.api.error;

/**
 * The database failed in a way CRMKit could not handle: connection lost, a retryable error that kept
 * failing after the retries, a schema that does not match. The operation was rolled back; the cause holds
 * the driver's exception. Code {@code storage}; a subclass for a kind of failure of its own carries its own code
 * (such as {@link SearchTimeoutException}, {@code search_timeout}), so a host telling failures apart by code sees
 * those under theirs and catches them all as this class.
 */
public class StorageException extends CrmException {

    /**
     * @param message what the SDK was doing
     * @param cause   the database failure
     */
    public StorageException(String message, Throwable cause) {
        super("storage", message, cause);
    }

    /**
     * For a failure of a kind of its own, with its own code.
     *
     * @param code    the machine-readable kind of failure
     * @param message what the SDK was doing
     * @param cause   the database failure
     */
    protected StorageException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
