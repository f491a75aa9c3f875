package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;

/**
 * One entry of an {@link AddressDirectory} level: a country, a province, a city or an area, as a UI lists it.
 * An address may name the entry by either its code or its name (see {@link AddressDirectory#check}).
 *
 * @param code the entry's code, such as {@code "VN"} or {@code "HN"}; unique among its siblings; not blank
 * @param name the entry's name, such as {@code "Vietnam"} or {@code "Ha Noi"}; what a UI shows and what a
 *             customer's address usually stores; not blank
 */
public record AddressOption(String code, String name) {

    /**
     * @param code the entry's code; not null or blank
     * @param name the entry's name; not null or blank
     * @throws ValidationException on {@code code} or {@code name}, code {@code required}, when null or blank
     */
    public AddressOption {
        if (ValidationException.requireNonNull(code, "code").isBlank()) {
            throw ValidationException.of("code", "required", "code: must not be blank");
        }
        if (ValidationException.requireNonNull(name, "name").isBlank()) {
            throw ValidationException.of("name", "required", "name: must not be blank");
        }
    }

    /**
     * @param code the entry's code; not null or blank
     * @param name the entry's name; not null or blank
     * @return the entry
     * @throws ValidationException on {@code code} or {@code name}, code {@code required}, when null or blank
     */
    public static AddressOption of(String code, String name) {
        return new AddressOption(code, name);
    }
}
