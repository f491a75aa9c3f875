package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

    private static double similarity(String a, String b) {
        return PersonName.similarity(PersonName.words(a), PersonName.words(b));
    }

    @ParameterizedTest(name = "[{0}] ~ [{1}]")
    @CsvSource(delimiter = '|', value = {
            "John Smith | John Smith",
            "Jon Smith | John Smith",
            "Smith, John | John Smith",
            "J. Smith | John Smith",
            "J. Smith | John A. Smith",
            "Smith | John Smith",
            "Nguyễn Thị Lan | NGUYEN THI LAN",
            "Nguyen Thi Lan | Lan Nguyen Thi",
            "Nguyen Lan | Nguyễn Thị Lan",
            "Ngyuen Thi Lan | Nguyen Thi Lan",
            "Nguyen Thi Lqn | Nguyen Thi Lan",
            "Srnith J0hn | John Smith",
            "Mr. John O'Brien | john obrien",
            "José Müller | Jose Muller"})
    void namesAPersonWouldReadAsOneAreSimilar(String a, String b) {
        assertThat(PersonName.similar(similarity(a, b))).isTrue();
        assertThat(similarity(a, b)).isEqualTo(similarity(b, a));
    }

    @ParameterizedTest(name = "[{0}] !~ [{1}]")
    @CsvSource(delimiter = '|', value = {
            "John Smith | Mary Smith",
            "Nguyen Van An | Nguyen Thi An",
            "Nguyen Van An | Tran Thi Lan",
            "J. Smith | K. Smith",
            "J. | John",
            "Julie C. Brown | Charles Brown",
            "Pamela W. Chavez | Pamela Watson",
            "Lan | Lom",
            "An | Am",
            "'' | John",
            "'...' | John",
            "John Smith | John Smith Paul Peter Mary Ann Lee Kim Jo"})
    void differentNamesAreNotSimilar(String a, String b) {
        assertThat(PersonName.similar(similarity(a, b))).isFalse();
    }

    @ParameterizedTest(name = "[{0}] ~ [{1}] only when one is much rarer")
    @CsvSource(delimiter = '|', value = {"mark | mary", "hung | huong"})
    void closeWordsBothCommonInTheTenantAreDifferentNames(String a, String b) {
        NameFrequencies frequencies = new NameFrequencies();
        for (int i = 0; i < 100; i++) {
            frequencies.add(new String[] {a, "smith"});
            frequencies.add(new String[] {b, "smith"});
        }
        String[] one = {a, "smith"};
        String[] other = {b, "smith"};
        assertThat(PersonName.similar(PersonName.similarity(one, other))).isTrue();
        assertThat(PersonName.similar(PersonName.similarity(one, other, frequencies))).isFalse();
        frequencies.add(new String[] {a + "x"});
        assertThat(PersonName.similar(PersonName.similarity(new String[] {a + "x", "smith"}, one, frequencies)))
                .isTrue();
    }

    @ParameterizedTest(name = "[{0}] sounds like [{1}]")
    @CsvSource(delimiter = '|', value = {"nguyen | ngyuen", "nguyen | nguyn", "smith | smyth", "philip | filip",
            "schmidt | shmidt", "tran | trann", "ann | an", "hoang | hoangg"})
    void wordsTypedALittleDifferentlyShareASoundKey(String a, String b) {
        assertThat(SoundKey.of(a)).isEqualTo(SoundKey.of(b));
    }

    @ParameterizedTest(name = "[{0}] != [{1}]")
    @CsvSource(delimiter = '|', value = {"nguyen | tran", "smith | jones", "lan | hoa"})
    void differentWordsHaveDifferentSoundKeys(String a, String b) {
        assertThat(SoundKey.of(a)).isNotEqualTo(SoundKey.of(b));
    }
}
