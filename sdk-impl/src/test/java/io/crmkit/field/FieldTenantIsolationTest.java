package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;

class FieldTenantIsolationTest {

    @DbTest
    void anotherTenantDoesNotSeeTheFields(TestDb db) {
        FieldFixtures.define(db.crm(), "points", FieldType.NUMBER);

        Crm other = db.otherTenant();

        assertThat(other.fields().list()).isEmpty();
        assertThat(other.fields().find("points")).isEmpty();
    }

    @DbTest
    void anotherTenantCanDefineTheSameKeyWithItsOwnType(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition mine = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).max(10).build());
        Crm other = db.otherTenant();

        FieldDefinition theirs = other.fields().define(FieldDraft.builder("points", FieldType.TEXT).build());

        assertThat(theirs.type()).isEqualTo(FieldType.TEXT);
        assertThat(crm.fields().list()).containsExactly(mine);
        assertThat(other.fields().list()).containsExactly(theirs);
        assertThat(createWith(other, "points", "plenty").custom()).containsEntry("points", "plenty");
        assertThat(onlyError(db, () -> createWith(crm, "points", "plenty")).code()).isEqualTo("wrong_type");
    }

    @DbTest
    void anotherTenantCannotWriteValuesToTheFields(TestDb db) {
        FieldFixtures.define(db.crm(), "points", FieldType.NUMBER);

        FieldError error = FieldFixtures.onlyError(db, () -> createWith(db.otherTenant(), "points", 1));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "unknown_field");
    }

    @DbTest
    void anotherTenantCannotUpdateOrRetireTheFields(TestDb db) {
        FieldDefinition defined = FieldFixtures.define(db.crm(), "points", FieldType.NUMBER);
        Crm other = db.otherTenant();

        assertThatThrownBy(() -> other.fields().update("points", FieldUpdate.of(1).withLabel("Mine now")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.fields().retire("points")).isInstanceOf(NotFoundException.class);
        assertThat(db.crm().fields().find("points")).contains(defined);
    }

    @DbTest
    void retiredFieldsOfAnotherTenantCountNeitherAgainstItsKeysNorItsLimit(TestDb db) {
        FieldFixtures.define(db.crm(), "points", FieldType.NUMBER);
        db.crm().fields().retire("points");

        FieldDefinition theirs = db.otherTenant().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .build());

        assertThat(theirs.retired()).isFalse();
        assertThat(db.otherTenant().fields().list()).containsExactly(theirs);
    }
}
