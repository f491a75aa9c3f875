package io.crmkit.impl.merge;

import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.merge.MatchRule;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Set;

/**
 * Compares two customers by the chosen person rules and records the reasons of a pair whose person score (the sum
 * of the person rules' scores, see {@code MatchRules}) reaches the threshold, or of a pair that identity rules
 * already found. Cheap checks come first: a pair that can no longer reach the threshold stops early. The pairs kept
 * are bounded by the heap ({@link #maxPairs}). Not thread-safe (it shares the pairs).
 */
final class PersonMatcher {

    static final int MIN_PAIRS = 10_000;
    static final long BYTES_PER_PAIR = 400;

    private final Set<MatchRule> chosen;
    private final int threshold;
    private final CandidatePairs pairs;
    private final NameFrequencies frequencies;
    private final int maxPairs;

    PersonMatcher(Set<MatchRule> chosen, int threshold, CandidatePairs pairs, NameFrequencies frequencies) {
        this(chosen, threshold, pairs, frequencies, maxPairs(Runtime.getRuntime().maxMemory()));
    }

    PersonMatcher(Set<MatchRule> chosen, int threshold, CandidatePairs pairs, NameFrequencies frequencies,
                  int maxPairs) {
        this.chosen = chosen;
        this.threshold = threshold;
        this.pairs = pairs;
        this.frequencies = frequencies;
        this.maxPairs = maxPairs;
    }

    /**
     * @return the most pairs a search keeps: a quarter of the heap at {@value #BYTES_PER_PAIR} bytes a pair, at least
     *         {@value #MIN_PAIRS}; a low threshold with person rules could otherwise keep every compared pair
     */
    static int maxPairs(long heapBytes) {
        return (int) Math.max(MIN_PAIRS, Math.min(Integer.MAX_VALUE, heapBytes / 4 / BYTES_PER_PAIR));
    }

    static boolean anyPersonRule(Set<MatchRule> rules) {
        return rules.stream().anyMatch(MatchRule::person);
    }

    void compare(PersonRecord a, PersonRecord b) {
        if (a.id() == b.id()) {
            return;
        }
        PersonRecord low = a.id() < b.id() ? a : b;
        PersonRecord high = low == a ? b : a;
        boolean known = pairs.contains(low.id(), high.id());
        EnumMap<MatchRule, String> found = new EnumMap<>(MatchRule.class);
        int score = 0;
        if (chosen.contains(MatchRule.SAME_BIRTHDAY) && Birthdays.same(low.birthday(), high.birthday())) {
            found.put(MatchRule.SAME_BIRTHDAY, "birthday " + Birthdays.text(low.birthday()));
            score += MatchRule.SAME_BIRTHDAY.score();
        } else if (chosen.contains(MatchRule.SIMILAR_BIRTHDAY) && Birthdays.similar(low.birthday(), high.birthday())) {
            found.put(MatchRule.SIMILAR_BIRTHDAY, "birthdays " + Birthdays.text(low.birthday()) + " and "
                    + Birthdays.text(high.birthday()));
            score += MatchRule.SIMILAR_BIRTHDAY.score();
        }
        int still = MatchRule.SIMILAR_ADDRESS.score() + MatchRule.SIMILAR_COMPANY.score();
        if (chosen.contains(MatchRule.SIMILAR_NAME)) {
            double similarity = PersonName.similarity(low.name(), high.name(), frequencies);
            if (PersonName.similar(similarity)) {
                found.put(MatchRule.SIMILAR_NAME, "names '" + low.nameText() + "' and '" + high.nameText() + "' ("
                        + two(similarity) + ")");
                score += MatchRule.SIMILAR_NAME.score();
            }
        }
        if (!known && score + still < threshold) {
            return;
        }
        if (chosen.contains(MatchRule.SIMILAR_ADDRESS)) {
            double similarity = low.addressText().isEmpty() || high.addressText().isEmpty() ? 0
                    : low.address().similarity(high.address());
            if (similarity >= PersonAddress.ADDRESS_SIMILARITY) {
                found.put(MatchRule.SIMILAR_ADDRESS, "addresses '" + low.addressText() + "' and '"
                        + high.addressText() + "' (" + two(similarity) + ")");
                score += MatchRule.SIMILAR_ADDRESS.score();
            }
        }
        if (chosen.contains(MatchRule.SIMILAR_COMPANY)) {
            double similarity = PersonCompany.similarity(low.company(), high.company());
            if (similarity >= PersonCompany.COMPANY_SIMILARITY) {
                found.put(MatchRule.SIMILAR_COMPANY, "companies '" + low.company() + "' and '" + high.company()
                        + "' (" + two(similarity) + ")");
                score += MatchRule.SIMILAR_COMPANY.score();
            }
        }
        if (found.isEmpty() || (!known && score < threshold)) {
            return;
        }
        if (!known && pairs.size() >= maxPairs) {
            throw new LimitExceededException("findDuplicates: more than " + maxPairs + " candidate pairs reach the"
                    + " threshold " + threshold + " with the person rules; raise the threshold or choose fewer rules",
                    maxPairs, pairs.size() + 1L);
        }
        found.forEach((rule, detail) -> pairs.add(low.id(), high.id(), rule, detail));
    }

    private static String two(double similarity) {
        return String.format(Locale.ROOT, "%.2f", similarity);
    }
}
