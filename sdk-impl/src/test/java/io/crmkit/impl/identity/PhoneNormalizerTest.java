package io.crmkit.impl.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    private final PhoneNormalizer vietnam = new PhoneNormalizer("VN");

    @ParameterizedTest
    @CsvSource({
            "+84 912 345 678, +84912345678",
            "0912 345 678, +84912345678",
            "0912-345-678, +84912345678",
            "(091) 234 5678, +84912345678",
            "0084912345678, +84912345678",
            "+1 (650) 253-0000, +16502530000",
            "+49 30 901820, +4930901820"})
    void writesCommonNotationsInE164(String typed, String e164) {
        assertThat(vietnam.normalize(typed)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "+84 123", "0000", "+999 1234567"})
    void rejectsWhatIsNotAValidNumber(String typed) {
        assertThatThrownBy(() -> vietnam.normalize(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + typed + "'");
    }

    @Test
    void withoutADefaultRegionANationalNumberIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new PhoneNormalizer(null).normalize("0912 345 678"))
                .hasMessage("'0912 345 678' has no country code (such as +84) and the kit has no default phone region");
        assertThat(new PhoneNormalizer(null).normalize("+84912345678")).isEqualTo("+84912345678");
    }

    @Test
    void aLookUpOfSomethingThatIsNotANumberFindsNothing() {
        assertThat(vietnam.tryNormalize("  0912345678 ")).contains("+84912345678");
        assertThat(vietnam.tryNormalize("hello")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"VN, 0912, +84912", "VN, 0, +84", "VN, 912, ", "US, 1415, +1415", "US, 415, "})
    void readsTheStartOfANumberTypedInNationalNotation(String region, String digits, String start) {
        assertThat(new PhoneNormalizer(region).nationalStart(digits)).isEqualTo(Optional.ofNullable(start));
    }

    @Test
    void withoutADefaultRegionNothingIsNationalNotation() {
        assertThat(new PhoneNormalizer(null).nationalStart("0912")).isEmpty();
    }
}
