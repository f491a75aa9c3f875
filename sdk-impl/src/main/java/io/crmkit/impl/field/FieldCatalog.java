package io.crmkit.impl.field;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldType;
import io.crmkit.impl.db.Database;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The custom field definitions of every tenant, cached with Caffeine. A change made through this kit
 * invalidates its tenant at once; changes by other processes are picked up when an entry expires.
 */
public final class FieldCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final LoadingCache<String, TenantFields> cache;

    /**
     * @param database where the definitions live
     * @param expiry   how long a tenant's definitions are trusted without reloading
     */
    public FieldCatalog(Database database, Duration expiry) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(expiry)
                .build(tenantId -> database.read("load custom fields",
                        session -> new TenantFields(new FieldStatements(session).findAll(tenantId)
                                .stream().map(FieldCatalog::toDefinition).toList())));
    }

    /** @return the tenant's definitions, loading them if needed */
    public TenantFields of(String tenantId) {
        return cache.get(tenantId);
    }

    /** Forgets the tenant's definitions, so that the next read sees the database. */
    public void invalidate(String tenantId) {
        cache.invalidate(tenantId);
    }

    static FieldDefinition toDefinition(FieldRow row) {
        return new FieldDefinition(row.id, row.fieldKey, row.label, FieldType.valueOf(row.fieldType), row.required,
                row.maxLength == null ? OptionalInt.empty() : OptionalInt.of(row.maxLength),
                Optional.ofNullable(row.minValue).map(FieldValues::normalize),
                Optional.ofNullable(row.maxValue).map(FieldValues::normalize),
                readOptions(row.options), row.retired, row.version, row.createdAt, row.updatedAt);
    }

    static String writeOptions(List<String> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options cannot be written as JSON", e);
        }
    }

    private static List<String> readOptions(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StorageException("the options of a custom field are not a JSON list of text: " + json, e);
        }
    }
}
