package io.crmkit.impl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the parts of a stored bulk request, each missing or mistyped part an {@link UnreadableBulkRequest}. */
final class StoredJson {

    private StoredJson() {
    }

    /** @return the text of a required field of an object */
    static String text(JsonNode node, String field) {
        return text(node, field, "");
    }

    /** @return the text of a required field of the object at {@code path} */
    static String text(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isTextual()) {
            throw wrong(path, field, "text", value);
        }
        return value.textValue();
    }

    /** @return the text of an optional field, null when it is missing or JSON null */
    static String optionalText(JsonNode node, String field, String path) {
        JsonNode value = object(node, path).get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrong(path, field, "text", value);
        }
        return value.textValue();
    }

    static long number(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(path, field, "a whole number", value);
        }
        return value.longValue();
    }

    static boolean bool(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isBoolean()) {
            throw wrong(path, field, "true or false", value);
        }
        return value.booleanValue();
    }

    /** @return the texts of a required array field */
    static List<String> texts(JsonNode node, String field, String path) {
        JsonNode array = array(node, field, path);
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw wrong(path, field + "[" + i + "]", "text", array.get(i));
            }
            values.add(array.get(i).textValue());
        }
        return values;
    }

    /** @return the whole numbers of an array field; null when it is JSON null */
    static List<Long> longsOrNull(JsonNode node, String field, String path) {
        if (required(node, field, path).isNull()) {
            return null;
        }
        JsonNode array = array(node, field, path);
        List<Long> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isIntegralNumber() || !array.get(i).canConvertToLong()) {
                throw wrong(path, field + "[" + i + "]", "a whole number", array.get(i));
            }
            values.add(array.get(i).longValue());
        }
        return values;
    }

    /** @return a required object field */
    static JsonNode object(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isObject()) {
            throw wrong(path, field, "an object", value);
        }
        return value;
    }

    /** @return a required field, JSON null included */
    static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = object(node, path).get(field);
        if (value == null) {
            throw new UnreadableBulkRequest(at(path, field) + ": missing");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = required(node, field, path);
        if (!value.isArray()) {
            throw wrong(path, field, "an array", value);
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new UnreadableBulkRequest((path.isEmpty() ? "$" : path) + ": expected an object, got "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        return node;
    }

    private static UnreadableBulkRequest wrong(String path, String field, String expected, JsonNode value) {
        return new UnreadableBulkRequest(at(path, field) + ": expected " + expected + ", got " + value.getNodeType());
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
