package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.Timeline;
import io.crmkit.impl.KitContext;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.filter.Page;
import java.util.List;

/** {@link Timeline} for one actor. Not built yet. */
final class DefaultTimeline implements Timeline {

    private final Actor actor;
    private final KitContext kit;

    DefaultTimeline(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
    }

    @Override
    public Event record(EventDraft draft) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public int append(List<EventDraft> drafts) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Page<Event> read(long customerId, TimelineQuery query) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void registerType(String type) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public List<String> types() {
        throw new UnsupportedOperationException("not built yet");
    }
}
