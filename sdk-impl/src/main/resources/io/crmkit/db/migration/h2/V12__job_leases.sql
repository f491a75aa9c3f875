-- CRMKit schema V12, H2.

-- A queued or running job is held by one run: lease_owner names the run, lease_until is when its hold ends
-- unless the run's kit renews it (a heartbeat every few seconds). A job whose lease ended belongs to nobody: it
-- is shown as interrupted and any kit may take it over with a conditional UPDATE, so two kits never both run it.
-- Rows running before this version have no lease, so they are interrupted at once.
ALTER TABLE ${prefix}bulk_job ADD lease_owner VARCHAR(64);
ALTER TABLE ${prefix}bulk_job ADD lease_until TIMESTAMP(6);
ALTER TABLE ${prefix}transfer_job ADD lease_owner VARCHAR(64);
ALTER TABLE ${prefix}transfer_job ADD lease_until TIMESTAMP(6);

-- What a bulk operation is (its parameters and selection, as a digest), so that running the same operation again
-- continues its unfinished job instead of starting another.
ALTER TABLE ${prefix}bulk_job ADD run_key VARCHAR(64);
CREATE INDEX ${prefix}bulk_job_run_key ON ${prefix}bulk_job (tenant_id, run_key);

-- The bulk job that created a task, so that a bulk task creation continued after a crash skips the customers that
-- already got their task.
ALTER TABLE ${prefix}task ADD bulk_job_id BIGINT;
CREATE INDEX ${prefix}task_bulk_job ON ${prefix}task (tenant_id, bulk_job_id, customer_id);
