-- CRMKit schema V4, MariaDB/MySQL.

-- List views: the columns an actor's customer list shows, in order (a JSON array of field keys).
CREATE TABLE ${prefix}list_view (
    tenant_id    VARCHAR(64)  NOT NULL,
    id           BIGINT       NOT NULL,
    actor_id     VARCHAR(64)  NOT NULL,
    name         VARCHAR(80)   NOT NULL,
    columns_json VARCHAR(4000) NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}list_view_name_unique UNIQUE (tenant_id, actor_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
