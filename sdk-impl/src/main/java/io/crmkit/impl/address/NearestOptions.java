package io.crmkit.impl.address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the entries of a level nearest to a text that matched none, for the error message. The cost is bounded by
 * the level's size times the lengths (each at most a cell's limit); an edit distance stops as soon as it cannot
 * beat the worst of the current picks.
 */
final class NearestOptions {

    static final int MAX = 5;

    private NearestOptions() {
    }

    /** @return the names of at most {@link #MAX} nearest children, nearest first, joined by ", " */
    static String of(String text, List<AddressEntry> candidates) {
        String key = AddressKey.of(text);
        List<Scored> best = new ArrayList<>(MAX + 1);
        for (int i = 0; i < candidates.size(); i++) {
            AddressEntry entry = candidates.get(i);
            int limit = best.size() < MAX ? Integer.MAX_VALUE : best.get(best.size() - 1).distance;
            int distance = Math.min(distance(key, AddressKey.of(entry.option().name()), limit),
                    distance(key, AddressKey.of(entry.option().code()), limit));
            if (distance < limit) {
                best.add(new Scored(entry, distance, i));
                best.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
                if (best.size() > MAX) {
                    best.remove(MAX);
                }
            }
        }
        return best.stream().map(scored -> scored.entry().option().name()).collect(Collectors.joining(", "));
    }

    /** @return the edit distance, 0 when {@code candidate} starts with {@code text}, or {@code limit} when beyond */
    static int distance(String text, String candidate, int limit) {
        if (!text.isEmpty() && candidate.startsWith(text)) {
            return 0;
        }
        if (Math.abs(text.length() - candidate.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[candidate.length() + 1];
        int[] current = new int[candidate.length() + 1];
        for (int j = 0; j <= candidate.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= text.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= candidate.length(); j++) {
                int substitute = previous[j - 1] + (text.charAt(i - 1) == candidate.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[candidate.length()], limit);
    }

    private record Scored(AddressEntry entry, int distance, int order) {
    }
}
