package io.crmkit.impl.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "j.doe+shop@gmail.com | jdoe@gmail.com",
            "'  J.Doe@GoogleMail.com ' | jdoe@gmail.com",
            "j.d.o.e@gmail.com | jdoe@gmail.com",
            "jdoe+a+b@gmail.com | jdoe@gmail.com",
            "lan+news@outlook.com | lan@outlook.com",
            "lan+x@hotmail.com | lan@hotmail.com",
            "lan+x@icloud.com | lan@icloud.com",
            "lan+x@proton.me | lan@proton.me",
            "lan+x@fastmail.com | lan@fastmail.com"})
    void providersThatIgnoreDotsOrTagsShareAKey(String email, String key) {
        assertThat(MatchKeys.email(email)).isEqualTo(key);
        assertThat(MatchKeys.of("email", email)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "j.doe@outlook.com | j.doe@outlook.com",
            "j.doe+shop@example.com | j.doe+shop@example.com",
            "lan-shop@yahoo.com | lan-shop@yahoo.com",
            "lan+shop@yahoo.com | lan+shop@yahoo.com",
            "j.doe@gmail.com.evil.org | j.doe@gmail.com.evil.org",
            "j.doe@mail.gmail.com | j.doe@mail.gmail.com"})
    void otherDomainsKeepDotsAndTags(String email, String key) {
        assertThat(MatchKeys.email(email)).isEqualTo(key);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "+shop@gmail.com | +shop@gmail.com",
            "...@gmail.com | ...@gmail.com",
            "'' | ''",
            "'   ' | ''",
            "@gmail.com | @gmail.com",
            "lan@ | lan@",
            "no-at-sign | no-at-sign",
            "a@b@gmail.com | a@b@gmail.com"})
    void hostileOrIncompleteEmailsNeverFailAndNeverBecomeEmpty(String email, String key) {
        assertThat(MatchKeys.email(email)).isEqualTo(key);
    }

    @Test
    void controlCharactersAndNonLatinTextAreKeptNotInterpreted() {
        assertThat(MatchKeys.email("x.y\u0000z@gmail.com")).isEqualTo("xy\u0000z@gmail.com");
        assertThat(MatchKeys.email("Lan'; DROP TABLE x;--@Gmail.com")).isEqualTo("lan'; drop table x;--@gmail.com");
        assertThat(MatchKeys.email("NGUYỄN@outlook.com")).isEqualTo("nguyễn@outlook.com");
    }

    @Test
    void aPartThatWouldBecomeEmptyKeepsItsOwnKeySoSuchAddressesDoNotAllMatch() {
        assertThat(MatchKeys.email("+a@gmail.com")).isNotEqualTo(MatchKeys.email("+b@gmail.com"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+84912345678 | 912345678",
            "+1912345678 | 912345678",
            "+442079460958 | 2079460958",
            "+390612345678 | 0612345678"})
    void phonesKeyOnTheNationalNumberSoCountryCodesDoNotMatter(String phone, String key) {
        assertThat(MatchKeys.phone(phone)).isEqualTo(key);
        assertThat(MatchKeys.of("phone", phone)).isEqualTo(key);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {"0912345678", "+", "+abc", "''", "+99999999999999999999999"})
    void aPhoneThatIsNotE164IsItsOwnKey(String phone) {
        assertThat(MatchKeys.phone(phone)).isEqualTo(phone);
    }

    @Test
    void externalIdsIgnoreCaseAndSurroundingSpaces() {
        assertThat(MatchKeys.of("external_id", "  ERP-00A7 ")).isEqualTo("erp-00a7");
        assertThat(MatchKeys.of("external_id", "İd")).hasSizeLessThanOrEqualTo(2 * "İd".length());
    }

    @Test
    void otherTypesKeepTheirValue() {
        assertThat(MatchKeys.of("wechat_openid", " OpenId ")).isEqualTo(" OpenId ");
        assertThat(MatchKeys.of("channel:zalo", "Lan.Tran+1@Gmail.com")).isEqualTo("Lan.Tran+1@Gmail.com");
    }
}
