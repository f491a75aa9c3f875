package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.time.LocalDate;

class DateValueTest {

    @DbTest
    void storesALocalDate(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        assertThat(roundTrip(crm, "joined", LocalDate.of(2024, 5, 31))).isEqualTo(LocalDate.of(2024, 5, 31));
    }

    @DbTest
    void acceptsTheTextOfALeapDay(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        assertThat(roundTrip(crm, "joined", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @DbTest
    void refusesTheTextOfADayThatDoesNotExist(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        for (String text : new String[] {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10"}) {
            FieldError error = onlyError(db, () -> createWith(crm, "joined", text));

            assertThat(error).as(text).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.joined", "wrong_type");
            assertThat(error.message()).contains("yyyy-mm-dd").contains(text);
        }
    }

    @DbTest
    void refusesDatesInOtherNotations(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        for (String text : new String[] {"31/05/2024", "2024-5-31", "20240531", "2024-05-31T00:00:00Z"}) {
            FieldError error = onlyError(db, () -> createWith(crm, "joined", text));

            assertThat(error).as(text).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.joined", "wrong_type");
        }
    }

    @DbTest
    void storesTheFirstAndLastDayOfTheSupportedRange(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        assertThat(roundTrip(crm, "joined", LocalDate.of(1, 1, 1))).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(roundTrip(crm, "joined", LocalDate.of(9999, 12, 31))).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @DbTest
    void storesADateBeforeTheGregorianReform(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        assertThat(roundTrip(crm, "joined", LocalDate.of(1582, 10, 10))).isEqualTo(LocalDate.of(1582, 10, 10));
    }

    @DbTest
    void refusesADayOutsideTheSupportedRange(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "joined", FieldType.DATE);

        for (LocalDate date : new LocalDate[] {LocalDate.of(0, 12, 31), LocalDate.of(10_000, 1, 1)}) {
            FieldError error = onlyError(db, () -> createWith(crm, "joined", date));

            assertThat(error).as("%s", date).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.joined", "out_of_range");
        }
    }
}
