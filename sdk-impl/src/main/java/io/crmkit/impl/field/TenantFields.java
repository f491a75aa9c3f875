package io.crmkit.impl.field;

import io.crmkit.api.field.FieldDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All custom field definitions of one tenant, as cached: by key and by id, retired ones included. */
public final class TenantFields {

    private final Map<String, FieldDefinition> byKey = new LinkedHashMap<>();
    private final Map<Long, FieldDefinition> byId = new LinkedHashMap<>();
    private final List<FieldDefinition> active;
    private final List<String> requiredKeys;
    private final long stamp;

    TenantFields(List<FieldDefinition> definitions) {
        for (FieldDefinition definition : definitions) {
            byKey.put(definition.key(), definition);
            byId.put(definition.id(), definition);
        }
        active = definitions.stream().filter(definition -> !definition.retired()).toList();
        requiredKeys = active.stream().filter(FieldDefinition::required).map(FieldDefinition::key).toList();
        long hash = 17;
        for (FieldDefinition definition : definitions) {
            hash = hash * 1_000_003 + definition.id();
            hash = hash * 1_000_003 + definition.version();
        }
        stamp = hash;
    }

    /** @return a value that changes whenever a definition of the tenant changes, for cache keys */
    public long stamp() {
        return stamp;
    }

    /** @return the field with this key, retired or not */
    public Optional<FieldDefinition> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @return the field with this id, retired or not */
    public Optional<FieldDefinition> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the active fields, in definition order */
    public List<FieldDefinition> active() {
        return active;
    }

    /** @return the keys of the active required fields */
    public List<String> requiredKeys() {
        return requiredKeys;
    }
}
