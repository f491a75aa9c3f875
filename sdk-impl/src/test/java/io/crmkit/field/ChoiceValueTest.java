package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

class ChoiceValueTest {

    private static void defineColours(Crm crm, FieldType type) {
        crm.fields().define(FieldDraft.builder("colour", type).options("red", "green", "blue").build());
    }

    @DbTest
    void aSingleChoiceStoresOneOfItsOptions(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.SINGLE_CHOICE);

        assertThat(roundTrip(crm, "colour", "green")).isEqualTo("green");
    }

    @DbTest
    void aSingleChoiceTrimsTheValue(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.SINGLE_CHOICE);

        assertThat(roundTrip(crm, "colour", " green ")).isEqualTo("green");
    }

    @DbTest
    void aSingleChoiceRefusesAValueThatIsNotAnOption(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.SINGLE_CHOICE);

        for (String value : List.of("purple", "Green", "gree", "red,green")) {
            FieldError error = onlyError(db, () -> createWith(crm, "colour", value));

            assertThat(error).as(value).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.colour", "not_allowed");
            assertThat(error.message()).contains(value.strip()).contains("red, green, blue");
        }
    }

    @DbTest
    void aSingleChoiceRefusesAListWithWrongType(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.SINGLE_CHOICE);

        FieldError error = onlyError(db, () -> createWith(crm, "colour", List.of("red")));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.colour", "wrong_type");
        assertThat(error.message()).contains("one of the options");
    }

    @DbTest
    void aMultipleChoiceReturnsTheChosenOptionsInOptionOrder(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        assertThat(roundTrip(crm, "colour", List.of("blue", "red"))).isEqualTo(List.of("red", "blue"));
    }

    @DbTest
    void aMultipleChoiceCollapsesDuplicates(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        assertThat(roundTrip(crm, "colour", List.of("blue", "red", "blue", " red "))).isEqualTo(List.of("red", "blue"));
        assertThat(db.count("custom_value")).isEqualTo(2);
    }

    @DbTest
    void aMultipleChoiceAcceptsAnyCollection(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        assertThat(roundTrip(crm, "colour", new LinkedHashSet<>(List.of("green", "red"))))
                .isEqualTo(List.of("red", "green"));
    }

    @DbTest
    void aMultipleChoiceReturnsAnUnmodifiableList(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);
        Customer created = createWith(crm, "colour", List.of("red"));

        @SuppressWarnings("unchecked")
        List<String> read = (List<String>) crm.customers().get(created.id()).custom().get("colour");

        assertThatThrownBy(() -> read.add("green")).isInstanceOf(UnsupportedOperationException.class);
    }

    @DbTest
    void aMultipleChoiceRefusesAValueThatIsNotAnOption(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        FieldError error = onlyError(db, () -> createWith(crm, "colour", List.of("red", "purple")));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.colour", "not_allowed");
        assertThat(error.message()).contains("purple");
    }

    @DbTest
    void aMultipleChoiceRefusesAStringWithWrongType(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        FieldError error = onlyError(db, () -> createWith(crm, "colour", "red"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.colour", "wrong_type");
        assertThat(error.message()).contains("list of options").contains("String");
    }

    @DbTest
    void aMultipleChoiceRefusesANullOption(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        FieldError error = onlyError(db, () -> createWith(crm, "colour", Arrays.asList("red", null)));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.colour", "wrong_type");
    }

    @DbTest
    void aMultipleChoiceRefusesAnOptionThatIsNotText(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        FieldError error = onlyError(db, () -> createWith(crm, "colour", List.of("red", 7)));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.colour", "wrong_type");
    }

    @DbTest
    void anEmptyMultipleChoiceLeavesTheFieldEmpty(TestDb db) {
        Crm crm = db.crm();
        defineColours(crm, FieldType.MULTIPLE_CHOICE);

        Customer created = createWith(crm, "colour", List.of());

        assertThat(crm.customers().get(created.id()).custom()).doesNotContainKey("colour");
        assertThat(db.count("custom_value")).isZero();
    }

    @DbTest
    void aMultipleChoiceStoresAllOf100Options(TestDb db) {
        Crm crm = db.crm();
        List<String> options = FieldFixtures.options(100);
        crm.fields().define(FieldDraft.builder("colour", FieldType.MULTIPLE_CHOICE).options(options).build());
        List<String> reversed = new ArrayList<>(options);
        Collections.reverse(reversed);

        assertThat(roundTrip(crm, "colour", reversed)).isEqualTo(options);
    }
}
