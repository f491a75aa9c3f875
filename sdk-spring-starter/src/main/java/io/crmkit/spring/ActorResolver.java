package io.crmkit.spring;

import io.crmkit.api.Actor;

/**
 * Tells who is acting right now: the tenant, the user and their permissions, read from wherever the application
 * keeps them (the Spring Security context, a request header checked by a filter, a job's own identity...).
 *
 * <p>The starter's {@link io.crmkit.api.Crm} bean calls it on every service call ({@code crm.customers()},
 * {@code crm.filters()}, ...), on the calling thread, so that a controller injects {@code Crm} once and each
 * request acts as its own actor:
 *
 * <pre>{@code
 * @Bean
 * ActorResolver actorResolver() {
 *     return () -> {
 *         Authentication user = SecurityContextHolder.getContext().getAuthentication();
 *         return Actor.of(tenantOf(user), user.getName(), permissionsOf(user));
 *     };
 * }
 * }</pre>
 *
 * <p>An application without such a bean gets the default for single-tenant applications without per-user
 * permissions: every call acts as tenant {@code default}, actor {@code app}, with every permission (a warning at start-up says so).
 *
 * <p>Implementations must be thread-safe and cheap, and must not return null; to refuse a call when nobody is
 * signed in, throw (the exception reaches the caller of {@code crm.customers()} unchanged).
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * @return the actor the current call runs as; never null
     */
    Actor currentActor();
}
