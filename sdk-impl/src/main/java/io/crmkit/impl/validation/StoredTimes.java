package io.crmkit.impl.validation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The times and dates every supported database stores and compares: the years 0001 to 9999. A value outside them
 * (such as {@link Instant#MAX}) is refused by a database with an error of its own, so input is checked against
 * them first.
 */
public final class StoredTimes {

    /** The first instant stored. */
    public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    /** The first instant after the last one stored. */
    public static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");
    /** The range as a developer reads it in an error message. */
    public static final String RANGE = "the years 0001 to 9999";

    private StoredTimes() {
    }

    /** @return whether a database stores the instant */
    public static boolean holds(Instant instant) {
        return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
    }

    /** @return whether a database stores the date */
    public static boolean holds(LocalDate date) {
        return date.getYear() >= 1 && date.getYear() <= 9999;
    }
}
