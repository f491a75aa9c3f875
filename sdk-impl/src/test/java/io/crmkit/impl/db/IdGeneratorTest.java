package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void idsIncreaseStrictlyEvenWhenTheClockStandsStill() {
        IdGenerator ids = new IdGenerator(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), 7);
        long previous = ids.next();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void idsKeepIncreasingWhenTheClockStepsBack() {
        AtomicLong millis = new AtomicLong(Instant.parse("2025-01-01T00:00:10Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        IdGenerator ids = new IdGenerator(clock, 1);
        long before = ids.next();
        millis.addAndGet(-5_000);

        assertThat(ids.next()).isGreaterThan(before);
    }

    @Test
    void idsAreOrderedByTimeAcrossNodesAndPositive() {
        Instant early = Instant.parse("2025-01-01T00:00:00Z");
        Instant late = early.plusMillis(1);
        long earlyHighNode = new IdGenerator(Clock.fixed(early, ZoneOffset.UTC), IdGenerator.MAX_NODE).next();
        long lateLowNode = new IdGenerator(Clock.fixed(late, ZoneOffset.UTC), 0).next();

        assertThat(earlyHighNode).isPositive().isLessThan(lateLowNode);
    }

    @Test
    void twoNodesNeverCollideInTheSameMillisecond() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        IdGenerator a = new IdGenerator(clock, 1);
        IdGenerator b = new IdGenerator(clock, 2);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(a.next())).isTrue();
            assertThat(seen.add(b.next())).isTrue();
        }
    }

    @Test
    void refusesANodeOutOfRange() {
        assertThatThrownBy(() -> new IdGenerator(Clock.systemUTC(), 1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
