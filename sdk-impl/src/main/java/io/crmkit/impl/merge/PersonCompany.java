package io.crmkit.impl.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A company name as {@code SIMILAR_COMPANY} compares it: the folded words ({@link Folding}), sorted, with legal
 * forms and their filler left out ({@code ltd}, {@code inc}, {@code gmbh}, {@code jsc}, {@code cong ty tnhh}...).
 */
final class PersonCompany {

    /** Least Jaro-Winkler similarity of the names' sorted words. */
    static final double COMPANY_SIMILARITY = 0.92;

    private static final Set<String> LEGAL = Set.of("ltd", "limited", "llc", "inc", "incorporated", "co", "corp",
            "corporation", "company", "plc", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "jsc", "tnhh", "cong", "ty",
            "cp", "mtv", "group", "the", "and");

    private PersonCompany() {
    }

    /** @return the words joined by one space, sorted; "" for none */
    static String of(String company) {
        List<String> words = new ArrayList<>(4);
        for (String word : Folding.words(company)) {
            if (!LEGAL.contains(word)) {
                words.add(word);
            }
        }
        String[] sorted = words.toArray(new String[0]);
        Arrays.sort(sorted);
        return String.join(" ", sorted);
    }

    /** @return the similarity of two companies from {@link #of}, 0 when either is empty */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return JaroWinkler.similarity(a, b);
    }
}
