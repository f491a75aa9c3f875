-- Import and export jobs. An import's progress, counts and failed rows commit with each chunk, so that running
-- the same import again (same fingerprint: file digest and request) continues after the last committed row.
CREATE TABLE ${prefix}transfer_job (
    tenant_id   VARCHAR(64)   NOT NULL,
    id          BIGINT        NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    actor_id    VARCHAR(64)   NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    fingerprint VARCHAR(64)   NOT NULL,
    dry_run     BOOLEAN       NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    total       BIGINT        NOT NULL,
    done        BIGINT        NOT NULL,
    result      MEDIUMTEXT,
    error       VARCHAR(1000),
    created_at  DATETIME(6)    NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}transfer_job_created ON ${prefix}transfer_job (tenant_id, created_at);
CREATE INDEX ${prefix}transfer_job_fingerprint ON ${prefix}transfer_job (tenant_id, fingerprint);

-- The failed rows of an import, for its failure report: the original cells (a JSON array) and every reason.
CREATE TABLE ${prefix}import_failure (
    tenant_id   VARCHAR(64)   NOT NULL,
    job_id      BIGINT        NOT NULL,
    row_no      BIGINT        NOT NULL,
    cells       MEDIUMTEXT   NOT NULL,
    reasons     MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (tenant_id, job_id, row_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
