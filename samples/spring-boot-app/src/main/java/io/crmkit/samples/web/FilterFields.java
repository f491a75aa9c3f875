package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.filter.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the page's filter builder offers: each field with the operators that fit its type and, for choices, the
 * options. The SDK checks every filter itself; this only spares a user choices that would be refused.
 */
@Component
class FilterFields {

    private static final List<Operator> TEXT = List.of(Operator.EQ, Operator.NE, Operator.CONTAINS,
            Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> NUMBER = List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE,
            Operator.GT, Operator.GE, Operator.BETWEEN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> DATE = List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE,
            Operator.GT, Operator.GE, Operator.BETWEEN, Operator.WITHIN_LAST_DAYS, Operator.BEFORE_DAYS_AGO,
            Operator.AFTER_DAYS_AGO, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> CHOICE = List.of(Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY,
            Operator.IS_NOT_EMPTY);
    private static final List<Operator> MANY = List.of(Operator.HAS_ANY, Operator.HAS_ALL, Operator.HAS_NONE);
    private static final List<Operator> IDENTITY = List.of(Operator.EQ, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> BOOLEAN = List.of(Operator.IS_TRUE, Operator.IS_FALSE);

    private final Crm crm;

    FilterFields(Crm crm) {
        this.crm = crm;
    }

    /** @return the built-in fields, then the active custom fields */
    List<Field> all() {
        List<Field> fields = new ArrayList<>(List.of(
                text("name", "Name"), text("company", "Company"), text("city", "City"),
                text("province", "Province"), text("country", "Country"), text("source", "Source"),
                text("stage", "Stage"), new Field("tags", "Tags", Kind.TAGS, MANY, List.of()),
                new Field("phones", "Phone", Kind.IDENTITY, IDENTITY, List.of()),
                new Field("emails", "Email", Kind.IDENTITY, IDENTITY, List.of()),
                new Field("gender", "Gender", Kind.CHOICE, CHOICE, names(Gender.values())),
                new Field("status", "Status", Kind.CHOICE, CHOICE, names(CustomerStatus.values())),
                new Field("birthday", "Birthday", Kind.DATE, DATE, List.of()),
                new Field("createdAt", "Created", Kind.DATETIME, DATE, List.of()),
                new Field("updatedAt", "Updated", Kind.DATETIME, DATE, List.of())));
        for (FieldDefinition field : crm.fields().list()) {
            if (!field.retired()) {
                fields.add(custom(field));
            }
        }
        return fields;
    }

    private static Field custom(FieldDefinition field) {
        return switch (field.type()) {
            case NUMBER, DECIMAL -> new Field(field.key(), field.label(), Kind.NUMBER, NUMBER, List.of());
            case BOOLEAN -> new Field(field.key(), field.label(), Kind.BOOLEAN, BOOLEAN, List.of());
            case DATE -> new Field(field.key(), field.label(), Kind.DATE, DATE, List.of());
            case DATETIME -> new Field(field.key(), field.label(), Kind.DATETIME, DATE, List.of());
            case SINGLE_CHOICE -> new Field(field.key(), field.label(), Kind.CHOICE, CHOICE, field.options());
            case MULTIPLE_CHOICE -> new Field(field.key(), field.label(), Kind.TAGS, MANY, field.options());
            case TEXT, EMAIL, PHONE, URL -> text(field.key(), field.label());
        };
    }

    private static Field text(String key, String label) {
        return new Field(key, label, Kind.TEXT, TEXT, List.of());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** How the builder asks for a value, and how the page writes it into the filter's JSON. */
    enum Kind { TEXT, NUMBER, DATE, DATETIME, CHOICE, TAGS, IDENTITY, BOOLEAN }

    /** One field of the builder. */
    record Field(String key, String label, Kind kind, List<Operator> operators, List<String> options) {
    }
}
