package io.crmkit.impl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonAddressTest {

    private static double similarity(String a, String b) {
        return address(a).similarity(address(b));
    }

    /** "detail ; city" */
    private static PersonAddress address(String text) {
        String[] parts = text.split(";", -1);
        return PersonAddress.of(parts[0], "", parts.length > 1 ? parts[1] : "", "");
    }

    private static String numbers(String text) {
        String[] parts = text.split(";", -1);
        return PersonAddress.blockKey(parts[0], new PersonName.Cache());
    }

    @ParameterizedTest(name = "[{0}] ~ [{1}]")
    @CsvSource(delimiter = '|', value = {
            "12 Baker Street; London | 12 baker st.; LONDON",
            "12 Baker Street; London | 12 Bakre Street; London",
            "45 Đường Lý Thường Kiệt; Hà Nội | 45 Ly Thuong Kiet; Ha Noi",
            "45 Ly Thuong Kiet, P. Tran Hung Dao; Ha Noi | 45 Ly Thuong Kiet, Phuong Tran Hung Dao; Ha Noi",
            "Apt 4, 221 Main Rd; Springfield | 221 Main Road, Apartment 4; Springfield"})
    void addressesTypedDifferentlyAreSimilar(String a, String b) {
        assertThat(similarity(a, b)).isGreaterThanOrEqualTo(PersonAddress.ADDRESS_SIMILARITY);
        assertThat(numbers(a)).isEqualTo(numbers(b)).isNotEmpty();
    }

    @ParameterizedTest(name = "[{0}] !~ [{1}]")
    @CsvSource(delimiter = '|', value = {
            "12 Baker Street; London | 14 Baker Street; London",
            "12 Baker Street; London | 12 Oxford Street; London",
            "45 Ly Thuong Kiet; Ha Noi | 45 Le Loi; Ha Noi",
            "12 Baker Street; London | ; London",
            "; London | ; London"})
    void differentOrMissingAddressesAreNotSimilar(String a, String b) {
        assertThat(similarity(a, b)).isLessThan(PersonAddress.ADDRESS_SIMILARITY);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {"12 Baker Street; London", "Apt 4, 221 Main Rd; Springfield", "; "})
    void theTextParsesBackToTheSameAddress(String text) {
        PersonAddress address = address(text);
        assertThat(PersonAddress.parse(address.text()).text()).isEqualTo(address.text());
    }

    @ParameterizedTest(name = "[{0}] ~ [{1}]")
    @CsvSource(delimiter = '|', value = {"Acme Ltd | ACME Limited", "Công ty TNHH Hoa Sen | Hoa Sen JSC",
            "Müller GmbH | Muller", "Globex Corporation | Globx Corp."})
    void companiesWithoutTheirLegalFormAreSimilar(String a, String b) {
        assertThat(PersonCompany.similarity(PersonCompany.of(a), PersonCompany.of(b)))
                .isGreaterThanOrEqualTo(PersonCompany.COMPANY_SIMILARITY);
    }

    @ParameterizedTest(name = "[{0}] !~ [{1}]")
    @CsvSource(delimiter = '|', value = {"Acme Ltd | Globex Ltd", "Ltd | Ltd", "'' | Acme"})
    void otherCompaniesAreNotSimilar(String a, String b) {
        assertThat(PersonCompany.similarity(PersonCompany.of(a), PersonCompany.of(b)))
                .isLessThan(PersonCompany.COMPANY_SIMILARITY);
    }
}
