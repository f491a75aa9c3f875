-- CRMKit schema V5, MariaDB/MySQL.

-- The trash: deleted customers with everything that belonged to them, until restored or purged. Rows move
-- here from the live tables in the deleting transaction, so live tables hold only live customers.
CREATE TABLE ${prefix}trash_customer (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             BIGINT       NOT NULL,
    name           VARCHAR(80)   NOT NULL,
    nickname       VARCHAR(80)   NOT NULL,
    gender         VARCHAR(8)   NOT NULL,
    birthday       DATE,
    company        VARCHAR(80)   NOT NULL,
    country        VARCHAR(80)   NOT NULL,
    province       VARCHAR(80)   NOT NULL,
    city           VARCHAR(80)   NOT NULL,
    area           VARCHAR(80)   NOT NULL,
    address_detail VARCHAR(80)   NOT NULL,
    remark         VARCHAR(80)   NOT NULL,
    source         VARCHAR(64)   NOT NULL,
    owner_id       VARCHAR(64),
    status         VARCHAR(16)  NOT NULL,
    stage          VARCHAR(32)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL,
    version        BIGINT       NOT NULL,
    deleted_at     DATETIME(6)   NOT NULL,
    deleted_by     VARCHAR(64)  NOT NULL,
    delete_reason  VARCHAR(500)  NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}trash_customer_deleted ON ${prefix}trash_customer (tenant_id, deleted_at, id);

CREATE TABLE ${prefix}trash_identity (
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id BIGINT       NOT NULL,
    id_type     VARCHAR(32)  NOT NULL,
    id_value    VARCHAR(255) NOT NULL,
    ordinal     SMALLINT     NOT NULL,
    verified    BOOLEAN       NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, id_type, id_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}trash_tag (
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id BIGINT       NOT NULL,
    tag         VARCHAR(64)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}trash_custom_value (
    tenant_id    VARCHAR(64)    NOT NULL,
    customer_id  BIGINT         NOT NULL,
    field_id     BIGINT         NOT NULL,
    ordinal      SMALLINT       NOT NULL,
    text_value   VARCHAR(500),
    number_value DECIMAL(38,10),
    bool_value   BOOLEAN,
    date_value   DATE,
    time_value   DATETIME(6),
    PRIMARY KEY (tenant_id, customer_id, field_id, ordinal)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}trash_group_member (
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id BIGINT       NOT NULL,
    group_id    BIGINT       NOT NULL,
    added_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, group_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Bulk operations as stored jobs: what ran, for whom, how far it got and its outcome. A pending delete
-- (previewed, not yet confirmed) is a job in state PENDING holding its confirmation token.
CREATE TABLE ${prefix}bulk_job (
    tenant_id   VARCHAR(64)   NOT NULL,
    id          BIGINT        NOT NULL,
    actor_id    VARCHAR(64)   NOT NULL,
    operation   VARCHAR(32)   NOT NULL,
    selection   MEDIUMTEXT    NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    token       VARCHAR(64),
    total       BIGINT        NOT NULL,
    done        BIGINT        NOT NULL,
    result      MEDIUMTEXT,
    error       VARCHAR(1000),
    created_at  DATETIME(6)    NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}bulk_job_created ON ${prefix}bulk_job (tenant_id, created_at);
