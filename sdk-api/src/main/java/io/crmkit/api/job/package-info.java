/**
 * One view of every stored job of a tenant, whatever its kind: bulk operations, imports, exports and recomputes of
 * metrics. Find, list, cancel and wait for a job through {@link io.crmkit.api.job.Jobs}, obtained from
 * {@code Crm.jobs()}.
 */
package io.crmkit.api.job;
