-- CRMKit schema V3, PostgreSQL.

-- Groups: static lists of customers. Deleting a group keeps its customers.
CREATE TABLE ${prefix}customer_group (
    tenant_id  VARCHAR(64)  NOT NULL,
    id         BIGINT       NOT NULL,
    name       VARCHAR(80)   NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP(6)   NOT NULL,
    updated_at TIMESTAMP(6)   NOT NULL,
    version    BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}customer_group_name_unique UNIQUE (tenant_id, name)
);

-- Group members, indexed both ways: a group's customers, and a customer's groups.
CREATE TABLE ${prefix}group_member (
    tenant_id   VARCHAR(64)  NOT NULL,
    group_id    BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    added_at    TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (tenant_id, group_id, customer_id)
);
CREATE INDEX ${prefix}group_member_customer ON ${prefix}group_member (tenant_id, customer_id, group_id);
