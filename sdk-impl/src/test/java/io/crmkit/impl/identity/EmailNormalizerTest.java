package io.crmkit.impl.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormalizerTest {

    @Test
    void trimsAndLowerCases() {
        assertThat(EmailNormalizer.normalize("  Lan.Nguyen+crm@Example.COM ")).isEqualTo("lan.nguyen+crm@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.com", "lan@", "lan@@example.com", "lan@example", "lan..x@example.com",
            ".lan@example.com", "lan @example.com", "lan@-example.com", "lan@exa_mple.com", "lan@example.c0m1"})
    void rejectsWhatIsNotAnAddress(String email) {
        assertThatThrownBy(() -> EmailNormalizer.normalize(email)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an email address");
    }

    @Test
    void acceptsALocalPartOf64CharactersAndRejects65() {
        assertThat(EmailNormalizer.normalize("a".repeat(64) + "@example.com")).startsWith("aaaa");
        assertThatThrownBy(() -> EmailNormalizer.normalize("a".repeat(65) + "@example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
