package io.crmkit.api.merge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One pairwise merge, as the history keeps it.
 *
 * @param id            the merge's id, which {@code undo} takes
 * @param survivorId    the customer that stayed
 * @param mergedId      the customer merged into it
 * @param actorId       who merged
 * @param mergedAt      when
 * @param undoableUntil until when it can be undone
 * @param undoneAt      when it was undone, if it was
 * @param undoneBy      who undid it, if someone did
 */
public record MergeRecord(long id, long survivorId, long mergedId, String actorId, Instant mergedAt,
                          Instant undoableUntil, Optional<Instant> undoneAt, Optional<String> undoneBy) {

    /**
     * Checks for nulls.
     *
     * @param id            the merge's id
     * @param survivorId    the customer that stayed
     * @param mergedId      the customer merged into it
     * @param actorId       who merged; not null
     * @param mergedAt      when; not null
     * @param undoableUntil until when it can be undone; not null
     * @param undoneAt      when it was undone; empty if it was not; not null
     * @param undoneBy      who undid it; empty if no one did; not null
     * @throws NullPointerException when a reference component is null
     */
    public MergeRecord {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(undoableUntil, "undoableUntil");
        Objects.requireNonNull(undoneAt, "undoneAt");
        Objects.requireNonNull(undoneBy, "undoneBy");
    }
}
