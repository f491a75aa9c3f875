-- CRMKit schema V14, MariaDB. The files of jobs kept in the database, so that any instance of the host can serve them:
-- an export submitted without a host path writes its output here. A file is a sequence of chunks of at most 1 MiB
-- (seq 0, 1, ...), each written in its own short transaction and read back one at a time, so that neither writing nor
-- serving a file holds more than one chunk in memory. Files older than the kit's retention (jobFileRetention, 7 days
-- by default) are deleted.
CREATE TABLE ${prefix}job_file (
    tenant_id   VARCHAR(64)   NOT NULL,
    job_id      BIGINT        NOT NULL,
    seq         INTEGER       NOT NULL,
    bytes       MEDIUMBLOB          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, job_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}job_file_created ON ${prefix}job_file (created_at);
