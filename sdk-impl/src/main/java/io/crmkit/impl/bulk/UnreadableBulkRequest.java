package io.crmkit.impl.bulk;

/**
 * A bulk job's stored request that does not describe an operation this kit can run: not JSON, of another format, a
 * part missing or of the wrong kind. The job is failed with this message; it never reaches a caller of the API.
 */
final class UnreadableBulkRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message where in the request and what is wrong there */
    UnreadableBulkRequest(String message) {
        super(message, null, false, false);
    }
}
