-- CRMKit schema V2, MariaDB/MySQL.

-- Saved filters: a named filter (its JSON form) a tenant's agents reuse; a segment is one whose members are
-- shown on a customer's page.
CREATE TABLE ${prefix}saved_filter (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          BIGINT       NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    filter_json MEDIUMTEXT   NOT NULL,
    segment     BOOLEAN       NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}saved_filter_name_unique UNIQUE (tenant_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
