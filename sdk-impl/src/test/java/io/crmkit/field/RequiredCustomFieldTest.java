package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.Map;

class RequiredCustomFieldTest {

    private static void defineRequired(Crm crm, String key, FieldType type) {
        FieldDraft.Builder draft = FieldDraft.builder(key, type).required(true);
        if (type.isChoice()) {
            draft.options("a", "b");
        }
        crm.fields().define(draft.build());
    }

    @DbTest
    void aCustomerWithTheRequiredValueIsCreated(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "points", FieldType.NUMBER);

        assertThat(createWith(crm, "points", 0).custom()).containsEntry("points", 0L);
    }

    @DbTest
    void creatingACustomerWithoutARequiredValueIsRefused(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> crm.customers().create(CustomerDraft.builder().name("x").build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "required");
        assertThat(error.message()).contains("'points'");
    }

    @DbTest
    void blankTextDoesNotCountAsARequiredValue(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "motto", FieldType.TEXT);

        FieldError error = onlyError(db, () -> createWith(crm, "motto", " \t "));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.motto", "required");
    }

    @DbTest
    void anEmptyListDoesNotCountAsARequiredMultipleChoice(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "colours", FieldType.MULTIPLE_CHOICE);

        FieldError error = onlyError(db, () -> createWith(crm, "colours", List.of()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.colours", "required");
    }

    @DbTest
    void aRequiredValueThatIsInvalidIsReportedOnceAsInvalid(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", "many"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "wrong_type");
    }

    @DbTest
    void everyMissingRequiredValueIsReportedAtOnce(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "points", FieldType.NUMBER);
        defineRequired(crm, "tier", FieldType.SINGLE_CHOICE);

        ValidationException refused = FieldFixtures.refusal(db, () -> crm.customers().create(
                CustomerDraft.builder().name("x").build()));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("custom.points",
                "custom.tier");
        assertThat(refused.errors()).extracting(FieldError::code).containsOnly("required");
    }

    @DbTest
    void anUpdateThatClearsARequiredValueIsRefusedAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "points", FieldType.NUMBER);
        Customer customer = createWith(crm, "points", 5);

        FieldError error = onlyError(db, () -> crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).custom("points", null).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "required");
        assertThat(crm.customers().get(customer.id())).isEqualTo(customer);
    }

    @DbTest
    void anUpdateThatBlanksARequiredTextIsRefused(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "motto", FieldType.TEXT);
        Customer customer = createWith(crm, "motto", "carpe diem");

        FieldError error = onlyError(db, () -> crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).custom("motto", "  ").build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.motto", "required");
        assertThat(crm.customers().get(customer.id())).isEqualTo(customer);
    }

    @DbTest
    void anUpdateThatChangesARequiredValueSucceeds(TestDb db) {
        Crm crm = db.crm();
        defineRequired(crm, "points", FieldType.NUMBER);
        Customer customer = createWith(crm, "points", 5);

        Customer updated = crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).custom("points", 6).build());

        assertThat(updated.custom()).containsEntry("points", 6L);
    }

    @DbTest
    void anUpdateNotTouchingAFieldMadeRequiredLaterSucceeds(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Customer customer = crm.customers().create(CustomerDraft.builder().name("before").build());
        crm.fields().update("points", FieldUpdate.of(1).withRequired(true));

        Customer updated = crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).name("after").build());

        assertThat(updated.name()).isEqualTo("after");
        assertThat(updated.custom()).isEmpty();
        assertThat(updated.version()).isEqualTo(customer.version() + 1);
    }

    @DbTest
    void anUpdateTouchingAnotherCustomFieldOfACustomerMissingARequiredValueSucceeds(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).build());
        Customer customer = crm.customers().create(CustomerDraft.builder().name("before").build());
        crm.fields().update("points", FieldUpdate.of(1).withRequired(true));

        Customer updated = crm.customers().update(customer.id(),
                CustomerPatch.builder(customer.version()).custom("motto", "new").build());

        assertThat(updated.custom()).containsExactlyEntriesOf(Map.of("motto", "new"));
    }
}
