package io.crmkit.impl.db;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The kit's clock truncated to microseconds, the precision every supported database stores, so that a
 * customer returned by a write equals the same customer read back. ({@code Clock.tick} cannot do this: its
 * {@code millis()} divides by zero for ticks below a millisecond.)
 */
public final class MicrosecondClock extends Clock {

    private final Clock clock;

    public MicrosecondClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(clock.withZone(zone));
    }

    @Override
    public Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return clock.millis();
    }
}
