package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;

class FieldUpdateTest {

    @DbTest
    void changesTheLabelAndBumpsTheVersion(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());

        FieldDefinition updated = crm.fields().update("points", FieldUpdate.of(1).withLabel("Loyalty points"));

        assertThat(updated.label()).isEqualTo("Loyalty points");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.id()).isEqualTo(defined.id());
        assertThat(updated.createdAt()).isEqualTo(defined.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(defined.updatedAt());
        assertThat(crm.fields().find("points")).contains(updated);
    }

    @DbTest
    void anEmptyUpdateKeepsEverySetting(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .label("Points").required(true).min(1).max(9).build());

        FieldDefinition updated = crm.fields().update("points", FieldUpdate.of(1));

        assertThat(updated.label()).isEqualTo(defined.label());
        assertThat(updated.required()).isTrue();
        assertThat(updated.min()).isEqualTo(defined.min());
        assertThat(updated.max()).isEqualTo(defined.max());
    }

    @DbTest
    void changesTheMinAndMaxOfANumericField(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(0).max(10).build());

        crm.fields().update("points", FieldUpdate.of(1)
                .withMin(BigDecimal.valueOf(-5)).withMax(BigDecimal.valueOf(50)));

        FieldDefinition read = crm.fields().find("points").orElseThrow();
        assertThat(read.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("-5"));
        assertThat(read.max()).hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("50"));
    }

    @DbTest
    void changesTheMaxLengthOfATextField(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).maxLength(10).build());

        crm.fields().update("motto", FieldUpdate.of(1).withMaxLength(400));

        assertThat(crm.fields().find("motto").orElseThrow().maxLength()).isEqualTo(OptionalInt.of(400));
        assertThat(createWith(crm, "motto", "m".repeat(400)).custom()).containsEntry("motto", "m".repeat(400));
    }

    @DbTest
    void replacesTheOptionsOfAChoiceField(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).options("gold", "silver").build());

        crm.fields().update("tier", FieldUpdate.of(1).withOptions(List.of("platinum", "gold", "bronze")));

        assertThat(crm.fields().find("tier").orElseThrow().options()).containsExactly("platinum", "gold", "bronze");
        assertThat(createWith(crm, "tier", "platinum").custom()).containsEntry("tier", "platinum");
    }

    @DbTest
    void aRemovedOptionIsRefusedOnWrite(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).options("gold", "silver").build());
        crm.fields().update("tier", FieldUpdate.of(1).withOptions(List.of("gold")));

        FieldError error = onlyError(db, () -> createWith(crm, "tier", "silver"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.tier", "not_allowed");
    }

    @DbTest
    void aStoredValueStaysReadableAfterItsOptionIsRemoved(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("tier", FieldType.MULTIPLE_CHOICE).options("gold", "silver").build());
        Customer customer = createWith(crm, "tier", List.of("gold", "silver"));

        crm.fields().update("tier", FieldUpdate.of(1).withOptions(List.of("gold")));

        assertThat(crm.customers().get(customer.id()).custom()).containsEntry("tier", List.of("gold", "silver"));
    }

    @DbTest
    void aStoredMultipleChoiceIsReturnedInTheNewOptionOrderAfterTheOptionsAreReordered(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("colours", FieldType.MULTIPLE_CHOICE).options("red", "green", "blue")
                .build());
        Customer customer = createWith(crm, "colours", List.of("red", "blue"));

        crm.fields().update("colours", FieldUpdate.of(1).withOptions(List.of("blue", "green", "red")));

        assertThat(crm.customers().get(customer.id()).custom()).containsEntry("colours", List.of("blue", "red"));
    }

    @DbTest
    void aStoredValueStaysReadableAfterTheMaximumIsLoweredBelowIt(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).max(100).build());
        Customer customer = createWith(crm, "points", 90);

        crm.fields().update("points", FieldUpdate.of(1).withMax(BigDecimal.TEN));

        assertThat(crm.customers().get(customer.id()).custom()).containsEntry("points", 90L);
    }

    @DbTest
    void aValueAboveALoweredMaximumIsRefusedAtOnce(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).max(100).build());
        createWith(crm, "points", 90);

        crm.fields().update("points", FieldUpdate.of(1).withMax(BigDecimal.TEN));
        FieldError error = onlyError(db, () -> createWith(crm, "points", 11));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
        assertThat(error.limit()).contains("10");
        assertThat(createWith(crm, "points", 10).custom()).containsEntry("points", 10L);
    }

    @DbTest
    void aTextLongerThanALoweredMaxLengthIsRefusedAtOnce(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).maxLength(20).build());
        createWith(crm, "motto", "twelve chars");

        crm.fields().update("motto", FieldUpdate.of(1).withMaxLength(5));
        FieldError error = onlyError(db, () -> createWith(crm, "motto", "sixsix"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.motto", "too_long");
        assertThat(error.limit()).contains("5");
    }

    @DbTest
    void withoutMinAndWithoutMaxRemoveTheLimits(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(0).max(10).build());

        FieldDefinition updated = crm.fields().update("points", FieldUpdate.of(1).withoutMin().withoutMax());

        assertThat(updated.min()).isEmpty();
        assertThat(updated.max()).isEmpty();
        assertThat(crm.fields().find("points").orElseThrow().min()).isEmpty();
        assertThat(createWith(crm, "points", -1_000).custom()).containsEntry("points", -1_000L);
        assertThat(createWith(crm, "points", 1_000).custom()).containsEntry("points", 1_000L);
    }

    @DbTest
    void withoutMaxKeepsTheMinimum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(0).max(10).build());

        crm.fields().update("points", FieldUpdate.of(1).withoutMax());

        FieldDefinition read = crm.fields().find("points").orElseThrow();
        assertThat(read.max()).isEmpty();
        assertThat(read.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("0"));
        assertThat(onlyError(db, () -> createWith(crm, "points", -1)).code()).isEqualTo("out_of_range");
    }

    @DbTest
    void aNewMinimumAboveTheCurrentMaximumIsRefusedAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).max(10).build());

        FieldError error = onlyError(db, () -> crm.fields().update("points",
                FieldUpdate.of(1).withMin(BigDecimal.valueOf(11))));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("max", "out_of_range");
        assertThat(crm.fields().find("points")).contains(defined);
    }

    @DbTest
    void limitsThatDoNotFitTheTypeAreRefusedAllAtOnceAndChangeNothing(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).build());

        ValidationException refused = refusal(db, () -> crm.fields().update("motto", FieldUpdate.of(1)
                .withMin(BigDecimal.ONE).withMax(BigDecimal.TEN).withOptions(List.of("a")).withLabel("x".repeat(81))));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("label", "too_long"),
                tuple("min", "not_allowed"),
                tuple("max", "not_allowed"),
                tuple("options", "not_allowed"));
        assertThat(crm.fields().find("motto")).contains(defined);
    }

    @DbTest
    void aChoiceFieldCannotLoseAllItsOptions(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE)
                .options("gold").build());

        FieldError error = onlyError(db, () -> crm.fields().update("tier", FieldUpdate.of(1).withOptions(List.of())));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("options", "required");
        assertThat(crm.fields().find("tier")).contains(defined);
    }

    @DbTest
    void anUpdateFromAStaleVersionIsRefusedAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        FieldDefinition current = crm.fields().update("points", FieldUpdate.of(1).withLabel("Points"));
        List<Integer> before = db.allCounts();

        assertThatThrownBy(() -> crm.fields().update("points", FieldUpdate.of(1).withLabel("Stale")
                .withMax(BigDecimal.ONE)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("version 2")
                .hasMessageContaining("version 1");
        assertThat(db.allCounts()).isEqualTo(before);
        assertThat(crm.fields().find("points")).contains(current);
    }

    @DbTest
    void anUpdateFromAFutureVersionIsRefused(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());

        assertThatThrownBy(() -> crm.fields().update("points", FieldUpdate.of(2).withLabel("Future")))
                .isInstanceOf(ConflictException.class);
        assertThat(crm.fields().find("points")).contains(defined);
    }

    @DbTest
    void updatingAnUnknownKeyIsNotFoundAndWritesNothing(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        List<Integer> before = db.allCounts();

        assertThatThrownBy(() -> crm.fields().update("pointz", FieldUpdate.of(1).withLabel("Typo")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'pointz'");
        assertThat(db.allCounts()).isEqualTo(before);
    }

    @DbTest
    void makingAFieldRequiredIsEnforcedOnNewCustomers(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        createWith(crm, "points", 1);

        crm.fields().update("points", FieldUpdate.of(1).withRequired(true));
        FieldError error = onlyError(db, () -> crm.customers().create(
                CustomerDraft.builder().name("no points").build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "required");
    }
}
