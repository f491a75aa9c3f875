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
 * <p>An application without such a bean: with Spring Security on the class path, acts as the signed-in user,
 * tenant and permissions read from their authorities ({@code TENANT_<tenant>}, {@code CRM_<permission>}) or the
 * tenant from a claim of their token (see {@code crmkit.security.*}), and refuses every call with a
 * {@code PermissionDeniedException} when nobody is signed in or the user has no tenant. Without Spring Security, it
 * fails to start, showing how to define a resolver, unless {@code crmkit.dev-actor.enabled=true} opts in to a
 * development actor (tenant {@code default}, actor {@code dev}, every permission; a warning at start-up says so).
 * No caller ever gets every permission by default.
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
