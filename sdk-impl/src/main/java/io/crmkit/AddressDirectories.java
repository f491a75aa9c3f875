package io.crmkit;

import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.impl.address.AddressCsv;
import io.crmkit.impl.address.IsoCountries;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The address directories the kit ships, for {@link CrmKit.Builder#addressDirectory}.
 *
 * <ul>
 * <li>{@link #isoCountries()}, the kit's default: every ISO 3166 country the JDK knows, by its two-letter code
 *     (the option's code), its three-letter code or its English name ("VN", "VNM", "Vietnam"); any text below a
 *     country; an address without a country is not checked at all.</li>
 * <li>{@link #fromCsv(Reader)}: exactly the entries of a host's CSV file.</li>
 * <li>{@link #isoCountriesWithCsv(Reader)}: the ISO countries with a host's CSV file added below them.</li>
 * </ul>
 *
 * <p>Every directory here matches a code or a name trimmed, case-insensitive and ignoring accents and runs of
 * spaces ("ha noi" finds "Hà Nội"); the address keeps the text as written. An entry without children is open: any
 * text is accepted below it ({@link io.crmkit.api.customer.AddressOptions#open()}). A refusal names the level,
 * the text, the entry above and at most five nearest entries:
 * {@code "no city 'Hanoii' in province 'Ha Noi'; nearest: Hanoi, Hai Phong"}. A directory loaded from a CSV also
 * refuses a blank level with a set level below it where the blank level has entries
 * ({@code "no province given for city 'Hanoi'"}).
 *
 * <h2>The CSV format</h2>
 * UTF-8, with or without a byte-order mark; comma-separated; a cell may be quoted with double quotes (to hold a
 * comma; a quote inside is doubled) but may not hold a line break. The first line is the header
 * {@code country_code,country_name,province_code,province_name,city_code,city_name,area_code,area_name}. Each
 * further line lists one entry with the entries above it, from the country down; the levels below the entry are
 * left empty:
 * <pre>
 * country_code,country_name,province_code,province_name,city_code,city_name,area_code,area_name
 * VN,Vietnam,,,,,,
 * VN,Vietnam,HN,Ha Noi,,,,
 * VN,Vietnam,HN,Ha Noi,HN-HN,Hanoi,HN-BD,Ba Dinh
 * VN,Vietnam,HN,Ha Noi,HN-HN,Hanoi,HN-HK,Hoan Kiem
 * </pre>
 * An entry listed once may be repeated on later lines as the parent of others (the code is what identifies it).
 * The file is refused, with a {@link ConfigurationException} on {@code addressDirectory} naming the line and the
 * column, when:
 * <ul>
 * <li>the header differs (compared trimmed and case-insensitive), or a line has other than 8 cells;</li>
 * <li>a level has a code without a name or a name without a code, or is set while the level above it is empty;</li>
 * <li>a code is longer than 32 characters, a name longer than
 *     80 (what an address part holds), or a cell holds a control
 *     character;</li>
 * <li>a code listed before comes with another name (with {@link #isoCountriesWithCsv} a country's other name is
 *     taken as another name of it);</li>
 * <li>a code or name of an entry is the code or name of another entry of the same level and parent, ignoring case
 *     and accents (matching would be ambiguous);</li>
 * <li>a line adds nothing (it repeats an earlier line, or lists an entry already listed as a parent);</li>
 * <li>the file has no rows, more than 100,000 rows, more than
 *     10,000 entries below one entry, or a line longer than 1,000
 *     characters; so no file can take more than a bounded share of the heap;</li>
 * <li>the text is not UTF-8 (from an {@link InputStream} or a {@link Path}) or cannot be read.</li>
 * </ul>
 * Blank lines are skipped. Entries keep the file's order in {@link AddressDirectory#options}.
 *
 * <p>Every directory returned is immutable and thread-safe and answers from memory.
 */
public final class AddressDirectories {

    private AddressDirectories() {
    }

    /**
     * @return the kit's default directory: every ISO 3166 country, sorted by English name, open below each; one
     *         shared instance
     */
    public static AddressDirectory isoCountries() {
        return IsoCountries.directory();
    }

    /**
     * @param csv the CSV text in the format above; read to its end and not closed
     * @return a directory of exactly the file's entries
     * @throws ConfigurationException on {@code addressDirectory} when the file breaks the format or a limit, or
     *                                cannot be read
     */
    public static AddressDirectory fromCsv(Reader csv) {
        return AddressCsv.read(require(csv), false);
    }

    /**
     * @param csv UTF-8 bytes of the CSV; read to its end and not closed
     * @return a directory of exactly the file's entries
     * @throws ConfigurationException as {@link #fromCsv(Reader)}, and when the bytes are not UTF-8
     */
    public static AddressDirectory fromCsv(InputStream csv) {
        return fromCsv(utf8(require(csv)));
    }

    /**
     * @param csv a UTF-8 CSV file
     * @return a directory of exactly the file's entries
     * @throws ConfigurationException as {@link #fromCsv(InputStream)}, and when the file cannot be opened
     */
    public static AddressDirectory fromCsv(Path csv) {
        try (InputStream in = Files.newInputStream(require(csv))) {
            return fromCsv(in);
        } catch (IOException e) {
            throw new ConfigurationException("addressDirectory", csv.toString(), "cannot read the CSV file ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * @param csv the CSV text in the format above, whose countries are ISO 3166 countries (by two-letter code) or
     *            others; read to its end and not closed
     * @return the ISO 3166 countries with the file's entries added; a country of the file found by its code among
     *         the ISO countries adds its entries there, and its name becomes another name of it; countries the file
     *         does not fill stay open below
     * @throws ConfigurationException as {@link #fromCsv(Reader)}
     */
    public static AddressDirectory isoCountriesWithCsv(Reader csv) {
        return AddressCsv.read(require(csv), true);
    }

    /**
     * @param csv UTF-8 bytes of the CSV; read to its end and not closed
     * @return as {@link #isoCountriesWithCsv(Reader)}
     * @throws ConfigurationException as {@link #fromCsv(InputStream)}
     */
    public static AddressDirectory isoCountriesWithCsv(InputStream csv) {
        return isoCountriesWithCsv(utf8(require(csv)));
    }

    private static Reader utf8(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new ConfigurationException("addressDirectory", null, "the CSV must not be null");
        }
        return value;
    }
}
