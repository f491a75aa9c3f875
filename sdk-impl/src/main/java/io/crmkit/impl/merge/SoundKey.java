package io.crmkit.impl.merge;

/**
 * A word's sound key, the blocking key of the person rules: words typed or heard a little differently often share
 * it ({@code nguyen}, {@code nguyn}, {@code ngyuen} are {@code nkn}; {@code smith}, {@code smyth} are {@code snt}).
 * The first letter stays (vowels as {@code a}); the rest keep their consonants only, in classes of letters that
 * sound or look alike (b p; f v w; c g j k q; s x z; d t; m n; l; r), repeats once, at most
 * {@value #LENGTH} classes after the first letter. A key is a hint that two words may match, not a proof.
 */
final class SoundKey {

    static final int LENGTH = 4;

    private SoundKey() {
    }

    /** @return the key of a folded word (lower-case letters and digits); the word itself when it has no letter */
    static String of(String word) {
        if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
            return word;
        }
        String text = word.replace("ph", "f").replace("sch", "s").replace("sh", "s").replace("th", "t");
        StringBuilder key = new StringBuilder(LENGTH + 1);
        char first = text.charAt(0);
        key.append(isVowel(first) ? 'a' : first == 'h' ? 'h' : classOf(first));
        char previous = classOf(first);
        for (int i = 1; i < text.length() && key.length() <= LENGTH; i++) {
            char sound = classOf(text.charAt(i));
            if (sound != 0 && sound != previous) {
                key.append(sound);
            }
            previous = sound == 0 && text.charAt(i) != 'h' ? 0 : sound == 0 ? previous : sound;
        }
        return key.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static char classOf(char c) {
        return switch (c) {
            case 'b', 'p' -> 'p';
            case 'f', 'v', 'w' -> 'f';
            case 'c', 'g', 'j', 'k', 'q' -> 'k';
            case 's', 'x', 'z' -> 's';
            case 'd', 't' -> 't';
            case 'm', 'n' -> 'n';
            case 'l' -> 'l';
            case 'r' -> 'r';
            default -> 0;
        };
    }
}
