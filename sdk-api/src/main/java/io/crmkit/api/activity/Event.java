package io.crmkit.api.activity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event of a customer's timeline, as stored. Properties come back as JSON types: text, {@code Long} or
 * {@code java.math.BigDecimal} numbers, booleans, nulls, lists and maps.
 */
public record Event(long id, long customerId, String type, Instant occurredAt, String source,
                    Map<String, Object> properties, Instant recordedAt, String recordedBy) {

    /** Checks for nulls and copies the collections. */
    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(properties, "properties");
    }
}
