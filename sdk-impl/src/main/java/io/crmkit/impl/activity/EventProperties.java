package io.crmkit.impl.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.activity.Timeline;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an event's properties and writes them as JSON: keys of 1 to {@value #KEY_MAX} characters of
 * {@code A-Z a-z 0-9 _ . -}; values text (at most {@value #TEXT_MAX} characters), numbers, booleans, nulls,
 * lists and maps nested at most {@value #DEPTH_MAX} deep; at most {@value Timeline#MAX_PROPERTIES_CHARS}
 * characters of JSON in all. Numbers come back as {@code Long} or {@code BigDecimal}. Thread-safe.
 */
final class EventProperties {

    static final int KEY_MAX = 64;
    static final int TEXT_MAX = 2_000;
    static final int DEPTH_MAX = 4;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + KEY_MAX + "}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EventProperties() {
    }

    /**
     * @param path the properties' place in the input, for errors ({@code events[3].properties})
     * @return the properties as JSON, or null when they are invalid (the errors say why)
     */
    static String toJson(Map<String, Object> properties, String path, Errors errors) {
        int before = errors.size();
        check(properties, path, 1, errors);
        if (errors.size() > before) {
            return null;
        }
        String json;
        try {
            json = JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            errors.add(path, "invalid", "cannot be written as JSON: " + e.getOriginalMessage());
            return null;
        }
        if (json.length() > Timeline.MAX_PROPERTIES_CHARS) {
            errors.add(path, "too_long", json.length() + " characters as JSON, at most "
                    + Timeline.MAX_PROPERTIES_CHARS, Timeline.MAX_PROPERTIES_CHARS);
            return null;
        }
        return json;
    }

    static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's stored properties are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void check(Object value, String path, int depth, Errors errors) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof BigInteger || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                errors.add(path, "invalid", value + " is not a finite number");
            }
            return;
        }
        if (value instanceof String text) {
            if (text.length() > TEXT_MAX) {
                errors.add(path, "too_long", "text of " + text.length() + " characters, at most " + TEXT_MAX,
                        TEXT_MAX);
            }
            return;
        }
        if (depth > DEPTH_MAX && (value instanceof Map || value instanceof Collection)) {
            errors.add(path, "too_deep", "lists and maps nest at most " + DEPTH_MAX + " deep", DEPTH_MAX);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key) || !KEY.matcher(key).matches()) {
                    errors.add(path, "bad_key", "key '" + entry.getKey() + "' must be 1 to " + KEY_MAX
                            + " characters of A-Z a-z 0-9 _ . -");
                    continue;
                }
                check(entry.getValue(), path + "." + key, depth + 1, errors);
            }
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                check(element, path + "[" + i++ + "]", depth + 1, errors);
            }
            return;
        }
        errors.add(path, "bad_type", "a " + value.getClass().getSimpleName() + " is not a JSON value; use"
                + " text, numbers, booleans, null, lists and maps");
    }
}
