package io.crmkit.impl.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.impl.filter.FilterJson;
import java.util.List;
import java.util.Optional;

/**
 * A bulk operation's selection and operation as stored with its submitted job, so that any kit can run it: tags,
 * identify as valid, recycle to the pool and assign. An edit, a task creation and a delete are not stored (their
 * parameters hold typed custom values, a task draft, a one-time confirmation): their submitted jobs run in the kit that
 * submitted them.
 *
 * @param filter    the selection's filter as {@link FilterJson}, or null
 * @param keyword   the selection's keyword
 * @param ids       the selection's ids
 * @param operation the operation's name
 * @param values    the operation's tags, or its owner; empty for none
 */
record StoredBulkRequest(String filter, String keyword, List<Long> ids, String operation, List<String> values) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the JSON form of the request, when its operation can be stored */
    static Optional<String> toJson(Selection selection, BulkOperation operation) {
        List<String> values;
        if (operation instanceof BulkOperation.AddTags add) {
            values = add.tags();
        } else if (operation instanceof BulkOperation.RemoveTags remove) {
            values = remove.tags();
        } else if (operation instanceof BulkOperation.Assign assign) {
            values = List.of(assign.ownerId());
        } else if (operation instanceof BulkOperation.IdentifyAsValid
                || operation instanceof BulkOperation.RecycleToPool) {
            values = List.of();
        } else {
            return Optional.empty();
        }
        StoredBulkRequest stored = new StoredBulkRequest(selection.filter().map(FilterJson::toJson).orElse(null),
                selection.keyword(), selection.ids(), operation.name(), values);
        try {
            return Optional.of(JSON.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bulk request could not be written as JSON", e);
        }
    }

    static StoredBulkRequest fromJson(String json) {
        try {
            return JSON.readValue(json, StoredBulkRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored bulk request is not readable: " + e.getMessage(), e);
        }
    }

    Selection selection() {
        return new Selection(Optional.ofNullable(filter).map(FilterJson::parse), keyword, ids);
    }

    BulkOperation bulkOperation() {
        return switch (operation) {
            case "add_tags" -> BulkOperation.addTags(values);
            case "remove_tags" -> BulkOperation.removeTags(values);
            case "assign" -> BulkOperation.assign(values.get(0));
            case "identify_as_valid" -> BulkOperation.identifyAsValid();
            case "recycle_to_pool" -> BulkOperation.recycleToPool();
            default -> throw new IllegalStateException("a stored bulk request names an operation that is not"
                    + " stored: " + operation);
        };
    }
}
