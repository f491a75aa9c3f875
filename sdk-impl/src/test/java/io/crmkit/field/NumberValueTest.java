package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.api.Crm;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Timeout;

class NumberValueTest {

    @DbTest
    void acceptsAnIntegerAndReturnsALong(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        assertThat(roundTrip(crm, "points", 42)).isEqualTo(42L);
    }

    @DbTest
    void acceptsALong(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        assertThat(roundTrip(crm, "points", 42L)).isEqualTo(42L);
    }

    @DbTest
    void acceptsTheTextOfAWholeNumber(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        assertThat(roundTrip(crm, "points", " 42 ")).isEqualTo(42L);
    }

    @DbTest
    void acceptsAWholeBigDecimalWithAFractionOfZero(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        assertThat(roundTrip(crm, "points", new BigDecimal("4.0"))).isEqualTo(4L);
    }

    @DbTest
    void acceptsABigInteger(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        assertThat(roundTrip(crm, "points", BigInteger.valueOf(-7))).isEqualTo(-7L);
    }

    @DbTest
    void refusesAFractionalBigDecimal(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", new BigDecimal("4.5")));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "invalid");
        assertThat(error.message()).contains("whole number").contains("4.5");
    }

    @DbTest
    void refusesAFractionalDouble(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", 4.5d));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "invalid");
    }

    @DbTest
    void refusesTheTextOfAFractionalNumber(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", "4.5"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "invalid");
    }

    @DbTest
    void refusesTextThatIsNotANumber(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", "forty-two"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "wrong_type");
        assertThat(error.message()).contains("whole number").contains("forty-two");
    }

    /**
     * Expanding 1e999999999 would take about 400 MB and hours, so this test can only pass if the value is
     * refused on its precision and scale. The timeout guards the build against a hang; it is no speed target.
     */
    @DbTest
    @Timeout(60)
    void refusesAHugeExponentWithoutWorkingOutTheWholeNumber(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);
        List<Integer> before = db.allCounts();

        ValidationException refused = catchThrowableOfType(
                ValidationException.class, () -> createWith(crm, "points", "1e999999999"));

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("custom.points", "out_of_range"));
        assertThat(db.allCounts()).isEqualTo(before);
    }

    @DbTest
    void refusesAHugeExponentWithAShortMessage(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", "1e99999"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
        assertThat(error.message().length()).as("length of the error message").isLessThan(200);
    }

    @DbTest
    void refusesATinyExponentWithAShortMessage(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", "1e-99999"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.points", "invalid");
        assertThat(error.message().length()).as("length of the error message").isLessThan(200);
    }

    @DbTest
    void acceptsTheMinimumAndTheMaximum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(-10).max(10).build());

        assertThat(roundTrip(crm, "points", -10)).isEqualTo(-10L);
        assertThat(roundTrip(crm, "points", 10)).isEqualTo(10L);
    }

    @DbTest
    void refusesOneBelowTheMinimum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(-10).max(10).build());

        FieldError error = onlyError(db, () -> createWith(crm, "points", -11));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
        assertThat(error.limit()).contains("-10");
        assertThat(error.message()).contains("at least -10").contains("-11");
    }

    @DbTest
    void refusesOneAboveTheMaximum(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(-10).max(10).build());

        FieldError error = onlyError(db, () -> createWith(crm, "points", 11));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
        assertThat(error.limit()).contains("10");
        assertThat(error.message()).contains("at most 10").contains("11");
    }

    @DbTest
    void storesTheLargestAndSmallestLong(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        assertThat(roundTrip(crm, "points", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(crm, "points", Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @DbTest
    void refusesOnePastTheLargestLong(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points", "9223372036854775808"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
    }

    @DbTest
    void refusesOnePastTheSmallestLong(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "points", FieldType.NUMBER);

        FieldError error = onlyError(db, () -> createWith(crm, "points",
                BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
    }
}
