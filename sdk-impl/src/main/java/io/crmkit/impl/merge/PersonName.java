package io.crmkit.impl.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer's name as {@code SIMILAR_NAME} compares it: folded words ({@link Folding}), paired in any order so that
 * word order does not matter, digits a scanner reads for letters turned back into them ({@code 0} o, {@code 1} l,
 * {@code 5} s, {@code 8} b) and letter pairs it reads as one letter joined ({@code rn} m, {@code vv} w, on both names
 * alike), titles ({@code Mr}, {@code Dr}...) left out.
 */
final class PersonName {

    /** Least Jaro-Winkler similarity of two words typed differently that still pair. */
    static final double WORD_SIMILARITY = 0.85;
    /** Least mean similarity of the paired words. */
    static final double NAME_SIMILARITY = 0.88;
    static final double INITIAL = 0.9;

    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "jr", "sr");

    private PersonName() {
    }

    /**
     * The words of names, remembered by the text between spaces (names repeat their words a great deal), and their
     * sound keys, at most {@value Cache#CACHED} of each, then forgotten all at once. Not thread-safe: one per search.
     */
    static final class Cache {

        static final int CACHED = 50_000;
        private final Map<String, String[]> byText = new HashMap<>();
        private final Map<String, String> sounds = new HashMap<>();
        private final Map<String, List<String>> folds = new HashMap<>();

        String[] words(String name) {
            if (name == null || name.isBlank()) {
                return new String[0];
            }
            List<String> words = new ArrayList<>(4);
            int i = 0;
            while (i < name.length()) {
                while (i < name.length() && Character.isWhitespace(name.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < name.length() && !Character.isWhitespace(name.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    Collections.addAll(words, folded(name.substring(start, i)));
                }
            }
            return words.toArray(new String[0]);
        }

        private String[] folded(String text) {
            String[] folded = byText.get(text);
            if (folded == null) {
                if (byText.size() >= CACHED) {
                    byText.clear();
                }
                folded = PersonName.words(text);
                byText.put(text, folded);
            }
            return folded;
        }

        /** @return the {@link Folding#words} of any text, word by word (between spaces) */
        List<String> fold(String text) {
            List<String> words = new ArrayList<>(6);
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    String raw = text.substring(start, i);
                    List<String> folded = folds.get(raw);
                    if (folded == null) {
                        if (folds.size() >= CACHED) {
                            folds.clear();
                        }
                        folded = Folding.words(raw);
                        folds.put(raw, folded);
                    }
                    words.addAll(folded);
                }
            }
            return words;
        }

        /** @return the {@link SoundKey} of a folded word */
        String sound(String word) {
            String sound = sounds.get(word);
            if (sound == null) {
                if (sounds.size() >= CACHED) {
                    sounds.clear();
                }
                sound = SoundKey.of(word);
                sounds.put(word, sound);
            }
            return sound;
        }
    }

    /** @return the name's words in their order; empty when it has none */
    static String[] words(String name) {
        List<String> words = new ArrayList<>(4);
        for (String word : Folding.words(name)) {
            String letters = ocrLetters(word);
            if (!TITLES.contains(letters)) {
                words.add(letters);
            }
        }
        return words.toArray(new String[0]);
    }

    private static String ocrLetters(String word) {
        boolean letters = false;
        for (int i = 0; i < word.length() && !letters; i++) {
            letters = Character.isLetter(word.charAt(i));
        }
        if (!letters) {
            return word;
        }
        return word.replace('0', 'o').replace('1', 'l').replace('5', 's').replace('8', 'b').replace("rn", "m")
                .replace("vv", "w");
    }

    /**
     * Pairs every word of the name with fewer words with its own word of the other, best pairs first: equal (1),
     * an initial of it (0.9), or close (Jaro-Winkler at least {@value #WORD_SIMILARITY} for words of two letters or
     * more, or one typing mistake apart for words of three or more: {@code lan} and {@code lqn}, with their
     * Jaro-Winkler similarity) when they {@link NameFrequencies#mayBeMistake may be a mistake} of each other.
     *
     * @return the mean similarity of the pairs, or 0 when a word finds no pair, when only initials pair, when an
     *         initial pairs with a word while the longer name keeps a whole word unpaired ({@code Julie C. Brown} and
     *         {@code Charles Brown}), or when either name has no words
     */
    static double similarity(String[] a, String[] b) {
        return similarity(a, b, NameFrequencies.NONE);
    }

    /** As {@link #similarity(String[], String[])}, close words pairing only when they may be a mistake. */
    static double similarity(String[] a, String[] b, NameFrequencies frequencies) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        String[] fewer = a.length <= b.length ? a : b;
        String[] more = fewer == a ? b : a;
        if (more.length > 8) {
            return 0;
        }
        boolean[] taken = new boolean[more.length];
        double total = 0;
        boolean whole = false;
        boolean byInitial = false;
        // Whole words first, so that an initial does not take the word a full one needs.
        for (int round = 0; round < 2; round++) {
            for (String word : fewer) {
                boolean initial = word.length() == 1;
                if (initial != (round == 1)) {
                    continue;
                }
                int best = -1;
                double bestScore = 0;
                for (int j = 0; j < more.length; j++) {
                    if (!taken[j]) {
                        double score = pair(word, more[j], frequencies);
                        if (score > bestScore) {
                            best = j;
                            bestScore = score;
                        }
                    }
                }
                if (best < 0) {
                    return 0;
                }
                taken[best] = true;
                total += bestScore;
                whole |= !initial && more[best].length() > 1;
                byInitial |= initial != (more[best].length() == 1);
            }
        }
        // "Julie C. Brown" is not "Charles Brown": an initial stands for a word only when no other word is left over.
        for (int j = 0; j < more.length && byInitial; j++) {
            if (!taken[j] && more[j].length() > 1) {
                return 0;
            }
        }
        return whole ? total / fewer.length : 0;
    }

    private static double pair(String word, String other, NameFrequencies frequencies) {
        if (word.equals(other)) {
            return 1;
        }
        if (word.length() == 1 || other.length() == 1) {
            return word.charAt(0) == other.charAt(0) ? INITIAL : 0;
        }
        double similarity = JaroWinkler.similarity(word, other);
        boolean close = similarity >= WORD_SIMILARITY
                || Math.min(word.length(), other.length()) >= 3 && EmailTypos.oneApart(word, other);
        return close && frequencies.mayBeMistake(word, other) ? similarity : 0;
    }

    /** @return whether the names are similar enough for {@code SIMILAR_NAME} */
    static boolean similar(double similarity) {
        return similarity >= NAME_SIMILARITY;
    }
}
