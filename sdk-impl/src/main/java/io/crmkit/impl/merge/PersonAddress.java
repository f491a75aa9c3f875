package io.crmkit.impl.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An address as {@code SIMILAR_ADDRESS} compares it: the folded words ({@link Folding}) of detail, area, city and
 * province, the country left out, with common abbreviations expanded ({@code st} street, {@code rd} road, {@code q}
 * quan...) and words that only say what kind of way it is ({@code street}, {@code duong}...) left out, and the
 * numbers of the detail line (house, building) apart. An address without a detail line has no words: it matches nothing.
 */
record PersonAddress(String[] numbers, String[] words) {

    /** Least similarity of two words typed differently that still pair. */
    static final double WORD_SIMILARITY = 0.9;
    /** Least share of paired words (Dice coefficient). */
    static final double ADDRESS_SIMILARITY = 0.8;
    static final PersonAddress NONE = new PersonAddress(new String[0], new String[0]);

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("st", "street"),
            Map.entry("str", "street"), Map.entry("rd", "road"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"),
            Map.entry("blvd", "boulevard"), Map.entry("ln", "lane"), Map.entry("hwy", "highway"),
            Map.entry("apt", "apartment"), Map.entry("fl", "floor"), Map.entry("bldg", "building"),
            Map.entry("p", "phuong"), Map.entry("q", "quan"), Map.entry("tp", "thanhpho"), Map.entry("hn", "hanoi"),
            Map.entry("hcm", "hochiminh"), Map.entry("tphcm", "hochiminh"), Map.entry("sg", "saigon"));
    private static final List<String> KINDS = List.of("street", "road", "duong", "pho", "so", "no", "number", "strasse",
            "rue", "ngo", "hem");

    /** @return the address's numbers and words; {@link #NONE} without a detail line */
    static PersonAddress of(String detail, String area, String city, String province) {
        List<String> detailWords = Folding.words(detail);
        if (detailWords.isEmpty()) {
            return NONE;
        }
        List<String> numbers = new ArrayList<>(2);
        List<String> words = new ArrayList<>(8);
        add(detailWords, numbers, words);
        for (String part : new String[] {area, city, province}) {
            add(Folding.words(part), words, words);
        }
        String[] sortedNumbers = numbers.toArray(new String[0]);
        Arrays.sort(sortedNumbers);
        return new PersonAddress(sortedNumbers, words.toArray(new String[0]));
    }

    private static void add(List<String> folded, List<String> numbers, List<String> words) {
        for (String word : folded) {
            String expanded = ABBREVIATIONS.getOrDefault(word, word);
            if (Character.isDigit(expanded.charAt(0))) {
                numbers.add(expanded);
            } else if (!KINDS.contains(expanded)) {
                words.add(expanded);
            }
        }
    }

    boolean isEmpty() {
        return words.length == 0 && numbers.length == 0;
    }

    /**
     * @return the share of words paired equal or close (Dice coefficient), or 0 when either has no address or
     *         their house numbers differ
     */
    double similarity(PersonAddress other) {
        if (isEmpty() || other.isEmpty() || !Arrays.equals(numbers, other.numbers)) {
            return 0;
        }
        if (words.length + other.words.length == 0) {
            return 1;
        }
        boolean[] taken = new boolean[other.words.length];
        int paired = 0;
        for (String word : words) {
            int best = -1;
            double bestScore = 0;
            for (int j = 0; j < other.words.length; j++) {
                if (taken[j]) {
                    continue;
                }
                double score = word.equals(other.words[j]) ? 1 : JaroWinkler.similarity(word, other.words[j]);
                if (score >= WORD_SIMILARITY && score > bestScore) {
                    best = j;
                    bestScore = score;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                paired++;
            }
        }
        return 2.0 * paired / (words.length + other.words.length);
    }

    /**
     * @return the blocking key of an address: the numbers of its detail line (house, building...) in order, and the
     *         smallest first letter of the detail's other words (kinds of way left out), as {@code 12.4/b}; "" without
     *         numbers. Folds the detail's words through the cache.
     */
    static String blockKey(String detail, PersonName.Cache cache) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        List<String> numbers = new ArrayList<>(2);
        char letter = Character.MAX_VALUE;
        for (String word : cache.fold(detail)) {
            String expanded = ABBREVIATIONS.getOrDefault(word, word);
            if (Character.isDigit(expanded.charAt(0))) {
                numbers.add(expanded);
            } else if (!KINDS.contains(expanded) && expanded.charAt(0) < letter) {
                letter = expanded.charAt(0);
            }
        }
        if (numbers.isEmpty()) {
            return "";
        }
        numbers.sort(null);
        return String.join(".", numbers) + "/" + (letter == Character.MAX_VALUE ? "" : String.valueOf(letter));
    }

    /** @return the address as compared, numbers first, for a reason's detail and {@link #parse} */
    String text() {
        return (String.join(" ", numbers) + " " + String.join(" ", words)).trim();
    }

    /** @return the address of a {@link #text()} */
    static PersonAddress parse(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        String[] all = text.split(" ");
        int numbers = 0;
        while (numbers < all.length && Character.isDigit(all[numbers].charAt(0))) {
            numbers++;
        }
        return new PersonAddress(Arrays.copyOfRange(all, 0, numbers), Arrays.copyOfRange(all, numbers, all.length));
    }
}
