package io.crmkit.impl.activity;

import io.crmkit.api.activity.ContactRecord;
import io.crmkit.impl.validation.Errors;
import java.util.Map;
import java.util.Set;

/** Checks the properties of a {@value ContactRecord#TYPE} event against {@link ContactRecord}'s rules. Stateless. */
final class ContactRecords {

    private static final Set<String> KEYS = Set.of("channel", "direction", "agent", "outcome", "note");

    private ContactRecords() {
    }

    /** Adds a problem, under {@code path.<key>}, for each property missing, unknown or out of its rules. */
    static void check(Map<String, Object> properties, String path, Errors errors) {
        properties.keySet().stream().filter(key -> !KEYS.contains(key)).sorted().forEach(key -> errors.add(
                path + "." + key, "unknown", "a contact record has only the properties " + KEYS.stream().sorted()
                        .toList()));
        for (String key : new String[] {"channel", "agent", "outcome"}) {
            Object value = properties.get(key);
            if (!(value instanceof String text) || errors.text(path + "." + key, text, ContactRecord.TEXT_MAX)
                    .isEmpty()) {
                errors.add(path + "." + key, "required", "a contact record needs a " + key + " of 1 to "
                        + ContactRecord.TEXT_MAX + " characters on one line");
            }
        }
        Object direction = properties.get("direction");
        if (!"inbound".equals(direction) && !"outbound".equals(direction)) {
            errors.add(path + ".direction", "invalid", "a contact record's direction is 'inbound' or 'outbound', got "
                    + (direction == null ? "none" : "'" + direction + "'"));
        }
        Object note = properties.get("note");
        if (!(note instanceof String)) {
            errors.add(path + ".note", "required", "a contact record's note is text, \"\" for none");
        } else if (((String) note).codePointCount(0, ((String) note).length()) > ContactRecord.NOTE_MAX) {
            errors.add(path + ".note", "too_long", "at most " + ContactRecord.NOTE_MAX + " characters",
                    ContactRecord.NOTE_MAX);
        }
    }
}
