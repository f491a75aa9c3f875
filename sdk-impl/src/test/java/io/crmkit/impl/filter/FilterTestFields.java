package io.crmkit.impl.filter;

import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A whitelist of fields for unit tests: the built-in fields and a few custom fields, without a database. */
final class FilterTestFields {

    static final List<String> STAGES = List.of("lead", "customer");

    private static final Map<String, FieldDefinition> CUSTOM = Map.of(
            "vip", custom(1, "vip", FieldType.BOOLEAN, false),
            "backupEmail", custom(2, "backupEmail", FieldType.EMAIL, false),
            "workPhone", custom(3, "workPhone", FieldType.PHONE, false),
            "score", custom(4, "score", FieldType.DECIMAL, false),
            "oldCode", custom(5, "oldCode", FieldType.TEXT, true));

    private FilterTestFields() {
    }

    static FilterFields fields() {
        return new FilterFields(key -> Optional.ofNullable(CUSTOM.get(key)), () -> CUSTOM.values().stream()
                .filter(definition -> !definition.retired()).sorted(Comparator.comparingLong(FieldDefinition::id))
                .toList(), STAGES);
    }

    static FilterField field(String key) {
        return fields().resolve(key).orElseThrow();
    }

    private static FieldDefinition custom(long id, String key, FieldType type, boolean retired) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new FieldDefinition(id, key, key, type, false, OptionalInt.empty(), Optional.empty(), Optional.empty(),
                List.of(), retired, 1, at, at);
    }
}
