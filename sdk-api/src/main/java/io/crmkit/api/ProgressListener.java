package io.crmkit.api;

/**
 * Hears how far a long operation got. Called from the thread running the operation after each chunk;
 * it must return quickly and not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  items processed so far
     * @param total items the operation will process
     */
    void progress(long done, long total);
}
