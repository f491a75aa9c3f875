package io.crmkit.api.filter;

/** What {@link FilterService#saveSplit} makes of each part of a split. */
public enum SplitTarget {
    /** A saved filter per part: its members follow the part's range as customers change. */
    SAVED_FILTERS,
    /** A group per part: the part's customers at the time of the split, fixed. */
    GROUPS
}
