package io.crmkit.impl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The values of a patch (built-in and custom fields) as JSON that reads back to equal Java values: each value is
 * stored with its kind, {@code {"kind": "decimal", "value": "12.50"}}, so that a {@link BigDecimal} keeps its scale, a
 * {@link LocalDate} stays a date and not text, an {@link Integer} stays an Integer, a {@link Set} of options stays a
 * set. The kinds are the Java types some field takes: text, the integral and decimal numbers, booleans, dates,
 * instants, offset and zoned date-times, URIs, lists and sets of these, and the built-in field types {@link Gender},
 * {@link Address} and {@link Channel}. A value of another type is refused when the job is submitted (no field would
 * take it). Texts and numbers are stored as JSON text, never as JSON numbers, so that nothing is rounded.
 */
final class StoredValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One kind of value: which Java values it stores, and how. Tried in order; the first that accepts a value stores
     * it, so that e.g. {@link Integer} is matched before the catch-all {@link Number}.
     */
    private enum Kind {
        TEXT("text", value -> value instanceof String, value -> NODES.textNode((String) value), parse(text -> text)),
        /** Any other {@link CharSequence} is read as the text it holds, as fields read it. */
        CHARACTERS("text", value -> value instanceof CharSequence, value -> NODES.textNode(value.toString()),
                parse(text -> text)),
        LONG("long", value -> value instanceof Long, format(Object::toString), parse(Long::valueOf)),
        INT("int", value -> value instanceof Integer, format(Object::toString), parse(Integer::valueOf)),
        SHORT("short", value -> value instanceof Short, format(Object::toString), parse(Short::valueOf)),
        BYTE("byte", value -> value instanceof Byte, format(Object::toString), parse(Byte::valueOf)),
        BIG_INTEGER("big_integer", value -> value instanceof BigInteger, format(Object::toString),
                parse(BigInteger::new)),
        DECIMAL("decimal", value -> value instanceof BigDecimal, format(Object::toString), parse(BigDecimal::new)),
        DOUBLE("double", value -> value instanceof Double, format(Object::toString), parse(Double::valueOf)),
        FLOAT("float", value -> value instanceof Float, format(Object::toString), parse(Float::valueOf)),
        /** Any other {@link Number} (an AtomicLong, say) is read as its long value, as fields read it. */
        NUMBER("long", value -> value instanceof Number, format(value -> Long.toString(((Number) value).longValue())),
                parse(Long::valueOf)),
        BOOLEAN("boolean", value -> value instanceof Boolean, value -> NODES.booleanNode((Boolean) value),
                node -> {
                    if (!node.isBoolean()) {
                        throw new IllegalArgumentException("expected true or false, got " + node);
                    }
                    return node.booleanValue();
                }),
        DATE("date", value -> value instanceof LocalDate, format(Object::toString), parse(LocalDate::parse)),
        INSTANT("instant", value -> value instanceof Instant, format(Object::toString), parse(Instant::parse)),
        OFFSET_DATE_TIME("offset_date_time", value -> value instanceof OffsetDateTime, format(Object::toString),
                parse(OffsetDateTime::parse)),
        ZONED_DATE_TIME("zoned_date_time", value -> value instanceof ZonedDateTime, format(Object::toString),
                parse(ZonedDateTime::parse)),
        URI_VALUE("uri", value -> value instanceof URI, format(Object::toString), parse(URI::create)),
        GENDER("gender", value -> value instanceof Gender, format(value -> ((Gender) value).name()),
                parse(Gender::valueOf)),
        ADDRESS("address", value -> value instanceof Address, value -> {
            Address address = (Address) value;
            return NODES.objectNode().put("country", address.country()).put("province", address.province())
                    .put("city", address.city()).put("area", address.area()).put("detail", address.detail());
        }, node -> new Address(StoredJson.text(node, "country"), StoredJson.text(node, "province"),
                StoredJson.text(node, "city"), StoredJson.text(node, "area"), StoredJson.text(node, "detail"))),
        CHANNEL("channel", value -> value instanceof Channel, value -> NODES.objectNode()
                .put("name", ((Channel) value).name()).put("account", ((Channel) value).account()),
                node -> new Channel(StoredJson.text(node, "name"), StoredJson.text(node, "account"))),
        LIST("list", value -> value instanceof List<?>, null, null),
        SET("set", value -> value instanceof Set<?>, null, null),
        /** Any other collection is stored as a list of its elements in iteration order, as fields read it. */
        COLLECTION("list", value -> value instanceof Collection<?>, null, null);

        private static final Map<String, Kind> BY_TAG = Stream.of(values())
                .collect(Collectors.toMap(kind -> kind.tag, kind -> kind, (first, later) -> first));

        private final String tag;
        private final Predicate<Object> accepts;
        /** How a value is stored; null for a collection (its elements, each with its kind). */
        private final Function<Object, JsonNode> write;
        /** How a stored value is read; null for a collection. */
        private final Function<JsonNode, Object> read;

        Kind(String tag, Predicate<Object> accepts, Function<Object, JsonNode> write, Function<JsonNode, Object> read) {
            this.tag = tag;
            this.accepts = accepts;
            this.write = write;
            this.read = read;
        }

        private static Function<Object, JsonNode> format(Function<Object, String> format) {
            return value -> NODES.textNode(format.apply(value));
        }

        private static Function<JsonNode, Object> parse(Function<String, Object> parse) {
            return node -> {
                if (!node.isTextual()) {
                    throw new IllegalArgumentException("expected text, got " + node);
                }
                return parse.apply(node.textValue());
            };
        }
    }

    private StoredValues() {
    }

    /**
     * @param path where the value sits in the operation, for the message of a value that cannot be stored
     * @return the value, with its kind, as JSON; JSON null for a null value (a null element of a list)
     * @throws ValidationException on {@code path}, code {@code wrong_type}, for a value of a type no field takes
     */
    static JsonNode write(Object value, String path) {
        if (value == null) {
            return NODES.nullNode();
        }
        for (Kind kind : Kind.values()) {
            if (kind.accepts.test(value)) {
                ObjectNode node = NODES.objectNode().put("kind", kind.tag);
                node.set("value", kind.write == null ? items((Collection<?>) value, path)
                        : kind.write.apply(value));
                return node;
            }
        }
        throw ValidationException.of(path, "wrong_type", path + ": a value of type " + value.getClass().getName()
                + " fits no field and cannot be stored with a submitted job; give text, a number, a boolean, a date,"
                + " a date-time or a collection of these");
    }

    /**
     * @return the value the JSON of {@link #write} describes, equal to the value written
     * @throws UnreadableBulkRequest when it describes none
     */
    static Object read(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        String tag = StoredJson.text(node, "kind", path);
        Kind kind = Kind.BY_TAG.get(tag);
        if (kind == null) {
            throw new UnreadableBulkRequest(path + ".kind: unknown kind of value '" + tag + "'");
        }
        JsonNode value = node.get("value");
        if (value == null) {
            throw new UnreadableBulkRequest(path + ".value: missing");
        }
        if (kind.read == null) {
            List<Object> items = readItems(value, path + ".value");
            return kind == Kind.SET ? Collections.unmodifiableSet(new LinkedHashSet<>(items))
                    : Collections.unmodifiableList(items);
        }
        try {
            return kind.read.apply(value);
        } catch (RuntimeException e) {
            throw new UnreadableBulkRequest(path + ".value: not a " + tag + ": " + e.getMessage());
        }
    }

    private static JsonNode items(Collection<?> values, String path) {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        for (Object value : values) {
            array.add(write(value, path + "[" + index++ + "]"));
        }
        return array;
    }

    private static List<Object> readItems(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new UnreadableBulkRequest(path + ": expected an array, got " + node.getNodeType());
        }
        List<Object> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(read(node.get(i), path + "[" + i + "]"));
        }
        return values;
    }
}
