package io.crmkit.impl.customer;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.impl.validation.Errors;
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

    /**
     * @param errors collects every problem of the patch itself (a value of the wrong type, a cleared stage);
     *               the field then keeps its current value, so that validation of the rest goes on
     */
    static CustomerDraft apply(Customer current, CustomerPatch patch, Errors errors) {
        Map<CustomerField, Optional<Object>> changes = patch.changes();
        Map<String, Object> custom = new LinkedHashMap<>();
        patch.customChanges().forEach((key, value) -> custom.put(key, value.orElse(null)));
        return new CustomerDraft(
                text(changes, CustomerField.NAME, current.name(), errors),
                text(changes, CustomerField.NICKNAME, current.nickname(), errors),
                value(changes, CustomerField.GENDER, Gender.class, current.gender(), errors),
                Optional.ofNullable(value(changes, CustomerField.BIRTHDAY, LocalDate.class,
                        current.birthday().orElse(null), errors)),
                text(changes, CustomerField.COMPANY, current.company(), errors),
                value(changes, CustomerField.ADDRESS, Address.class, current.address(), errors),
                list(changes, CustomerField.PHONES, String.class, current.phones(), errors),
                list(changes, CustomerField.EMAILS, String.class, current.emails(), errors),
                list(changes, CustomerField.CHANNELS, Channel.class, current.channels(), errors),
                text(changes, CustomerField.EXTERNAL_ID, current.externalId().orElse(""), errors),
                text(changes, CustomerField.WECHAT_OPENID, current.wechatOpenId().orElse(""), errors),
                text(changes, CustomerField.REMARK, current.remark(), errors),
                text(changes, CustomerField.AVATAR_URL, current.avatarUrl(), errors),
                text(changes, CustomerField.SOURCE, current.source(), errors),
                current.ownerId().orElse(""),
                Optional.of(stage(changes, current.stage(), errors)),
                current.tags(),
                custom);
    }

    private static String stage(Map<CustomerField, Optional<Object>> changes, String current, Errors errors) {
        if (changes.containsKey(CustomerField.STAGE) && changes.get(CustomerField.STAGE).isEmpty()) {
            errors.add("stage", "required", "cannot be cleared, choose another stage");
            return current;
        }
        return value(changes, CustomerField.STAGE, String.class, current, errors);
    }

    private static String text(Map<CustomerField, Optional<Object>> changes, CustomerField field, String current,
                               Errors errors) {
        String value = value(changes, field, String.class, current, errors);
        return value == null ? "" : value;
    }

    private static <T> T value(Map<CustomerField, Optional<Object>> changes, CustomerField field, Class<T> type,
                               T current, Errors errors) {
        Optional<Object> change = changes.get(field);
        if (change == null) {
            return current;
        }
        if (change.isEmpty()) {
            return null;
        }
        if (!type.isInstance(change.get())) {
            wrongType(field, type, change.get(), errors);
            return current;
        }
        return type.cast(change.get());
    }

    private static <T> List<T> list(Map<CustomerField, Optional<Object>> changes, CustomerField field,
                                    Class<T> type, List<T> current, Errors errors) {
        Optional<Object> change = changes.get(field);
        if (change == null) {
            return current;
        }
        if (change.isEmpty()) {
            return List.of();
        }
        if (!(change.get() instanceof List<?> values)) {
            wrongType(field, List.class, change.get(), errors);
            return current;
        }
        List<T> typed = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!type.isInstance(value)) {
                wrongType(field, type, value, errors);
                return current;
            }
            typed.add(type.cast(value));
        }
        return typed;
    }

    private static void wrongType(CustomerField field, Class<?> expected, Object value, Errors errors) {
        String got = value == null ? "null" : value.getClass().getSimpleName();
        errors.add(field.key(), "wrong_type", "expected " + expected.getSimpleName() + ", got " + got);
    }
}
