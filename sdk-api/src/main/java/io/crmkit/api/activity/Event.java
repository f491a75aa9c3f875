package io.crmkit.api.activity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event of a customer's timeline, as stored. Properties come back as JSON types: text, {@code Long} or
 * {@code java.math.BigDecimal} numbers, booleans, nulls, lists and maps.
 *
 * @param id         the SDK-generated id of the event
 * @param customerId whose event it is
 * @param type       a built-in type ({@link Timeline#BUILT_IN_TYPES}) or one the tenant registered
 * @param occurredAt when it happened (UTC, to the microsecond)
 * @param source     where it came from, such as {@code web}; "" when not given
 * @param properties what else the host kept; empty when nothing
 * @param recordedAt when it was recorded (UTC)
 * @param recordedBy the actor who recorded it
 */
public record Event(long id, long customerId, String type, Instant occurredAt, String source,
                    Map<String, Object> properties, Instant recordedAt, String recordedBy) {

    /**
     * Checks for nulls.
     *
     * @param id         the SDK-generated id of the event
     * @param customerId whose event it is
     * @param type       the event type; not null
     * @param occurredAt when it happened
     * @param source     where it came from; "" when not given
     * @param properties what else the host kept; not null
     * @param recordedAt when it was recorded
     * @param recordedBy the actor who recorded it
     * @throws NullPointerException when {@code type} or {@code properties} is null
     */
    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(properties, "properties");
    }
}
