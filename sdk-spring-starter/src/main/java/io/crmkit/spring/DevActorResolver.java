package io.crmkit.spring;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;

/**
 * The {@link ActorResolver} of {@code crmkit.dev-actor.enabled=true}, for single-tenant development only: every
 * call, whoever makes it, acts as tenant {@value #TENANT}, actor {@value #ACTOR_ID}, with every permission.
 */
final class DevActorResolver implements ActorResolver {

    static final String TENANT = "default";
    static final String ACTOR_ID = "dev";

    private static final Actor ACTOR = Actor.of(TENANT, ACTOR_ID, Permission.ALL);

    @Override
    public Actor currentActor() {
        return ACTOR;
    }
}
