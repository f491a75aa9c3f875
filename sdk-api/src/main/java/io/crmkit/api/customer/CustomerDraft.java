package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input of {@link CustomerService#create}: what a new customer should hold, as the user typed it.
 * Nothing is checked here beyond nulls; the service validates every field against {@link CustomerLimits},
 * the tenant's custom fields and the kit's configuration, and reports every problem at once.
 *
 * <p>Text that is not set is "". Phones may be in any common notation ("0912 345 678" with a default region,
 * "+84 912-345-678"); blank entries in lists are ignored, as an empty text box would be.
 *
 * <p>Build one with {@link #builder()}.
 */
public record CustomerDraft(
        String name,
        String nickname,
        Gender gender,
        Optional<LocalDate> birthday,
        String company,
        Address address,
        List<String> phones,
        List<String> emails,
        List<Channel> channels,
        String externalId,
        String wechatOpenId,
        String remark,
        String source,
        String ownerId,
        Optional<String> stage,
        List<String> tags,
        Map<String, Object> custom) {

    /** Copies collections and replaces null text with "". */
    public CustomerDraft {
        name = text(name);
        nickname = text(nickname);
        gender = gender == null ? Gender.UNKNOWN : gender;
        ValidationException.requireNonNull(birthday, "birthday");
        company = text(company);
        address = address == null ? Address.EMPTY : address;
        phones = copyOf(phones);
        emails = copyOf(emails);
        channels = ValidationException.requireNoNulls(channels, "channels");
        externalId = text(externalId);
        wechatOpenId = text(wechatOpenId);
        remark = text(remark);
        source = text(source);
        ownerId = text(ownerId);
        ValidationException.requireNonNull(stage, "stage");
        tags = copyOf(tags);
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> copyOf(List<String> values) {
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            copy.add(text(value));
        }
        return Collections.unmodifiableList(copy);
    }

    /** Collects the fields of a new customer. Not thread-safe; each setter returns this builder. */
    public static final class Builder {
        private String name;
        private String nickname;
        private Gender gender;
        private LocalDate birthday;
        private String company;
        private Address address;
        private final List<String> phones = new ArrayList<>();
        private final List<String> emails = new ArrayList<>();
        private final List<Channel> channels = new ArrayList<>();
        private String externalId;
        private String wechatOpenId;
        private String remark;
        private String source;
        private String ownerId;
        private String stage;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param name 0 to 80 characters */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param nickname 0 to 80 characters */
        public Builder nickname(String nickname) {
            this.nickname = nickname;
            return this;
        }

        /** @param gender the gender; null means {@link Gender#UNKNOWN} */
        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        /** @param birthday the birthday, not in the future; null for none */
        public Builder birthday(LocalDate birthday) {
            this.birthday = birthday;
            return this;
        }

        /** @param company 0 to 80 characters */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /** @param address the address; its directory levels are checked by the kit's {@link AddressDirectory} */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        /** Adds a phone: up to 3 per customer, each at most 20 characters as typed. */
        public Builder phone(String phone) {
            phones.add(phone);
            return this;
        }

        /** Adds phones: up to 3 per customer, each at most 20 characters as typed. */
        public Builder phones(Collection<String> phones) {
            this.phones.addAll(ValidationException.requireNonNull(phones, "phones"));
            return this;
        }

        /** Adds an email: up to 2 per customer, each at most 128 characters. */
        public Builder email(String email) {
            emails.add(email);
            return this;
        }

        /** Adds emails: up to 2 per customer, each at most 128 characters. */
        public Builder emails(Collection<String> emails) {
            this.emails.addAll(ValidationException.requireNonNull(emails, "emails"));
            return this;
        }

        /** Adds a channel account: up to 2 per customer. */
        public Builder channel(String channel, String account) {
            channels.add(new Channel(channel, account));
            return this;
        }

        /** @param externalId the host system's id for this customer, 0 to 255 characters; unique per tenant */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** @param wechatOpenId 0 to 255 characters; unique per tenant */
        public Builder wechatOpenId(String wechatOpenId) {
            this.wechatOpenId = wechatOpenId;
            return this;
        }

        /** @param remark 0 to 80 characters */
        public Builder remark(String remark) {
            this.remark = remark;
            return this;
        }

        /** @param source where the customer came from, 0 to 64 characters */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** @param ownerId the agent who follows the customer up; a customer with an owner starts ASSIGNED */
        public Builder ownerId(String ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /** @param stage one of the kit's lifecycle stages; unset means the first configured stage */
        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        /** Adds a tag: 1 to 64 characters, up to 100 tags per customer; duplicates collapse. */
        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        /** Adds tags. */
        public Builder tags(Collection<String> tags) {
            this.tags.addAll(ValidationException.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * Sets a custom field value.
         *
         * @param key   the key of a custom field of the tenant
         * @param value a value of the field's type (see {@code FieldType}); null leaves the field empty
         */
        public Builder custom(String key, Object value) {
            ValidationException.requireNonNull(key, "key");
            if (value == null) {
                custom.remove(key);
            } else {
                custom.put(key, value);
            }
            return this;
        }

        /** @return the draft; validation happens when the service writes it */
        public CustomerDraft build() {
            return new CustomerDraft(name, nickname, gender, Optional.ofNullable(birthday), company, address,
                    phones, emails, channels, externalId, wechatOpenId, remark, source, ownerId,
                    Optional.ofNullable(stage), tags, custom);
        }
    }
}
