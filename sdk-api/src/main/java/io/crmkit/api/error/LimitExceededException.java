package io.crmkit.api.error;

/**
 * An operation would act on more items than its limit allows, such as a bulk delete of more than 100,000
 * customers. The message names the limit and the count. It is thrown before anything is written.
 */
public class LimitExceededException extends CrmException {

    /** The limit that was exceeded. */
    private final long limit;
    /** How much was asked for. */
    private final long requested;

    /**
     * @param message   what was asked, the count and the limit
     * @param limit     the most the operation accepts
     * @param requested how many it was asked to act on
     */
    public LimitExceededException(String message, long limit, long requested) {
        super("limit_exceeded", message);
        this.limit = limit;
        this.requested = requested;
    }

    /** @return the most the operation accepts */
    public long limit() {
        return limit;
    }

    /** @return how many it was asked to act on */
    public long requested() {
        return requested;
    }
}
