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
import java.math.BigDecimal;

class DecimalValueTest {

    @DbTest
    void returnsTheValueWithoutTrailingZeros(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        assertThat(roundTrip(crm, "rate", new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.5"));
    }

    @DbTest
    void aWholeValueReadsBackEqualToTheValueTheCreateReturned(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        Customer created = createWith(crm, "rate", new BigDecimal("100"));
        Customer read = crm.customers().get(created.id());

        assertThat(created.custom().get("rate")).isEqualTo(new BigDecimal("100"));
        assertThat(read.custom().get("rate")).isEqualTo(created.custom().get("rate"));
        assertThat(read).isEqualTo(created);
    }

    @DbTest
    void acceptsTenDigitsAfterThePoint(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        assertThat(roundTrip(crm, "rate", "0.0000000001")).isEqualTo(new BigDecimal("0.0000000001"));
    }

    @DbTest
    void refusesElevenDigitsAfterThePoint(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        FieldError error = onlyError(db, () -> createWith(crm, "rate", new BigDecimal("0.00000000001")));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.rate", "invalid");
        assertThat(error.limit()).contains("10");
    }

    @DbTest
    void trailingZerosDoNotCountAsDigitsAfterThePoint(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        assertThat(roundTrip(crm, "rate", "2.500000000000000")).isEqualTo(new BigDecimal("2.5"));
    }

    @DbTest
    void accepts28DigitsBeforeThePoint(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);
        BigDecimal largest = new BigDecimal("9".repeat(28));

        assertThat(roundTrip(crm, "rate", largest)).isEqualTo(largest);
    }

    @DbTest
    void refuses29DigitsBeforeThePoint(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        FieldError error = onlyError(db, () -> createWith(crm, "rate", "1" + "0".repeat(28)));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.rate", "out_of_range");
        assertThat(error.limit()).contains("28");
    }

    @DbTest
    void storesAllThirtyEightDigitsOfTheLargestValue(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);
        BigDecimal largest = new BigDecimal("-" + "9".repeat(28) + "." + "9".repeat(10));

        assertThat(roundTrip(crm, "rate", largest)).isEqualTo(largest);
    }

    @DbTest
    void acceptsADoubleByItsShortestDecimalForm(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        assertThat(roundTrip(crm, "rate", 0.1d)).isEqualTo(new BigDecimal("0.1"));
    }

    @DbTest
    void acceptsAnInteger(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        assertThat(roundTrip(crm, "rate", 3)).isInstanceOf(BigDecimal.class)
                .satisfies(value -> assertThat((BigDecimal) value).isEqualByComparingTo("3"));
    }

    @DbTest
    void refusesNotANumber(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        FieldError error = onlyError(db, () -> createWith(crm, "rate", Double.NaN));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.rate", "invalid");
    }

    @DbTest
    void refusesInfinity(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        FieldError error = onlyError(db, () -> createWith(crm, "rate", Double.POSITIVE_INFINITY));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.rate", "invalid");
    }

    @DbTest
    void acceptsTheMinimumAndTheMaximum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("rate", FieldType.DECIMAL)
                .min(new BigDecimal("0.5")).max(new BigDecimal("99.75")).build());

        assertThat(roundTrip(crm, "rate", "0.5")).isEqualTo(new BigDecimal("0.5"));
        assertThat(roundTrip(crm, "rate", "99.75")).isEqualTo(new BigDecimal("99.75"));
    }

    @DbTest
    void refusesTheSmallestStepBelowTheMinimum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("rate", FieldType.DECIMAL)
                .min(new BigDecimal("0.5")).max(new BigDecimal("99.75")).build());

        FieldError error = onlyError(db, () -> createWith(crm, "rate", "0.4999999999"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.rate", "out_of_range");
        assertThat(error.limit()).contains("0.5");
    }

    @DbTest
    void refusesTheSmallestStepAboveTheMaximum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("rate", FieldType.DECIMAL)
                .min(new BigDecimal("0.5")).max(new BigDecimal("99.75")).build());

        FieldError error = onlyError(db, () -> createWith(crm, "rate", "99.7500000001"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.rate", "out_of_range");
        assertThat(error.limit()).contains("99.75");
    }

    @DbTest
    void refusesAHugeExponentWithAShortMessage(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        FieldError error = onlyError(db, () -> createWith(crm, "rate", "1e99999"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.rate", "out_of_range");
        assertThat(error.message().length()).as("length of the error message").isLessThan(200);
    }

    @DbTest
    void refusesATinyExponentWithAShortMessage(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "rate", FieldType.DECIMAL);

        FieldError error = onlyError(db, () -> createWith(crm, "rate", "1e-99999"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.rate", "invalid");
        assertThat(error.message().length()).as("length of the error message").isLessThan(200);
    }
}
