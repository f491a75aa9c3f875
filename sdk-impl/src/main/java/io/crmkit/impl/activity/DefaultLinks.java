package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.Links;
import io.crmkit.impl.KitContext;
import io.crmkit.api.activity.Link;
import java.util.List;

/** {@link Links} for one actor. Not built yet. */
final class DefaultLinks implements Links {

    private final Actor actor;
    private final KitContext kit;

    DefaultLinks(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
    }

    @Override
    public Link add(long customerId, String type, String externalId, String label) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public List<Link> of(long customerId) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public boolean remove(long linkId) {
        throw new UnsupportedOperationException("not built yet");
    }
}
