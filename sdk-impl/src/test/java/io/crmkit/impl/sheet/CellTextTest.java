package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellTextTest {

    /** Texts a spreadsheet would run as formulas if they were written as they are. */
    static List<String> hostileTexts() {
        return List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t1", "\r1",
                "=cmd|' /C calc'!A0", "+84912345678");
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void putsAnApostropheBeforeATextThatStartsLikeAFormula(String hostile) {
        assertThat(CellText.of(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Lan", "a=b", " =1", "1+1", "'quoted'", "'", "\n1", "a; =1", "a,b;c|d", "x;'y", "a;\"b"})
    void leavesOtherTextsAlone(String text) {
        assertThat(CellText.of(text)).isEqualTo(text);
    }

    @Test
    void guardsAFormulaAfterEveryDelimiterAndLineBreakToo() {
        assertThat(CellText.of("x;=cmd|'/C calc'!A0;")).isEqualTo("x;'=cmd|'/C calc'!A0;");
        assertThat(CellText.of("a,+1|-2\t@3;=4")).isEqualTo("a,'+1|'-2\t'@3;'=4");
        assertThat(CellText.of("=1;=2")).isEqualTo("'=1;'=2");
        assertThat(CellText.of("a\n=1\r\n+2")).isEqualTo("a\n'=1\r\n'+2");
        assertThat(CellText.of("\t=1")).isEqualTo("'\t'=1");
        assertThat(CellText.of("a;\"=b")).isEqualTo("a;'\"=b");
        assertThat(CellText.of("a;'=b")).isEqualTo("a;''=b");
    }

    @Test
    void unneutralizeRemovesTheApostropheBeforeAFormulaCharacter() {
        assertThat(CellText.unneutralize("'+84912345678")).isEqualTo("+84912345678");
        assertThat(CellText.unneutralize("'=1")).isEqualTo("=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'quoted'", "'", "''", "Lan", "", "=1", "+84912345678"})
    void unneutralizeLeavesTextsWithoutTheGuardAlone(String text) {
        assertThat(CellText.unneutralize(text)).isEqualTo(text);
    }

    @Test
    void unneutralizeReturnsNullForNull() {
        assertThat(CellText.unneutralize(null)).isNull();
    }

    @ParameterizedTest
    @MethodSource("roundTripTexts")
    void everyTextSurvivesNeutralizingAndUnneutralizing(String text) {
        assertThat(CellText.unneutralize(CellText.of(text))).isEqualTo(text);
    }

    static List<String> roundTripTexts() {
        List<String> texts = new ArrayList<>(hostileTexts());
        texts.addAll(List.of("'=x", "''=x", "'+1", "'", "''", "'a", "", "Lan", "a'=b", "x;=cmd|'/C calc'!A0;",
                "a;'=b", "a;''=b", "a;\"=b", "'\"=b", "\t=1", "\r=1", "\n=1", "a,,=b;", ";", "=1;", "x;'y", "a;\t\t=b"));
        return texts;
    }

    @Test
    void writesNumbersAsPlainDecimalsWithoutExponentOrGuard() {
        assertThat(CellText.of(1e20)).isEqualTo("100000000000000000000");
        assertThat(CellText.of(1e-7)).isEqualTo("0.0000001");
        assertThat(CellText.of(3.0)).isEqualTo("3");
        assertThat(CellText.of(-0.0)).isEqualTo("0");
        assertThat(CellText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CellText.of(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(CellText.of(-5L)).isEqualTo("-5");
        assertThat(CellText.of(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(CellText.of(7)).isEqualTo("7");
        assertThat(CellText.of((short) -3)).isEqualTo("-3");
    }

    @Test
    void writesANonFiniteDoubleAsGuardedText() {
        assertThat(CellText.isNumber(Double.NaN)).isFalse();
        assertThat(CellText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(CellText.of(Double.NEGATIVE_INFINITY)).isEqualTo("'-Infinity");
    }

    @Test
    void writesBooleansDatesAndInstantsInFixedFormats() {
        assertThat(CellText.of(true)).isEqualTo("TRUE");
        assertThat(CellText.of(false)).isEqualTo("FALSE");
        assertThat(CellText.of(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(CellText.of(Instant.parse("2024-03-05T10:15:30.789Z"))).isEqualTo("2024-03-05 10:15:30");
    }

    @Test
    void writesDatesAndInstantsOfEveryFourDigitYearAsTheFormatterDoes() {
        java.time.format.DateTimeFormatter dates = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_800L); // 0000-01-01 to 10000-01-01
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            java.time.LocalDateTime utc = java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
            assertThat(CellText.of(instant)).isEqualTo(dates.format(utc) + " " + String.format("%02d:%02d:%02d",
                    utc.getHour(), utc.getMinute(), utc.getSecond()));
            assertThat(CellText.of(utc.toLocalDate())).isEqualTo(dates.format(utc));
        }
        assertThat(CellText.of(LocalDate.of(0, 1, 1))).isEqualTo("0000-01-01");
        assertThat(CellText.of(LocalDate.of(999, 12, 31))).isEqualTo("0999-12-31");
        assertThat(CellText.of(Instant.parse("9999-12-31T23:59:59Z"))).isEqualTo("9999-12-31 23:59:59");
        assertThat(CellText.of(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("'+10000-01-01 00:00:00");
    }

    /** Texts of formula, separator, quote and ordinary characters: guarded exactly when a piece starts like one. */
    @Test
    void guardsARandomTextExactlyWhenAPieceStartsLikeAFormula() {
        String alphabet = "a1 =+-@\t\r\n,;|'\"";
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String written = CellText.of(text.toString());
            assertThat(written.equals(text.toString())).as("'%s' left alone", text)
                    .isEqualTo(!startsLikeFormulaAnywhere(text.toString()));
            assertThat(CellText.unneutralize(written)).isEqualTo(text.toString());
        }
    }

    /** The class comment's rule, written out: a piece starts at 0 and after each of , ; | TAB CR LF. */
    private static boolean startsLikeFormulaAnywhere(String text) {
        for (int start = 0; start < text.length(); start++) {
            if (start > 0 && ",;|\t\r\n".indexOf(text.charAt(start - 1)) < 0) {
                continue;
            }
            int i = start;
            while (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                i++;
            }
            if (i < text.length() && "=+-@\t\r".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void writesADateOutsideFourDigitYearsWithTheGuard() {
        assertThat(CellText.of(LocalDate.of(10_000, 1, 1))).isEqualTo("'+10000-01-01");
        assertThat(CellText.of(LocalDate.of(-1, 1, 1))).isEqualTo("'-0001-01-01");
    }

    @Test
    void joinsACollectionWithSemicolonsAndGuardsTheWhole() {
        assertThat(CellText.of(List.of("vip", "new"))).isEqualTo("vip; new");
        assertThat(CellText.of(Arrays.asList("a", null, 2L, LocalDate.of(2024, 1, 31))))
                .isEqualTo("a; ; 2; 2024-01-31");
        assertThat(CellText.of(List.of("+84 912 345 678", "+84 987 654 321")))
                .isEqualTo("'+84 912 345 678; +84 987 654 321");
        assertThat(CellText.of(List.of())).isEmpty();
    }

    @Test
    void writesNullAsEmptyAndOtherValuesAsTheirStringForm() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(CellText.of(null)).isEmpty();
        assertThat(CellText.of(id)).isEqualTo(id.toString());
    }
}
