package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A contact with a customer (004's contact record: a call, a chat, a visit), recorded as an event of type
 * {@value #TYPE} whose properties are exactly these five. {@link Timeline#record} checks them on every
 * {@value #TYPE} event, made here or by hand: {@code channel}, {@code agent} and {@code outcome} 1 to
 * {@value #TEXT_MAX} characters on one line, {@code direction} {@code inbound} or {@code outbound}, {@code note}
 * text of 0 to {@value #NOTE_MAX} characters (line breaks allowed; may be ""), and no other property. These limits
 * keep the whole record within {@link Timeline#MAX_PROPERTIES_CHARS} characters of JSON whatever it holds.
 *
 * @param channel   how the contact happened, such as {@code phone}, {@code whatsapp}, {@code visit}
 * @param direction who started it
 * @param agent     the agent who handled it (an actor id or a name)
 * @param outcome   how it ended, such as {@code reached}, {@code no_answer}, {@code callback}
 * @param note      what was said; may be ""
 */
public record ContactRecord(String channel, Direction direction, String agent, String outcome, String note) {

    /** The event type of a contact record. */
    public static final String TYPE = "contact_record";
    /** Most characters of the channel, the agent and the outcome. */
    public static final int TEXT_MAX = 64;
    /** Most characters of the note. */
    public static final int NOTE_MAX = 1_000;

    /** Who started a contact. */
    public enum Direction {
        /** The customer reached out. */
        INBOUND,
        /** The agent reached out. */
        OUTBOUND;

        /** @return the property value: {@code inbound} or {@code outbound} */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks for nulls; lengths are checked when the event is recorded.
     *
     * @param channel   how the contact happened, 1 to {@value #TEXT_MAX} characters on one line; not null
     * @param direction who started it; not null
     * @param agent     the agent who handled it, 1 to {@value #TEXT_MAX} characters on one line; not null
     * @param outcome   how it ended, 1 to {@value #TEXT_MAX} characters on one line; not null
     * @param note      what was said, 0 to {@value #NOTE_MAX} characters, line breaks allowed; not null
     * @throws ValidationException code {@code required}, naming the null component
     */
    public ContactRecord {
        ValidationException.requireNonNull(channel, "channel");
        ValidationException.requireNonNull(direction, "direction");
        ValidationException.requireNonNull(agent, "agent");
        ValidationException.requireNonNull(outcome, "outcome");
        ValidationException.requireNonNull(note, "note");
    }

    /**
     * @param customerId whose contact it was
     * @param occurredAt when it happened, from 1900 to the end of 9998; not null
     * @return the event that records it
     * @throws ValidationException on {@code occurredAt}, code {@code required}, when it is null
     */
    public EventDraft toEvent(long customerId, Instant occurredAt) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("channel", channel);
        properties.put("direction", direction.value());
        properties.put("agent", agent);
        properties.put("outcome", outcome);
        properties.put("note", note);
        return new EventDraft(customerId, TYPE, occurredAt, "", properties);
    }
}
