-- CRMKit schema V15, PostgreSQL. What a bulk operation submitted as a job was asked to do (its selection and operation
-- as JSON), so that any instance of the host can run it on the scheduler, or continue it after the instance running
-- it died.
ALTER TABLE ${prefix}bulk_job ADD request TEXT;
-- A cancel asked for in one instance of a job that runs in another: the running instance reads it after each chunk
-- and stops the job as CANCELLED.
ALTER TABLE ${prefix}bulk_job ADD cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ${prefix}transfer_job ADD cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
