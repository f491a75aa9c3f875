-- CRMKit schema V8, MariaDB.

-- Merges, one row per pairwise merge: who merged which customer into which, and until the retention ends the
-- merged customer's own data and what the merge changed on the survivor (a JSON document), so that the merge
-- can be undone. purgeExpired erases the rows whose retention has passed.
CREATE TABLE ${prefix}merge_record (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             BIGINT       NOT NULL,
    survivor_id    BIGINT       NOT NULL,
    merged_id      BIGINT       NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,
    merged_at      DATETIME(6) NOT NULL,
    undoable_until DATETIME(6) NOT NULL,
    undone_at      DATETIME(6),
    undone_by      VARCHAR(64),
    snapshot       MEDIUMTEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}merge_record_survivor ON ${prefix}merge_record (tenant_id, survivor_id, id);
CREATE INDEX ${prefix}merge_record_merged ON ${prefix}merge_record (tenant_id, merged_id, id);
CREATE INDEX ${prefix}merge_record_until ON ${prefix}merge_record (tenant_id, undoable_until);

-- The rows a merge moved from the merged customer to the survivor (events, orders, tasks, links), so that an
-- undo moves exactly those back.
CREATE TABLE ${prefix}merge_moved (
    tenant_id  VARCHAR(64) NOT NULL,
    merge_id   BIGINT      NOT NULL,
    table_name VARCHAR(32) NOT NULL,
    row_id     BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, merge_id, table_name, row_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
