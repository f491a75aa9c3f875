-- CRMKit schema V9, MariaDB.

-- Event types a tenant registered; the built-in ones are not stored.
CREATE TABLE ${prefix}event_type (
    tenant_id  VARCHAR(64) NOT NULL,
    name       VARCHAR(40) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The timeline: one row per event. properties is a JSON object. Rows stay while their customer is in the
-- trash, move with it in a merge, and go when it is erased.
CREATE TABLE ${prefix}event (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    event_type  VARCHAR(40)  NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    source      VARCHAR(64)  NOT NULL,
    properties  TEXT NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- A customer's timeline, newest first.
CREATE INDEX ${prefix}event_customer ON ${prefix}event (tenant_id, customer_id, occurred_at, id);
-- Filters: customers with events of a type in a time range.
CREATE INDEX ${prefix}event_type_time ON ${prefix}event (tenant_id, event_type, occurred_at, customer_id);

-- Metrics per customer, for filters and sorts; a customer has a row once its metrics were first computed.
CREATE TABLE ${prefix}customer_metric (
    tenant_id        VARCHAR(64)    NOT NULL,
    customer_id      BIGINT         NOT NULL,
    last_activity_at DATETIME(6),
    activity_30d     INTEGER        NOT NULL,
    order_count      INTEGER        NOT NULL,
    total_spent      DECIMAL(24,4)  NOT NULL,
    last_order_at    DATETIME(6),
    recency          SMALLINT,
    frequency        SMALLINT,
    monetary         SMALLINT,
    value_rating     SMALLINT,
    refreshed_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}customer_metric_activity ON ${prefix}customer_metric (tenant_id, last_activity_at, customer_id);
CREATE INDEX ${prefix}customer_metric_rating ON ${prefix}customer_metric (tenant_id, value_rating, customer_id);
CREATE INDEX ${prefix}customer_metric_spent ON ${prefix}customer_metric (tenant_id, total_spent, customer_id);
