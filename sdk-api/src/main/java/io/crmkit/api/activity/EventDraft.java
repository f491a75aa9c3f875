package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new event on a customer's timeline. Checked when recorded: a registered type, an occurrence time from 1900
 * to the end of 9998 (kept to the microsecond), a source of 0 to 64 characters on one line, and properties whose keys are 1 to 64 characters of {@code A-Z a-z 0-9 _ . -} and whose values are
 * text (at most 2,000 characters), numbers, booleans, nulls, or lists and maps of those nested at most 4 deep,
 * all of it at most {@value Timeline#MAX_PROPERTIES_CHARS} characters as JSON.
 *
 * @param customerId whose event it is
 * @param type       a built-in type ({@link Timeline#BUILT_IN_TYPES}) or one the tenant registered
 * @param occurredAt when it happened
 * @param source     where it came from, such as {@code web} or {@code pos}; may be ""
 * @param properties what else the host wants to keep
 */
public record EventDraft(long customerId, String type, Instant occurredAt, String source,
                         Map<String, Object> properties) {

    /** @throws ValidationException naming the component that is null or invalid */
    public EventDraft {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(occurredAt, "occurredAt");
        ValidationException.requireNonNull(source, "source");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                ValidationException.requireNonNull(properties, "properties")));
    }

    /** @return an event without source or properties */
    public static EventDraft of(long customerId, String type, Instant occurredAt) {
        return new EventDraft(customerId, type, occurredAt, "", Map.of());
    }

    /** @return this event from the given source */
    public EventDraft source(String source) {
        return new EventDraft(customerId, type, occurredAt, source, properties);
    }

    /** @return this event with one more property (null values are allowed) */
    public EventDraft property(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new EventDraft(customerId, type, occurredAt, source, more);
    }
}
