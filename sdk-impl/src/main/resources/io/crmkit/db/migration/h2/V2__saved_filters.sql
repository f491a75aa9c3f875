-- CRMKit schema V2, H2.

-- Saved filters: a named filter (its JSON form) a tenant's agents reuse; a segment is one whose members are
-- shown on a customer's page.
CREATE TABLE ${prefix}saved_filter (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          BIGINT       NOT NULL,
    name        VARCHAR(160)  NOT NULL,
    filter_json VARCHAR(100000)   NOT NULL,
    segment     BOOLEAN       NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6)   NOT NULL,
    updated_at  TIMESTAMP(6)   NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}saved_filter_name_unique UNIQUE (tenant_id, name)
);
