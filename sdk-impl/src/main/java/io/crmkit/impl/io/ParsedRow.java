package io.crmkit.impl.io;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.impl.customer.CustomerBatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One data row of an import turned into customer input: the non-empty cells by field, and the identity keys
 * that may match an existing customer. Not thread-safe.
 */
final class ParsedRow {

    final long number;
    final List<String> cells;
    /** Problems found while reading the cells, each "field: reason". */
    final List<String> errors = new ArrayList<>();
    /** The id column's value, or null. */
    Long id;
    /** Non-empty single-valued built-in fields, by target key. */
    final Map<String, String> texts = new LinkedHashMap<>();
    Gender gender;
    LocalDate birthday;
    /** The phones as written, each once by its normalized value. */
    final List<String> phones = new ArrayList<>();
    /** The normalized value of each phone, or null where the phone is not valid (validation reports it). */
    final List<String> phoneValues = new ArrayList<>();
    final List<String> emails = new ArrayList<>();
    final List<String> emailValues = new ArrayList<>();
    /** The channel accounts, each once. */
    final List<Channel> channels = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();
    /** Non-empty custom values, by field key, converted as far as the cell text allows. */
    final Map<String, Object> custom = new LinkedHashMap<>();
    /** Identity keys, "type|normalized value", in match order: phones, then emails, then the others. */
    final List<String> keys = new ArrayList<>();
    /** The row validated as a new customer (ahead: {@link ImportChunk#validateAhead}), or null until it is. */
    AsCreated asCreated;

    /**
     * The row as a new customer: valid, or the rules it breaks.
     *
     * @param valid    the customer to insert, or null when it breaks a rule
     * @param problems each broken rule's message; empty when valid
     */
    record AsCreated(CustomerBatch.Valid valid, List<String> problems) {
    }

    ParsedRow(long number, List<String> cells) {
        this.number = number;
        this.cells = cells;
    }

    /** @return the text of a single-valued field, "" when its cell was empty or not mapped */
    String text(String key) {
        return texts.getOrDefault(key, "");
    }

    /** @return the keys of one identity type ("phone", "email", "external_id", "wechat_openid") */
    List<String> keys(String type) {
        List<String> typed = new ArrayList<>(2);
        for (String key : keys) {
            if (key.length() > type.length() && key.charAt(type.length()) == '|' && key.startsWith(type)) {
                typed.add(key);
            }
        }
        return typed;
    }

    /** @return the row as a new customer, with the import's settings */
    CustomerDraft draft(String source, List<String> settingTags) {
        CustomerDraft.Builder draft = CustomerDraft.builder().name(text("name")).nickname(text("nickname"))
                .gender(gender).birthday(birthday).company(text("company"))
                .address(Address.of(text("country"), text("province"), text("city"), text("area"),
                        text("addressDetail")))
                .phones(phones).emails(emails).externalId(text("externalId")).wechatOpenId(text("wechatOpenId"))
                .remark(text("remark")).avatarUrl(text("avatarUrl")).source(texts.getOrDefault("source", source)).ownerId(text("ownerId"));
        if (texts.containsKey("stage")) {
            draft.stage(text("stage"));
        }
        channels.forEach(channel -> draft.channel(channel.name(), channel.account()));
        Set<String> allTags = new LinkedHashSet<>(tags);
        allTags.addAll(settingTags);
        draft.tags(allTags);
        custom.forEach(draft::custom);
        return draft.build();
    }

    /**
     * @return the change the row makes to an existing customer: its non-empty fields replace the customer's,
     *         its phones, emails and channel accounts are added to the customer's
     */
    CustomerPatch patch(Customer current) {
        CustomerPatch.Builder patch = CustomerPatch.builder(current.version());
        set(patch, "name", patch::name);
        set(patch, "nickname", patch::nickname);
        set(patch, "company", patch::company);
        set(patch, "externalId", patch::externalId);
        set(patch, "wechatOpenId", patch::wechatOpenId);
        set(patch, "remark", patch::remark);
        set(patch, "avatarUrl", patch::avatarUrl);
        set(patch, "stage", patch::stage);
        if (gender != null) {
            patch.gender(gender);
        }
        if (birthday != null) {
            patch.birthday(birthday);
        }
        if (texts.containsKey("country") || texts.containsKey("province") || texts.containsKey("city")
                || texts.containsKey("area") || texts.containsKey("addressDetail")) {
            Address old = current.address();
            patch.address(Address.of(texts.getOrDefault("country", old.country()),
                    texts.getOrDefault("province", old.province()), texts.getOrDefault("city", old.city()),
                    texts.getOrDefault("area", old.area()), texts.getOrDefault("addressDetail", old.detail())));
        }
        List<String> newPhones = added(phones, phoneValues, current.phones());
        if (!newPhones.isEmpty()) {
            List<String> all = new ArrayList<>(current.phones());
            all.addAll(newPhones);
            patch.phones(all);
        }
        List<String> newEmails = added(emails, emailValues, current.emails());
        if (!newEmails.isEmpty()) {
            List<String> all = new ArrayList<>(current.emails());
            all.addAll(newEmails);
            patch.emails(all);
        }
        List<Channel> newChannels = channels.stream().filter(channel -> !current.channels().contains(channel)).toList();
        if (!newChannels.isEmpty()) {
            List<Channel> all = new ArrayList<>(current.channels());
            all.addAll(newChannels);
            patch.channels(all);
        }
        custom.forEach(patch::custom);
        return patch.build();
    }

    /** @return the values as written whose normalized form the customer does not hold yet */
    private static List<String> added(List<String> written, List<String> normalized, List<String> held) {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (normalized.get(i) == null || !held.contains(normalized.get(i))) {
                added.add(written.get(i));
            }
        }
        return added;
    }

    private void set(CustomerPatch.Builder patch, String key, java.util.function.Consumer<String> setter) {
        if (texts.containsKey(key)) {
            setter.accept(texts.get(key));
        }
    }
}
