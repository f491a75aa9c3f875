-- CRMKit schema V14, H2. The files of jobs kept in the database, so that any instance of the host can serve them:
-- an export submitted without a host path writes its output here. A file is a sequence of chunks of at most 1 MiB
-- (seq 0, 1, ...), each written in its own short transaction and read back one at a time, so that neither writing nor
-- serving a file holds more than one chunk in memory. Files older than the kit's retention (jobFileRetention, 7 days
-- by default) are deleted.
CREATE TABLE ${prefix}job_file (
    tenant_id   VARCHAR(64)   NOT NULL,
    job_id      BIGINT        NOT NULL,
    seq         INTEGER       NOT NULL,
    bytes       BLOB          NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (tenant_id, job_id, seq)
);
CREATE INDEX ${prefix}job_file_created ON ${prefix}job_file (created_at);

-- What an import submitted as a job was asked to do (its settings as JSON; its file is the job's file above), so
-- that any instance can run it, or continue it after the instance running it died.
ALTER TABLE ${prefix}transfer_job ADD request CLOB;

-- db-scheduler's executions (its own table layout, with the kit's prefix): a submitted import is an execution that
-- any kit on the database picks up, and a kit that dies while running one has it picked up by another after its
-- heartbeats stop. Its key cannot lead with tenant_id: the tenant is in the execution's instance id and data.
CREATE TABLE ${prefix}scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ${prefix}scheduled_tasks_execution_time ON ${prefix}scheduled_tasks (execution_time);
CREATE INDEX ${prefix}scheduled_tasks_last_heartbeat ON ${prefix}scheduled_tasks (last_heartbeat);
CREATE INDEX ${prefix}scheduled_tasks_priority ON ${prefix}scheduled_tasks (priority, execution_time);
