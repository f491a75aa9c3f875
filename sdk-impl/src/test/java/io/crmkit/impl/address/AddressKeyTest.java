package io.crmkit.impl.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The form in which codes and names are compared. */
class AddressKeyTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "Hanoi|hanoi",
        "'  Ha Noi  '|ha noi",
        "Ha   Noi|ha noi",
        "Ha\tNoi|ha noi",
        "Hà Nội|ha noi",
        "Đà Nẵng|da nang",
        "Côte d’Ivoire|cote d'ivoire",
        "São Tomé & Príncipe|sao tome & principe",
        "HN-BD|hn-bd",
    })
    void dropsCaseAccentsAndExtraSpace(String text, String key) {
        assertThat(AddressKey.of(text)).isEqualTo(key);
    }
}
