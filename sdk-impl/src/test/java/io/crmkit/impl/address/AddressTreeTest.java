package io.crmkit.impl.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.customer.AddressOptions;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A loaded directory: the options of each level, open levels, matching, and refusals naming the nearest entries. */
class AddressTreeTest {

    private static final AddressDirectory VIETNAM = AddressCsvTest.load(AddressCsvTest.csv(
            "VN,Vietnam,HN,Hà Nội,HN-HN,Hanoi,HN-BD,Ba Dinh",
            "VN,Vietnam,HN,Hà Nội,HN-HN,Hanoi,HN-HK,Hoan Kiem",
            "VN,Vietnam,HN,Hà Nội,HN-SS,Soc Son,,",
            "VN,Vietnam,HP,Hai Phong,HP-HP,Hai Phong City,,",
            "VN,Vietnam,DN,Da Nang,,,,",
            "VN,Vietnam,HCM,Ho Chi Minh,,,,",
            "VN,Vietnam,HG,Ha Giang,,,,",
            "VN,Vietnam,HT,Ha Tinh,,,,",
            "VN,Vietnam,HB,Hoa Binh,,,,",
            "TH,Thailand,,,,,,"));

    private static ValidationException optionsFail(List<String> path) {
        return catchThrowableOfType(ValidationException.class, () -> VIETNAM.options(path));
    }

    @Test
    void listsTheOptionsOfEveryLevel() {
        assertThat(VIETNAM.options(List.of()))
                .isEqualTo(new AddressOptions(List.of(AddressOption.of("VN", "Vietnam"),
                        AddressOption.of("TH", "Thailand")), false));
        assertThat(VIETNAM.options(List.of("VN")).options()).extracting(AddressOption::code)
                .containsExactly("HN", "HP", "DN", "HCM", "HG", "HT", "HB");
        assertThat(VIETNAM.options(List.of("VN", "HN")).options()).extracting(AddressOption::name)
                .containsExactly("Hanoi", "Soc Son");
        assertThat(VIETNAM.options(List.of("VN", "HN", "HN-HN")))
                .isEqualTo(new AddressOptions(List.of(AddressOption.of("HN-BD", "Ba Dinh"),
                        AddressOption.of("HN-HK", "Hoan Kiem")), false));
    }

