package io.crmkit.impl.filter;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The words a keyword is looked up by in MariaDB's FULLTEXT indexes of the keyword search (migration V22). MariaDB
 * has no trigram index, so V22 stores beside the searched text (a customer's names, company and address; an
 * identity's value) words made from every run of ASCII letters and digits of the lower-cased text: each 3
 * characters of a run in a row behind a {@code z} ("Lan Quenneville" holds "zlan zque zuen zenn ..."), and the first
 * character of each run as {@code w?ww} and its first two as {@code x??x} ("wlww xlax wqww xqux"). The marks keep
 * every word off InnoDB's stopword list (which drops "the" or "com") and make it 4 characters long, indexed with
 * the default {@code innodb_ft_min_token_size} of 3 and with 4.
 *
 * <p>A text that holds a keyword (ignoring case, as the keyword search compares) holds every ASCII run of the
 * lower-cased keyword inside one of its own runs, so it holds every trigram word of the keyword; a text with a word
 * starting with a keyword of 1-2 characters has a run starting with its ASCII letters or digits. So the index finds
 * every match, and the statement checks each candidate with the keyword search's own comparison. A keyword of 3 or
 * more characters without 3 ASCII letters or digits in a row ("ễn", "小明", "a.b"), or of 1-2 characters not starting
 * with an ASCII letter or digit ("đỗ"), has no such word and is searched without the index. Thread-safe.
 */
final class KeywordGrams {

    /** Most trigram words a search looks up: each one reads its list of rows in the index. */
    static final int MAX_WORDS = 8;

    /** The character each trigram word starts with. */
    static final char MARK = 'z';
    /** The marks around the first character of a run, and around its first two. */
    private static final char ONE_MARK = 'w';
    private static final char TWO_MARK = 'x';

    private static final int GRAM = 3;

    private KeywordGrams() {
    }

    /**
     * @param lowered the keyword, lower-cased as the keyword search compares it
     * @return the boolean-mode search of the index ("+zque +znne +zvil +zlle"): every word required, at most
     *         {@value #MAX_WORDS}, the trigrams of each run taken 3 characters apart and its last one (together
     *         they cover every character of the run); empty when the keyword has no run of 3
     */
    static Optional<String> search(String lowered) {
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= lowered.length(); i++) {
            boolean inRun = i < lowered.length() && isAsciiLetterOrDigit(lowered.charAt(i));
            if (inRun && start < 0) {
                start = i;
            } else if (!inRun && start >= 0) {
                addRun(lowered.substring(start, i), words);
                start = -1;
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder search = new StringBuilder();
        words.stream().limit(MAX_WORDS).forEach(word -> search.append(search.length() == 0 ? "" : " ").append('+')
                .append(word));
        return Optional.of(search.toString());
    }

    /**
     * @param lowered a keyword of 1-2 characters, lower-cased, that matches the start of a word
     * @return the boolean-mode search of the index: the word of its first two characters ("+xngx") where both are
     *         ASCII letters or digits, else of its first ("+wkww") where that one is; empty otherwise
     */
    static Optional<String> wordStart(String lowered) {
        if (lowered.isEmpty() || !isAsciiLetterOrDigit(lowered.charAt(0))) {
            return Optional.empty();
        }
        char first = lowered.charAt(0);
        return Optional.of(lowered.length() > 1 && isAsciiLetterOrDigit(lowered.charAt(1))
                ? "+" + TWO_MARK + first + lowered.charAt(1) + TWO_MARK
                : "+" + ONE_MARK + first + ONE_MARK + ONE_MARK);
    }

    private static void addRun(String run, Set<String> words) {
        if (run.length() < GRAM) {
            return;
        }
        for (int at = 0; at + GRAM <= run.length(); at += GRAM) {
            words.add(MARK + run.substring(at, at + GRAM));
        }
        words.add(MARK + run.substring(run.length() - GRAM));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
