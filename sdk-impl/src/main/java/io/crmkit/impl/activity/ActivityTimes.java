package io.crmkit.impl.activity;

import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The times tasks and orders may carry: from {@value #FIRST_YEAR} to the end of {@value #LAST_YEAR}, kept to the
 * microsecond every supported database stores, so that what a write returns equals what a read returns. The year
 * 9999 is left out: it holds the sort key of tasks without a due time, and MariaDB stores no later time.
 */
final class ActivityTimes {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9998;

    /** The sort key of an open task without a due time: after every due time. */
    static final Instant NO_DUE_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static final Instant FIRST = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z");

    private ActivityTimes() {
    }

    /** @return the time to the microsecond; records a problem when it is out of range */
    static Instant check(Errors errors, String field, Instant time) {
        if (time.isBefore(FIRST) || !time.isBefore(AFTER_LAST)) {
            errors.add(field, "out_of_range", "must be from " + FIRST_YEAR + " to the end of " + LAST_YEAR + ", got "
                    + time, FIRST_YEAR + ".." + LAST_YEAR);
        }
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
