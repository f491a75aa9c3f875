package io.crmkit.activity;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.api.activity.Timeline;
import io.crmkit.api.activity.TimelineQuery;

/** A timeline read of the host's own events only, leaving out the automatic ones the SDK records with changes. */
final class HostEvents {

    static final TimelineQuery QUERY = TimelineQuery.newest().types(Timeline.BUILT_IN_TYPES.stream()
            .filter(type -> !EventTypes.AUTOMATIC.contains(type)).toArray(String[]::new));

    private HostEvents() {
    }
}
