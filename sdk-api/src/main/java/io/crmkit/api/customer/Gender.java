package io.crmkit.api.customer;

/** A customer's gender, as the products in the requirement documents record it. */
public enum Gender {
    /** Male. */
    MALE,
    /** Female. */
    FEMALE,
    /** Not known or not given; the default. */
    UNKNOWN
}
