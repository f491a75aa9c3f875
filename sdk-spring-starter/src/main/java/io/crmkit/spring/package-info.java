/**
 * The CRMKit Spring Boot starter: {@link io.crmkit.spring.CrmKitAutoConfiguration} builds one
 * {@link io.crmkit.CrmKit} from the application's DataSource and the {@code crmkit.*} properties
 * ({@link io.crmkit.spring.CrmKitProperties}), and a {@link io.crmkit.api.Crm} bean acting as the
 * {@link io.crmkit.spring.ActorResolver}'s current actor (the application's resolver, else Spring Security's signed-in
 * user, else the development actor of {@code crmkit.dev-actor.enabled=true}, else start-up fails); with Actuator, a {@code crmkit} health indicator; with
 * Micrometer, timers and counters of imports, exports, merges and searches.
 */
package io.crmkit.spring;
