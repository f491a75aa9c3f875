package io.crmkit.impl.merge;

import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.MatchReason;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reasons found so far for each pair of customers, one per rule (a rule seen twice for a pair keeps the
 * detail that sorts first, so the result does not depend on the order rows arrive), and the candidates they make.
 * Memory grows with the pairs. Not thread-safe.
 */
final class CandidatePairs {

    /** Best score first, then smaller ids. */
    static final Comparator<DuplicateCandidate> ORDER = Comparator.comparingInt(DuplicateCandidate::score).reversed()
            .thenComparingLong(DuplicateCandidate::customerId).thenComparingLong(DuplicateCandidate::otherId);

    private static final int EXTRA_REASON_SCORE = 5;

    private final Map<Pair, EnumMap<MatchRule, String>> reasons = new HashMap<>();

    private record Pair(long low, long high) {

        /** Mixed: the record's own 31 * low + high collides for neighbouring ids, and HashMap then degrades. */
        @Override
        public int hashCode() {
            long mixed = (low * 0x9E3779B97F4A7C15L) ^ high;
            mixed *= 0xBF58476D1CE4E5B9L;
            return (int) (mixed ^ (mixed >>> 31));
        }
    }

    /** Records that {@code rule} matches two different customers, with what matched. */
    void add(long one, long other, MatchRule rule, String detail) {
        if (one == other) {
            return;
        }
        Pair pair = new Pair(Math.min(one, other), Math.max(one, other));
        reasons.computeIfAbsent(pair, key -> new EnumMap<>(MatchRule.class))
                .merge(rule, detail, (kept, offered) -> kept.compareTo(offered) <= 0 ? kept : offered);
    }

    /** @return how many pairs have a reason */
    int size() {
        return reasons.size();
    }

    /** @return whether some rule already matched the two customers */
    boolean contains(long one, long other) {
        return reasons.containsKey(new Pair(Math.min(one, other), Math.max(one, other)));
    }

    /** @return the pairs whose score reaches the threshold, best first */
    List<DuplicateCandidate> candidates(MatchRules rules) {
        List<DuplicateCandidate> candidates = new ArrayList<>();
        for (Map.Entry<Pair, EnumMap<MatchRule, String>> entry : reasons.entrySet()) {
            List<MatchReason> found = new ArrayList<>(entry.getValue().size());
            entry.getValue().forEach((rule, detail) -> found.add(new MatchReason(rule, detail)));
            found.sort(Comparator.comparingInt((MatchReason reason) -> reason.rule().score()).reversed()
                    .thenComparing(MatchReason::rule));
            int score = score(found);
            if (score >= rules.threshold()) {
                candidates.add(new DuplicateCandidate(entry.getKey().low(), entry.getKey().high(), score, found));
            }
        }
        candidates.sort(ORDER);
        return candidates;
    }

    /**
     * @return the best score of the pieces of evidence plus 5 for each further one, at most 100: each identity
     *         reason is a piece with its rule's score, the person reasons together one piece with the sum of theirs
     *         (at most 100)
     */
    static int score(List<MatchReason> reasons) {
        int best = 0;
        int pieces = 0;
        int person = 0;
        for (MatchReason reason : reasons) {
            if (reason.rule().person()) {
                person += reason.rule().score();
            } else {
                best = Math.max(best, reason.rule().score());
                pieces++;
            }
        }
        if (person > 0) {
            best = Math.max(best, Math.min(100, person));
            pieces++;
        }
        return Math.min(100, best + EXTRA_REASON_SCORE * Math.max(0, pieces - 1));
    }
}
