package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns one inline edit of the details panel (a field's key and the text typed) into a {@link CustomerPatch} and
 * applies it at the version the panel read. The SDK checks the value; this class only reads the text as the type the
 * patch takes (a list, a date, a gender), refusing text that cannot be read as one with the field's name.
 */
final class CustomerEdit {

    /** The built-in fields the panel edits inline, in the order it shows them. */
    static final List<String> FIELDS = List.of("name", "nickname", "gender", "birthday", "company", "phones",
            "emails", "city", "remark", "source", "stage", "externalId");

    private final Crm crm;

    CustomerEdit(Crm crm) {
        this.crm = crm;
    }

    /** @return the customer after the change */
    Customer apply(long id, CustomerDetailsApi.FieldEdit edit) {
        if (edit.version() == null) {
            throw ValidationException.of("version", "required", "version: the customer's version as read is missing");
        }
        if (edit.field() == null || edit.field().isBlank()) {
            throw ValidationException.of("field", "required", "field: name the field to change");
        }
        String text = edit.value() == null ? "" : edit.value().trim();
        CustomerPatch.Builder patch = CustomerPatch.builder(edit.version());
        switch (edit.field()) {
            case "name" -> patch.name(text);
            case "nickname" -> patch.nickname(text);
            case "gender" -> patch.gender(gender(text));
            case "birthday" -> patch.birthday(birthday(text));
            case "company" -> patch.company(text);
            case "phones" -> patch.phones(list(text));
            case "emails" -> patch.emails(list(text));
            case "city" -> patch.address(withCity(crm.customers().get(id).address(), text));
            case "remark" -> patch.remark(text);
            case "source" -> patch.source(text);
            case "stage" -> patch.stage(text);
            case "externalId" -> patch.externalId(text.isEmpty() ? null : text);
            default -> patch.custom(edit.field(), customValue(edit.field(), text));
        }
        return crm.customers().update(id, patch.build());
    }

    private Object customValue(String key, String text) {
        FieldDefinition field = crm.fields().find(key).filter(definition -> !definition.retired())
                .orElseThrow(() -> ValidationException.of("field", "unknown_field", "field: no field '" + key
                        + "' can be edited; use one of " + FIELDS + " or a custom field's key"));
        if (text.isEmpty()) {
            return null;
        }
        return field.type() == FieldType.MULTIPLE_CHOICE ? list(text) : text;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private static Gender gender(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Gender.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("gender", "invalid", "gender: must be one of "
                    + Arrays.toString(Gender.values()) + ", got '" + text + "'");
        }
    }

    private static LocalDate birthday(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("birthday", "invalid", "birthday: must be a date such as 1990-05-31, got '"
                    + text + "'");
        }
    }

    private static Address withCity(Address address, String city) {
        return Address.of(address.country(), address.province(), city, address.area(), address.detail());
    }
}
