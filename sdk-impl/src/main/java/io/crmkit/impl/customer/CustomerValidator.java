package io.crmkit.impl.customer;

import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.validation.Errors;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a customer's input against every rule at once (limits of 004, identity formats, stages, the
 * address directory, the tenant's custom fields) and returns it clean, or throws a ValidationException
 * listing every problem.
 */
final class CustomerValidator {

    private static final LocalDate BIRTHDAY_MIN = LocalDate.of(1900, 1, 1);
    private static final Pattern TAG_SEPARATORS = Pattern.compile(
            "[" + CustomerLimits.TAG_SEPARATORS + "]");

    private final Clock clock;
    private final FieldValues fieldValues;
    private final PhoneNormalizer phones;
    private final AddressDirectory addresses;
    private final List<String> lifecycleStages;

    CustomerValidator(Clock clock, FieldValues fieldValues, PhoneNormalizer phones, AddressDirectory addresses,
            List<String> lifecycleStages) {
        this.clock = clock;
        this.fieldValues = fieldValues;
        this.phones = phones;
        this.addresses = addresses;
        this.lifecycleStages = lifecycleStages;
    }

    /**
     * @param draft           the whole customer as it should be
     * @param fields          the tenant's custom fields
     * @param requiredChecked custom keys whose "required" rule applies: all on create, the patched ones on update
     * @param verifiedBefore  identities (type column + value) that were verified before and stay so
     * @param touched         the built-in fields the input sets: all on create, the patched ones on update. Rules
     *                        that depend on the kit's configuration (lifecycle stages, address directory, the phone
     *                        numbering plans of the default region and of the phone library's metadata) apply to
     *                        these only, so that a change of configuration does not block unrelated edits: phones
     *                        an update does not set are kept as stored
     * @param errors          problems found earlier in the same input, reported together with these
     */
    CleanCustomer validate(CustomerDraft draft, TenantFields fields, Collection<String> requiredChecked,
                           Set<String> verifiedBefore, Predicate<CustomerField> touched, Errors errors) {
        String name = errors.text("name", draft.name(), CustomerLimits.TEXT_MAX);
        String nickname = errors.text("nickname", draft.nickname(), CustomerLimits.TEXT_MAX);
        String company = errors.text("company", draft.company(), CustomerLimits.TEXT_MAX);
        String remark = errors.multilineText("remark", draft.remark(), CustomerLimits.TEXT_MAX);
        String avatarUrl = AvatarUrls.check("avatarUrl", draft.avatarUrl(), errors);
        String source = errors.text("source", draft.source(), CustomerLimits.SOURCE_MAX);
        String ownerId = errors.text("ownerId", draft.ownerId(), CustomerLimits.SOURCE_MAX);
        LocalDate birthday = birthday(draft.birthday(), errors);
        Address address = address(draft.address(), touched.test(CustomerField.ADDRESS), errors);
        String stage = touched.test(CustomerField.STAGE)
                ? stage(draft.stage(), errors) : draft.stage().orElse(lifecycleStages.get(0));

        List<IdentityRow> identities = new ArrayList<>();
        List<String> phones = touched.test(CustomerField.PHONES) ? phones(draft.phones(), errors)
                : stored(draft.phones());
        List<String> emails = emails(draft.emails(), errors);
        add(identities, IdentityType.PHONE, "", phones, verifiedBefore);
        add(identities, IdentityType.EMAIL, "", emails, verifiedBefore);
        for (Channel channel : channels(draft.channels(), errors)) {
            add(identities, IdentityType.CHANNEL, channel.name(), List.of(channel.account()), verifiedBefore);
        }
        String externalId = errors.text("externalId", draft.externalId(), CustomerLimits.ACCOUNT_LENGTH_MAX);
        add(identities, IdentityType.EXTERNAL_ID, "", optional(externalId), verifiedBefore);
        String openId = errors.text("wechatOpenId", draft.wechatOpenId(), CustomerLimits.ACCOUNT_LENGTH_MAX);
        add(identities, IdentityType.WECHAT_OPENID, "", optional(openId), verifiedBefore);

        if (name.isEmpty() && phones.isEmpty() && emails.isEmpty() && externalId.isEmpty()
                && draft.phones().stream().allMatch(String::isBlank)
                && draft.emails().stream().allMatch(String::isBlank)) {
            errors.add("name", "required", "a customer needs at least one of name, phone, email or external id");
        }
        List<String> tags = tags(draft.tags(), touched.test(CustomerField.TAGS), errors);
        Map<FieldDefinition, Object> custom = custom(draft.custom(), fields, requiredChecked, errors);
        errors.throwIfAny();
        return new CleanCustomer(name, nickname, draft.gender(), birthday, company, address, remark, avatarUrl,
                source, ownerId, stage, identities, tags, custom);
    }

