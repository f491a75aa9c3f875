package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;

class TextValueTest {

    @DbTest
    void storesTextTrimmed(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);

        assertThat(roundTrip(crm, "motto", "  carpe diem \t")).isEqualTo("carpe diem");
    }

    @DbTest
    void acceptsTextOfExactlyTheMaxLength(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).maxLength(10).build());

        assertThat(roundTrip(crm, "motto", "0123456789")).isEqualTo("0123456789");
    }

    @DbTest
    void refusesTextOneCharacterPastTheMaxLength(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).maxLength(10).build());

        FieldError error = onlyError(db, () -> createWith(crm, "motto", "0123456789A"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.motto", "too_long");
        assertThat(error.limit()).contains("10");
        assertThat(error.message()).contains("11");
    }

    @DbTest
    void theMaxLengthDefaultsTo255(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);

        assertThat(roundTrip(crm, "motto", "m".repeat(255))).isEqualTo("m".repeat(255));
        FieldError error = onlyError(db, () -> createWith(crm, "motto", "m".repeat(256)));
        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.motto", "too_long");
        assertThat(error.limit()).contains("255");
    }

    @DbTest
    void countsTheMaxLengthInCharactersNotInUtf16Units(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("motto", FieldType.TEXT).maxLength(500).build());
        String stars = "🌟".repeat(500);

        assertThat(roundTrip(crm, "motto", stars)).isEqualTo(stars);
    }

    @DbTest
    void storesVietnameseAndHostileTextVerbatim(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);
        String hostile = "Nguyễn' OR '1'='1; DROP TABLE crm_customer; -- \\ % _ <script>";

        assertThat(roundTrip(crm, "motto", hostile)).isEqualTo(hostile);
        assertThat(db.count("customer")).isEqualTo(1);
    }

    @DbTest
    void refusesTextWithALineBreak(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);

        FieldError error = onlyError(db, () -> createWith(crm, "motto", "carpe\ndiem"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.motto", "invalid");
    }

    @DbTest
    void acceptsAStringBuilderAsText(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);

        assertThat(roundTrip(crm, "motto", new StringBuilder("built"))).isEqualTo("built");
    }

    @DbTest
    void blankTextLeavesTheFieldEmpty(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "motto", FieldType.TEXT);

        Customer created = createWith(crm, "motto", "   ");

        assertThat(crm.customers().get(created.id()).custom()).isEmpty();
        assertThat(db.count("custom_value")).isZero();
    }
}
