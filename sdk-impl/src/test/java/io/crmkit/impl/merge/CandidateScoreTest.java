package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.merge.MatchReason;
import io.crmkit.api.merge.MatchRule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateScoreTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "SIMILAR_NAME | 50",
            "SAME_BIRTHDAY | 30",
            "SIMILAR_NAME SAME_BIRTHDAY | 80",
            "SIMILAR_NAME SIMILAR_ADDRESS | 80",
            "SIMILAR_NAME SIMILAR_BIRTHDAY | 65",
            "SIMILAR_NAME SIMILAR_COMPANY | 70",
            "SIMILAR_NAME SIMILAR_BIRTHDAY SIMILAR_COMPANY | 85",
            "SIMILAR_NAME SAME_BIRTHDAY SIMILAR_ADDRESS SIMILAR_COMPANY | 100",
            "SAME_EMAIL | 95",
            "SAME_EMAIL SIMILAR_PHONE | 100",
            "SIMILAR_EMAIL SIMILAR_PHONE | 90",
            "SIMILAR_EMAIL SIMILAR_NAME | 90",
            "SIMILAR_PHONE SIMILAR_NAME SAME_BIRTHDAY | 90",
            "SAME_EMAIL SIMILAR_NAME SAME_BIRTHDAY | 100"})
    void personReasonsAddUpIntoOnePieceOfEvidence(String rules, int score) {
        List<MatchReason> reasons = Arrays.stream(rules.split(" "))
                .map(rule -> new MatchReason(MatchRule.valueOf(rule), "")).toList();

        assertThat(CandidatePairs.score(reasons)).isEqualTo(score);
    }
}
