package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.filter.Operator;
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

    @ParameterizedTest(name = "{0} ''{1}'' is like {3}")
    @CsvSource(delimiter = '|', value = {
            "CONTAINS    | +84 90-123 | true  | +8490123%",
            "STARTS_WITH | +84 90-123 | true  | +8490123%",
            "CONTAINS    | 345 678    | false | %345678%",
            "CONTAINS    | 0912 345   | false | %0912345% ; +84912345%",
            "STARTS_WITH | 0912 345   | false | +84912345%",
            "STARTS_WITH | 84 912     | false | +84912%",
            "STARTS_WITH | 0          | false | +84%"})
    void findsAPartOfAPhoneInItsStoredE164Form(String operator, String typed, boolean international,
                                               String patterns) {
        String digits = typed.replaceAll("\\D", "");
        assertThat(compared.phonePart(Operator.valueOf(operator), international, digits).patterns())
                .containsExactly(patterns.split(" ; "));
    }

    @ParameterizedTest
    @CsvSource({"CONTAINS, 0912, %0912%", "STARTS_WITH, 0912, +0912%"})
    void readsNoNationalNotationWithoutADefaultRegion(String operator, String digits, String pattern) {
        assertThat(new ComparedValues(new PhoneNormalizer(null)).phonePart(Operator.valueOf(operator), false, digits)
                .patterns()).containsExactly(pattern);
    }

    @ParameterizedTest
    @CsvSource({"CONTAINS, lan_1%, %lan!_1!%%", "STARTS_WITH, lan!, lan!!%"})
    void findsAPartOfAnEmailWithItsWildcardsEscaped(String operator, String part, String pattern) {
        assertThat(ComparedValues.emailPart(Operator.valueOf(operator), part).patterns()).containsExactly(pattern);
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
