package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeyTest {

    @ParameterizedTest(name = "[{0}] = [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Nguyễn Thị Lan | nguyen  thi LAN",
            "Đặng Đức | dang duc",
            "  José Müller | JOSE MULLER",
            "Łukasz Søren | lukasz soren",
            "Trần\u00A0Lan | tran lan"})
    void namesMatchIgnoringAccentsCaseAndSpaces(String one, String other) {
        assertThat(NameKey.of(one)).isEqualTo(NameKey.of(other)).isNotEmpty();
    }

    @ParameterizedTest(name = "[{0}] != [{1}]")
    @CsvSource(delimiter = '|', value = {"Lan | Lân Anh", "Tran Lan | Lan Tran", "Ann | Anna"})
    void differentNamesStayDifferent(String one, String other) {
        assertThat(NameKey.of(one)).isNotEqualTo(NameKey.of(other));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {"''", "'   '", "'\u0301'"})
    void aBlankNameHasTheEmptyKeyWhichTheRulesNeverMatch(String name) {
        assertThat(NameKey.of(name)).isEmpty();
        assertThat(NameKey.of(null)).isEmpty();
    }
}
