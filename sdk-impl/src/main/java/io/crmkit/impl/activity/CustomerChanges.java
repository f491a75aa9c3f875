package io.crmkit.impl.activity;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.Identity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The automatic events ({@link EventTypes}) that tell one customer's state before a change from its state after:
 * field names for the plain fields, from and to for status, stage and owner, the tags added and removed, an event
 * per identity added, removed or verified. No values of personal fields. Stateless.
 */
public final class CustomerChanges {

    /** The plain fields whose changes one {@value EventTypes#FIELDS_CHANGED} event lists by name. */
    private static final Map<String, Function<Customer, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", Customer::name);
        FIELDS.put("nickname", Customer::nickname);
        FIELDS.put("gender", Customer::gender);
        FIELDS.put("birthday", Customer::birthday);
        FIELDS.put("company", Customer::company);
        FIELDS.put("address", Customer::address);
        FIELDS.put("remark", Customer::remark);
        FIELDS.put("avatarUrl", Customer::avatarUrl);
        FIELDS.put("source", Customer::source);
    }

    private CustomerChanges() {
    }

    /** @return the events of the change, in a fixed order; empty when nothing the timeline shows changed */
    public static List<CustomerEvents.Change> between(Customer before, Customer after) {
        long id = after.id();
        List<CustomerEvents.Change> changes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        FIELDS.forEach((name, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                fields.add(name);
            }
        });
        Set<String> customKeys = new TreeSet<>(before.custom().keySet());
        customKeys.addAll(after.custom().keySet());
        customKeys.stream().filter(key -> !Objects.equals(before.custom().get(key), after.custom().get(key)))
                .forEach(key -> fields.add("custom." + key));
        if (!fields.isEmpty()) {
            changes.add(new CustomerEvents.Change(id, EventTypes.FIELDS_CHANGED,
                    CustomerEvents.names("fields", fields)));
        }
        if (before.status() != after.status()) {
            changes.add(fromTo(id, EventTypes.STATUS_CHANGED, before.status().name(), after.status().name()));
        }
        if (!before.stage().equals(after.stage())) {
            changes.add(fromTo(id, EventTypes.STAGE_CHANGED, before.stage(), after.stage()));
        }
        if (!before.ownerId().equals(after.ownerId())) {
            changes.add(fromTo(id, EventTypes.ASSIGNED, before.ownerId().orElse(null), after.ownerId().orElse(null)));
        }
        tags(id, before.tags(), after.tags(), changes);
        identities(id, before.identities(), after.identities(), changes);
        return changes;
    }

    /** @return a from-to event; a null end (no owner) is kept as a JSON null */
    public static CustomerEvents.Change fromTo(long customerId, String type, String from, String to) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("from", from);
        properties.put("to", to);
        return new CustomerEvents.Change(customerId, type, properties);
    }

    /** Adds the tag events of one customer whose tags went from {@code before} to {@code after}. */
    public static void tags(long customerId, List<String> before, List<String> after,
                            List<CustomerEvents.Change> changes) {
        List<String> added = after.stream().filter(tag -> !before.contains(tag)).sorted().toList();
        List<String> removed = before.stream().filter(tag -> !after.contains(tag)).sorted().toList();
        if (!added.isEmpty()) {
            changes.add(new CustomerEvents.Change(customerId, EventTypes.TAG_ADDED,
                    CustomerEvents.names("tags", added)));
        }
        if (!removed.isEmpty()) {
            changes.add(new CustomerEvents.Change(customerId, EventTypes.TAG_REMOVED,
                    CustomerEvents.names("tags", removed)));
        }
    }

    private static void identities(long customerId, List<Identity> before, List<Identity> after,
                                   List<CustomerEvents.Change> changes) {
        Set<String> beforeKeys = new HashSet<>();
        before.forEach(identity -> beforeKeys.add(key(identity)));
        Set<String> afterKeys = new HashSet<>();
        after.forEach(identity -> afterKeys.add(key(identity)));
        for (Identity identity : after) {
            if (!beforeKeys.contains(key(identity))) {
                changes.add(typed(customerId, EventTypes.IDENTITY_ADDED, identity));
            }
        }
        for (Identity identity : before) {
            if (!afterKeys.contains(key(identity))) {
                changes.add(typed(customerId, EventTypes.IDENTITY_REMOVED, identity));
            }
        }
        for (Identity identity : after) {
            boolean wasVerified = before.stream().anyMatch(old -> key(old).equals(key(identity)) && old.verified());
            if (identity.verified() && !wasVerified) {
                changes.add(typed(customerId, EventTypes.IDENTITY_VERIFIED, identity));
            }
        }
    }

    private static String key(Identity identity) {
        return identity.type() + "\u0000" + identity.channel() + "\u0000" + identity.value();
    }

    private static CustomerEvents.Change typed(long customerId, String type, Identity identity) {
        return new CustomerEvents.Change(customerId, type, Map.of("type",
                identity.type().name().toLowerCase(Locale.ROOT)));
    }
}
