package io.crmkit.impl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"one\ntwo", "one\r\ntwo", "one\rtwo", "\r\n one\ntwo \n\n", "one\u2028two", "one\ttwo",
            "one\u0000two"})
    void aSingleLineTextRefusesLineBreaksAndOtherControlCharactersNamingTheField(String text) {
        Errors errors = new Errors();

        errors.text("name", text, 80);

        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.messages()).singleElement().asString().startsWith("name: ").endsWith("are not allowed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "one\\ntwo | one\\ntwo",
        "one\\r\\ntwo | one\\ntwo",
        "one\\rtwo | one\\ntwo",
        "one\\n\\ntwo | one\\n\\ntwo",
        "one\\r\\n\\r\\ntwo\\rthree | one\\n\\ntwo\\nthree",
        "\\r\\n  one\\ntwo  \\n\\n | one\\ntwo",
        "single | single"})
    void aMultilineTextKeepsItsLineBreaksAsLineFeedsAndIsTrimmed(String escaped, String expected) {
        Errors errors = new Errors();

        String clean = errors.multilineText("remark", unescape(escaped), 80);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(clean).isEqualTo(unescape(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"one\ttwo", "one\u0000two", "one\u2028two", "one\u2029two", "a\u202Eb", "a\uD800b",
            "one\u000Btwo", "one\u000Ctwo", "one\u0085two"})
    void aMultilineTextStillRefusesOtherControlAndHidingCharacters(String text) {
        Errors errors = new Errors();

        errors.multilineText("remark", text, 80);

        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.messages()).singleElement().asString().startsWith("remark: ").endsWith("are not allowed");
    }

    @Test
    void aLineBreakCountsAsOneCharacterOfTheLimitWhateverItsNotation() {
        String eighty = "x".repeat(39) + "\r\n" + "x".repeat(40);
        Errors errors = new Errors();

        assertThat(errors.multilineText("remark", eighty, 80)).hasSize(80);
        assertThat(errors.isEmpty()).isTrue();

        errors.multilineText("remark", eighty + "x", 80);
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.messages()).containsExactly("remark: at most 80 characters, got 81");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n \r\n", " \u200B\n"})
    void aMultilineTextOfLineBreaksAndSpacesOnlyIsBlank(String text) {
        Errors errors = new Errors();

        assertThat(errors.multilineText("remark", text, 80)).isEmpty();
        assertThat(errors.isEmpty()).isTrue();
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
