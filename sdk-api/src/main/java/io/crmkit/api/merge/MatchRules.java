package io.crmkit.api.merge;

import io.crmkit.api.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which {@link MatchRule}s find duplicates, and the least score a candidate needs.
 *
 * <p>A pair's score: the person rules that matched ({@link MatchRule#person()}) count as one piece of evidence whose
 * score is the sum of theirs, at most 100; each identity rule that matched is a piece of evidence with its own
 * score. The pair's score is the best score of its pieces of evidence, plus 5 for each further piece, at most 100.
 * With identity rules only, that is the best score of the reasons plus 5 for each further reason. Examples: a
 * similar name and the same birthday, 50 + 30 = 80; the same email (95) and a similar name with the same birthday
 * (80), 95 + 5 = 100; a similar name alone, 50, below the default threshold.
 *
 * @param rules     the rules that apply; at least one
 * @param threshold the least score a candidate needs, 1 to 100
 */
public record MatchRules(Set<MatchRule> rules, int threshold) {

    /** The threshold of {@link #defaults()}. */
    public static final int DEFAULT_THRESHOLD = 80;

    /**
     * Copies the rules.
     *
     * @param rules     the rules that apply; at least one; neither the set nor a rule may be null
     * @param threshold the least score a candidate needs, 1 to 100
     * @throws ValidationException on field {@code rules} (code {@code required}) when it is null, empty or holds a
     *                             null ({@code rules[index]}), or on field {@code threshold} (code
     *                             {@code out_of_range}) outside 1 to 100
     */
    public MatchRules {
        ValidationException.requireNonNull(rules, "rules");
        if (rules.isEmpty()) {
            throw ValidationException.of("rules", "required", "rules: name at least one match rule");
        }
        if (threshold < 1 || threshold > 100) {
            throw ValidationException.of("threshold", "out_of_range", "threshold: must be 1 to 100, got " + threshold);
        }
        rules = Set.copyOf(EnumSet.copyOf(ValidationException.requireNoNulls(rules, "rules")));
    }

    /**
     * The identity rules only, as before the person rules existed: a search with them reads identities and names,
     * and finds the same pairs with the same scores in every release.
     *
     * @return {@code SAME_EMAIL}, {@code SAME_EXTERNAL_ID}, {@code SIMILAR_EMAIL} and {@code SIMILAR_PHONE},
     *         threshold {@value #DEFAULT_THRESHOLD}
     */
    public static MatchRules defaults() {
        return new MatchRules(EnumSet.of(MatchRule.SAME_EMAIL, MatchRule.SAME_EXTERNAL_ID, MatchRule.SIMILAR_EMAIL,
                MatchRule.SIMILAR_PHONE), DEFAULT_THRESHOLD);
    }

    /**
     * Every rule, the identity rules and the person rules, which also find the same person typed twice without a
     * shared phone, email or external id (a similar name with the same birthday or a similar address, say). The
     * person rules read every named customer of the tenant, in several passes on a large tenant (see
     * {@link MergeService#findDuplicates}), so a search with them takes longer than with {@link #defaults()}.
     *
     * @return every {@link MatchRule}, threshold {@value #DEFAULT_THRESHOLD}
     */
    public static MatchRules all() {
        return new MatchRules(EnumSet.allOf(MatchRule.class), DEFAULT_THRESHOLD);
    }

    /**
     * @param first a rule that applies; not null
     * @param more  further rules that apply; repeats count once; none null
     * @return these rules only, threshold {@value #DEFAULT_THRESHOLD}
     * @throws ValidationException code {@code required} on field {@code rules[index]} for a null rule ({@code first}
     *                             being {@code rules[0]}), on {@code rules} when {@code more} is null
     */
    public static MatchRules of(MatchRule first, MatchRule... more) {
        List<MatchRule> rules = new ArrayList<>();
        rules.add(first);
        rules.addAll(Arrays.asList(ValidationException.requireNonNull(more, "rules")));
        return new MatchRules(EnumSet.copyOf(ValidationException.requireNoNulls(rules, "rules")), DEFAULT_THRESHOLD);
    }

    /**
     * @param threshold the least score a candidate needs, 1 to 100
     * @return the same rules with another threshold
     * @throws ValidationException on field {@code threshold}, code {@code out_of_range}, outside 1 to 100
     */
    public MatchRules withThreshold(int threshold) {
        return new MatchRules(rules, threshold);
    }
}
