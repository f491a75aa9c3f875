package io.crmkit.api.customer;

import java.util.Optional;

/**
 * The preset address data that the country, province, city and area of an {@link Address} must come from
 * (004's "address names preset in address data"). Plug one into the kit builder; the default accepts any.
 *
 * <p>Called on every write of an address, so implementations should answer from memory. They must be
 * thread-safe.
 */
@FunctionalInterface
public interface AddressDirectory {

    /** A directory that accepts every address. */
    AddressDirectory ANY = address -> Optional.empty();

    /**
     * Checks the four directory levels of an address (the detail line is free text and not passed on).
     *
     * @param address the address to check; its parts are already trimmed
     * @return empty when the address is known, otherwise a short reason such as
     *         {@code "no city 'Hanoii' in province 'Ha Noi'"}, reported to the caller as the error message
     */
    Optional<String> check(Address address);
}
