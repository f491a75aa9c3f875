package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonMatcherTest {

    private static final Set<MatchRule> ALL = EnumSet.allOf(MatchRule.class);

    private static PersonRecord person(long id, String name, String birthday) {
        return PersonRecord.of(id, PersonName.words(name), Birthdays.of(LocalDate.parse(birthday)), "", "", "", "",
                "");
    }

    @Test
    void keepsOnlyPairsWhosePersonScoreReachesTheThreshold() {
        CandidatePairs pairs = new CandidatePairs();
        PersonMatcher matcher = new PersonMatcher(ALL, 80, pairs, NameFrequencies.NONE);

        matcher.compare(person(1, "Jon Smith", "1985-03-12"), person(2, "John Smith", "1985-03-12"));
        matcher.compare(person(3, "Mary Jones", "1985-03-12"), person(4, "John Smith", "1985-03-12"));
        matcher.compare(person(5, "Jon Smith", "1985-03-12"), person(6, "John Smith", "1985-04-13"));

        assertThat(pairs.candidates(MatchRules.all())).singleElement()
                .satisfies(pair -> assertThat(pair.customerId()).isEqualTo(1));
    }

    @Test
    void tooManyPairsForTheHeapIsALimitNotAnOutOfMemoryError() {
        PersonMatcher matcher = new PersonMatcher(ALL, 30, new CandidatePairs(), NameFrequencies.NONE, 2);
        matcher.compare(person(1, "A Smith", "1985-03-12"), person(2, "B Jones", "1985-03-12"));
        matcher.compare(person(3, "C Smith", "1985-03-12"), person(4, "D Jones", "1985-03-12"));

        assertThatThrownBy(() -> matcher.compare(person(5, "E Smith", "1985-03-12"),
                person(6, "F Jones", "1985-03-12")))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 2 candidate pairs")
                .hasMessageContaining("raise the threshold");
        assertThat(PersonMatcher.maxPairs(256L << 20)).isEqualTo((256 << 20) / 4 / 400);
        assertThat(PersonMatcher.maxPairs(1)).isEqualTo(PersonMatcher.MIN_PAIRS);
    }
}
