package io.crmkit.impl.merge;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One typing mistake between the parts before '@' of two email match keys: a character added, dropped or
 * changed, or two neighbours swapped (optimal string alignment distance 1).
 */
final class EmailTypos {

    /** Every character the part before '@' of a valid address may hold once lower-cased. */
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-";

    private EmailTypos() {
    }

    /**
     * The blocking keys of a local part: itself and the part without each one character. Two parts one mistake
     * apart share at least one key; sharing a key does not prove it (check with {@link #oneApart}).
     */
    static Set<String> deletionKeys(String local) {
        Set<String> keys = new LinkedHashSet<>(local.length() * 2 + 1);
        keys.add(local);
        for (int i = 0; i < local.length(); i++) {
            keys.add(local.substring(0, i) + local.substring(i + 1));
        }
        return keys;
    }

    /** @return whether the two parts are exactly one mistake apart (equal parts are not) */
    static boolean oneApart(String a, String b) {
        int length = a.length();
        if (Math.abs(length - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        if (length == b.length()) {
            int first = firstDifference(a, b);
            if (a.regionMatches(first + 1, b, first + 1, length - first - 1)) {
                return true;
            }
            return first + 1 < length && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                    && a.regionMatches(first + 2, b, first + 2, length - first - 2);
        }
        String longer = length > b.length() ? a : b;
        String shorter = length > b.length() ? b : a;
        int first = firstDifference(shorter, longer);
        return longer.regionMatches(first + 1, shorter, first, shorter.length() - first);
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** @return every part one mistake away from {@code local} over {@link #ALPHABET}, for indexed look-ups */
    static Set<String> variants(String local) {
        Set<String> variants = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder(local.length() + 1);
        for (int i = 0; i <= local.length(); i++) {
            for (int c = 0; c < ALPHABET.length(); c++) {
                text.setLength(0);
                variants.add(text.append(local, 0, i).append(ALPHABET.charAt(c)).append(local, i, local.length())
                        .toString());
            }
            if (i == local.length()) {
                break;
            }
            variants.add(local.substring(0, i) + local.substring(i + 1));
            for (int c = 0; c < ALPHABET.length(); c++) {
                if (ALPHABET.charAt(c) != local.charAt(i)) {
                    variants.add(local.substring(0, i) + ALPHABET.charAt(c) + local.substring(i + 1));
                }
            }
            if (i + 1 < local.length() && local.charAt(i) != local.charAt(i + 1)) {
                variants.add(local.substring(0, i) + local.charAt(i + 1) + local.charAt(i) + local.substring(i + 2));
            }
        }
        variants.remove(local);
        variants.remove("");
        return variants;
    }
}