    @Test
    void aLevelWithoutEntriesIsOpenAndSoIsEverythingBelowIt() {
        assertThat(VIETNAM.options(List.of("TH"))).isEqualTo(AddressOptions.OPEN);
        assertThat(VIETNAM.options(List.of("TH", "Bangkok", "Anything"))).isEqualTo(AddressOptions.OPEN);
        assertThat(VIETNAM.options(List.of("VN", "DN"))).isEqualTo(AddressOptions.OPEN);
        assertThat(VIETNAM.options(List.of("VN", "HN", "Soc Son"))).isEqualTo(AddressOptions.OPEN);
        assertThat(VIETNAM.check(Address.of("Thailand", "Bangkok", "Bang Rak", "Si Lom", ""))).isEmpty();
        assertThat(VIETNAM.check(Address.of("Vietnam", "Da Nang", "Hai Chau", "x", ""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "by names,         Vietnam, Hà Nội, Hanoi, Ba Dinh",
        "by codes,         VN,      HN,     HN-HN, HN-BD",
        "in any case,      vietnam, hn,     HANOI, ba dinh",
        "without accents,  Vietnam, Ha Noi, Hanoi, Ba Dinh",
        "with extra space, ' Vietnam ', 'Ha   Noi', Hanoi, Ba Dinh",
    })
    void matchesAnEntryByCodeOrNameTrimmedIgnoringCaseAndAccents(String how, String country, String province,
                                                                  String city, String area) {
        assertThat(VIETNAM.check(Address.of(country, province, city, area, ""))).as(how).isEmpty();
        assertThat(VIETNAM.options(List.of(country, province, city)).options()).as(how).hasSize(2);
    }

    @Test
    void anAddressMayStopAtAnyLevel() {
        assertThat(VIETNAM.check(Address.of("Vietnam", "", "", "", ""))).isEmpty();
        assertThat(VIETNAM.check(Address.of("Vietnam", "Ha Noi", "", "", ""))).isEmpty();
        assertThat(VIETNAM.check(Address.of("Vietnam", "Ha Noi", "Hanoi", "", ""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "country|Vietnum|||| no country 'Vietnum'; nearest: Vietnam, Thailand",
        "province|Vietnam|Ha Nol||| no province 'Ha Nol' in country 'Vietnam'; nearest: Hà Nội, Da Nang, Ha Tinh,"
                + " Hai Phong, Ho Chi Minh",
        "city|Vietnam|Ha Noi|Hanoii|| no city 'Hanoii' in province 'Hà Nội'; nearest: Hanoi, Soc Son",
        "area|VN|HN|Hanoi|Ba Dinhh| no area 'Ba Dinhh' in city 'Hanoi'; nearest: Ba Dinh, Hoan Kiem",
        "prefix|VN|Ho||| no province 'Ho' in country 'Vietnam'; nearest: Ho Chi Minh, Hoa Binh, Hà Nội, Hai Phong,"
                + " Ha Giang",
    })
    void refusesAnUnknownEntryNamingTheNearestOnes(String level, String country, String province, String city,
                                                   String area, String reason) {
        assertThat(VIETNAM.check(Address.of(country, province, city, area, ""))).as(level).contains(reason.strip());
    }

    @Test
    void namesAtMostFiveNearestEntries() {
        String reason = VIETNAM.check(Address.of("VN", "Hx", "", "", "")).orElseThrow();

        assertThat(reason.substring(reason.indexOf("nearest: ") + 9).split(", ")).hasSize(NearestOptions.MAX);
    }

    @Test
    void refusesABlankLevelAboveASetOne() {
        assertThat(VIETNAM.check(Address.of("Vietnam", "", "Hanoi", "", "")))
                .contains("no province given for city 'Hanoi'");
        assertThat(VIETNAM.check(Address.of("", "", "", "Ba Dinh", ""))).contains("no country given for area 'Ba Dinh'");
        assertThat(VIETNAM.check(Address.of("Thailand", "", "Bangkok", "", ""))).isEmpty();
    }

    @Test
    void refusesAnUnknownPathElementNamingItsIndexAndTheNearestEntries() {
        ValidationException e = optionsFail(List.of("VN", "Ha Noi", "Hanoii"));

        assertThat(e.errors()).singleElement().isEqualTo(FieldError.of("path[2]", "not_allowed",
                "path[2]: no city 'Hanoii' in province 'Hà Nội'; nearest: Hanoi, Soc Son"));
    }

    @Test
    void refusesAPathOfTheWrongShape() {
        assertThat(optionsFail(null).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("path", "required"));
        assertThat(optionsFail(List.of("VN", "HN", "HN-HN", "HN-BD")).errors().get(0).message())
                .isEqualTo("path: at most 3 levels (country, province, city), got 4");
        assertThat(optionsFail(Arrays.asList("VN", null)).errors().get(0).field()).isEqualTo("path[1]");
        assertThat(optionsFail(List.of("VN", " ")).errors().get(0).message()).isEqualTo("path[1]: must not be blank");
        assertThat(VIETNAM.options(List.of("TH", "x".repeat(80))).open()).isTrue();
        assertThat(optionsFail(List.of("TH", "x".repeat(81))).errors()).singleElement().isEqualTo(
                FieldError.of("path[1]", "too_long", "path[1]: at most 80 characters, got 81", 80));
    }

    @Test
    void aDirectoryThatOnlyChecksSaysEveryLevelIsOpen() {
        AddressDirectory lambda = address -> java.util.Optional.empty();

        assertThat(lambda.options(List.of())).isEqualTo(AddressOptions.OPEN);
        assertThat(AddressDirectory.ANY.options(List.of("Atlantis", "x", "y"))).isEqualTo(AddressOptions.OPEN);
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> AddressDirectory.ANY.options(List.of("a", "b", "c", "d")))).isNotNull();
    }
}
