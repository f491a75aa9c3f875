package io.crmkit.api.error;

/**
 * Root of every exception CRMKit throws. Unchecked, so callers catch only what they can act on.
 *
 * <p>Each exception carries a machine-readable {@link #code()} (stable across releases, safe to switch on
 * or to map to an HTTP status) and a message written for the developer who has to fix the call.
 */
public class CrmException extends RuntimeException {

    /** The machine-readable code. */
    private final String code;

    /**
     * @param code    machine-readable code, such as {@code "validation"} or {@code "conflict"}
     * @param message what went wrong and, where possible, what to do about it
     */
    public CrmException(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code    machine-readable code
     * @param message what went wrong
     * @param cause   the underlying failure, such as a database error
     */
    public CrmException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the machine-readable code of this failure; never null */
    public String code() {
        return code;
    }
}
