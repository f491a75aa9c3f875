package io.crmkit.impl.customer;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a patch to the customer as read, giving the whole customer as it should be, so that an update is
 * validated by exactly the rules of a create.
 */
final class PatchApplier {

    private PatchApplier() {
    }

    static CustomerDraft apply(Customer current, CustomerPatch patch) {
        Map<CustomerField, Optional<Object>> changes = patch.changes();
        Map<String, Object> custom = new LinkedHashMap<>();
        patch.customChanges().forEach((key, value) -> custom.put(key, value.orElse(null)));
        return new CustomerDraft(
                text(changes, CustomerField.NAME, current.name()),
                text(changes, CustomerField.NICKNAME, current.nickname()),
                value(changes, CustomerField.GENDER, Gender.class, current.gender()),
                Optional.ofNullable(value(changes, CustomerField.BIRTHDAY, LocalDate.class,
                        current.birthday().orElse(null))),
                text(changes, CustomerField.COMPANY, current.company()),
                value(changes, CustomerField.ADDRESS, Address.class, current.address()),
                list(changes, CustomerField.PHONES, String.class, current.phones()),
                list(changes, CustomerField.EMAILS, String.class, current.emails()),
                list(changes, CustomerField.CHANNELS, Channel.class, current.channels()),
                text(changes, CustomerField.EXTERNAL_ID, current.externalId().orElse("")),
                text(changes, CustomerField.WECHAT_OPENID, current.wechatOpenId().orElse("")),
                text(changes, CustomerField.REMARK, current.remark()),
                text(changes, CustomerField.SOURCE, current.source()),
                current.ownerId().orElse(""),
                Optional.of(stage(changes, current.stage())),
                current.tags(),
                custom);
    }

    private static String stage(Map<CustomerField, Optional<Object>> changes, String current) {
        if (changes.containsKey(CustomerField.STAGE) && changes.get(CustomerField.STAGE).isEmpty()) {
            throw ValidationException.of("stage", "required", "stage: cannot be cleared, choose another stage");
        }
        return value(changes, CustomerField.STAGE, String.class, current);
    }

    private static String text(Map<CustomerField, Optional<Object>> changes, CustomerField field, String current) {
        String value = value(changes, field, String.class, current);
        return value == null ? "" : value;
    }

    private static <T> T value(Map<CustomerField, Optional<Object>> changes, CustomerField field, Class<T> type,
                               T current) {
        Optional<Object> change = changes.get(field);
        if (change == null) {
            return current;
        }
        if (change.isEmpty()) {
            return null;
        }
        if (!type.isInstance(change.get())) {
            throw wrongType(field, type, change.get());
        }
        return type.cast(change.get());
    }

    private static <T> List<T> list(Map<CustomerField, Optional<Object>> changes, CustomerField field,
                                    Class<T> type, List<T> current) {
        Optional<Object> change = changes.get(field);
        if (change == null) {
            return current;
        }
        if (change.isEmpty()) {
            return List.of();
        }
        if (!(change.get() instanceof List<?> values)) {
            throw wrongType(field, List.class, change.get());
        }
        List<T> typed = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!type.isInstance(value)) {
                throw wrongType(field, type, value);
            }
            typed.add(type.cast(value));
        }
        return typed;
    }

    private static ValidationException wrongType(CustomerField field, Class<?> expected, Object value) {
        String got = value == null ? "null" : value.getClass().getSimpleName();
        return ValidationException.of(field.key(), "wrong_type",
                field.key() + ": expected " + expected.getSimpleName() + ", got " + got);
    }
}
