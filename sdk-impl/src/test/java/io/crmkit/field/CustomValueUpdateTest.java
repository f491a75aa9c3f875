package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

class CustomValueUpdateTest {

    /** A customer with a text, a number and a multiple choice value, in a tenant defining those three fields. */
    private static Customer customerWithThreeValues(Crm crm) {
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).build());
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        crm.fields().define(FieldDraft.builder("colours", FieldType.MULTIPLE_CHOICE)
                .options("red", "green", "blue").build());
        return crm.customers().create(CustomerDraft.builder().name("x").custom("motto", "carpe diem")
                .custom("points", 5).custom("colours", List.of("red", "green")).build());
    }

    @DbTest
    void setsAValueOnACustomerThatHadNone(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "birthday_2", FieldType.DATE);
        Customer customer = crm.customers().create(CustomerDraft.builder().name("x").build());

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("birthday_2", "1990-05-31").build());

        assertThat(updated.custom()).containsExactlyEntriesOf(Map.of("birthday_2", LocalDate.of(1990, 5, 31)));
        assertThat(crm.customers().get(customer.id())).isEqualTo(updated);
    }

    @DbTest
    void changesAValue(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("points", 6).build());

        assertThat(updated.custom()).containsEntry("points", 6L);
        assertThat(updated.version()).isEqualTo(customer.version() + 1);
        assertThat(crm.customers().get(customer.id())).isEqualTo(updated);
    }

    @DbTest
    void clearsAValue(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("motto", null).build());

        assertThat(updated.custom()).doesNotContainKey("motto");
        assertThat(crm.customers().get(customer.id()).custom()).doesNotContainKey("motto");
        assertThat(db.count("custom_value")).isEqualTo(3);
    }

    @DbTest
    void replacesAMultipleChoiceWholly(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("colours", List.of("blue")).build());

        assertThat(updated.custom()).containsEntry("colours", List.of("blue"));
        assertThat(crm.customers().get(customer.id()).custom()).containsEntry("colours", List.of("blue"));
        assertThat(db.count("custom_value")).isEqualTo(3);
    }

    @DbTest
    void anEmptyListClearsAMultipleChoice(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("colours", List.of()).build());

        assertThat(updated.custom()).doesNotContainKey("colours");
        assertThat(db.count("custom_value")).isEqualTo(2);
    }

    @DbTest
    void leavesOtherCustomValuesUntouched(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("points", 7).build());

        assertThat(updated.custom()).containsEntry("motto", "carpe diem")
                .containsEntry("colours", List.of("red", "green"));
    }

    @DbTest
    void anUpdateOfBuiltInFieldsLeavesEveryCustomValueUntouched(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .name("renamed").build());

        assertThat(updated.custom()).isEqualTo(customer.custom());
    }

    @DbTest
    void returnsCustomValuesInFieldDefinitionOrder(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("colours", List.of("blue")).custom("motto", "new").build());

        assertThat(updated.custom().keySet()).containsExactly("motto", "points", "colours");
        assertThat(crm.customers().get(customer.id()).custom().keySet()).containsExactly("motto", "points", "colours");
    }

    @DbTest
    void anInvalidValueInAnUpdateChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        FieldError error = onlyError(db, () -> crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).name("renamed").custom("motto", "fine")
                        .custom("points", new BigDecimal("7.5")).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "invalid");
        assertThat(crm.customers().get(customer.id())).isEqualTo(customer);
    }

    @DbTest
    void anUnknownKeyInAnUpdateIsRefusedAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer customer = customerWithThreeValues(crm);

        FieldError error = onlyError(db, () -> crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).custom("pointz", 1).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.pointz", "unknown_field");
        assertThat(crm.customers().get(customer.id())).isEqualTo(customer);
    }

    @DbTest
    void clearingAnEmptyValueIsHarmless(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);
        Customer customer = createWith(crm, "motto", null);

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .custom("motto", null).build());

        assertThat(updated.custom()).isEmpty();
    }
}
