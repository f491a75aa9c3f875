package io.crmkit.impl.filter;

import io.crmkit.api.customer.Customer;
import io.crmkit.impl.field.TenantFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns a list view (and an export) may show: the built-in fields (fixed here) and the tenant's custom
 * fields.
 */
public final class ListColumns {

    private static final Map<String, Function<Customer, Object>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("id", Customer::id);
        BUILT_IN.put("name", Customer::name);
        BUILT_IN.put("nickname", Customer::nickname);
        BUILT_IN.put("gender", customer -> customer.gender().name());
        BUILT_IN.put("birthday", customer -> customer.birthday().map(Object.class::cast).orElse(""));
        BUILT_IN.put("company", Customer::company);
        BUILT_IN.put("country", customer -> customer.address().country());
        BUILT_IN.put("province", customer -> customer.address().province());
        BUILT_IN.put("city", customer -> customer.address().city());
        BUILT_IN.put("area", customer -> customer.address().area());
        BUILT_IN.put("addressDetail", customer -> customer.address().detail());
        BUILT_IN.put("remark", Customer::remark);
        BUILT_IN.put("avatarUrl", Customer::avatarUrl);
        BUILT_IN.put("source", Customer::source);
        BUILT_IN.put("ownerId", customer -> customer.ownerId().orElse(""));
        BUILT_IN.put("status", customer -> customer.status().name());
        BUILT_IN.put("stage", Customer::stage);
        BUILT_IN.put("phones", Customer::phones);
        BUILT_IN.put("emails", Customer::emails);
        BUILT_IN.put("channels", customer -> customer.channels().stream()
                .map(channel -> channel.name() + ":" + channel.account()).toList());
        BUILT_IN.put("externalId", customer -> customer.externalId().orElse(""));
        BUILT_IN.put("wechatOpenId", customer -> customer.wechatOpenId().orElse(""));
        BUILT_IN.put("tags", Customer::tags);
        BUILT_IN.put("verified", Customer::verified);
        BUILT_IN.put("createdAt", Customer::createdAt);
        BUILT_IN.put("createdBy", Customer::createdBy);
        BUILT_IN.put("updatedAt", Customer::updatedAt);
        BUILT_IN.put("updatedBy", Customer::updatedBy);
    }

    private ListColumns() {
    }

    /** @return the built-in columns, in order */
    static List<String> builtIn() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** @return every column: the built-in ones, then the tenant's active custom fields */
    public static List<String> all(TenantFields fields) {
        List<String> all = new java.util.ArrayList<>(builtIn());
        fields.active().forEach(field -> all.add(field.key()));
        return all;
    }

    /** @return whether the column is a built-in field, not a custom one */
    public static boolean isBuiltIn(String column) {
        return BUILT_IN.containsKey(column);
    }

    /** @return whether a view may show the column: a built-in field or an active custom field */
    public static boolean isKnown(String column, TenantFields fields) {
        return BUILT_IN.containsKey(column)
                || fields.byKey(column).filter(definition -> !definition.retired()).isPresent();
    }

    /**
     * The readers of the columns, looked up once for a caller that shows many customers (an export).
     *
     * @param columns known columns ({@link #isKnown})
     * @return per column, the function that gives a customer's value, as {@link #values} does
     */
    public static List<Function<Customer, Object>> readers(List<String> columns) {
        List<Function<Customer, Object>> readers = new java.util.ArrayList<>(columns.size());
        for (String column : columns) {
            Function<Customer, Object> builtIn = BUILT_IN.get(column);
            readers.add(builtIn != null ? builtIn : customer -> customer.custom().getOrDefault(column, ""));
        }
        return readers;
    }

    /**
     * @return for many customers, each one's values of the columns, in their order; "" where there is none. The
     *         columns are looked up once.
     */
    public static Function<Customer, Map<String, Object>> values(List<String> columns) {
        List<Function<Customer, Object>> readers = readers(columns);
        return customer -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), readers.get(i).apply(customer));
            }
            return values;
        };
    }
}
