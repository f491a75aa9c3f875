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

    /**
     * Copies the properties. The limits in the type's description are checked when the event is recorded, on
     * the field of the same name ({@code events[index].type} and so on within {@link Timeline#append}).
     *
     * @param customerId whose event it is; a customer of the tenant, not in the trash
     * @param type       a built-in or registered type (code {@code unknown} otherwise); not null
     * @param occurredAt when it happened, from 1900 to the end of 9998 (code {@code out_of_range}); not null
     * @param source     where it came from, 0 to 64 characters on one line; may be ""; not null
     * @param properties what else the host wants to keep, at most {@value Timeline#MAX_PROPERTIES_CHARS} characters
     *                   as JSON; may be empty; not null
     * @throws ValidationException on field {@code type}, {@code occurredAt}, {@code source} or {@code properties},
     *                             code {@code required}, when it is null
     */
    public EventDraft {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(occurredAt, "occurredAt");
        ValidationException.requireNonNull(source, "source");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                ValidationException.requireNonNull(properties, "properties")));
    }

    /**
     * @param customerId whose event it is
     * @param type       a built-in or registered type; not null
     * @param occurredAt when it happened, from 1900 to the end of 9998; not null
     * @return an event without source or properties
     * @throws ValidationException on field {@code type} or {@code occurredAt}, code {@code required}, when it is null
     */
    public static EventDraft of(long customerId, String type, Instant occurredAt) {
        return new EventDraft(customerId, type, occurredAt, "", Map.of());
    }

    /**
     * @param source where the event came from, such as {@code pos}, 0 to 64 characters on one line; not null
     * @return this event from the given source
     * @throws ValidationException on field {@code source}, code {@code required}, when it is null
     */
    public EventDraft source(String source) {
        return new EventDraft(customerId, type, occurredAt, source, properties);
    }

    /**
     * @param key   1 to 64 characters of {@code A-Z a-z 0-9 _ . -} (checked when recorded); replaces a property of
     *              the same key
     * @param value text of at most 2,000 characters, a number, a boolean, null, or lists and maps of those nested
     *              at most 4 deep
     * @return this event with one more property (null values are allowed)
     */
    public EventDraft property(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new EventDraft(customerId, type, occurredAt, source, more);
    }
}
