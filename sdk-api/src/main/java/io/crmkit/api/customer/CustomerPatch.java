package io.crmkit.api.customer;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The input of {@link CustomerService#update}: the fields to change, and the version of the customer they
 * were read from. Fields not mentioned stay as they are; a field set to null (or "") is cleared. A list
 * (phones, emails, channels) replaces the whole list.
 *
 * <p>The update succeeds only if the customer still has {@link #version()}; otherwise it fails with a
 * {@code ConflictException} and nothing changes. Status and owner change through the status operations of
 * {@link CustomerService}, tags through {@code addTags} and {@code removeTags}.
 *
 * @param version       the version of the customer the change was made against
 * @param changes       built-in fields to change; an empty Optional clears the field
 * @param customChanges custom fields to change by key; an empty Optional clears the field
 */
public record CustomerPatch(long version, Map<CustomerField, Optional<Object>> changes,
                            Map<String, Optional<Object>> customChanges) {

    /** The built-in fields a patch may change; the others change through their own operations or never. */
    public static final Set<CustomerField> EDITABLE = Collections.unmodifiableSet(EnumSet.of(
            CustomerField.NAME, CustomerField.NICKNAME, CustomerField.GENDER, CustomerField.BIRTHDAY,
            CustomerField.COMPANY, CustomerField.ADDRESS, CustomerField.PHONES, CustomerField.EMAILS,
            CustomerField.CHANNELS, CustomerField.EXTERNAL_ID, CustomerField.WECHAT_OPENID, CustomerField.REMARK,
            CustomerField.AVATAR_URL, CustomerField.SOURCE, CustomerField.STAGE));

    /**
     * Copies the maps and checks that they name only editable fields.
     *
     * @param version       the version of the customer the change was made against
     * @param changes       built-in fields to change, each in {@link #EDITABLE}; an empty Optional clears the field,
     *                      a null value is refused; the map not null
     * @param customChanges custom fields to change by key; an empty Optional clears the field, a null value is
     *                      refused on field {@code custom.key}; the map not null
     * @throws ValidationException listing each field that is not in {@link #EDITABLE} (code
     *                             {@code not_allowed}) and each null value (code {@code invalid}); on field
     *                             {@code changes} or {@code customChanges}, code {@code required}, for a null map
     *                             or a null key in it
     */
    public CustomerPatch {
        ValidationException.requireNonNull(changes, "changes");
        ValidationException.requireNonNull(customChanges, "customChanges");
        changes.keySet().forEach(field -> ValidationException.requireNonNull(field, "changes"));
        customChanges.keySet().forEach(key -> ValidationException.requireNonNull(key, "customChanges"));
        List<FieldError> errors = new ArrayList<>();
        changes.forEach((field, value) -> {
            if (!EDITABLE.contains(field)) {
                errors.add(FieldError.of(field.key(), "not_allowed", field.key() + ": cannot be changed by a patch;"
                        + " use the operation of CustomerService that changes it"));
            }
            if (value == null) {
                errors.add(FieldError.of(field.key(), "invalid", field.key() + ": use Optional.empty() to clear"));
            }
        });
        customChanges.forEach((key, value) -> {
            if (value == null) {
                errors.add(FieldError.of("custom." + key, "invalid", "custom." + key + ": use Optional.empty() to clear"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        changes = changes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(changes));
        customChanges = Collections.unmodifiableMap(new LinkedHashMap<>(customChanges));
    }

    /**
     * @param version the version of the customer as read ({@link Customer#version()})
     * @return a builder of a change against that version
     */
    public static Builder builder(long version) {
        return new Builder(version);
    }

    /** @return whether the patch changes nothing */
    public boolean isEmpty() {
        return changes.isEmpty() && customChanges.isEmpty();
    }

    /** Collects the changes. Not thread-safe; each setter returns this builder. */
    public static final class Builder {
        private final long version;
        private final Map<CustomerField, Optional<Object>> changes = new EnumMap<>(CustomerField.class);
        private final Map<String, Optional<Object>> custom = new LinkedHashMap<>();

        private Builder(long version) {
            this.version = version;
        }

        private Builder set(CustomerField field, Object value) {
            changes.put(field, Optional.ofNullable(value));
            return this;
        }

        /**
         * @param name 0 to 80 characters; null clears
         * @return this builder
         */
        public Builder name(String name) {
            return set(CustomerField.NAME, name);
        }

        /**
         * @param nickname 0 to 80 characters; null clears
         * @return this builder
         */
        public Builder nickname(String nickname) {
            return set(CustomerField.NICKNAME, nickname);
        }

        /**
         * @param gender the new gender; null sets {@link Gender#UNKNOWN}
         * @return this builder
         */
        public Builder gender(Gender gender) {
            return set(CustomerField.GENDER, gender);
        }

        /**
         * @param birthday from 1900-01-01 to today; null clears
         * @return this builder
         */
        public Builder birthday(LocalDate birthday) {
            return set(CustomerField.BIRTHDAY, birthday);
        }

        /**
         * @param company 0 to 80 characters; null clears
         * @return this builder
         */
        public Builder company(String company) {
            return set(CustomerField.COMPANY, company);
        }

        /**
         * @param address the whole new address, each part at most 80 characters; null clears
         * @return this builder
         */
        public Builder address(Address address) {
            return set(CustomerField.ADDRESS, address);
        }

        /**
         * @param phones replaces every phone; up to 3, empty clears; null and blank entries are ignored
         * @return this builder
         * @throws ValidationException on field {@code phones}, code {@code required}, when {@code phones} is null
         */
        public Builder phones(Collection<String> phones) {
            return set(CustomerField.PHONES, texts(ValidationException.requireNonNull(phones, "phones")));
        }

        /**
         * @param emails replaces every email; up to 2, empty clears; null and blank entries are ignored
         * @return this builder
         * @throws ValidationException on field {@code emails}, code {@code required}, when {@code emails} is null
         */
        public Builder emails(Collection<String> emails) {
            return set(CustomerField.EMAILS, texts(ValidationException.requireNonNull(emails, "emails")));
        }

        private static List<String> texts(Collection<String> values) {
            List<String> copy = new ArrayList<>(values.size());
            values.forEach(value -> copy.add(value == null ? "" : value));
            return Collections.unmodifiableList(copy);
        }

        /**
         * @param channels replaces every channel account; up to 2, empty clears
         * @return this builder
         * @throws ValidationException code {@code required}, on field {@code channels} when {@code channels} is
         *                             null, on {@code channels[index]} for a null entry
         */
        public Builder channels(Collection<Channel> channels) {
            return set(CustomerField.CHANNELS, ValidationException.requireNoNulls(channels, "channels"));
        }

        /**
         * @param externalId the host system's id, 0 to 255 characters, unique per tenant; null clears
         * @return this builder
         */
        public Builder externalId(String externalId) {
            return set(CustomerField.EXTERNAL_ID, externalId);
        }

        /**
         * @param wechatOpenId 0 to 255 characters, unique per tenant; null clears
         * @return this builder
         */
        public Builder wechatOpenId(String wechatOpenId) {
            return set(CustomerField.WECHAT_OPENID, wechatOpenId);
        }

        /**
         * @param remark a note of 0 to 80 characters, several lines allowed (stored with LF line breaks); null
         *               clears
         * @return this builder
         */
        public Builder remark(String remark) {
            return set(CustomerField.REMARK, remark);
        }

        /**
         * @param avatarUrl the picture's absolute {@code https} URL, at most
         *                  {@value CustomerLimits#AVATAR_URL_MAX} characters; null clears
         * @return this builder
         */
        public Builder avatarUrl(String avatarUrl) {
            return set(CustomerField.AVATAR_URL, avatarUrl);
        }

        /**
         * @param source 0 to 64 characters; null clears
         * @return this builder
         */
        public Builder source(String source) {
            return set(CustomerField.SOURCE, source);
        }

        /**
         * @param stage one of the kit's lifecycle stages; null is refused
         * @return this builder
         */
        public Builder stage(String stage) {
            return set(CustomerField.STAGE, stage);
        }

        /**
         * @param key   a custom field key of the tenant
         * @param value a value of the field's type; null clears (refused for a required field)
         * @return this builder
         * @throws ValidationException on field {@code key}, code {@code required}, when {@code key} is null
         */
        public Builder custom(String key, Object value) {
            custom.put(ValidationException.requireNonNull(key, "key"), Optional.ofNullable(value));
            return this;
        }

        /** @return the patch */
        public CustomerPatch build() {
            return new CustomerPatch(version, changes, custom);
        }
    }
}
