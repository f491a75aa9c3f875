package io.crmkit.api.merge;

/**
 * A reason two customers may be the same person.
 *
 * <p>The <em>identity rules</em> ({@link #SAME_EMAIL}, {@link #SAME_EXTERNAL_ID}, {@link #SIMILAR_EMAIL},
 * {@link #SIMILAR_PHONE}) look at phones, emails and external ids. Identities are unique per tenant, so two customers
 * never share a stored phone, email or external id; the rules look past what storage normalizes. Each of them is
 * strong evidence on its own.
 *
 * <p>The <em>person rules</em> ({@link #SIMILAR_NAME}, {@link #SAME_BIRTHDAY}, {@link #SIMILAR_BIRTHDAY},
 * {@link #SIMILAR_ADDRESS}, {@link #SIMILAR_COMPANY}, {@link #person()} true) find the same person typed twice
 * without a shared identity. Each is weak evidence alone (many people share a name or a birthday), so their scores
 * add up (see {@link MatchRules}): a similar name with the same birthday (50 + 30) or with a similar address
 * (50 + 30) reaches the default threshold 80; a similar name alone (50), a birthday alone (30), or a similar name
 * with a similar birthday (65) or the same company (70) does not. Names, addresses and companies are compared
 * without case, accents ({@code Nguyễn} is {@code nguyen}) and punctuation, and the reasons' details show them so.
 * The person rules compare only customers that share a blocking key (so that a search never compares every pair):
 * the sound of one word of their names (a key that typos and misreadings of a word mostly keep) together with the
 * birthday (day and month in either order) or with the numbers of the address. Two customers whose birthdays differ
 * by a digit and who have no address numbers in common are therefore not compared; customers without a name never
 * match by these rules.
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
    SIMILAR_PHONE(85),

    /**
     * Names alike as a person would read them: in any word order ({@code Smith John}), with a word typed wrong or
     * misread ({@code Jon}, {@code Srnith}), a given name shortened to its initial ({@code J. Smith}) or left out
     * ({@code Smith} and {@code John Smith}). Every word of the shorter name must pair with its own word of the
     * other: equal, an initial of it, or close (Jaro-Winkler similarity at least 0.85 on words of two letters or
     * more, or one letter added, dropped, changed or swapped with its neighbour on words of three or more); the mean of the words' similarities (equal 1.0, initial 0.9) must reach 0.88. Two close words pair
     * only when one may be a typing mistake of the other: in the tenant's names the rarer spelling occurs at most
     * twice, or at least ten times less often than the other ({@code Jhon} beside {@code John}; not {@code Mary}
     * beside {@code Mark}, both common). An initial stands for a word only when the longer name has no whole word
     * left over ({@code Julie C. Brown} is not {@code Charles Brown}). A person rule, score 50.
     */
    SIMILAR_NAME(50, true),

    /** The same birthday. A person rule, score 30. */
    SAME_BIRTHDAY(30, true),

    /**
     * Birthdays one mistake apart: one digit of {@code yyyymmdd} different, two neighbouring digits swapped
     * ({@code 1985} and {@code 1958}), or day and month swapped ({@code 1985-03-12} and {@code 1985-12-03}).
     * A person rule, score 15.
     */
    SIMILAR_BIRTHDAY(15, true),

    /**
     * Addresses alike: the same numbers in the detail line (house, building), and the words of street, area, city
     * and province (common
     * abbreviations such as {@code St} for {@code Street} expanded) paired equal or close (Jaro-Winkler at least
     * 0.9) for at least 80% of them (Dice coefficient). Both customers need an address detail; the country is not
     * compared. A person rule, score 30.
     */
    SIMILAR_ADDRESS(30, true),

    /**
     * Companies alike once legal forms ({@code Ltd}, {@code Inc.}, {@code GmbH}, {@code JSC}, {@code Công ty
     * TNHH}...) are left out: the same words in any order, or Jaro-Winkler similarity at least 0.92. A person rule,
     * score 20.
     */
    SIMILAR_COMPANY(20, true);

    private final int score;
    private final boolean person;

    MatchRule(int score) {
        this(score, false);
    }

    MatchRule(int score, boolean person) {
        this.score = score;
        this.person = person;
    }

    /** @return whether this is a person rule, whose score adds up with the other person rules' (see {@link MatchRules}) */
    public boolean person() {
        return person;
    }

    /** @return how sure the rule is, 0 to 100, when it is the only reason */
    public int score() {
        return score;
    }
}
