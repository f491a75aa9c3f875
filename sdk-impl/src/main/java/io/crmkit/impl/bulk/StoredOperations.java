package io.crmkit.impl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerPatch;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The stored form of each permitted class of the sealed {@link BulkOperation}, as {@link BulkHandlers} holds their
 * handlers; a test checks that none is missing and that each reads back what it wrote. Immutable.
 */
final class StoredOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<Class<? extends BulkOperation>, StoredOperation<?>> byClass = new HashMap<>();
    private final Map<String, StoredOperation<?>> byName = new HashMap<>();

    StoredOperations() {
        add(BulkOperation.Edit.class, new StoredEdit());
        add(BulkOperation.AddTags.class, simple("add_tags",
                add -> NODES.objectNode().set("tags", texts(add.tags())),
                node -> new BulkOperation.AddTags(StoredJson.texts(node, "tags", "parameters"))));
        add(BulkOperation.RemoveTags.class, simple("remove_tags",
                remove -> NODES.objectNode().set("tags", texts(remove.tags())),
                node -> new BulkOperation.RemoveTags(StoredJson.texts(node, "tags", "parameters"))));
        add(BulkOperation.IdentifyAsValid.class, simple("identify_as_valid", valid -> NODES.objectNode(),
                node -> new BulkOperation.IdentifyAsValid()));
        add(BulkOperation.RecycleToPool.class, simple("recycle_to_pool", recycle -> NODES.objectNode(),
                node -> new BulkOperation.RecycleToPool()));
        add(BulkOperation.Assign.class, simple("assign",
                assign -> NODES.objectNode().put("ownerId", assign.ownerId()),
                node -> new BulkOperation.Assign(StoredJson.text(node, "ownerId", "parameters"))));
        add(BulkOperation.CreateTask.class, simple("create_task", StoredOperations::writeTask,
                node -> new BulkOperation.CreateTask(readTask(node))));
        add(BulkOperation.Delete.class, simple("delete",
                delete -> NODES.objectNode().put("token", delete.token()).put("agreed", delete.agreed())
                        .put("reason", delete.reason()),
                node -> new BulkOperation.Delete(StoredJson.text(node, "token", "parameters"),
                        StoredJson.bool(node, "agreed", "parameters"), StoredJson.text(node, "reason", "parameters"))));
    }

    private <O extends BulkOperation> void add(Class<O> type, StoredOperation<O> stored) {
        byClass.put(type, stored);
        byName.put(stored.name(), stored);
    }

    /**
     * @return the operation's parameters as JSON
     * @throws io.crmkit.api.error.ValidationException when a value cannot be stored
     */
    @SuppressWarnings("unchecked")
    <O extends BulkOperation> ObjectNode write(O operation) {
        return ((StoredOperation<O>) byClass.get(operation.getClass())).write(operation);
    }

    /**
     * @return the operation of this name with these parameters
     * @throws UnreadableBulkRequest when no operation has the name, or the parameters do not fit it
     */
    BulkOperation read(String name, JsonNode parameters) {
        StoredOperation<?> stored = byName.get(name);
        if (stored == null) {
            throw new UnreadableBulkRequest("operation: no bulk operation is named '" + name + "'");
        }
        try {
            return stored.read(parameters);
        } catch (UnreadableBulkRequest e) {
            throw e;
        } catch (RuntimeException e) {
            // An operation's constructor refusing what was read (a null tag, say).
            throw new UnreadableBulkRequest("parameters: not a valid " + name + ": " + e.getMessage());
        }
    }

    /** @return the operation classes that have a stored form */
    Set<Class<? extends BulkOperation>> stored() {
        return Set.copyOf(byClass.keySet());
    }

    private static <O extends BulkOperation> StoredOperation<O> simple(String name, Function<O, ObjectNode> write,
                                                                      Function<JsonNode, O> read) {
        return new StoredOperation<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ObjectNode write(O operation) {
                return write.apply(operation);
            }

            @Override
            public O read(JsonNode parameters) {
                return read.apply(parameters);
            }
        };
    }

    private static ArrayNode texts(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode writeTask(BulkOperation.CreateTask create) {
        TaskDraft draft = create.draft();
        return NODES.objectNode().put("title", draft.title())
                .put("dueAt", draft.dueAt().map(Instant::toString).orElse(null))
                .put("assignee", draft.assignee().orElse(null));
    }

    private static TaskDraft readTask(JsonNode node) {
        String dueAt = StoredJson.optionalText(node, "dueAt", "parameters");
        Optional<Instant> due;
        try {
            due = Optional.ofNullable(dueAt).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new UnreadableBulkRequest("parameters.dueAt: not an instant: " + dueAt);
        }
        return new TaskDraft(StoredJson.text(node, "title", "parameters"), due,
                Optional.ofNullable(StoredJson.optionalText(node, "assignee", "parameters")));
    }

    /**
     * An edit's patch: its version, and each built-in and custom field set with its typed value
     * ({@link StoredValues}) or JSON null to clear it, custom fields in the patch's order.
     */
    private static final class StoredEdit implements StoredOperation<BulkOperation.Edit> {

        @Override
        public String name() {
            return "edit";
        }

        @Override
        public ObjectNode write(BulkOperation.Edit edit) {
            CustomerPatch patch = edit.changes();
            ObjectNode changes = NODES.objectNode();
            patch.changes().forEach((field, value) -> changes.set(field.key(),
                    StoredValues.write(value.orElse(null), "changes." + field.key())));
            ObjectNode custom = NODES.objectNode();
            patch.customChanges().forEach((key, value) -> custom.set(key,
                    StoredValues.write(value.orElse(null), "changes.custom." + key)));
            ObjectNode node = NODES.objectNode().put("version", patch.version());
            node.set("changes", changes);
            node.set("custom", custom);
            return node;
        }

        @Override
        public BulkOperation.Edit read(JsonNode node) {
            Map<CustomerField, Optional<Object>> changes = new EnumMap<>(CustomerField.class);
            for (Iterator<Map.Entry<String, JsonNode>> fields = StoredJson.object(node, "changes", "parameters")
                    .fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> change = fields.next();
                CustomerField field = CustomerField.byKey(change.getKey()).filter(known -> known.key().equals(
                        change.getKey())).orElseThrow(() -> new UnreadableBulkRequest("parameters.changes."
                        + change.getKey() + ": not a built-in field"));
                changes.put(field, Optional.ofNullable(StoredValues.read(change.getValue(), "parameters.changes."
                        + change.getKey())));
            }
            Map<String, Optional<Object>> custom = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = StoredJson.object(node, "custom", "parameters")
                    .fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> change = fields.next();
                custom.put(change.getKey(), Optional.ofNullable(StoredValues.read(change.getValue(),
                        "parameters.custom." + change.getKey())));
            }
            return new BulkOperation.Edit(new CustomerPatch(StoredJson.number(node, "version", "parameters"),
                    changes, custom));
        }
    }
}
