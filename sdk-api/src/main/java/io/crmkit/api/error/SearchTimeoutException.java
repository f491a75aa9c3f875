package io.crmkit.api.error;

import java.time.Duration;

/**
 * A search (a page, a count, the customers of a bulk operation or an export) ran longer than the kit's search
 * timeout ({@code CrmKit.builder().searchTimeout}, 30 seconds by default), and the database stopped it. Nothing
 * was written by it; a job it belonged to fails with this message. Narrow the search (a longer keyword, fewer or
 * more selective conditions) or, when the host's users need longer searches, raise the timeout. Code
 * {@code search_timeout}.
 */
public class SearchTimeoutException extends StorageException {

    /** The timeout the search ran into. */
    private final Duration timeout;

    /**
     * @param message what was searched and the timeout
     * @param timeout the kit's search timeout
     * @param cause   the database's refusal
     */
    public SearchTimeoutException(String message, Duration timeout, Throwable cause) {
        super("search_timeout", message, cause);
        this.timeout = timeout;
    }

    /** @return the kit's search timeout, which the search ran into */
    public Duration timeout() {
        return timeout;
    }
}
