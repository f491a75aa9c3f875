/**
 * What every stored job (bulk operations, imports, exports) shares: the lease a run holds on its job row while it
 * is queued or running, renewed by the kit's heartbeat.
 */
package io.crmkit.impl.job;
