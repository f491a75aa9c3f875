package io.crmkit.impl.customer;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.field.FieldDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A customer's input after validation: trimmed, normalized, ready to store.
 *
 * @param identities in order: phones, emails, channels, external id, openid; verified flags as they should be stored
 * @param tags       distinct, in input order
 * @param custom     converted custom values of the fields the input mentioned; null value means cleared
 */
record CleanCustomer(
        String name,
        String nickname,
        Gender gender,
        LocalDate birthday,
        String company,
        Address address,
        String remark,
        String avatarUrl,
        String source,
        String ownerId,
        String stage,
        List<IdentityRow> identities,
        List<String> tags,
        Map<FieldDefinition, Object> custom) {
}
