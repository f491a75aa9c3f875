package io.crmkit.impl.db;

/**
 * A unique constraint refused a write. Thrown by {@link Database#write} after rolling back, so that the
 * caller can find out which value collided and report a {@code ConflictException} naming it.
 */
public final class DuplicateKeyException extends RuntimeException {

    DuplicateKeyException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
