package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.identity.PhoneNormalizer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ComparedValuesTest {

    private final ComparedValues compared = new ComparedValues(new PhoneNormalizer("VN"));

    @ParameterizedTest
    @CsvSource({
            "phones, 0912 345 678, +84912345678",
            "phones, +84 912-345-678, +84912345678",
            "phones, not a phone, not a phone",
            "custom.workPhone, 0912345678, +84912345678",
            "emails, ' Lan@Example.VN ', lan@example.vn",
            "custom.backupEmail, LAN@X.VN, lan@x.vn",
            "name, ' Lan ', ' Lan '",
            "externalId, AbC, AbC"})
    void writesTextAsItIsStored(String key, String value, String stored) {
        assertThat(compared.asStored(FilterTestFields.field(key), value)).isEqualTo(stored);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("orderCount", 3L, BigDecimal.valueOf(3)),
                Arguments.of("custom.score", 3L, BigDecimal.valueOf(3)),
                Arguments.of("custom.score", new BigDecimal("2.5"), new BigDecimal("2.5")),
                Arguments.of("custom.vip", Boolean.TRUE, Boolean.TRUE));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void comparesWholeNumbersOfDecimalColumnsAsDecimals(String key, Object value, Object stored) {
        assertThat(compared.asStored(FilterTestFields.field(key), value)).isEqualTo(stored);
    }

    static Stream<Arguments> wholeNumbers() {
        return Stream.of(
                Arguments.of(7L, 7L),
                Arguments.of(7, 7L),
                Arguments.of((short) 7, 7L),
                Arguments.of((byte) 7, 7L),
                Arguments.of(new BigDecimal("7.000"), 7L),
                Arguments.of(new BigDecimal("-9223372036854775808"), Long.MIN_VALUE),
                Arguments.of(7.0d, 7L));
    }

    @ParameterizedTest
    @MethodSource("wholeNumbers")
    void takesAWholeNumberAsALong(Number value, long whole) {
        assertThat(ComparedValues.wholeNumber(value)).contains(whole);
    }

    static Stream<Number> notWholeNumbers() {
        return Stream.of(new BigDecimal("7.5"), new BigDecimal("9223372036854775808"),
                new BigInteger("99999999999999999999"), 7.25d, Double.NaN, Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @MethodSource("notWholeNumbers")
    void findsNoWholeNumberInAFractionOrOneTooLarge(Number value) {
        assertThat(ComparedValues.wholeNumber(value)).isEmpty();
    }
}
