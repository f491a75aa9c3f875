package io.crmkit.api.customer;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The preset address data that the country, province, city and area of an {@link Address} must come from
 * (004's "address names preset in address data"). The kit checks every address it writes with {@link #check}
 * (a single create or update fails with a {@link ValidationException} on field {@code address}, code
 * {@code not_allowed}; an import reports the row as failed and imports the others); a UI lists the choices of a
 * level with {@link #options}.
 *
 * <p>The kit's default knows every ISO 3166 country and takes any text below a country;
 * {@code io.crmkit.AddressDirectories} (in sdk-impl) returns it and builds one from a host's CSV file. {@link #ANY} accepts everything.
 * A plain lambda is a directory too: it only checks, and {@link #options} then says every level is open.
 *
 * <p>Called on every write of an address, so implementations should answer from memory. They must be
 * thread-safe.
 */
@FunctionalInterface
public interface AddressDirectory {

    /** The deepest path {@link #options} takes: country, province, city (whose options are its areas). */
    int PATH_MAX = 3;

    /** A directory that accepts every address; every level is {@link AddressOptions#OPEN}. */
    AddressDirectory ANY = address -> Optional.empty();

    /**
     * Checks the four directory levels of an address (the detail line is free text and not passed on).
     *
     * @param address the address to check; its parts are already trimmed, at most
     *                {@link CustomerLimits#ADDRESS_PART_MAX} characters each, and at least one is set
     * @return empty when the address is known, otherwise a short reason such as
     *         {@code "no city 'Hanoii' in province 'Ha Noi'; nearest: Hanoi, Hai Phong"}, reported to the caller
     *         as the error message
     */
    Optional<String> check(Address address);

    /**
     * Lists the entries one level below a path, for a UI to offer: the empty path gives the countries,
     * {@code [country]} its provinces, {@code [country, province]} its cities and {@code [country, province, city]}
     * its areas. Each element names an entry by its code or its name, as {@link #check} matches them.
     *
     * <p>The default implementation, for directories that only check, checks the path's shape and answers
     * {@link AddressOptions#OPEN}.
     *
     * @param path the entries above the level wanted, from the country down; 0 to {@link #PATH_MAX} elements
     * @return the level's entries and whether it is open; below an open level, {@link AddressOptions#OPEN}
     * @throws ValidationException on {@code path}, code {@code required} when it is null, {@code too_many} when it
     *                             has more than {@link #PATH_MAX} elements; on {@code path[index]}, code
     *                             {@code required} for a null or blank element, {@code too_long} for one longer than
     *                             {@link CustomerLimits#ADDRESS_PART_MAX} characters (what an address part holds),
     *                             {@code not_allowed} for an entry the directory does not know (the message lists the
     *                             nearest ones)
     */
    default AddressOptions options(List<String> path) {
        checkPath(path);
        return AddressOptions.OPEN;
    }

    /**
     * Checks the shape of a path given to {@link #options}, for implementations.
     *
     * @param path the path to check
     * @return the path, unmodifiable
     * @throws ValidationException as {@link #options} documents for the shape of the path
     */
    static List<String> checkPath(List<String> path) {
        List<String> copy = ValidationException.requireNoNulls(path, "path");
        if (copy.size() > PATH_MAX) {
            throw ValidationException.of("path", "too_many", "path: at most " + PATH_MAX
                    + " levels (country, province, city), got " + copy.size());
        }
        for (int i = 0; i < copy.size(); i++) {
            String field = "path[" + i + "]";
            if (copy.get(i).isBlank()) {
                throw ValidationException.of(field, "required", field + ": must not be blank");
            }
            int length = copy.get(i).strip().codePointCount(0, copy.get(i).strip().length());
            if (length > CustomerLimits.ADDRESS_PART_MAX) {
                throw new ValidationException(List.of(FieldError.of(field, "too_long", field + ": at most "
                        + CustomerLimits.ADDRESS_PART_MAX + " characters, got " + length,
                        CustomerLimits.ADDRESS_PART_MAX)));
            }
        }
        return copy;
    }
}
