package io.crmkit.spring;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;

/** The {@link ActorResolver} of applications that define none: one tenant, one actor, every permission. */
final class DefaultActorResolver implements ActorResolver {

    static final String TENANT = "default";
    static final String ACTOR_ID = "app";

    private static final Actor ACTOR = Actor.of(TENANT, ACTOR_ID, Permission.ALL);

    @Override
    public Actor currentActor() {
        return ACTOR;
    }
}
