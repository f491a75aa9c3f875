-- CRMKit schema V16, PostgreSQL. One table for every kind of job: bulk operations (bulk_job) and imports and exports
-- (transfer_job) move into job, keeping their ids, so that the ids hosts stored, import_failure.job_id, job_file.job_id
-- and task.bulk_job_id still name their jobs. Ids come from the kit's id generator, unique per database, so the
-- two tables never share one. kind is BULK, IMPORT or EXPORT today; no constraint limits it, so that a newer kit can
-- store other kinds. run_key is what a job is, for running it again to continue it: a bulk operation's run key, an
-- import's fingerprint (an export has none; it stored an empty fingerprint before). The columns only some kinds use
-- are NULL for the others; dry_run is FALSE for every kind but a dry-run import.
CREATE TABLE ${prefix}job (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               BIGINT        NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    actor_id         VARCHAR(64)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    operation        VARCHAR(32),
    selection        TEXT,
    token            VARCHAR(64),
    file_name        VARCHAR(255),
    dry_run          BOOLEAN       DEFAULT FALSE NOT NULL,
    run_key          VARCHAR(64),
    active_key       VARCHAR(64),
    total            BIGINT        NOT NULL,
    done             BIGINT        NOT NULL,
    result           TEXT,
    error            VARCHAR(1000),
    request          TEXT,
    created_at       TIMESTAMP(6)  NOT NULL,
    updated_at       TIMESTAMP(6)  NOT NULL,
    lease_owner      VARCHAR(64),
    lease_until      TIMESTAMP(6),
    cancel_requested BOOLEAN       DEFAULT FALSE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- The latest jobs of a tenant, of every kind and of one kind.
CREATE INDEX ${prefix}job_created ON ${prefix}job (tenant_id, created_at);
CREATE INDEX ${prefix}job_kind_created ON ${prefix}job (tenant_id, kind, created_at);
-- The earlier job of the same operation or import, which running it again continues.
CREATE INDEX ${prefix}job_run_key ON ${prefix}job (tenant_id, run_key);
-- At most one unfinished job per key (see V13); NULLs never collide.
CREATE UNIQUE INDEX ${prefix}job_active ON ${prefix}job (tenant_id, active_key);
-- A pending bulk delete, found by its confirmation's token.
CREATE INDEX ${prefix}job_token ON ${prefix}job (tenant_id, token);

INSERT INTO ${prefix}job (tenant_id, id, kind, actor_id, state, operation, selection, token, file_name, dry_run,
        run_key, active_key, total, done, result, error, request, created_at, updated_at, lease_owner, lease_until,
        cancel_requested)
    SELECT tenant_id, id, 'BULK', actor_id, state, operation, selection, token, NULL, FALSE,
        run_key, active_key, total, done, result, error, request, created_at, updated_at, lease_owner, lease_until,
        cancel_requested
    FROM ${prefix}bulk_job;
INSERT INTO ${prefix}job (tenant_id, id, kind, actor_id, state, operation, selection, token, file_name, dry_run,
        run_key, active_key, total, done, result, error, request, created_at, updated_at, lease_owner, lease_until,
        cancel_requested)
    SELECT tenant_id, id, kind, actor_id, state, NULL, NULL, NULL, file_name, dry_run,
        NULLIF(fingerprint, ''), active_key, total, done, result, error, request, created_at, updated_at, lease_owner,
        lease_until, cancel_requested
    FROM ${prefix}transfer_job;

DROP TABLE ${prefix}bulk_job;
DROP TABLE ${prefix}transfer_job;
