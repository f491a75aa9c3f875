package io.crmkit.impl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.filter.FilterJson;
import java.util.List;
import java.util.Optional;

/**
 * What a submitted bulk job runs, as stored with it (its {@code request} column), so that any kit can run it and
 * continue it after the kit running it died: the selection, the operation with all its parameters (every
 * {@link BulkOperation}, through {@link StoredOperations}), and what its submission settled: the job's id, whether a
 * delete's token was confirmed (consumed) for it, and the customers the confirmed preview bound.
 *
 * <p>A delete's token is consumed when the delete is submitted, before its job is scheduled; the stored delete only
 * runs as the job it was confirmed for ({@link #confirmed()} and {@link #jobId()}), never by presenting its token
 * again.
 *
 * @param selection the customers to act on
 * @param operation what to do to them
 * @param jobId     the job the request belongs to
 * @param confirmed whether a delete's token was consumed for this job when it was submitted; false for the others
 * @param members   the ids a confirmed delete by query acts on (its preview bound them); null otherwise
 */
record StoredBulkRequest(Selection selection, BulkOperation operation, long jobId, boolean confirmed,
                         List<Long> members) {

    /** The layout this class writes, and the only one it reads. */
    static final int FORMAT = 1;

    private static final StoredOperations OPERATIONS = new StoredOperations();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Up to 100,000 ids and a filter document: large, but shallow.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build());
    }

    StoredBulkRequest {
        members = members == null ? null : List.copyOf(members);
    }

    /**
     * Checks that an operation can be stored before anything of its job is written.
     *
     * @throws ValidationException on the value's path ({@code changes.custom.key}, ...), code {@code wrong_type},
     *                             for a value of a type no field takes
     */
    static void requireStorable(BulkOperation operation) {
        OPERATIONS.write(operation);
    }

    /** @return the stored operation classes, for the test that none is missing */
    static java.util.Set<Class<? extends BulkOperation>> storedOperations() {
        return OPERATIONS.stored();
    }

    /**
     * @return the JSON form of the request
     * @throws ValidationException as {@link #requireStorable}
     */
    String toJson() {
        ObjectNode document = NODES.objectNode().put("format", FORMAT).put("job", jobId);
        document.put("filter", selection.filter().map(FilterJson::toJson).orElse(null));
        document.put("keyword", selection.keyword());
        document.set("ids", longs(selection.ids()));
        document.put("operation", operation.name());
        document.set("parameters", OPERATIONS.write(operation));
        document.put("confirmed", confirmed);
        document.set("members", members == null ? NODES.nullNode() : longs(members));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bulk request could not be written as JSON", e);
        }
    }

    /**
     * @return the request the JSON of {@link #toJson()} describes, equal to the one written
     * @throws UnreadableBulkRequest naming the part that is missing or wrong, when it describes none
     */
    static StoredBulkRequest fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new UnreadableBulkRequest("$: empty");
        }
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableBulkRequest("$: not JSON: " + e.getOriginalMessage());
        }
        long format = document != null && document.isObject() && document.has("format")
                ? StoredJson.number(document, "format", "") : 0;
        if (format != FORMAT) {
            throw new UnreadableBulkRequest("format: this kit reads format " + FORMAT + ", got "
                    + (format == 0 ? "none" : format));
        }
        String filter = StoredJson.optionalText(document, "filter", "");
        Selection selection;
        try {
            selection = new Selection(Optional.ofNullable(filter).map(FilterJson::parse),
                    StoredJson.text(document, "keyword"), StoredJson.longsOrNull(document, "ids", ""));
        } catch (ValidationException e) {
            throw new UnreadableBulkRequest("selection: " + e.getMessage());
        }
        BulkOperation operation = OPERATIONS.read(StoredJson.text(document, "operation"),
                StoredJson.required(document, "parameters", ""));
        return new StoredBulkRequest(selection, operation, StoredJson.number(document, "job", ""),
                StoredJson.bool(document, "confirmed", ""), StoredJson.longsOrNull(document, "members", ""));
    }

    private static ArrayNode longs(List<Long> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
