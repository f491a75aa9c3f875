package io.crmkit.impl.merge;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.merge.FieldOutcome.Side;
import io.crmkit.api.merge.FieldOutcome;
import io.crmkit.api.merge.IdentityConflict;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.Survivorship;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What merging one customer into another gives, computed from the two customers alone: each field's outcome by
 * its survivorship rule, the conflicts that refuse the merge, and the resulting survivor. Immutable.
 */
final class MergePlan {

    /** The built-in fields that take part in a merge, in the order a preview lists them. */
    static final List<String> BUILT_IN = List.of("name", "nickname", "gender", "birthday", "company", "address",
            "remark", "avatarUrl", "source");

    private static final Map<String, Function<Customer, Object>> READERS = Map.of(
            "name", Customer::name,
            "nickname", Customer::nickname,
            "gender", Customer::gender,
            "birthday", customer -> customer.birthday().orElse(null),
            "company", Customer::company,
            "address", Customer::address,
            "remark", Customer::remark,
            "avatarUrl", Customer::avatarUrl,
            "source", Customer::source);

    private final Customer survivor;
    private final Customer merged;
    private final List<FieldOutcome> outcomes;
    private final List<IdentityConflict> conflicts;
    private final Map<String, Object> custom;

    private MergePlan(Customer survivor, Customer merged, List<FieldOutcome> outcomes,
                      List<IdentityConflict> conflicts, Map<String, Object> custom) {
        this.survivor = survivor;
        this.merged = merged;
        this.outcomes = outcomes;
        this.conflicts = conflicts;
        this.custom = custom;
    }

    /**
     * @throws ValidationException when an override names neither a merge field nor an active custom field
     */
    static void checkOptions(MergeOptions options, TenantFields fields) {
        Objects.requireNonNull(options, "options");
        Errors errors = new Errors();
        for (String key : options.overrides().keySet()) {
            if (!BUILT_IN.contains(key) && fields.byKey(key).filter(field -> !field.retired()).isEmpty()) {
                errors.add("overrides." + key, "unknown", "'" + key + "' is neither a merged built-in field "
                        + BUILT_IN + " nor an active custom field; identities, tags and groups are always united,"
                        + " and the survivor keeps its id, status, owner, stage and creation");
            }
        }
        errors.throwIfAny();
    }

