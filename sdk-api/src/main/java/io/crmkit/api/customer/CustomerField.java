package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in fields of a customer, by the key used in error paths, patches and (later) filters and
 * column lists. Custom field keys may not shadow these keys.
 */
public enum CustomerField {
    /** The name ({@code name}). */
    NAME("name"),
    /** The nickname ({@code nickname}). */
    NICKNAME("nickname"),
    /** The gender ({@code gender}). */
    GENDER("gender"),
    /** The birthday ({@code birthday}). */
    BIRTHDAY("birthday"),
    /** The company ({@code company}). */
    COMPANY("company"),
    /** The address ({@code address}). */
    ADDRESS("address"),
    /** The phones ({@code phones}), up to 3. */
    PHONES("phones"),
    /** The emails ({@code emails}), up to 2. */
    EMAILS("emails"),
    /** The channel accounts ({@code channels}), up to 2. */
    CHANNELS("channels"),
    /** The host system's id ({@code externalId}). */
    EXTERNAL_ID("externalId"),
    /** The WeChat openid ({@code wechatOpenId}). */
    WECHAT_OPENID("wechatOpenId"),
    /** The remark ({@code remark}). */
    REMARK("remark"),
    /** The picture's {@code https} URL ({@code avatarUrl}). */
    AVATAR_URL("avatarUrl"),
    /** Where the customer came from ({@code source}). */
    SOURCE("source"),
    /** The agent who follows the customer up ({@code ownerId}). */
    OWNER("ownerId"),
    /** Where the customer is in the assignment flow ({@code status}). */
    STATUS("status"),
    /** The lifecycle stage ({@code stage}). */
    STAGE("stage"),
    /** The tags ({@code tags}). */
    TAGS("tags"),
    /** The SDK-generated id ({@code id}); read only. */
    ID("id"),
    /** When the customer was created ({@code createdAt}); read only. */
    CREATED_AT("createdAt"),
    /** Who created the customer ({@code createdBy}); read only. */
    CREATED_BY("createdBy"),
    /** When the customer last changed ({@code updatedAt}); read only. */
    UPDATED_AT("updatedAt"),
    /** Who last changed the customer ({@code updatedBy}); read only. */
    UPDATED_BY("updatedBy"),
    /** The optimistic-locking version ({@code version}); read only. */
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
     * @param key a field key such as {@code "externalId"}, in any case, with or without underscores; not null
     * @return the field, or empty when the key names no built-in field
     * @throws ValidationException on field {@code key}, code {@code required}, when it is null
     */
    public static Optional<CustomerField> byKey(String key) {
        ValidationException.requireNonNull(key, "key");
        String wanted = fold(key);
        return Arrays.stream(values()).filter(field -> fold(field.key).equals(wanted)).findFirst();
    }

    private static String fold(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
