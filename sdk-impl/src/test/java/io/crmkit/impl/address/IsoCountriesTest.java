package io.crmkit.impl.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.AddressDirectories;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.customer.AddressOptions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kit's default directory: every ISO 3166 country from the JDK, any text below. */
class IsoCountriesTest {

    private static final AddressDirectory ISO = AddressDirectories.isoCountries();

    @Test
    void listsEveryIsoCountryByEnglishNameWithItsTwoLetterCode() {
        List<AddressOption> countries = ISO.options(List.of()).options();

        assertThat(countries).hasSize(Locale.getISOCountries().length)
                .contains(AddressOption.of("VN", "Vietnam"), AddressOption.of("US", "United States"));
        assertThat(countries).extracting(AddressOption::name).isSorted();
        assertThat(ISO.options(List.of()).open()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VN", "vn", "VNM", "Vietnam", "VIETNAM", " vietnam ", "USA", "United States",
        "Cote d'Ivoire", "Côte d’Ivoire"})
    void knowsACountryByItsCodesAndEnglishName(String country) {
        assertThat(ISO.check(Address.of(country, "", "", "", ""))).isEmpty();
    }

    @Test
    void acceptsAnyTextBelowACountry() {
        assertThat(ISO.check(Address.of("VN", "Anything", "at", "all", ""))).isEmpty();
        assertThat(ISO.options(List.of("VN"))).isEqualTo(AddressOptions.OPEN);
    }

    @Test
    void acceptsAnAddressWithoutACountryAsAKitBeforeItDid() {
        assertThat(ISO.check(Address.of("", "", "Hanoi", "", ""))).isEmpty();
    }

    @Test
    void refusesACountryOutsideIsoNamingTheNearestOnes() {
        assertThat(ISO.check(Address.of("Viet Nam", "", "", "", ""))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("no country 'Viet Nam'; nearest: Vietnam"));
        assertThat(ISO.check(Address.of("Atlantis", "", "", "", ""))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("no country 'Atlantis'; nearest: ").satisfies(text ->
                        assertThat(text.split(", ")).hasSize(NearestOptions.MAX)));
    }
}