    static MergePlan of(Customer survivor, Customer merged, TenantFields fields, MergeOptions options) {
        List<FieldOutcome> outcomes = new ArrayList<>();
        for (String key : BUILT_IN) {
            outcomes.add(outcome(key, READERS.get(key).apply(survivor), READERS.get(key).apply(merged), survivor,
                    merged, options.ruleOf(key)));
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        for (FieldDefinition field : fields.active()) {
            Object mine = survivor.custom().get(field.key());
            Object theirs = merged.custom().get(field.key());
            if (mine == null && theirs == null) {
                continue;
            }
            FieldOutcome outcome = outcome(field.key(), mine, theirs, survivor, merged, options.ruleOf(field.key()));
            outcomes.add(outcome);
            if (!isEmpty(outcome.value())) {
                custom.put(field.key(), outcome.value());
            }
        }
        return new MergePlan(survivor, merged, List.copyOf(outcomes), conflicts(survivor, merged), custom);
    }

    private static FieldOutcome outcome(String key, Object mine, Object theirs, Customer survivor, Customer merged,
                                        Survivorship rule) {
        Side source = switch (rule) {
            case SURVIVOR -> Side.SURVIVOR;
            case MERGED -> Side.MERGED;
            case NEWEST -> merged.updatedAt().isAfter(survivor.updatedAt()) ? Side.MERGED : Side.SURVIVOR;
            case NON_EMPTY -> isEmpty(mine) && !isEmpty(theirs) ? Side.MERGED : Side.SURVIVOR;
        };
        boolean differed = !isEmpty(mine) && !isEmpty(theirs) && !mine.equals(theirs);
        return new FieldOutcome(key, rule, source, source == Side.SURVIVOR ? mine : theirs, differed);
    }

    /** @return whether a field's value counts as not set */
    static boolean isEmpty(Object value) {
        return value == null || value.equals("") || value == Gender.UNKNOWN
                || value instanceof Address address && address.isEmpty()
                || value instanceof Collection<?> values && values.isEmpty();
    }

    private static List<IdentityConflict> conflicts(Customer survivor, Customer merged) {
        List<IdentityConflict> conflicts = new ArrayList<>();
        single(conflicts, "externalId", survivor.externalId(), merged.externalId());
        single(conflicts, "wechatOpenId", survivor.wechatOpenId(), merged.wechatOpenId());
        limit(conflicts, "phones", survivor.phones(), merged.phones(), CustomerLimits.PHONES_MAX);
        limit(conflicts, "emails", survivor.emails(), merged.emails(), CustomerLimits.EMAILS_MAX);
        limit(conflicts, "channels", accounts(survivor), accounts(merged), CustomerLimits.CHANNELS_MAX);
        TreeSet<String> tags = new TreeSet<>(survivor.tags());
        tags.addAll(merged.tags());
        if (tags.size() > CustomerLimits.TAGS_MAX) {
            conflicts.add(new IdentityConflict("tags", List.copyOf(tags), tags.size() + " tags after merging, at"
                    + " most " + CustomerLimits.TAGS_MAX + " per customer; remove some first"));
        }
        return List.copyOf(conflicts);
    }

    private static void single(List<IdentityConflict> conflicts, String field, Optional<String> mine,
                               Optional<String> theirs) {
        if (mine.isPresent() && theirs.isPresent() && !mine.equals(theirs)) {
            conflicts.add(new IdentityConflict(field, List.of(mine.get(), theirs.get()), "the customers have"
                    + " different values ('" + mine.get() + "' and '" + theirs.get() + "') and a customer holds one"));
        }
    }

    private static void limit(List<IdentityConflict> conflicts, String field, List<String> mine, List<String> theirs,
                              int max) {
        if (mine.size() + theirs.size() > max) {
            List<String> all = new ArrayList<>(mine);
            all.addAll(theirs);
            conflicts.add(new IdentityConflict(field, all, all.size() + " after merging, at most " + max
                    + " per customer; remove one from either customer first"));
        }
    }

    private static List<String> accounts(Customer customer) {
        return customer.channels().stream().map(channel -> channel.name() + ":" + channel.account()).toList();
    }

    List<FieldOutcome> outcomes() {
        return outcomes;
    }

    List<IdentityConflict> conflicts() {
        return conflicts;
    }

    /** @return the value a built-in merge field takes */
    Object value(String key) {
        for (FieldOutcome outcome : outcomes) {
            if (outcome.field().equals(key)) {
                return outcome.value();
            }
        }
        throw new IllegalArgumentException("not a merge field: " + key);
    }

    /** @return the custom fields whose value comes from the merged customer and differs from the survivor's */
    List<String> customFromMerged() {
        return outcomes.stream()
                .filter(outcome -> !BUILT_IN.contains(outcome.field()) && outcome.source() == Side.MERGED)
                .map(FieldOutcome::field)
                .filter(key -> !Objects.equals(survivor.custom().get(key), merged.custom().get(key)))
                .toList();
    }

    /** @return the survivor as it is after the merge, with the given version and update stamp */
    Customer result(long version, Instant at, String actorId) {
        List<Identity> identities = new ArrayList<>(survivor.identities());
        identities.addAll(merged.identities());
        TreeSet<String> tags = new TreeSet<>(survivor.tags());
        tags.addAll(merged.tags());
        Optional<LocalDate> birthday = Optional.ofNullable((LocalDate) value("birthday"));
        return survivor.toBuilder().name((String) value("name")).nickname((String) value("nickname"))
                .gender((Gender) value("gender")).birthday(birthday).company((String) value("company"))
                .address((Address) value("address")).remark((String) value("remark"))
                .avatarUrl((String) value("avatarUrl")).source((String) value("source"))
                .identities(identities).tags(List.copyOf(tags)).custom(custom).updatedAt(at).updatedBy(actorId)
                .version(version).build();
    }
}
