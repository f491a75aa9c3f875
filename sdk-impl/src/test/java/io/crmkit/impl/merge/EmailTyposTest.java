package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailTyposTest {

    private static final long SEED = 6;

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "lan.tran, lan.tarn, true",
            "lan.tran, lan.tra, true",
            "lan.tran, lan.trann, true",
            "lan.tran, lan.trab, true",
            "lan.tran, xlan.tran, true",
            "lan.tran, an.tran, true",
            "lan.tran, lan.tran, false",
            "lan.tran, lan.tr, false",
            "lan.tran, nal.tran, false",
            "lan.tran, lan.rtna, false",
            "ab, ba, true",
            "a, b, true",
            "a, '', true",
            "abc, bca, false"})
    void oneMistakeApartIsOneAddedDroppedChangedOrSwappedCharacter(String a, String b, boolean expected) {
        assertThat(EmailTypos.oneApart(a, b)).isEqualTo(expected);
        assertThat(EmailTypos.oneApart(b, a)).isEqualTo(expected);
    }

    @Test
    void theVariantsAreExactlyThePartsOneMistakeAwayAndShareADeletionKey() {
        Random random = new Random(SEED);
        for (int round = 0; round < 2000; round++) {
            String a = randomPart(random, 1 + random.nextInt(8));
            String b = mutate(random, a);
            if (b.isEmpty()) {
                // An address always has a part before '@': the empty part is never looked up.
                continue;
            }
            Set<String> variants = EmailTypos.variants(a);
            boolean apart = EmailTypos.oneApart(a, b);
            assertThat(variants.contains(b)).as("seed %d round %d: %s ~ %s", SEED, round, a, b).isEqualTo(apart);
            if (apart) {
                assertThat(EmailTypos.deletionKeys(a)).as("seed %d: %s ~ %s", SEED, a, b)
                        .containsAnyElementsOf(EmailTypos.deletionKeys(b));
            }
        }
        assertThat(EmailTypos.variants("ab")).allMatch(variant -> EmailTypos.oneApart("ab", variant))
                .doesNotContain("ab", "");
    }

    private static String randomPart(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("abc.1".charAt(random.nextInt(5)));
        }
        return text.toString();
    }

    /** One or two random edits over a small alphabet, so that every distance 0 to 2 comes up. */
    private static String mutate(Random random, String text) {
        String result = text;
        int edits = random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(result.length() + 1);
            char c = "abc.1".charAt(random.nextInt(5));
            result = switch (random.nextInt(4)) {
                case 0 -> result.substring(0, at) + c + result.substring(at);
                case 1 -> at < result.length() ? result.substring(0, at) + result.substring(at + 1) : result;
                case 2 -> at < result.length() ? result.substring(0, at) + c + result.substring(at + 1) : result;
                default -> at + 1 < result.length() ? result.substring(0, at) + result.charAt(at + 1)
                        + result.charAt(at) + result.substring(at + 2) : result;
            };
        }
        return result;
    }
}