    /** Checks new tags on their own, for addTags. @return the distinct trimmed tags */
    static List<String> tags(Collection<String> input, Errors errors) {
        return tags(input, true, errors);
    }

    /**
     * @param added whether the tags are being set (a new customer's, added ones), not kept as stored: only those may
     *              not hold the characters that separate tags in an import cell, so that a tag stored before the rule
     *              does not block other edits
     */
    private static List<String> tags(Collection<String> input, boolean added, Errors errors) {
        Set<String> tags = new LinkedHashSet<>();
        int i = 0;
        for (String raw : input) {
            String path = "tags[" + i++ + "]";
            String tag = errors.text(path, raw, CustomerLimits.TAG_LENGTH_MAX);
            if (tag.isEmpty()) {
                errors.add(path, "required", "a tag may not be blank");
            } else if (added && TAG_SEPARATORS.matcher(tag).find()) {
                errors.add(path, "invalid", "a tag may not contain , ; \uFF0C or \u3001: they separate tags in an"
                        + " import cell, so an exported tag with one would come back as two; got '" + tag + "'");
            } else {
                tags.add(tag);
            }
        }
        if (tags.size() > CustomerLimits.TAGS_MAX) {
            errors.add("tags", "too_many", "at most " + CustomerLimits.TAGS_MAX + " tags per customer, got "
                    + tags.size(), CustomerLimits.TAGS_MAX);
        }
        return List.copyOf(tags);
    }

