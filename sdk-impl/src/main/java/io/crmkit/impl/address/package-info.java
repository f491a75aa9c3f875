/**
 * The address directories the kit ships: {@link io.crmkit.impl.address.AddressTree}, a tree of countries,
 * provinces, cities and areas held in memory, built from the JDK's ISO 3166 countries
 * ({@link io.crmkit.impl.address.IsoCountries}) or from a host's CSV file ({@link io.crmkit.impl.address.AddressCsv}).
 * Database-free; {@code io.crmkit.AddressDirectories} is the public way in.
 *
 * <p>Decisions a caller relies on:
 * <ul>
 * <li>An entry matches by its code or its name, trimmed, case-insensitive, ignoring accents (so "ha noi" matches
 *     "Hà Nội") and runs of spaces ({@link io.crmkit.impl.address.AddressKey}).</li>
 * <li>An entry without children is open below: any text is accepted there, so a host may load detail for some
 *     countries or provinces only.</li>
 * <li>A refusal names the nearest entries of the level (edit distance of code or name; a name starting with the
 *     input counts as nearest), at most five.</li>
 * </ul>
 */
package io.crmkit.impl.address;
