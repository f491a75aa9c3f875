package io.crmkit.impl.db;

import io.crmkit.api.error.StorageException;

/**
 * A unique constraint refused a write. Thrown by {@link Database#write} after rolling back, so that a caller
 * that expects it (an identity taken by another customer) can report a {@code ConflictException} naming the
 * value; anywhere else it reaches the host as the {@link StorageException} it is.
 */
public final class DuplicateKeyException extends StorageException {

    DuplicateKeyException(String what, java.sql.SQLException cause) {
        super("could not " + what + ": a unique key is already taken (" + Database.describe(cause) + ")", cause);
    }
}