    private LocalDate birthday(Optional<LocalDate> birthday, Errors errors) {
        if (birthday.isEmpty()) {
            return null;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate value = birthday.get();
        if (value.isAfter(today.plusDays(1)) || value.isBefore(BIRTHDAY_MIN)) {
            errors.add("birthday", "out_of_range", "must lie between " + BIRTHDAY_MIN + " and today, got " + value);
        }
        return value;
    }

    private Address address(Address raw, boolean checkDirectory, Errors errors) {
        Address address = new Address(
                errors.text("address.country", raw.country(), CustomerLimits.ADDRESS_PART_MAX),
                errors.text("address.province", raw.province(), CustomerLimits.ADDRESS_PART_MAX),
                errors.text("address.city", raw.city(), CustomerLimits.ADDRESS_PART_MAX),
                errors.text("address.area", raw.area(), CustomerLimits.ADDRESS_PART_MAX),
                errors.text("address.detail", raw.detail(), CustomerLimits.ADDRESS_PART_MAX));
        boolean hasLevels = !(address.country().isEmpty() && address.province().isEmpty()
                && address.city().isEmpty() && address.area().isEmpty());
        boolean partsValid = !(errors.hasErrorAt("address.country") || errors.hasErrorAt("address.province")
                || errors.hasErrorAt("address.city") || errors.hasErrorAt("address.area"));
        if (hasLevels && checkDirectory && partsValid) {
            Address levels = new Address(address.country(), address.province(), address.city(), address.area(), "");
            addresses.check(levels).ifPresent(reason ->
                    errors.add("address", "not_allowed", "not in the address directory: " + reason));
        }
        return address;
    }

    private String stage(Optional<String> stage, Errors errors) {
        if (stage.isEmpty()) {
            return lifecycleStages.get(0);
        }
        String value = stage.get().strip();
        if (!lifecycleStages.contains(value)) {
            errors.add("stage", "not_allowed", "'" + value + "' is not one of the lifecycle stages "
                    + lifecycleStages);
        }
        return value;
    }

    /** @return the stored values as they are, without blanks */
    private static List<String> stored(List<String> values) {
        return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private List<String> phones(List<String> input, Errors errors) {
        List<String> phones = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int given = (int) input.stream().filter(phone -> !phone.isBlank()).count();
        if (given > CustomerLimits.PHONES_MAX) {
            errors.add("phones", "too_many", "at most " + CustomerLimits.PHONES_MAX + " phones per customer, got "
                    + given, CustomerLimits.PHONES_MAX);
        }
        for (int i = 0; i < input.size(); i++) {
            String path = "phones[" + i + "]";
            String raw = input.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (Errors.length(raw) > CustomerLimits.PHONE_LENGTH_MAX) {
                errors.add(path, "too_long", "at most " + CustomerLimits.PHONE_LENGTH_MAX + " characters, got "
                        + Errors.length(raw), CustomerLimits.PHONE_LENGTH_MAX);
                continue;
            }
            try {
                String phone = this.phones.normalize(raw);
                Integer earlier = seen.putIfAbsent(phone, i);
                if (earlier != null) {
                    errors.add(path, "duplicate", "'" + raw + "' is the same number as phones[" + earlier + "]");
                } else {
                    phones.add(phone);
                }
            } catch (IllegalArgumentException e) {
                errors.add(path, "invalid", e.getMessage());
            }
        }
        return phones;
    }

    private static List<String> emails(List<String> input, Errors errors) {
        List<String> emails = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int given = (int) input.stream().filter(email -> !email.isBlank()).count();
        if (given > CustomerLimits.EMAILS_MAX) {
            errors.add("emails", "too_many", "at most " + CustomerLimits.EMAILS_MAX + " emails per customer, got "
                    + given, CustomerLimits.EMAILS_MAX);
        }
        for (int i = 0; i < input.size(); i++) {
            String path = "emails[" + i + "]";
            String raw = input.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (Errors.length(raw) > CustomerLimits.EMAIL_LENGTH_MAX) {
                errors.add(path, "too_long", "at most " + CustomerLimits.EMAIL_LENGTH_MAX + " characters, got "
                        + Errors.length(raw), CustomerLimits.EMAIL_LENGTH_MAX);
                continue;
            }
            try {
                String email = EmailNormalizer.normalize(raw);
                Integer earlier = seen.putIfAbsent(email, i);
                if (earlier != null) {
                    errors.add(path, "duplicate", "'" + raw + "' is the same address as emails[" + earlier + "]");
                } else {
                    emails.add(email);
                }
            } catch (IllegalArgumentException e) {
                errors.add(path, "invalid", e.getMessage());
            }
        }
        return emails;
    }

    private static List<Channel> channels(List<Channel> input, Errors errors) {
        List<Channel> channels = new ArrayList<>();
        Set<Channel> seen = new LinkedHashSet<>();
        int given = (int) input.stream().filter(channel -> !channel.account().isBlank()).count();
        if (given > CustomerLimits.CHANNELS_MAX) {
            errors.add("channels", "too_many", "at most " + CustomerLimits.CHANNELS_MAX
                    + " channel accounts per customer, got " + given, CustomerLimits.CHANNELS_MAX);
        }
        for (int i = 0; i < input.size(); i++) {
            String path = "channels[" + i + "]";
            String name = input.get(i).name().strip();
            String account = errors.text(path + ".account", input.get(i).account(), CustomerLimits.ACCOUNT_LENGTH_MAX);
            if (account.isEmpty()) {
                continue;
            }
            if (!ChannelNames.isValid(name)) {
                errors.add(path + ".name", "invalid", "'" + name + "' must be " + ChannelNames.RULE);
                continue;
            }
            Channel channel = new Channel(name, account);
            if (!seen.add(channel)) {
                errors.add(path, "duplicate", "'" + name + ":" + account + "' is listed twice");
            } else {
                channels.add(channel);
            }
        }
        return channels;
    }

    private Map<FieldDefinition, Object> custom(Map<String, Object> input, TenantFields fields,
                                                Collection<String> requiredChecked, Errors errors) {
        Map<FieldDefinition, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String path = "custom." + entry.getKey();
            Optional<FieldDefinition> field = fields.byKey(entry.getKey());
            if (field.isEmpty()) {
                errors.add(path, "unknown_field", "no custom field '" + entry.getKey() + "' in this tenant");
            } else if (field.get().retired()) {
                errors.add(path, "not_allowed", "custom field '" + entry.getKey() + "' is retired and takes no values");
            } else {
                Object raw = entry.getValue();
                Object value = raw == null || isBlankText(raw)
                        ? null : fieldValues.convert(field.get(), raw, path, errors);
                values.put(field.get(), value instanceof List<?> list && list.isEmpty() ? null : value);
            }
        }
        for (FieldDefinition field : fields.active()) {
            if (field.required() && requiredChecked.contains(field.key()) && values.get(field) == null
                    && !errors.hasErrorAt("custom." + field.key())) {
                errors.add("custom." + field.key(), "required", "custom field '" + field.key() + "' is required");
            }
        }
        return values;
    }

    private static boolean isBlankText(Object value) {
        return value instanceof CharSequence text && text.toString().isBlank();
    }

    private static List<String> optional(String value) {
        return value.isEmpty() ? List.of() : List.of(value);
    }

    private static void add(List<IdentityRow> rows, IdentityType type, String channel, List<String> values,
                            Set<String> verifiedBefore) {
        String column = IdentityKinds.column(type, channel);
        for (String value : values) {
            boolean verified = IdentityKinds.verifiedOnCreate(type) || verifiedBefore.contains(column + "|" + value);
            rows.add(new IdentityRow(column, value, rows.size(), verified));
        }
    }
}
