package io.crmkit.impl.filter;

import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.field.TenantFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The whitelist of what a filter may name: the built-in fields (fixed here, in the order a form lists them), the
 * tenant's active custom fields (by key or as {@code custom.<key>}), {@code group}, {@code savedFilter} and
 * {@code events.<type>}. Nothing else reaches SQL. Each field carries the operators it accepts; the checker, the
 * compiler and the field metadata read them from here alone.
 */
final class FilterFields {

    /** The pseudo-field of a condition on membership of a saved filter. */
    static final String SAVED_FILTER = "savedFilter";
    /** The pseudo-field of a condition on membership of a group. */
    static final String GROUP = "group";
    /** The prefix of an event condition's field: {@code events.purchase}. */
    static final String EVENTS = "events.";
    /** The field matching any part of the address. */
    static final String ADDRESS = "address";
    /** Longest fragment of an address part compared with: no part is longer. */
    static final int ADDRESS_FRAGMENT_MAX = CustomerLimits.ADDRESS_PART_MAX;
    /** The address columns {@link #ADDRESS} matches. */
    static final List<String> ADDRESS_COLUMNS = List.of("country", "province", "city", "area", "address_detail");

    private static final String CUSTOM_PREFIX = "custom.";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_]{1,40}");
    /** What phones and emails take beyond the identity operators: parts of a number or address. */
    private static final Set<Operator> FRAGMENTS = EnumSet.of(Operator.CONTAINS, Operator.STARTS_WITH);
    private static final Map<String, FilterField> BUILT_IN = new LinkedHashMap<>();
    /** Where the tenant's stages go in the order of {@link #BUILT_IN}. */
    private static final String STAGE = "stage";

    static {
        text("name", "name");
        text("nickname", "nickname");
        text("company", "company");
        choice("gender", Arrays.stream(Gender.values()).map(Enum::name).toList());
        column("birthday", "birthday", FilterField.ValueType.DATE, true);
        identity("phones", "phone", FRAGMENTS);
        identity("emails", "email", FRAGMENTS);
        BUILT_IN.put(ADDRESS, new FilterField(ADDRESS, FilterField.Place.ADDRESS, FilterField.ValueType.TEXT,
                EnumSet.of(Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.IS_EMPTY,
                        Operator.IS_NOT_EMPTY), "", false, "", List.of(), Optional.empty()));
        for (String part : List.of("country", "province", "city", "area")) {
            text(part, part);
        }
        text("addressDetail", "address_detail");
        text("remark", "remark");
        text("avatarUrl", "avatar_url");
        text("source", "source");
        column("ownerId", "owner_id", FilterField.ValueType.TEXT, true);
        choice("status", Arrays.stream(CustomerStatus.values()).map(Enum::name).toList());
        BUILT_IN.put(STAGE, null);
        BUILT_IN.put("tags", new FilterField("tags", FilterField.Place.TAGS, FilterField.ValueType.SET, "", false, "",
                List.of(), Optional.empty()));
        BUILT_IN.put("verified", new FilterField("verified", FilterField.Place.VERIFIED, FilterField.ValueType.BOOLEAN,
                EnumSet.of(Operator.IS_TRUE, Operator.IS_FALSE, Operator.EQ), "", false, "", List.of(),
                Optional.empty()));
        identity("externalId", "external_id", Set.of());
        identity("wechatOpenId", "wechat_openid", Set.of());
        identity("channels", "channel:%", Set.of());
        column("createdAt", "created_at", FilterField.ValueType.DATETIME, false);
        text("createdBy", "created_by");
        column("updatedAt", "updated_at", FilterField.ValueType.DATETIME, false);
        text("updatedBy", "updated_by");
        column("id", "id", FilterField.ValueType.NUMBER, false);
        metric("lastActivityAt", "last_activity_at", FilterField.ValueType.DATETIME, true);
        metric("activity30d", "activity_30d", FilterField.ValueType.NUMBER, false);
        metric("orderCount", "order_count", FilterField.ValueType.NUMBER, false);
        metric("totalSpent", "total_spent", FilterField.ValueType.NUMBER, false);
        metric("valueRating", "value_rating", FilterField.ValueType.NUMBER, true);
    }

    private final Function<String, Optional<FieldDefinition>> custom;
    private final Supplier<List<FieldDefinition>> active;
    private final List<String> stages;

    FilterFields(TenantFields custom, List<String> stages) {
        this(custom::byKey, custom::active, stages);
    }

    /**
     * @param custom the tenant's custom field of a key, retired or not
     * @param active the tenant's active custom fields, in the order defined
     * @param stages the allowed lifecycle stages
     */
    FilterFields(Function<String, Optional<FieldDefinition>> custom, Supplier<List<FieldDefinition>> active,
                 List<String> stages) {
        this.custom = custom;
        this.active = active;
        this.stages = stages;
    }

    /** @return the field a filter names, or empty when it names nothing filterable */
    Optional<FilterField> resolve(String key) {
        if (key.equals(STAGE)) {
            return Optional.of(stage());
        }
        FilterField builtIn = BUILT_IN.get(key);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        if (key.equals(GROUP) || key.equals(SAVED_FILTER)) {
            return Optional.of(new FilterField(key, key.equals(GROUP) ? FilterField.Place.GROUP
                    : FilterField.Place.SAVED_FILTER, FilterField.ValueType.REFERENCE, "", false, "", List.of(),
                    Optional.empty()));
        }
        if (key.startsWith(EVENTS)) {
            String type = key.substring(EVENTS.length());
            return EVENT_TYPE.matcher(type).matches() ? Optional.of(events(type)) : Optional.empty();
        }
        String customKey = key.startsWith(CUSTOM_PREFIX) ? key.substring(CUSTOM_PREFIX.length()) : key;
        return custom.apply(customKey).filter(definition -> !definition.retired()).map(FilterFields::customField);
    }

    /**
     * @param eventTypes the event types the tenant knows, each 1 to 40 characters of a-z 0-9 _
     * @return every field a filter may name, as {@link #resolve} resolves it: the built-in fields, the active
     *         custom fields by their key, {@code group}, {@code savedFilter}, then {@code events.<type>} per type
     */
    List<FilterField> all(List<String> eventTypes) {
        List<FilterField> all = new ArrayList<>();
        BUILT_IN.keySet().forEach(key -> all.add(resolve(key).orElseThrow()));
        active.get().forEach(definition -> all.add(customField(definition)));
        all.add(resolve(GROUP).orElseThrow());
        all.add(resolve(SAVED_FILTER).orElseThrow());
        eventTypes.forEach(type -> resolve(EVENTS + type).ifPresent(all::add));
        return all;
    }

    /** @return whether the key names a retired custom field, for a precise error */
    boolean isRetired(String key) {
        String customKey = key.startsWith(CUSTOM_PREFIX) ? key.substring(CUSTOM_PREFIX.length()) : key;
        return custom.apply(customKey).map(FieldDefinition::retired).orElse(false);
    }

    /** @return whether the key names an events field, for a precise error about its type */
    static boolean isEvents(String key) {
        return key.startsWith(EVENTS);
    }

    private FilterField stage() {
        return new FilterField(STAGE, FilterField.Place.COLUMN, FilterField.ValueType.CHOICE, STAGE, false, "", stages,
                Optional.empty());
    }

    /** The event type is checked against its alphabet, so that it can be the key of the whitelisted field. */
    private static FilterField events(String type) {
        return new FilterField(EVENTS + type, FilterField.Place.EVENTS, FilterField.ValueType.EVENTS, type, false, "",
                List.of(), Optional.empty());
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

    private static void text(String key, String column) {
        column(key, column, FilterField.ValueType.TEXT, false);
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

    /** An identity type, taking the identity operators and {@code more}. */
    private static void identity(String key, String idType, Set<Operator> more) {
        Set<Operator> operators = EnumSet.copyOf(FilterField.ValueType.IDENTITY.operators());
        operators.addAll(more);
        BUILT_IN.put(key, new FilterField(key, FilterField.Place.IDENTITY, FilterField.ValueType.IDENTITY, operators,
                "", false, idType, List.of(), Optional.empty()));
    }
}
