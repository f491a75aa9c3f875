package io.crmkit.impl.job;

/**
 * One run's hold on one job row: the row's {@code lease_owner} is {@code owner} while the run holds it.
 *
 * @param tenantId the job's tenant
 * @param jobId    the job's id
 * @param owner    a random token of this run, distinct for every run, also of the same kit
 */
public record Lease(String tenantId, long jobId, String owner) {
}
