package io.crmkit.impl.address;

import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.error.ConfigurationException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;

/**
 * Builds an {@link AddressTree} from a host's CSV file. The format, the limits and every refusal are documented on
 * {@code io.crmkit.AddressDirectories#fromCsv}; each refusal is a ConfigurationException on
 * {@code addressDirectory} naming the line and the column.
 */
public final class AddressCsv {

    /** The header, in this order; compared trimmed and case-insensitive. */
    public static final List<String> HEADER = List.of("country_code", "country_name", "province_code",
            "province_name", "city_code", "city_name", "area_code", "area_name");
    /** At most this many data rows. */
    public static final int MAX_ROWS = 100_000;
    /** At most this many entries below one entry (countries in the file, provinces of a country, ...). */
    public static final int MAX_CHILDREN = 10_000;
    /** At most this many characters in a code. */
    public static final int CODE_MAX = 32;
    /** At most this many characters in a name: what an address part holds. */
    public static final int NAME_MAX = CustomerLimits.ADDRESS_PART_MAX;

    private final CsvLines lines;
    private final AddressEntry root;
    private final boolean onIsoCountries;

    private AddressCsv(Reader reader, AddressEntry root, boolean onIsoCountries) {
        this.lines = new CsvLines(reader);
        this.root = root;
        this.onIsoCountries = onIsoCountries;
    }

    /**
     * @param reader         the CSV text; read to its end, not closed
     * @param onIsoCountries true to add the file to the ISO 3166 countries (a country of the file whose code is an
     *                       ISO code adds to that country, and its name becomes another name of it); false for a
     *                       directory of the file's entries only
     * @return the directory; strict about a blank level above a set one
     * @throws ConfigurationException on {@code addressDirectory} for a file that breaks the format or a limit
     */
    public static AddressTree read(Reader reader, boolean onIsoCountries) {
        AddressEntry root = onIsoCountries ? IsoCountries.root() : new AddressEntry(null, 0);
        AddressCsv csv = new AddressCsv(reader, root, onIsoCountries);
        csv.readAll();
        return new AddressTree(root, false);
    }

    static ConfigurationException problem(String problem) {
        return new ConfigurationException("addressDirectory", null, problem);
    }

    private void readAll() {
        header(lines.next());
        long rows = 0;
        for (List<String> cells = lines.next(); cells != null; cells = lines.next()) {
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (++rows > MAX_ROWS) {
                throw problem("line " + lines.number() + ": at most " + MAX_ROWS + " rows");
            }
            row(cells);
        }
        if (rows == 0) {
            throw problem("the CSV has no rows below its header");
        }
    }

    private void header(List<String> cells) {
        if (cells == null) {
            throw problem("the CSV is empty; its first line must be the header " + String.join(",", HEADER));
        }
        List<String> names = cells.stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(HEADER)) {
            throw problem("line 1: the header must be " + String.join(",", HEADER) + ", got '"
                    + String.join(",", cells) + "'");
        }
    }

    private void row(List<String> cells) {
        long line = lines.number();
        if (cells.size() != HEADER.size()) {
            throw problem("line " + line + ": " + HEADER.size() + " cells expected, got " + cells.size());
        }
        AddressEntry parent = root;
        boolean added = false;
        AddressEntry last = null;
        int depth = depth(cells, line);
        for (int level = 0; level < depth; level++) {
            String code = cell(cells, 2 * level, CODE_MAX, line);
            String name = cell(cells, 2 * level + 1, NAME_MAX, line);
            AddressEntry entry = parent.byCode(code);
            if (entry == null) {
                entry = add(parent, level, code, name, line);
                added = true;
            } else if (!entry.option().name().equals(name)) {
                if (!(onIsoCountries && level == 0 && entry.line() == 0)) {
                    throw problem(at(line, 2 * level + 1) + AddressTree.LEVELS.get(level) + " '" + code
                            + "' is named '" + entry.option().name() + "' on line " + entry.line() + ", got '"
                            + name + "'");
                }
                alias(parent, entry, name, line);
            }
            last = entry;
            parent = entry;
        }
        if (!added && !(onIsoCountries && depth == 1 && last.line() == 0)) {
            throw problem("line " + line + ": adds nothing, " + AddressTree.LEVELS.get(depth - 1) + " '"
                    + last.option().code() + "' is already listed"
                    + (last.line() == 0 ? " as an ISO 3166 country" : " on line " + last.line()));
        }
    }

    /** @return how many levels the row sets, checking that each has a code and a name and none skips its parent */
    private static int depth(List<String> cells, long line) {
        int depth = 0;
        for (int level = 0; level < AddressTree.LEVELS.size(); level++) {
            boolean code = !cells.get(2 * level).isBlank();
            boolean name = !cells.get(2 * level + 1).isBlank();
            if (!code && !name) {
                continue;
            }
            if (code != name) {
                int missing = code ? 2 * level + 1 : 2 * level;
                throw problem(at(line, missing) + "required with " + HEADER.get(code ? 2 * level : 2 * level + 1));
            }
            if (depth != level) {
                throw problem(at(line, 2 * level) + "a " + AddressTree.LEVELS.get(level) + " needs its "
                        + AddressTree.LEVELS.get(level - 1) + " (" + HEADER.get(2 * level - 2) + " and "
                        + HEADER.get(2 * level - 1) + " are empty)");
            }
            depth++;
        }
        return depth;
    }

    private static String cell(List<String> cells, int column, int max, long line) {
        String value = cells.get(column).strip();
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw problem(at(line, column) + "at most " + max + " characters, got " + length);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw problem(at(line, column) + "control characters are not allowed");
        }
        return value;
    }

    private AddressEntry add(AddressEntry parent, int level, String code, String name, long line) {
        if (parent.children().size() == MAX_CHILDREN) {
            throw problem(at(line, 2 * level) + "at most " + MAX_CHILDREN + " entries of one level below one entry");
        }
        taken(parent, level, code, line, 2 * level);
        taken(parent, level, name, line, 2 * level + 1);
        AddressEntry entry = new AddressEntry(AddressOption.of(code, name), line);
        parent.add(entry);
        return entry;
    }

    private void alias(AddressEntry parent, AddressEntry entry, String name, long line) {
        AddressEntry other = parent.find(name);
        if (other == null) {
            parent.alias(entry, name);
        } else if (other != entry) {
            taken(parent, 0, name, line, 1);
        }
    }

    /** Refuses a code or name whose key already names another entry of the level: matching would be ambiguous. */
    private static void taken(AddressEntry parent, int level, String text, long line, int column) {
        AddressEntry other = parent.find(text);
        if (other != null) {
            throw problem(at(line, column) + "'" + text + "' already names " + AddressTree.LEVELS.get(level) + " '"
                    + other.option().code() + "' (" + (other.line() == 0 ? "ISO 3166" : "line " + other.line())
                    + "); codes and names of one level must differ, ignoring case and accents");
        }
    }

    private static String at(long line, int column) {
        return "line " + line + ", column " + HEADER.get(column) + ": ";
    }
}
