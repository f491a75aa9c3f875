package io.crmkit.impl.address;

import io.crmkit.api.customer.AddressOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * The built-in directory: every ISO 3166 country the JDK knows ({@link Locale#getISOCountries()}), with its
 * two-letter code and English name, found also by its three-letter code; open below every country.
 */
public final class IsoCountries {

    private static final AddressTree DIRECTORY = build();

    private IsoCountries() {
    }

    /** @return the directory of every ISO 3166 country, sorted by English name; one shared immutable instance */
    public static AddressTree directory() {
        return DIRECTORY;
    }

    /** @return a root whose children are the countries, for a CSV to add to */
    static AddressEntry root() {
        AddressEntry root = new AddressEntry(null, 0);
        List<Locale> countries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            countries.add(new Locale("", code));
        }
        countries.sort(Comparator.comparing(country -> country.getDisplayCountry(Locale.ENGLISH)));
        for (Locale country : countries) {
            AddressEntry entry = new AddressEntry(
                    AddressOption.of(country.getCountry(), country.getDisplayCountry(Locale.ENGLISH)), 0);
            root.add(entry);
            try {
                root.alias(entry, country.getISO3Country());
            } catch (MissingResourceException e) {
                // A country without a three-letter code is still found by its two letters and its name.
            }
        }
        return root;
    }

    private static AddressTree build() {
        return new AddressTree(root(), true);
    }
}
