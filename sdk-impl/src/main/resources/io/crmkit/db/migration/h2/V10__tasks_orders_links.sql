-- CRMKit schema V10, H2. Text columns hold twice the limit in UTF-16 units, as in V1.

-- Tasks on customers. list_at is the sort key of the task lists, never NULL so that every database sorts it
-- the same way (MariaDB has no NULLS LAST): for an open task its due time, or 9999-12-31 when it has none, so
-- that tasks without a due time come last; for a closed task the time it was closed. Rows stay while their
-- customer is in the trash, move with it in a merge, and go when it is erased.
CREATE TABLE ${prefix}task (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    title       VARCHAR(400) NOT NULL,
    due_at      TIMESTAMP(6),
    assignee    VARCHAR(128),
    status      VARCHAR(16)  NOT NULL,
    closed      BOOLEAN      NOT NULL,
    list_at     TIMESTAMP(6) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- A customer's tasks: the open ones by due time, the closed ones newest first (read backwards).
CREATE INDEX ${prefix}task_customer ON ${prefix}task (tenant_id, customer_id, closed, list_at, id);
-- An assignee's open tasks by due time.
CREATE INDEX ${prefix}task_assignee ON ${prefix}task (tenant_id, assignee, closed, list_at, id);

-- Orders of customers. MetricsStore reads customer_id, ordered_at, status and amount. An order number is
-- unique in the tenant, also while its customer is in the trash (a restore brings the order back).
CREATE TABLE ${prefix}customer_order (
    tenant_id   VARCHAR(64)   NOT NULL,
    id          BIGINT        NOT NULL,
    customer_id BIGINT        NOT NULL,
    order_no    VARCHAR(128) NOT NULL,
    ordered_at  TIMESTAMP(6) NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    amount      DECIMAL(24,4) NOT NULL,
    currency    VARCHAR(3)    NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}customer_order_no UNIQUE (tenant_id, order_no)
);
-- A customer's orders, newest first; the metrics' aggregates per customer.
CREATE INDEX ${prefix}customer_order_customer ON ${prefix}customer_order (tenant_id, customer_id, ordered_at, id);

-- The line items of an order, in the order given.
CREATE TABLE ${prefix}order_line (
    tenant_id  VARCHAR(64)   NOT NULL,
    order_id   BIGINT        NOT NULL,
    line_no    INTEGER       NOT NULL,
    sku        VARCHAR(128) NOT NULL,
    name       VARCHAR(400) NOT NULL,
    quantity   DECIMAL(24,4) NOT NULL,
    unit_price DECIMAL(24,4) NOT NULL,
    PRIMARY KEY (tenant_id, order_id, line_no)
);

-- Links from customers to objects of the host application: one per customer, type and external id.
CREATE TABLE ${prefix}customer_link (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    link_type   VARCHAR(40)  NOT NULL,
    external_id VARCHAR(510) NOT NULL,
    label       VARCHAR(400) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}customer_link_object UNIQUE (tenant_id, customer_id, link_type, external_id)
);
-- A customer's links, oldest first.
CREATE INDEX ${prefix}customer_link_customer ON ${prefix}customer_link (tenant_id, customer_id, id);
