package io.crmkit.api.customer;

/**
 * A postal address: four levels picked from the tenant's {@link AddressDirectory} plus a free detail line.
 * An absent part is the empty string, never null. Each part holds at most
 * {@link CustomerLimits#ADDRESS_PART_MAX} characters, checked when a customer is written.
 *
 * @param country  country name, "" if none
 * @param province province or state, "" if none
 * @param city     city, "" if none
 * @param area     district or area, "" if none
 * @param detail   street, building and the rest, "" if none
 */
public record Address(String country, String province, String city, String area, String detail) {

    /** The address with no part set. */
    public static final Address EMPTY = new Address("", "", "", "", "");

    /**
     * Replaces null parts with "". Lengths are not checked here but when a customer is written, on field
     * {@code address.country}, {@code address.province}, ... (code {@code too_long}).
     *
     * @param country  country name; null for none
     * @param province province or state; null for none
     * @param city     city; null for none
     * @param area     district or area; null for none
     * @param detail   street, building and the rest; null for none
     */
    public Address {
        country = country == null ? "" : country;
        province = province == null ? "" : province;
        city = city == null ? "" : city;
        area = area == null ? "" : area;
        detail = detail == null ? "" : detail;
    }

    /**
     * @param country  country name, at most {@link CustomerLimits#ADDRESS_PART_MAX} characters; null or "" for none
     * @param province province or state, same limit; null or "" for none
     * @param city     city, same limit; null or "" for none
     * @param area     district or area, same limit; null or "" for none
     * @param detail   street, building and the rest, same limit; free text, not checked against the directory
     * @return the address with the four directory levels and a detail line
     */
    public static Address of(String country, String province, String city, String area, String detail) {
        return new Address(country, province, city, area, detail);
    }

    /** @return whether no part is set */
    public boolean isEmpty() {
        return country.isEmpty() && province.isEmpty() && city.isEmpty() && area.isEmpty() && detail.isEmpty();
    }
}
