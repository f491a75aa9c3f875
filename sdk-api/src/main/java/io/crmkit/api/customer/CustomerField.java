package io.crmkit.api.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in fields of a customer, by the key used in error paths, patches and (later) filters and
 * column lists. Custom field keys may not shadow these keys.
 */
public enum CustomerField {
    NAME("name"),
    NICKNAME("nickname"),
    GENDER("gender"),
    BIRTHDAY("birthday"),
    COMPANY("company"),
    ADDRESS("address"),
    PHONES("phones"),
    EMAILS("emails"),
    CHANNELS("channels"),
    EXTERNAL_ID("externalId"),
    WECHAT_OPENID("wechatOpenId"),
    REMARK("remark"),
    SOURCE("source"),
    OWNER("ownerId"),
    STATUS("status"),
    STAGE("stage"),
    TAGS("tags"),
    ID("id"),
    CREATED_AT("createdAt"),
    CREATED_BY("createdBy"),
    UPDATED_AT("updatedAt"),
    UPDATED_BY("updatedBy"),
    VERSION("version");

    private final String key;

    CustomerField(String key) {
        this.key = key;
    }

    /** @return the field's key, such as {@code "externalId"} */
    public String key() {
        return key;
    }

    /**
     * Finds a built-in field by key, ignoring case and underscores, so that {@code "external_id"} and
     * {@code "EXTERNALID"} both name {@link #EXTERNAL_ID}.
     *
     * @return the field, or empty when the key names no built-in field
     */
    public static Optional<CustomerField> byKey(String key) {
        String wanted = fold(key);
        return Arrays.stream(values()).filter(field -> fold(field.key).equals(wanted)).findFirst();
    }

    private static String fold(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
