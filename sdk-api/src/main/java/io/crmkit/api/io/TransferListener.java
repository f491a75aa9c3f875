package io.crmkit.api.io;

/**
 * Told when an import or export submitted as a job ({@code imports().submit}, {@code exports().submit}) has
 * ended, for metrics or notifications. Registered on the kit's builder.
 *
 * <p>Called once per job, on the kit's job thread, after the job's final state is stored. Imports and exports run
 * in the caller's thread ({@code run}) are not reported: the caller sees their end. It should return quickly; an
 * exception it throws is logged and changes nothing.
 */
@FunctionalInterface
public interface TransferListener {

    /**
     * @param job the job as stored at its end: state {@code DONE}, {@code FAILED}, {@code CANCELLED} or
     *            {@code INTERRUPTED} (or {@code QUEUED}/{@code RUNNING} when another kit took the job over after this
     *            kit's lease on it ended), rows done, an import's counts, and its start and end times
     */
    void ended(TransferJob job);
}
