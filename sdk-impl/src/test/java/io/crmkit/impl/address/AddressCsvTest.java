package io.crmkit.impl.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.AddressDirectories;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.error.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading a directory from a host's CSV: the format, each refusal with its line and column, the limits. */
class AddressCsvTest {

    static final String HEADER = "country_code,country_name,province_code,province_name,city_code,city_name,"
            + "area_code,area_name";

    static String csv(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    static AddressDirectory load(String text) {
        return AddressDirectories.fromCsv(new StringReader(text));
    }

    private static ConfigurationException refused(String text) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> load(text));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.setting()).isEqualTo("addressDirectory");
        return e;
    }

    @Test
    void loadsEveryLevelInTheFilesOrder() {
        AddressDirectory directory = load(csv(
                "VN,Vietnam,HN,Ha Noi,HN-HN,Hanoi,HN-BD,Ba Dinh",
                "VN,Vietnam,HN,Ha Noi,HN-HN,Hanoi,HN-HK,Hoan Kiem",
                "VN,Vietnam,HP,Hai Phong,,,,",
                "\"TH\",\"Thailand, Kingdom of\",,,,,,"));

        assertThat(directory.options(List.of()).options())
                .containsExactly(AddressOption.of("VN", "Vietnam"), AddressOption.of("TH", "Thailand, Kingdom of"));
        assertThat(directory.options(List.of("VN", "HN", "Hanoi")).options()).extracting(AddressOption::name)
                .containsExactly("Ba Dinh", "Hoan Kiem");
        assertThat(directory.check(Address.of("Vietnam", "Ha Noi", "Hanoi", "Hoan Kiem", ""))).isEmpty();
    }

    @Test
    void acceptsAByteOrderMarkCrlfLineEndsAndBlankLines() {
        byte[] bytes = ("\uFEFF" + HEADER + "\r\n\r\nVN,Việt Nam,,,,,,\r\n,,,,,,,\r\n").getBytes(StandardCharsets.UTF_8);

        AddressDirectory directory = AddressDirectories.fromCsv(new ByteArrayInputStream(bytes));

        assertThat(directory.options(List.of()).options()).containsExactly(AddressOption.of("VN", "Việt Nam"));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] bytes = (HEADER + "\nVN,Vi").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        bad[bad.length - 1] = (byte) 0xC3;

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> AddressDirectories.fromCsv(new ByteArrayInputStream(bad)));

        assertThat(e.getMessage()).startsWith("addressDirectory: cannot read the CSV at line 2").contains("UTF-8");
    }

    @Test
    void refusesAnotherHeader() {
        assertThat(refused("country,province,city,area\nVN,HN,Hanoi,\n").getMessage()).isEqualTo(
                "addressDirectory: line 1: the header must be " + HEADER + ", got 'country,province,city,area'");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() {
        assertThat(refused("").problem()).startsWith("the CSV is empty");
        assertThat(refused(HEADER + "\n").problem()).isEqualTo("the CSV has no rows below its header");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong cell count|VN,Vietnam,HN|line 2: 8 cells expected, got 3",
        "code without name|VN,Vietnam,HN,,,,,|line 2, column province_name: required with province_code",
        "name without code|VN,Vietnam,,Ha Noi,,,,|line 2, column province_code: required with province_name",
        "skipped level|VN,Vietnam,,,HN-HN,Hanoi,,|line 2, column city_code: a city needs its province"
                + " (province_code and province_name are empty)",
        "no country|,,HN,Ha Noi,,,,|line 2, column province_code: a province needs its country"
                + " (country_code and country_name are empty)",
        "quote inside a cell|VN,Viet \"Nam\",,,,,,|line 2, cell 2: a quote inside an unquoted cell; quote the"
                + " whole cell and double the quote",
        "text after a quote|VN,\"Viet\" Nam,,,,,,|line 2, cell 2: text after the closing quote",
        "unclosed quote|VN,\"Vietnam,,,,,,|line 2, cell 2: the quoted cell is not closed on its line (cells may"
                + " not hold line breaks)",
        "long code|VN,Vietnam,HANOI-CAPITAL-REGION-OF-VIETNAM-1,Ha Noi,,,,|line 2, column province_code: at most"
                + " 32 characters, got 33",
        "control character|VN,Viet\tNam,,,,,,|line 2, column country_name: control characters are not allowed",
    })
    void refusesABadRowNamingItsLineAndColumn(String what, String row, String problem) {
        assertThat(refused(csv(row)).problem()).as(what).isEqualTo(problem);
    }

    @Test
    void refusesANameOfEightyOneCharactersAndTakesEighty() {
        String eighty = "n".repeat(80);
        assertThat(load(csv("VN," + eighty + ",,,,,,")).options(List.of()).options().get(0).name()).isEqualTo(eighty);
        assertThat(refused(csv("VN," + eighty + "n,,,,,,")).problem())
                .isEqualTo("line 2, column country_name: at most 80 characters, got 81");
    }

    @Test
    void refusesACodeThatComesBackWithAnotherName() {
        assertThat(refused(csv("VN,Vietnam,HN,Ha Noi,,,,", "VN,Vietnam,HN,Hanoi,X,Y,,")).problem()).isEqualTo(
                "line 3, column province_name: province 'HN' is named 'Ha Noi' on line 2, got 'Hanoi'");
    }

    @Test
    void refusesTwoEntriesOfALevelThatMatchingCouldNotTellApart() {
        assertThat(refused(csv("VN,Vietnam,HN,Hà Nội,,,,", "VN,Vietnam,HNX,ha noi,,,,")).problem()).isEqualTo(
                "line 3, column province_name: 'ha noi' already names province 'HN' (line 2); codes and names of one"
                        + " level must differ, ignoring case and accents");
        assertThat(refused(csv("VN,Vietnam,HN,Ha Noi,,,,", "VN,Vietnam,ha noi,Hanoi City,,,,")).problem())
                .startsWith("line 3, column province_code: 'ha noi' already names province 'HN' (line 2)");
    }

    @Test
    void takesTheSameNameUnderDifferentParents() {
        AddressDirectory directory = load(csv("VN,Vietnam,HN,Ha Noi,A,Central,,", "VN,Vietnam,HP,Hai Phong,B,Central,,"));

        assertThat(directory.check(Address.of("VN", "HP", "central", "", ""))).isEmpty();
    }

    @Test
    void refusesARowThatAddsNothing() {
        assertThat(refused(csv("VN,Vietnam,HN,Ha Noi,,,,", "VN,Vietnam,HN,Ha Noi,,,,")).problem())
                .isEqualTo("line 3: adds nothing, province 'HN' is already listed on line 2");
        assertThat(refused(csv("VN,Vietnam,HN,Ha Noi,,,,", "VN,Vietnam,,,,,,")).problem())
                .isEqualTo("line 3: adds nothing, country 'VN' is already listed on line 2");
    }

    @Test
    void refusesALineLongerThanItsLimitWithoutReadingTheRest() {
        String endless = HEADER + "\nVN," + "x".repeat(5_000_000);

        assertThat(refused(endless).problem()).isEqualTo("line 2: longer than 1000 characters");
    }

    @Test
    void refusesMoreRowsThanItsLimit() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= AddressCsv.MAX_ROWS; i++) {
            text.append("C").append(i / 5_000).append(",Country ").append(i / 5_000).append(",P").append(i)
                    .append(",Province ").append(i).append(",,,,\n");
        }

        assertThat(refused(text.toString()).problem()).isEqualTo("line 100002: at most 100000 rows");
    }

    @Test
    void refusesMoreEntriesBelowOneEntryThanItsLimit() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= AddressCsv.MAX_CHILDREN; i++) {
            text.append("VN,Vietnam,P").append(i).append(",Province ").append(i).append(",,,,\n");
        }

        assertThat(refused(text.toString()).problem())
                .isEqualTo("line 10002, column province_code: at most 10000 entries of one level below one entry");
    }

    @Test
    void addsAFileToTheIsoCountriesTakingItsNameAsAnotherNameOfTheCountry() {
        AddressDirectory directory = AddressDirectories.isoCountriesWithCsv(new StringReader(csv(
                "VN,Viet Nam,,,,,,", "VN,Viet Nam,HN,Ha Noi,,,,")));

        assertThat(directory.check(Address.of("Viet Nam", "Ha Noi", "anything", "", ""))).isEmpty();
        assertThat(directory.check(Address.of("Vietnam", "Ha Noi", "", "", ""))).isEmpty();
        assertThat(directory.check(Address.of("Vietnam", "Saigon", "", "", ""))).contains(
                "no province 'Saigon' in country 'Vietnam'; nearest: Ha Noi");
        assertThat(directory.check(Address.of("France", "Anywhere", "", "", ""))).isEmpty();
        assertThat(directory.options(List.of()).options()).contains(AddressOption.of("VN", "Vietnam"));
    }
}
