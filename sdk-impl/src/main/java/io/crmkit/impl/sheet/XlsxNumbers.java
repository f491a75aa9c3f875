package io.crmkit.impl.sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Writes the numbers of .xlsx and .xls cells as text a user recognizes: plain decimals, and ISO dates for date
 * cells.
 */
final class XlsxNumbers {

    /** Excel keeps and shows 15 significant digits; the 16th and 17th of a stored double are noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    /** The serial number of 10000-01-01, one past the last date Excel shows. */
    private static final double END_OF_DATES = 2_958_466;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private XlsxNumbers() {
    }

    /**
     * @param raw a number as .xlsx stores it, such as "8.4912345678E10" or "12.50"
     * @return it as a plain decimal with at most 15 significant digits, no exponent, no grouping and no trailing
     *         zeros ("84912345678", "12.5", "3"); text that is not a finite number as it is
     */
    static String number(String raw) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        return Double.isFinite(value) ? number(value) : raw;
    }

    /**
     * @param value a number, such as an .xls cell holds
     * @return it as {@link #number(String)} writes it: "84912345678", "12.5", "3"; "NaN" or "Infinity" for a value
     *         that is not finite (no real workbook holds one)
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    /**
     * @param raw      a date serial number as .xlsx stores it (days since 1900 or 1904, the fraction the time)
     * @param date1904 whether the workbook counts from 1904
     * @return "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss" when it has a time of day, "HH:mm:ss" for a time alone (a serial
     *         below 1), rounded to the second; a number outside Excel's dates (before 1900 or after 9999) as
     *         {@link #number(String)} writes it
     */
    static String date(String raw, boolean date1904) {
        double serial;
        try {
            serial = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        if (!(serial >= 0 && serial < END_OF_DATES)) {
            return number(raw);
        }
        return date(serial, date1904);
    }

    /**
     * @param serial   a date serial number as an .xls cell holds it
     * @param date1904 whether the workbook counts from 1904
     * @return it as {@link #date(String, boolean)} writes it
     */
    static String date(double serial, boolean date1904) {
        if (!(serial >= 0 && serial < END_OF_DATES)) {
            return number(serial);
        }
        LocalDateTime moment = DateUtil.getLocalDateTime(serial, date1904, true);
        if (serial < 1) {
            return moment.toLocalTime().format(TIME);
        }
        return moment.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? moment.toLocalDate().toString()
                : moment.format(DATE_TIME);
    }
}
