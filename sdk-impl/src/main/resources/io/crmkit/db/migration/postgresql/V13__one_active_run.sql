-- CRMKit schema V13, PostgreSQL. At most one unfinished job per import file (its fingerprint) and per bulk operation (its run
-- key) in a tenant: the key is copied to active_key while the job is not DONE and cleared when it is, and a unique
-- index refuses a second unfinished job with the same key. Two kits starting the same new import or operation at
-- the same moment, before either has stored its job, can then no longer both run it: the second insert fails, and
-- the kit reports the job that holds the key. NULLs are distinct in unique indexes on every supported database, so
-- finished jobs never collide. Rows from before this version keep a NULL key (a re-run finds and takes them over
-- as before).
ALTER TABLE ${prefix}transfer_job ADD active_key VARCHAR(64);
CREATE UNIQUE INDEX ${prefix}transfer_job_active ON ${prefix}transfer_job (tenant_id, active_key);
ALTER TABLE ${prefix}bulk_job ADD active_key VARCHAR(64);
CREATE UNIQUE INDEX ${prefix}bulk_job_active ON ${prefix}bulk_job (tenant_id, active_key);
