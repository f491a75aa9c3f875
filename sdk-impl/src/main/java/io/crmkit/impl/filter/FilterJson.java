package io.crmkit.impl.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stable JSON form of a {@link Filter}, version {@value #VERSION}:
 *
 * <pre>{@code
 * {"version": 1,
 *  "filter": {"all": [{"field": "city", "op": "EQ", "values": ["Hanoi"]},
 *                     {"any": [{"field": "tags", "op": "HAS_ANY", "values": ["vip"]},
 *                              {"field": "createdAt", "op": "GT", "values": [{"instant": "2019-11-01T18:00:00Z"}]}]}]}}
 * }</pre>
 *
 * A group is an object with one key, {@code all} or {@code any}, holding a list; a condition has {@code field},
 * {@code op} and {@code values} (omitted when the operator takes none). Values are JSON strings, integers,
 * decimals and booleans, dates as {@code {"date": "2024-05-31"}} and instants as
 * {@code {"instant": "2024-05-31T08:00:00Z"}}, so that {@code parse(toJson(f)).equals(f)} for every filter.
 * Documents are at most {@value #MAX_LENGTH} characters.
 */
public final class FilterJson {

    /** The version this class writes, and the only one it reads. */
    public static final int VERSION = 1;
    /** Longest document accepted. */
    public static final int MAX_LENGTH = 100_000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100)
                .maxNumberLength(60).build());
    }

    private FilterJson() {
    }

    /** @return the JSON form of the filter */
    public static String toJson(Filter filter) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("version", VERSION);
        document.set("filter", write(filter));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter could not be written as JSON", e);
        }
    }

    /**
     * @return the filter the document describes
     * @throws ValidationException naming the path in the document and what is wrong there
     */
    public static Filter parse(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("$", "a filter document is required, got " + (json == null ? "null" : "blank text"));
        }
        if (json.length() > MAX_LENGTH) {
            throw invalid("$", "a filter document is at most " + MAX_LENGTH + " characters, got " + json.length());
        }
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("$", "not valid JSON: " + e.getOriginalMessage());
        }
        requireObject(document, "$", Set.of("version", "filter"));
        JsonNode version = document.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != VERSION) {
            throw invalid("$.version", "must be " + VERSION + ", got " + (version == null ? "nothing" : version));
        }
        return read(document.get("filter"), "$.filter");
    }

    private static JsonNode write(Filter filter) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (filter instanceof Filter.Group group) {
            ArrayNode children = node.putArray(group.match().name().toLowerCase(Locale.ROOT));
            group.filters().forEach(child -> children.add(write(child)));
            return node;
        }
        Filter.Condition condition = (Filter.Condition) filter;
        node.put("field", condition.field());
        node.put("op", condition.operator().name());
        if (!condition.values().isEmpty()) {
            ArrayNode values = node.putArray("values");
            condition.values().forEach(value -> values.add(writeValue(value)));
        }
        return node;
    }

    private static JsonNode writeValue(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof LocalDate date) {
            return nodes.objectNode().put("date", date.toString());
        }
        return nodes.objectNode().put("instant", value.toString());
    }

    private static Filter read(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "expected a group ({\"all\": [...]} or {\"any\": [...]}) or a condition, got "
                    + describe(node));
        }
        if (node.has("all") || node.has("any")) {
            return readGroup(node, path);
        }
        return readCondition(node, path);
    }

    private static Filter readGroup(JsonNode node, String path) {
        if (node.size() != 1) {
            throw invalid(path, "a group has exactly one key, \"all\" or \"any\", got " + names(node));
        }
        String key = node.has("all") ? "all" : "any";
        JsonNode children = node.get(key);
        String childrenPath = path + "." + key;
        if (!children.isArray() || children.isEmpty()) {
            throw invalid(childrenPath, "expected a list of at least one filter, got " + describe(children));
        }
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            filters.add(read(children.get(i), childrenPath + "[" + i + "]"));
        }
        try {
            return new Filter.Group(key.equals("all") ? Filter.Match.ALL : Filter.Match.ANY, filters);
        } catch (ValidationException e) {
            throw at(path, e);
        }
    }

    private static Filter readCondition(JsonNode node, String path) {
        requireObject(node, path, Set.of("field", "op", "values"));
        JsonNode field = node.get("field");
        if (field == null || !field.isTextual()) {
            throw invalid(path + ".field", "expected the field's key as text, got " + describe(field));
        }
        JsonNode op = node.get("op");
        Operator operator;
        try {
            operator = Operator.valueOf(op == null ? "" : op.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(path + ".op", "expected an operator such as EQ, IN or HAS_ANY, got " + describe(op));
        }
        JsonNode values = node.get("values");
        List<Object> parsed = new ArrayList<>();
        if (values != null) {
            if (!values.isArray()) {
                throw invalid(path + ".values", "expected a list, got " + describe(values));
            }
            for (int i = 0; i < values.size(); i++) {
                parsed.add(readValue(values.get(i), path + ".values[" + i + "]"));
            }
        }
        try {
            return new Filter.Condition(field.asText(), operator, parsed);
        } catch (ValidationException e) {
            throw at(path, e);
        }
    }

    private static Object readValue(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isObject() && node.size() == 1 && node.has("date") && node.get("date").isTextual()) {
            try {
                return LocalDate.parse(node.get("date").asText());
            } catch (DateTimeException e) {
                throw invalid(path + ".date", "expected a date as yyyy-mm-dd, got " + describe(node.get("date")));
            }
        }
        if (node.isObject() && node.size() == 1 && node.has("instant") && node.get("instant").isTextual()) {
            try {
                return Instant.parse(node.get("instant").asText());
            } catch (DateTimeException e) {
                throw invalid(path + ".instant", "expected an instant such as 2024-05-31T08:00:00Z, got "
                        + describe(node.get("instant")));
            }
        }
        throw invalid(path, "expected text, a number, a boolean, {\"date\": ...} or {\"instant\": ...}, got "
                + describe(node));
    }

    private static void requireObject(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw invalid(path, "expected an object, got " + describe(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(path + "." + name, "unknown key; expected one of " + allowed.stream().sorted().toList());
            }
        }
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    /** @return the errors of a filter built from the node at {@code path}, moved to that path */
    private static ValidationException at(String path, ValidationException e) {
        return new ValidationException(e.errors().stream().map(error -> new FieldError(path, error.code(),
                path + ": " + error.message().replaceFirst("^filter: ", ""), error.limit())).toList());
    }

    private static ValidationException invalid(String path, String message) {
        return ValidationException.of(path, "invalid", path + ": " + message);
    }
}
