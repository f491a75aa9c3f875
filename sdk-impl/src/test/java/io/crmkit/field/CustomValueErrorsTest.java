package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

class CustomValueErrorsTest {

    /** For each type, a value of the wrong Java type and the words the message must use for the expected type. */
    private static final Map<FieldType, Map.Entry<Object, String>> WRONG = Map.ofEntries(
            Map.entry(FieldType.TEXT, Map.entry(42, "expected text")),
            Map.entry(FieldType.NUMBER, Map.entry(true, "expected a whole number")),
            Map.entry(FieldType.DECIMAL, Map.entry(LocalDate.of(2024, 1, 1), "expected a decimal number")),
            Map.entry(FieldType.BOOLEAN, Map.entry(1, "expected true or false")),
            Map.entry(FieldType.DATE, Map.entry(Instant.parse("2024-01-01T00:00:00Z"), "expected a date")),
            Map.entry(FieldType.DATETIME, Map.entry(LocalDate.of(2024, 1, 1), "expected a date-time")),
            Map.entry(FieldType.SINGLE_CHOICE, Map.entry(1, "expected one of the options")),
            Map.entry(FieldType.MULTIPLE_CHOICE, Map.entry("a", "expected a list of options")),
            Map.entry(FieldType.EMAIL, Map.entry(List.of("a@example.com"), "expected an email address")),
            Map.entry(FieldType.PHONE, Map.entry(84912345678L, "expected a phone number")),
            Map.entry(FieldType.URL, Map.entry(7, "expected a URL")));

    @DbTest
    void aValueOfTheWrongJavaTypeIsRefusedForEveryTypeNamingTheExpectedType(TestDb db) {
        Crm crm = db.crm();
        CustomerDraft.Builder draft = CustomerDraft.builder().name("x");
        for (FieldType type : FieldType.values()) {
            String key = key(type);
            FieldFixtures.define(crm, key, type);
            draft.custom(key, WRONG.get(type).getKey());
        }

        ValidationException refused = refusal(db, () -> crm.customers().create(draft.build()));

        assertThat(refused.errors()).hasSize(FieldType.values().length);
        for (FieldType type : FieldType.values()) {
            assertThat(refused.errors()).filteredOn(error -> error.field().equals("custom." + key(type)))
                    .as("%s", type)
                    .singleElement()
                    .satisfies(error -> {
                        assertThat(error.code()).isEqualTo("wrong_type");
                        assertThat(error.message()).contains(WRONG.get(type).getValue())
                                .contains(WRONG.get(type).getKey().getClass().getSimpleName());
                    });
        }
    }

    @DbTest
    void anUnknownCustomKeyIsRefusedWithUnknownField(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "pointz", 5));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.pointz", "unknown_field");
        assertThat(error.message()).contains("'pointz'");
    }

    @DbTest
    void aCustomKeyIsRefusedInATenantWithoutCustomFields(TestDb db) {
        FieldError error = onlyError(db, () -> createWith(db.crm(), "points", 5));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "unknown_field");
    }

    @DbTest
    void aBuiltInFieldNameIsNotACustomKey(TestDb db) {
        FieldError error = onlyError(db, () -> createWith(db.crm(), "name", "Lan"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.name", "unknown_field");
    }

    @DbTest
    void customAndBuiltInProblemsAreReportedTogether(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        FieldFixtures.define(crm, "homepage", FieldType.URL);

        ValidationException refused = refusal(db, () -> crm.customers().create(CustomerDraft.builder()
                .name("n".repeat(81))
                .custom("points", "many")
                .custom("homepage", "ftp://x")
                .custom("nope", 1)
                .build()));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("name", "too_long"),
                tuple("custom.points", "wrong_type"),
                tuple("custom.homepage", "invalid"),
                tuple("custom.nope", "unknown_field"));
    }

    @DbTest
    void aRefusedCustomValueRefusesTheWholeCustomer(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        FieldFixtures.define(crm, "motto", FieldType.TEXT);

        refusal(db, () -> crm.customers().create(CustomerDraft.builder().name("x").phone("0912 345 678")
                .tag("vip").custom("motto", "fine").custom("points", 1.5).build()));

        assertThat(db.count("customer")).isZero();
        assertThat(crm.customers().findByPhone("0912345678")).isEmpty();
    }

    private static String key(FieldType type) {
        return "f_" + type.name().toLowerCase(Locale.ROOT);
    }
}
