package io.crmkit.api.error;

import java.util.Optional;

/**
 * The write collides with the current state: the record changed since it was read (a stale version), or
 * a unique value (a phone, an email, a field key) already belongs to another record. Nothing was written.
 * Re-read and retry, or resolve the collision (for instance by merging the two customers).
 */
public class ConflictException extends CrmException {

    /** The id of what the write collided with, or null when unknown. */
    private final Long conflictingId;

    /** @param message what collided with what */
    public ConflictException(String message) {
        super("conflict", message);
        this.conflictingId = null;
    }

    /**
     * @param message       what collided with what
     * @param conflictingId the id of the other record that holds the unique value
     */
    public ConflictException(String message, long conflictingId) {
        super("conflict", message);
        this.conflictingId = conflictingId;
    }

    /** @return the id of the record that already holds the value, when the conflict is with another record */
    public Optional<Long> conflictingId() {
        return Optional.ofNullable(conflictingId);
    }
}
