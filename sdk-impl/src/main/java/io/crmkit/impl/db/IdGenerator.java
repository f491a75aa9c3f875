package io.crmkit.impl.db;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 64-bit, time-ordered ids generated without a database round trip: 41 bits of milliseconds since
 * 2024-01-01 (good until 2093), 10 bits of node id, 12 bits of sequence (4096 ids per millisecond per node).
 *
 * <p>Ids are strictly increasing per generator. When the clock stands still or steps back (a fixed test
 * clock, an NTP correction) the generator keeps counting on from the last millisecond it used instead of
 * waiting, so it never blocks and never repeats. Two kits writing to the same database need distinct node
 * ids to be sure never to collide. The default node id is random, and each millisecond's sequence starts at
 * a random point of its lower half, so that two kits that happen to share a node id rarely meet.
 */
public final class IdGenerator {

    /** 2024-01-01T00:00:00Z. */
    static final long EPOCH_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** Largest node id. */
    public static final int MAX_NODE = 1023;

    private static final int SEQUENCE_BITS = 12;
    private static final int NODE_BITS = 10;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long node;
    private long lastMillis = -1;
    private long sequence;

    /**
     * @param clock the kit's clock
     * @param node  0 to {@link #MAX_NODE}
     */
    public IdGenerator(Clock clock, int node) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("node " + node + " must be between 0 and " + MAX_NODE);
        }
        this.clock = clock;
        this.node = node;
    }

    /** @return the next id; thread-safe */
    public synchronized long next() {
        long now = Math.max(clock.millis() - EPOCH_MILLIS, 0);
        if (now > lastMillis) {
            lastMillis = now;
            sequence = ThreadLocalRandom.current().nextInt(1 << (SEQUENCE_BITS - 1));
        } else if (++sequence > SEQUENCE_MASK) {
            lastMillis++;
            sequence = 0;
        }
        return (lastMillis << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }
}
