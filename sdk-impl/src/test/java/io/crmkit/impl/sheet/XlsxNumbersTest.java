package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XlsxNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "84912345678, 84912345678",
            "8.4912345678E10, 84912345678",
            "12.50, 12.5",
            "3.0, 3",
            "-0, 0",
            "0.30000000000000004, 0.3",
            "1.2345E-5, 0.000012345",
            "1E20, 100000000000000000000",
            "1234567890123456789, 1234567890123460000",
            "1E-400, 0",
            "1E400, 1E400",
            "abc, abc"})
    void writesNumbersAsPlainDecimalsWithExcelsFifteenDigits(String stored, String shown) {
        assertThat(XlsxNumbers.number(stored)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
            "1, false, 1900-01-01",
            "45000, false, 2023-03-15",
            "45000, true, 2027-03-16",
            "45000.75, false, 2023-03-15T18:00:00",
            "45000.999999999, false, 2023-03-16",
            "0.5, false, 12:00:00",
            "2958465, false, 9999-12-31",
            "2958466, false, 2958466",
            "-1, false, -1",
            "x, false, x"})
    void writesDateSerialsAsIsoDatesTimesOrDateTimes(String serial, boolean date1904, String shown) {
        assertThat(XlsxNumbers.date(serial, date1904)).isEqualTo(shown);
    }
}
