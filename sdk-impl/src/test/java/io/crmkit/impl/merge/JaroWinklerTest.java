package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JaroWinklerTest {

    @ParameterizedTest(name = "[{0}] ~ [{1}] = {2}")
    @CsvSource(delimiter = '|', value = {
            "martha | marhta | 0.9611",
            "dwayne | duane | 0.84",
            "dixon | dicksonx | 0.8133",
            "jon | john | 0.9333",
            "crate | trace | 0.7333",
            "abc | xyz | 0",
            "smith | smith | 1",
            "'' | '' | 1",
            "a | '' | 0"})
    void matchesTheTextbookFigures(String a, String b, double expected) {
        assertThat(JaroWinkler.similarity(a, b)).isCloseTo(expected, within(0.0001));
    }

    @ParameterizedTest(name = "[{0}] ~ [{1}]")
    @CsvSource(delimiter = '|', value = {"martha | marhta", "nguyen | ngyuen", "ab | abc", "x | yx"})
    void isSymmetricAndWithinZeroAndOne(String a, String b) {
        double one = JaroWinkler.similarity(a, b);
        assertThat(one).isEqualTo(JaroWinkler.similarity(b, a)).isBetween(0.0, 1.0);
    }
}
