package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthdaysTest {

    private static int of(String date) {
        return date == null ? Birthdays.NONE : Birthdays.of(LocalDate.parse(date));
    }

    @ParameterizedTest(name = "[{0}] ~ [{1}]")
    @CsvSource(delimiter = '|', value = {
            "1985-03-12 | 1985-03-13",
            "1985-03-12 | 1986-03-12",
            "1985-03-12 | 1958-03-12",
            "1985-03-12 | 1985-12-03",
            "1985-03-12 | 1985-03-21",
            "2001-10-01 | 2001-01-10"})
    void oneMistakeApartIsSimilar(String a, String b) {
        assertThat(Birthdays.similar(of(a), of(b))).isTrue();
        assertThat(Birthdays.similar(of(b), of(a))).isTrue();
        assertThat(Birthdays.same(of(a), of(b))).isFalse();
    }

    @ParameterizedTest(name = "[{0}] !~ [{1}]")
    @CsvSource(delimiter = '|', value = {
            "1985-03-12 | 1985-03-12",
            "1985-03-12 | 1985-04-13",
            "1985-03-12 | 1975-03-22",
            "1985-03-12 | 1995-12-03",
            "1985-03-12 | ",
            " | "})
    void otherBirthdaysAreNotSimilar(String a, String b) {
        assertThat(Birthdays.similar(of(a), of(b))).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {"1985-03-12", "2000-02-29"})
    void aKnownBirthdayIsTheSameAsItselfButNoneIsNever(String date) {
        assertThat(Birthdays.same(of(date), of(date))).isTrue();
        assertThat(Birthdays.same(Birthdays.NONE, Birthdays.NONE)).isFalse();
        assertThat(Birthdays.text(of(date))).isEqualTo(date);
    }
}
