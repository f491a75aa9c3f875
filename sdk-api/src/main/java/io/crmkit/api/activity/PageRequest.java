package io.crmkit.api.activity;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Which page of a list to read: its size and, after the first, the cursor the previous page returned.
 *
 * @param size   1 to {@value #MAX_SIZE}
 * @param cursor the previous page's {@code nextCursor}; empty for the first page
 */
public record PageRequest(int size, Optional<String> cursor) {

    /** Largest page. */
    public static final int MAX_SIZE = 1000;
    /** Size of {@link #first()}. */
    public static final int DEFAULT_SIZE = 50;

    /**
     * @param size   1 to {@value #MAX_SIZE}
     * @param cursor the previous page's {@code nextCursor}; empty for the first page; not null
     * @throws ValidationException on field {@code size}, code {@code out_of_range}, outside 1 to {@value #MAX_SIZE};
     *                             on field {@code cursor}, code {@code required}, when it is null
     */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException(List.of(FieldError.of("size", "out_of_range", "size: must be 1 to " + MAX_SIZE
                    + ", got " + size, MAX_SIZE)));
        }
        ValidationException.requireNonNull(cursor, "cursor");
    }

    /** @return the first page of {@value #DEFAULT_SIZE} */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_SIZE, Optional.empty());
    }

    /**
     * @param size 1 to {@value #MAX_SIZE}
     * @return the first page of the given size
     * @throws ValidationException on field {@code size}, code {@code out_of_range}, outside 1 to {@value #MAX_SIZE}
     */
    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }

    /**
     * @param cursor the {@code nextCursor} of the previous page, unchanged; it only continues the list that
     *               returned it (checked when the list is read)
     * @return the page after the one that returned {@code cursor}, of the same size
     * @throws ValidationException on field {@code cursor}, code {@code required}, when it is null
     */
    public PageRequest after(String cursor) {
        return new PageRequest(size, Optional.of(ValidationException.requireNonNull(cursor, "cursor")));
    }
}
