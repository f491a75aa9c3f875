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
        String avatarUrl,
        String source,
        String ownerId,
        Optional<String> stage,
        List<String> tags,
        Map<String, Object> custom) {

    /**
     * Copies collections and replaces null text with "". The limits below are checked by the service when it
     * writes the draft, each on the field named in brackets.
     *
     * @param name         0 to {@link CustomerLimits#TEXT_MAX} characters [{@code name}]; null for none. A customer
     *                     needs at least one of name, phone, email or external id (code {@code required} on
     *                     {@code name})
     * @param nickname     0 to {@link CustomerLimits#TEXT_MAX} characters [{@code nickname}]; null for none
     * @param gender       the gender; null means {@link Gender#UNKNOWN}
     * @param birthday     the birthday, from 1900-01-01 to today [{@code birthday}, code {@code out_of_range}];
     *                     empty for none; not null
     * @param company      0 to {@link CustomerLimits#TEXT_MAX} characters [{@code company}]; null for none
     * @param address      each part at most {@link CustomerLimits#ADDRESS_PART_MAX} characters
     *                     [{@code address.city}, ...], the levels known to the kit's {@link AddressDirectory}
     *                     [{@code address}]; null means {@link Address#EMPTY}
     * @param phones       up to {@link CustomerLimits#PHONES_MAX} [{@code phones}], each at most
     *                     {@link CustomerLimits#PHONE_LENGTH_MAX} characters as typed and a valid number
     *                     [{@code phones[index]}]; null and blank entries are ignored; the list not null
     * @param emails       up to {@link CustomerLimits#EMAILS_MAX} [{@code emails}], each at most
     *                     {@link CustomerLimits#EMAIL_LENGTH_MAX} characters and a valid address
     *                     [{@code emails[index]}]; null and blank entries are ignored; the list not null
     * @param channels     up to {@link CustomerLimits#CHANNELS_MAX} channel accounts [{@code channels}]; an account
     *                     that is blank is ignored; neither the list nor an entry may be null
     * @param externalId   the host system's id, 0 to {@link CustomerLimits#ACCOUNT_LENGTH_MAX} characters
     *                     [{@code externalId}]; null for none
     * @param wechatOpenId 0 to {@link CustomerLimits#ACCOUNT_LENGTH_MAX} characters [{@code wechatOpenId}];
     *                     null for none
     * @param remark       a note of 0 to {@link CustomerLimits#TEXT_MAX} characters [{@code remark}], the only text
     *                     that may span several lines: CR LF, CR and LF are stored as LF and count as one
     *                     character; other control characters are refused, as line breaks are in every other text
     *                     field [{@code invalid}]; null for none
     * @param avatarUrl    the address of the customer's picture: an absolute {@code https} URL with a host, at most
     *                     {@link CustomerLimits#AVATAR_URL_MAX} characters, no spaces or control characters
     *                     [{@code avatarUrl}, code {@code invalid} or {@code too_long}]; null or "" for none
     * @param source       where the customer came from, 0 to {@link CustomerLimits#SOURCE_MAX} characters
     *                     [{@code source}]; null for none
     * @param ownerId      the agent who follows the customer up, 0 to {@link CustomerLimits#SOURCE_MAX}
     *                     characters [{@code ownerId}]; null or "" for none (the customer then starts NEW)
     * @param stage        one of the kit's lifecycle stages [{@code stage}, code {@code not_allowed}]; empty for
     *                     the first configured stage; not null
     * @param tags         1 to {@link CustomerLimits#TAG_LENGTH_MAX} characters each, none of
     *                     {@link CustomerLimits#TAG_SEPARATORS} [{@code tags[index]}], up to
     *                     {@link CustomerLimits#TAGS_MAX} distinct tags [{@code tags}]; duplicates collapse; the
     *                     list not null
     * @param custom       custom field values by key, each of the field's type [{@code custom.key}]; an unknown or
     *                     retired key is refused; the map not null
     * @throws ValidationException on field {@code birthday}, {@code phones}, {@code emails}, {@code channels}
     *                             ({@code channels[index]} for a null entry), {@code stage}, {@code tags} or
     *                             {@code custom}, code {@code required}, when it is null
     */
    public CustomerDraft {
        name = text(name);
        nickname = text(nickname);
        gender = gender == null ? Gender.UNKNOWN : gender;
        ValidationException.requireNonNull(birthday, "birthday");
        company = text(company);
        address = address == null ? Address.EMPTY : address;
        phones = copyOf(phones, "phones");
        emails = copyOf(emails, "emails");
        channels = ValidationException.requireNoNulls(channels, "channels");
        externalId = text(externalId);
        wechatOpenId = text(wechatOpenId);
        remark = text(remark);
        avatarUrl = text(avatarUrl);
        source = text(source);
        ownerId = text(ownerId);
        ValidationException.requireNonNull(stage, "stage");
        tags = copyOf(tags, "tags");
        ValidationException.requireNonNull(custom, "custom");
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> copyOf(List<String> values, String field) {
        ValidationException.requireNonNull(values, field);
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
        private String avatarUrl;
        private String source;
        private String ownerId;
        private String stage;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name 0 to 80 characters; null for none
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param nickname 0 to 80 characters; null for none
         * @return this builder
         */
        public Builder nickname(String nickname) {
            this.nickname = nickname;
            return this;
        }

        /**
         * @param gender the gender; null means {@link Gender#UNKNOWN}
         * @return this builder
         */
        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        /**
         * @param birthday the birthday, from 1900-01-01 to today; null for none
         * @return this builder
         */
        public Builder birthday(LocalDate birthday) {
            this.birthday = birthday;
            return this;
        }

        /**
         * @param company 0 to 80 characters; null for none
         * @return this builder
         */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /**
         * @param address the address; its directory levels are checked by the kit's {@link AddressDirectory};
         *                null for none
         * @return this builder
         */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        /**
         * Adds a phone: up to 3 per customer, each at most 20 characters as typed.
         *
         * @param phone the number in any common notation, such as {@code "+84 912-345-678"}; null or blank is ignored
         * @return this builder
         */
        public Builder phone(String phone) {
            phones.add(phone);
            return this;
        }

        /**
         * Adds phones: up to 3 per customer, each at most 20 characters as typed.
         *
         * @param phones the numbers in any common notation; null and blank entries are ignored
         * @return this builder
         * @throws ValidationException on field {@code phones}, code {@code required}, when {@code phones} is null
         */
        public Builder phones(Collection<String> phones) {
            this.phones.addAll(ValidationException.requireNonNull(phones, "phones"));
            return this;
        }

        /**
         * Adds an email: up to 2 per customer, each at most 128 characters.
         *
         * @param email the address, in any case; null or blank is ignored
         * @return this builder
         */
        public Builder email(String email) {
            emails.add(email);
            return this;
        }

        /**
         * Adds emails: up to 2 per customer, each at most 128 characters.
         *
         * @param emails the addresses, in any case; null and blank entries are ignored
         * @return this builder
         * @throws ValidationException on field {@code emails}, code {@code required}, when {@code emails} is null
         */
        public Builder emails(Collection<String> emails) {
            this.emails.addAll(ValidationException.requireNonNull(emails, "emails"));
            return this;
        }

        /**
         * Adds a channel account: up to 2 per customer.
         *
         * @param channel the channel: 1 to 24 characters of {@code a-z 0-9 _}, starting with a letter, such as
         *                {@code "whatsapp"}
         * @param account the account on that channel, 1 to 255 characters; a blank account is ignored
         * @return this builder
         * @throws ValidationException on field {@code name} or {@code account}, code {@code required}, for a null
         */
        public Builder channel(String channel, String account) {
            channels.add(new Channel(channel, account));
            return this;
        }

        /**
         * @param externalId the host system's id for this customer, 0 to 255 characters; unique per tenant;
         *                   null for none
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /**
         * @param wechatOpenId 0 to 255 characters; unique per tenant; null for none
         * @return this builder
         */
        public Builder wechatOpenId(String wechatOpenId) {
            this.wechatOpenId = wechatOpenId;
            return this;
        }

        /**
         * @param remark a note of 0 to 80 characters, several lines allowed (stored with LF line breaks); null for
         *               none
         * @return this builder
         */
        public Builder remark(String remark) {
            this.remark = remark;
            return this;
        }

        /**
         * @param avatarUrl the picture's absolute {@code https} URL, at most
         *                  {@value CustomerLimits#AVATAR_URL_MAX} characters; null for none
         * @return this builder
         */
        public Builder avatarUrl(String avatarUrl) {
            this.avatarUrl = avatarUrl;
            return this;
        }

        /**
         * @param source where the customer came from, 0 to 64 characters; null for none
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @param ownerId the agent who follows the customer up, 0 to 64 characters; a customer with an owner
         *                starts ASSIGNED; null for none
         * @return this builder
         */
        public Builder ownerId(String ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /**
         * @param stage one of the kit's lifecycle stages; unset or null means the first configured stage
         * @return this builder
         */
        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        /**
         * Adds a tag: 1 to 64 characters, up to 100 tags per customer; duplicates collapse.
         *
         * @param tag the tag, trimmed on write; a null or blank tag is refused on write (field
         *            {@code tags[index]}, code {@code required})
         * @return this builder
         */
        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        /**
         * Adds tags, with the limits of {@link #tag(String)}.
         *
         * @param tags the tags to add
         * @return this builder
         * @throws ValidationException on field {@code tags}, code {@code required}, when {@code tags} is null
         */
        public Builder tags(Collection<String> tags) {
            this.tags.addAll(ValidationException.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * Sets a custom field value.
         *
         * @param key   the key of a custom field of the tenant
         * @param value a value of the field's type (see {@code FieldType}); null leaves the field empty
         * @return this builder
         * @throws ValidationException on field {@code key}, code {@code required}, when {@code key} is null
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
                    phones, emails, channels, externalId, wechatOpenId, remark, avatarUrl, source, ownerId,
                    Optional.ofNullable(stage), tags, custom);
        }
    }
}
