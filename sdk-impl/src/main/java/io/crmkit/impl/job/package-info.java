/**
 * What every stored job (bulk operations, imports, exports) shares: its row in the one job table and the life it goes
 * through there ({@link io.crmkit.impl.job.JobStore}), the lease a run holds on it while it is queued or running,
 * renewed by the kit's heartbeat, its files, the scheduler that runs submitted jobs in any kit, and
 * {@code Crm.jobs()}.
 */
package io.crmkit.impl.job;
