package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordGramsTest {

    @Test
    void looksUpTheTrigramsOfEachAsciiRunThreeApartAndItsLast() {
        assertThat(KeywordGrams.search("quenneville")).hasValue("+zque +znne +zvil +zlle");
        assertThat(KeywordGrams.search("son")).hasValue("+zson");
        assertThat(KeywordGrams.search("contoso log")).hasValue("+zcon +ztos +zoso +zlog");
        assertThat(KeywordGrams.search("c4242")).hasValue("+zc42 +z242");
        assertThat(KeywordGrams.search("lan@example.com")).hasValue("+zlan +zexa +zmpl +zple +zcom");
    }

    @Test
    void takesTheAsciiRunsOfATextOfAnyScript() {
        assertThat(KeywordGrams.search("nguyễn")).hasValue("+zngu +zguy");
        assertThat(KeywordGrams.search("thị lan")).hasValue("+zlan");
        assertThat(KeywordGrams.search("100%_off")).hasValue("+z100 +zoff");
    }

    @Test
    void hasNothingToLookUpWithoutARunOfThree() {
        for (String keyword : new String[] {"", "ab", "a.b", "ễn", "小明", "12-34", "%_%", "ab cd ef"}) {
            assertThat(KeywordGrams.search(keyword)).as(keyword).isEmpty();
        }
    }

    @Test
    void looksUpAWordsStartByItsFirstTwoOrItsFirstCharacter() {
        assertThat(KeywordGrams.wordStart("ng")).hasValue("+xngx");
        assertThat(KeywordGrams.wordStart("7")).hasValue("+w7ww");
        assertThat(KeywordGrams.wordStart("k.")).hasValue("+wkww");
        assertThat(KeywordGrams.wordStart("kễ")).hasValue("+wkww");
        assertThat(KeywordGrams.wordStart("đỗ")).isEmpty();
        assertThat(KeywordGrams.wordStart("")).isEmpty();
    }

    @Test
    void looksUpAtMostEightWords() {
        String search = KeywordGrams.search("abcdefghijklmnopqrstuvwxyz0123456789").orElseThrow();
        assertThat(search.split(" ")).hasSize(KeywordGrams.MAX_WORDS).allMatch(word -> word.matches("\\+z[a-z0-9]{3}"));
    }

    /**
     * Every word looked up is a word migration V22 stores for any text that holds the keyword: the stored words are
     * the trigrams of the ASCII runs of the lower-cased text, computed here as the migration's regular expressions
     * do, for random texts and keywords cut out of them.
     */
    @Test
    void everyWordLookedUpIsStoredForEveryTextThatHoldsTheKeyword() {
        Random random = new Random(7);
        String alphabet = "abcxyz019 .-@_%ễđ小ABC";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String lowered = text.toString().toLowerCase(Locale.ROOT);
            if (lowered.isEmpty()) {
                continue;
            }
            int from = random.nextInt(lowered.length());
            String keyword = lowered.substring(from, from + random.nextInt(lowered.length() - from) + 1);
            Set<String> stored = stored(lowered);
            KeywordGrams.search(keyword).ifPresent(search -> Arrays.stream(search.split(" "))
                    .forEach(word -> assertThat(stored).as("'%s' in '%s'", keyword, lowered).contains(word.substring(1))));
            String start = keyword.substring(0, Math.min(2, keyword.length()));
            boolean atWordStart = (from == 0 || !Character.isLetterOrDigit(lowered.charAt(from - 1)))
                    && Character.isLetterOrDigit(start.charAt(0));
            if (atWordStart) {
                KeywordGrams.wordStart(start).ifPresent(word -> assertThat(stored)
                        .as("word start '%s' in '%s'", start, lowered).contains(word.substring(1)));
            }
        }
    }

    /** The words migration V22 stores: its regular expressions, on a lower-cased text. */
    private static Set<String> stored(String lowered) {
        String runs = lowered.replaceAll("[^a-z0-9]+", " ");
        String grams = runs.replaceAll("(?=([a-z0-9]{3}))[a-z0-9]", "z$1 ") + " "
                + runs.replaceAll("([a-z0-9])([a-z0-9]?)[a-z0-9]*", "w$1ww x$1$2x");
        return new HashSet<>(Arrays.asList(grams.split(" ")));
    }
}
