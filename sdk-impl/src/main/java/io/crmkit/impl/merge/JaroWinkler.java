package io.crmkit.impl.merge;

/**
 * Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal): the Jaro similarity (characters in common
 * within half the longer length, and how many of them are out of order), raised for a common prefix of up to four
 * characters by 0.1 per character. Record linkage uses it for names because typing mistakes rarely hit the first
 * letters.
 */
final class JaroWinkler {

    private static final int MAX_PREFIX = 4;
    private static final double PREFIX_SCALE = 0.1;

    private JaroWinkler() {
    }

    /** @return the similarity, 1 for two equal strings (two empty strings included), 0 when one only is empty */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        double jaro = jaro(a, b);
        int prefix = 0;
        int most = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        while (prefix < most && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    static double jaro(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 1 : 0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] usedB = new boolean[b.length()];
        char[] matchedA = new char[a.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!usedB[j] && a.charAt(i) == b.charAt(j)) {
                    usedB[j] = true;
                    matchedA[matches++] = a.charAt(i);
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int outOfOrder = 0;
        int k = 0;
        for (int j = 0; j < b.length(); j++) {
            if (usedB[j]) {
                if (b.charAt(j) != matchedA[k]) {
                    outOfOrder++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / a.length() + m / b.length() + (m - outOfOrder / 2.0) / m) / 3;
    }
}
