package io.crmkit.api.merge;

/**
 * A reason two customers may be the same person. Identities are unique per tenant, so two customers never
 * share a stored phone, email or external id; the rules look past what storage normalizes.
 */
public enum MatchRule {

    /**
     * The emails are the same after the provider's own normalization: case and surrounding spaces, and the dots
     * and {@code +tag} of providers that ignore them ({@code j.doe+shop@gmail.com} is {@code jdoe@gmail.com}).
     * Score 95.
     */
    SAME_EMAIL(95),

    /** The external ids are the same ignoring case and surrounding spaces. Score 100. */
    SAME_EXTERNAL_ID(100),

    /**
     * The same name (ignoring case, accents and spaces) and emails at the same domain whose local parts are one
     * typing mistake apart (a letter added, dropped, changed, or two neighbours swapped). Score 85.
     */
    SIMILAR_EMAIL(85),

    /**
     * The same name and phones with the same national number in different countries ({@code +84 912 345 678}
     * and {@code +1 912 345 678}): the same number typed with the wrong country code. Score 85.
     */
    SIMILAR_PHONE(85);

    private final int score;

    MatchRule(int score) {
        this.score = score;
    }

    /** @return how sure the rule is, 0 to 100, when it is the only reason */
    public int score() {
        return score;
    }
}
