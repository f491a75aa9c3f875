package io.crmkit.impl.filter;

import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.field.TenantFields;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whitelist of what a filter may name: the built-in fields (fixed here) and the tenant's active custom
 * fields, by key or as {@code custom.<key>}. Nothing else reaches SQL.
 */
final class FilterFields {

    private static final Map<String, FilterField> BUILT_IN = new LinkedHashMap<>();

    static {
        for (String text : List.of("name", "nickname", "company", "country", "province", "city", "area", "remark",
                "source")) {
            column(text, text, FilterField.ValueType.TEXT, false);
        }
        column("addressDetail", "address_detail", FilterField.ValueType.TEXT, false);
        column("ownerId", "owner_id", FilterField.ValueType.TEXT, true);
        choice("gender", Arrays.stream(Gender.values()).map(Enum::name).toList());
        choice("status", Arrays.stream(CustomerStatus.values()).map(Enum::name).toList());
        column("birthday", "birthday", FilterField.ValueType.DATE, true);
        column("createdAt", "created_at", FilterField.ValueType.DATETIME, false);
        column("updatedAt", "updated_at", FilterField.ValueType.DATETIME, false);
        column("id", "id", FilterField.ValueType.NUMBER, false);
        BUILT_IN.put("tags", new FilterField("tags", FilterField.Place.TAGS, FilterField.ValueType.SET, "", false, "",
                List.of(), Optional.empty()));
        identity("phones", "phone");
        identity("emails", "email");
        identity("externalId", "external_id");
        identity("wechatOpenId", "wechat_openid");
        identity("channels", "channel:%");
        metric("lastActivityAt", "last_activity_at", FilterField.ValueType.DATETIME, true);
        metric("activity30d", "activity_30d", FilterField.ValueType.NUMBER, false);
        metric("orderCount", "order_count", FilterField.ValueType.NUMBER, false);
        metric("totalSpent", "total_spent", FilterField.ValueType.NUMBER, false);
        metric("valueRating", "value_rating", FilterField.ValueType.NUMBER, true);
    }

    private final Function<String, Optional<FieldDefinition>> custom;
    private final List<String> stages;

    FilterFields(TenantFields custom, List<String> stages) {
        this(custom::byKey, stages);
    }

    /**
     * @param custom the tenant's custom field of a key, retired or not
     * @param stages the allowed lifecycle stages
     */
    FilterFields(Function<String, Optional<FieldDefinition>> custom, List<String> stages) {
        this.custom = custom;
        this.stages = stages;
    }

    /** @return the field a filter names, or empty when it names nothing filterable */
    Optional<FilterField> resolve(String key) {
        if (key.equals("stage")) {
            return Optional.of(new FilterField("stage", FilterField.Place.COLUMN, FilterField.ValueType.CHOICE, "stage",
                    false, "", stages, Optional.empty()));
        }
        FilterField builtIn = BUILT_IN.get(key);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        String customKey = key.startsWith("custom.") ? key.substring("custom.".length()) : key;
        return custom.apply(customKey).filter(definition -> !definition.retired()).map(FilterFields::customField);
    }

    /** @return whether the key names a retired custom field, for a precise error */
    boolean isRetired(String key) {
        String customKey = key.startsWith("custom.") ? key.substring("custom.".length()) : key;
        return custom.apply(customKey).map(FieldDefinition::retired).orElse(false);
    }

    private static FilterField customField(FieldDefinition definition) {
        FilterField.ValueType type;
        String column;
        switch (definition.type()) {
            case NUMBER, DECIMAL -> {
                type = FilterField.ValueType.NUMBER;
                column = "number_value";
            }
            case BOOLEAN -> {
                type = FilterField.ValueType.BOOLEAN;
                column = "bool_value";
            }
            case DATE -> {
                type = FilterField.ValueType.DATE;
                column = "date_value";
            }
            case DATETIME -> {
                type = FilterField.ValueType.DATETIME;
                column = "time_value";
            }
            case SINGLE_CHOICE -> {
                type = FilterField.ValueType.CHOICE;
                column = "text_value";
            }
            case MULTIPLE_CHOICE -> {
                type = FilterField.ValueType.SET;
                column = "text_value";
            }
            default -> {
                type = FilterField.ValueType.TEXT;
                column = "text_value";
            }
        }
        return new FilterField(definition.key(), FilterField.Place.CUSTOM, type, column, true, "", List.of(),
                Optional.of(definition));
    }

    private static void column(String key, String column, FilterField.ValueType type, boolean nullable) {
        BUILT_IN.put(key, new FilterField(key, FilterField.Place.COLUMN, type, column, nullable, "", List.of(),
                Optional.empty()));
    }

    /** A customer metric; a customer without a metric row has 0 for the counts and nothing for the others. */
    private static void metric(String key, String column, FilterField.ValueType type, boolean nullable) {
        BUILT_IN.put(key, new FilterField(key, FilterField.Place.METRIC, type, column, nullable, "", List.of(),
                Optional.empty()));
    }

    private static void choice(String key, List<String> values) {
        BUILT_IN.put(key, new FilterField(key, FilterField.Place.COLUMN, FilterField.ValueType.CHOICE, key, false,
                "", values, Optional.empty()));
    }

    private static void identity(String key, String idType) {
        BUILT_IN.put(key, new FilterField(key, FilterField.Place.IDENTITY, FilterField.ValueType.IDENTITY, "", false,
                idType, List.of(), Optional.empty()));
    }
}
