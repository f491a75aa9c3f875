package io.crmkit.impl.address;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.customer.AddressOptions;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * An address directory held in memory as a tree of countries, provinces, cities and areas. An entry matches by
 * code or name ({@link AddressKey}); an entry without children is open below.
 *
 * <p>A blank level with a set level below it (a city without its province) is refused where the blank level has
 * entries, unless the tree lets a blank level end the check: the built-in ISO directory does, so that addresses
 * without a country, written before the kit checked countries, stay valid.
 *
 * <p>Immutable once built, so thread-safe; a check costs a few hash look-ups, and a refusal one pass over the
 * level's entries to find the nearest ones.
 */
public final class AddressTree implements AddressDirectory {

    static final List<String> LEVELS = List.of("country", "province", "city", "area");

    private final AddressEntry root;
    private final boolean blankEndsCheck;

    AddressTree(AddressEntry root, boolean blankEndsCheck) {
        this.root = root;
        this.blankEndsCheck = blankEndsCheck;
    }

    @Override
    public Optional<String> check(Address address) {
        List<String> parts = List.of(address.country().strip(), address.province().strip(), address.city().strip(),
                address.area().strip());
        AddressEntry entry = root;
        for (int level = 0; level < LEVELS.size(); level++) {
            if (entry.isOpen()) {
                return Optional.empty();
            }
            String part = parts.get(level);
            if (part.isEmpty()) {
                return blankEndsCheck ? Optional.empty() : missing(level, parts);
            }
            AddressEntry child = entry.find(part);
            if (child == null) {
                return Optional.of(unknown(level, part, entry));
            }
            entry = child;
        }
        return Optional.empty();
    }

    @Override
    public AddressOptions options(List<String> path) {
        List<String> checked = AddressDirectory.checkPath(path);
        AddressEntry entry = root;
        for (int level = 0; level < checked.size(); level++) {
            if (entry.isOpen()) {
                return AddressOptions.OPEN;
            }
            AddressEntry child = entry.find(checked.get(level));
            if (child == null) {
                String field = "path[" + level + "]";
                throw ValidationException.of(field, "not_allowed", field + ": "
                        + unknown(level, checked.get(level).strip(), entry));
            }
            entry = child;
        }
        if (entry.isOpen()) {
            return AddressOptions.OPEN;
        }
        return new AddressOptions(entry.children().stream().map(AddressEntry::option).toList(), false);
    }

    private Optional<String> missing(int level, List<String> parts) {
        for (int below = level + 1; below < parts.size(); below++) {
            if (!parts.get(below).isEmpty()) {
                return Optional.of("no " + LEVELS.get(level) + " given for " + LEVELS.get(below) + " '"
                        + parts.get(below) + "'");
            }
        }
        return Optional.empty();
    }

    private static String unknown(int level, String part, AddressEntry parent) {
        AddressOption above = parent.option();
        String where = above == null ? "" : " in " + LEVELS.get(level - 1) + " '" + above.name() + "'";
        return "no " + LEVELS.get(level) + " '" + part + "'" + where + "; nearest: "
                + NearestOptions.of(part, parent.children());
    }
}
