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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

class DateTimeValueTest {

    @DbTest
    void storesAnInstant(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        assertThat(roundTrip(crm, "last_seen", Instant.parse("2024-05-31T08:00:00Z")))
                .isEqualTo(Instant.parse("2024-05-31T08:00:00Z"));
    }

    @DbTest
    void convertsAnOffsetDateTimeToUtc(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        Object read = roundTrip(crm, "last_seen", OffsetDateTime.of(2024, 5, 31, 15, 0, 0, 0, ZoneOffset.ofHours(7)));

        assertThat(read).isEqualTo(Instant.parse("2024-05-31T08:00:00Z"));
    }

    @DbTest
    void convertsAZonedDateTimeToUtc(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        Object read = roundTrip(crm, "last_seen",
                ZonedDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")));

        assertThat(read).isEqualTo(Instant.parse("2024-07-01T08:00:00Z"));
    }

    @DbTest
    void acceptsIsoTextWithAnOffset(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        assertThat(roundTrip(crm, "last_seen", "2024-05-31T15:00:00+07:00"))
                .isEqualTo(Instant.parse("2024-05-31T08:00:00Z"));
        assertThat(roundTrip(crm, "last_seen", "2024-05-31T08:00:00Z"))
                .isEqualTo(Instant.parse("2024-05-31T08:00:00Z"));
    }

    @DbTest
    void refusesTextWithoutAnOffset(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        FieldError error = onlyError(db, () -> createWith(crm, "last_seen", "2024-05-31T08:00:00"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.last_seen", "wrong_type");
        assertThat(error.message()).contains("offset").contains("2024-05-31T08:00:00");
    }

    @DbTest
    void refusesALocalDateTime(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        FieldError error = onlyError(db, () -> createWith(crm, "last_seen", LocalDateTime.of(2024, 5, 31, 8, 0)));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.last_seen", "wrong_type");
        assertThat(error.message()).contains("date-time with offset").contains("LocalDateTime");
    }

    @DbTest
    void truncatesNanosecondsToMicroseconds(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        assertThat(roundTrip(crm, "last_seen", Instant.parse("2024-05-31T08:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2024-05-31T08:00:00.123456Z"));
    }

    @DbTest
    void storesTheFirstAndLastMicrosecondOfTheSupportedRange(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        assertThat(roundTrip(crm, "last_seen", Instant.parse("0001-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(roundTrip(crm, "last_seen", Instant.parse("9999-12-31T23:59:59.999999Z")))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @DbTest
    void refusesAnInstantAfterTheYear9999(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        FieldError error = onlyError(db, () -> createWith(crm, "last_seen", Instant.parse("+10000-01-01T00:00:00Z")));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.last_seen", "out_of_range");
    }

    @DbTest
    void refusesAnInstantThatIsInTheYear9999OnlyInItsOwnOffset(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "last_seen", FieldType.DATETIME);

        FieldError error = onlyError(db, () -> createWith(crm, "last_seen", "9999-12-31T23:00:00-05:00"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.last_seen", "out_of_range");
    }
}
