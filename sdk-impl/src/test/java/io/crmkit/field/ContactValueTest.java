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
import java.net.URI;
import java.util.List;

/** EMAIL, PHONE and URL values. */
class ContactValueTest {

    @DbTest
    void anEmailIsStoredTrimmedAndLowerCased(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "work_email", FieldType.EMAIL);

        assertThat(roundTrip(crm, "work_email", " Lan.Nguyen@Example.COM ")).isEqualTo("lan.nguyen@example.com");
    }

    @DbTest
    void anInvalidEmailIsRefused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "work_email", FieldType.EMAIL);

        for (String email : List.of("lan", "lan@", "@example.com", "lan@@example.com", "lan nguyen@example.com",
                "lan@example", "lan@exa_mple.com")) {
            FieldError error = onlyError(db, () -> createWith(crm, "work_email", email));

            assertThat(error).as(email).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.work_email", "invalid");
        }
    }

    @DbTest
    void anEmailOf129CharactersIsRefused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "work_email", FieldType.EMAIL);
        String email = "a".repeat(64) + "@" + "b".repeat(60) + ".com";

        FieldError error = onlyError(db, () -> createWith(crm, "work_email", email));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.work_email", "too_long");
        assertThat(error.limit()).contains("128");
    }

    @DbTest
    void anEmailOf128CharactersIsAccepted(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "work_email", FieldType.EMAIL);
        String email = "a".repeat(64) + "@" + "b".repeat(59) + ".com";

        assertThat(roundTrip(crm, "work_email", email)).isEqualTo(email);
    }

    @DbTest
    void aPhoneWithoutCountryCodeIsStoredInE164ForTheKitsDefaultRegion(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "mobile", FieldType.PHONE);

        assertThat(roundTrip(crm, "mobile", "0912 345 678")).isEqualTo("+84912345678");
    }

    @DbTest
    void aPhoneWithCountryCodeIsStoredInE164(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "mobile", FieldType.PHONE);

        assertThat(roundTrip(crm, "mobile", "+1 (650) 253-0000")).isEqualTo("+16502530000");
    }

    @DbTest
    void anInvalidPhoneIsRefused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "mobile", FieldType.PHONE);

        for (String phone : List.of("12345", "call me", "+84 12")) {
            FieldError error = onlyError(db, () -> createWith(crm, "mobile", phone));

            assertThat(error).as(phone).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.mobile", "invalid");
        }
    }

    @DbTest
    void aPhoneLongerThan20CharactersIsRefused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "mobile", FieldType.PHONE);

        FieldError error = onlyError(db, () -> createWith(crm, "mobile", "+84 912 345 678 00000"));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("custom.mobile", "too_long");
    }

    @DbTest
    void aPhoneGivenAsANumberIsRefusedWithWrongType(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "mobile", FieldType.PHONE);

        FieldError error = onlyError(db, () -> createWith(crm, "mobile", 912345678L));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.mobile", "wrong_type");
        assertThat(error.message()).contains("phone number");
    }

    @DbTest
    void anHttpsUrlIsStoredAsGiven(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "homepage", FieldType.URL);

        assertThat(roundTrip(crm, "homepage", "https://example.com/a/b?c=d&e=%20f#g"))
                .isEqualTo("https://example.com/a/b?c=d&e=%20f#g");
    }

    @DbTest
    void anHttpUrlAndAUriAreAccepted(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "homepage", FieldType.URL);

        assertThat(roundTrip(crm, "homepage", "http://example.com")).isEqualTo("http://example.com");
        assertThat(roundTrip(crm, "homepage", URI.create("https://example.com/x"))).isEqualTo("https://example.com/x");
    }

    @DbTest
    void aUrlThatIsNotAnAbsoluteHttpUrlIsRefused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "homepage", FieldType.URL);

        for (String url : List.of("ftp://x", "not a url", "example.com", "/relative/path", "https://",
                "javascript:alert(1)", "mailto:lan@example.com", "file:///etc/passwd")) {
            FieldError error = onlyError(db, () -> createWith(crm, "homepage", url));

            assertThat(error).as(url).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.homepage", "invalid");
        }
    }

    @DbTest
    void aUrlOf500CharactersIsAcceptedAnd501Refused(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "homepage", FieldType.URL);
        String prefix = "https://example.com/";
        String longest = prefix + "p".repeat(500 - prefix.length());

        assertThat(roundTrip(crm, "homepage", longest)).isEqualTo(longest);
        FieldError error = onlyError(db, () -> createWith(crm, "homepage", longest + "p"));
        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.homepage", "too_long");
    }
}
