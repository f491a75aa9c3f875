package io.crmkit.api.merge;

/** Which of the two customers gives a field its value in a merge. */
public enum Survivorship {
    /** The survivor's value, even when empty. */
    SURVIVOR,
    /** The merged customer's value, even when empty. */
    MERGED,
    /** The value of the customer updated last (the survivor's on a tie), even when empty. */
    NEWEST,
    /** The survivor's value, or the merged customer's when the survivor's is empty. The default. */
    NON_EMPTY
}
