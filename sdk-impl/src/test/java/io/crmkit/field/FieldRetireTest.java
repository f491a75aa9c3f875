package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.Map;

class FieldRetireTest {

    @DbTest
    void retiringMarksTheFieldRetiredAndBumpsItsVersion(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldDefinition retired = crm.fields().retire("points");

        assertThat(retired.retired()).isTrue();
        assertThat(retired.version()).isEqualTo(defined.version() + 1);
        assertThat(retired.id()).isEqualTo(defined.id());
    }

    @DbTest
    void aRetiredFieldsValuesAreNoLongerReturned(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        FieldFixtures.define(crm, "motto", FieldType.TEXT);
        Customer customer = crm.customers().create(CustomerDraft.builder().name("x").custom("points", 5)
                .custom("motto", "carpe diem").build());

        crm.fields().retire("points");

        assertThat(crm.customers().get(customer.id()).custom()).containsOnlyKeys("motto");
    }

    @DbTest
    void creatingACustomerWithARetiredFieldIsRefusedWithNotAllowed(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        crm.fields().retire("points");

        FieldError error = onlyError(db, () -> createWith(crm, "points", 5));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "not_allowed");
        assertThat(error.message()).contains("retired");
    }

    @DbTest
    void updatingARetiredFieldIsRefusedWithNotAllowedAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        Customer customer = createWith(crm, "points", 5);
        crm.fields().retire("points");

        FieldError error = onlyError(db, () -> crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).custom("points", 6).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "not_allowed");
        assertThat(crm.customers().get(customer.id()).version()).isEqualTo(customer.version());
        assertThat(db.column("SELECT number_value FROM crm_custom_value WHERE tenant_id = ?", db.tenant()))
                .singleElement().satisfies(value -> assertThat(Double.parseDouble(value)).isEqualTo(5.0));
    }

    @DbTest
    void aRetiredKeyCannotBeReused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        crm.fields().retire("points");
        List<Integer> before = db.allCounts();

        assertThatThrownBy(() -> crm.fields().define(FieldDraft.builder("points", FieldType.TEXT).build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'points'")
                .hasMessageContaining("retired");
        assertThat(db.allCounts()).isEqualTo(before);
    }

    @DbTest
    void listExcludesARetiredField(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "first", FieldType.TEXT);
        FieldFixtures.define(crm, "second", FieldType.TEXT);
        FieldFixtures.define(crm, "third", FieldType.TEXT);

        crm.fields().retire("second");

        assertThat(crm.fields().list()).extracting(FieldDefinition::key).containsExactly("first", "third");
    }

    @DbTest
    void findStillReturnsARetiredFieldMarkedRetired(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        FieldDefinition retired = crm.fields().retire("points");

        assertThat(crm.fields().find("points")).contains(retired)
                .hasValueSatisfying(field -> assertThat(field.retired()).isTrue());
    }

    @DbTest
    void retiringARetiredFieldChangesNothing(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        FieldDefinition retired = crm.fields().retire("points");
        List<Integer> before = db.allCounts();

        FieldDefinition again = crm.fields().retire("points");

        assertThat(again).isEqualTo(retired);
        assertThat(db.allCounts()).isEqualTo(before);
        assertThat(crm.fields().find("points")).contains(retired);
    }

    @DbTest
    void retiringAnUnknownKeyIsNotFound(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        List<Integer> before = db.allCounts();

        assertThatThrownBy(() -> crm.fields().retire("pointz"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'pointz'");
        assertThat(db.allCounts()).isEqualTo(before);
    }

    @DbTest
    void aRetiredRequiredFieldIsNoLongerRequired(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).required(true).build());
        crm.fields().retire("points");

        Customer created = crm.customers().create(CustomerDraft.builder().name("no points").build());

        assertThat(created.custom()).isEmpty();
    }

    @DbTest
    void aCustomerWithARetiredValueCanStillBeUpdated(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        FieldFixtures.define(crm, "motto", FieldType.TEXT);
        Customer customer = createWith(crm, "points", 5);
        crm.fields().retire("points");

        Customer updated = crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                .name("renamed").custom("motto", "still here").build());

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.custom()).containsExactly(Map.entry("motto", "still here"));
    }
}
