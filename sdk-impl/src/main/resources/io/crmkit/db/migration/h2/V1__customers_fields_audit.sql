-- CRMKit schema, H2. Text columns hold twice the limit in UTF-16 units, because the SDK
-- counts code points and H2 counts UTF-16 units.

-- Customers: built-in fields are real columns; text that is not set is '' (never NULL).
CREATE TABLE ${prefix}customer (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             BIGINT       NOT NULL,
    name           VARCHAR(160)  NOT NULL DEFAULT '',
    nickname       VARCHAR(160)  NOT NULL DEFAULT '',
    gender         VARCHAR(8)   NOT NULL,
    birthday       DATE,
    company        VARCHAR(160)  NOT NULL DEFAULT '',
    country        VARCHAR(160)  NOT NULL DEFAULT '',
    province       VARCHAR(160)  NOT NULL DEFAULT '',
    city           VARCHAR(160)  NOT NULL DEFAULT '',
    area           VARCHAR(160)  NOT NULL DEFAULT '',
    address_detail VARCHAR(160)  NOT NULL DEFAULT '',
    remark         VARCHAR(160)  NOT NULL DEFAULT '',
    source         VARCHAR(128)  NOT NULL DEFAULT '',
    owner_id       VARCHAR(128),
    status         VARCHAR(16)  NOT NULL,
    stage          VARCHAR(32)  NOT NULL,
    created_at     TIMESTAMP(6)   NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    updated_at     TIMESTAMP(6)   NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}customer_created ON ${prefix}customer (tenant_id, created_at, id);

-- Identities: one normalized value belongs to one customer per tenant.
-- id_type is phone, email, external_id, wechat_openid or channel:<name>.
CREATE TABLE ${prefix}identity (
    tenant_id   VARCHAR(64)  NOT NULL,
    id_type     VARCHAR(32)  NOT NULL,
    id_value    VARCHAR(510) NOT NULL,
    customer_id BIGINT       NOT NULL,
    ordinal     SMALLINT     NOT NULL,
    verified    BOOLEAN       NOT NULL,
    created_at  TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (tenant_id, id_type, id_value)
);
CREATE INDEX ${prefix}identity_customer ON ${prefix}identity (tenant_id, customer_id);

-- Tags, indexed both ways: a customer's tags, and a tag's customers.
CREATE TABLE ${prefix}tag (
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id BIGINT       NOT NULL,
    tag         VARCHAR(128)  NOT NULL,
    created_at  TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, tag)
);
CREATE INDEX ${prefix}tag_customers ON ${prefix}tag (tenant_id, tag, customer_id);

-- Custom field definitions. options is a JSON array of strings.
CREATE TABLE ${prefix}field (
    tenant_id  VARCHAR(64)   NOT NULL,
    id         BIGINT        NOT NULL,
    field_key  VARCHAR(40)   NOT NULL,
    label      VARCHAR(160)   NOT NULL,
    field_type VARCHAR(16)   NOT NULL,
    required   BOOLEAN        NOT NULL,
    max_length INTEGER,
    min_value  DECIMAL(38,10),
    max_value  DECIMAL(38,10),
    options    VARCHAR(20000)    NOT NULL,
    retired    BOOLEAN        NOT NULL,
    version    BIGINT        NOT NULL,
    created_at TIMESTAMP(6)    NOT NULL,
    updated_at TIMESTAMP(6)    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}field_key_unique UNIQUE (tenant_id, field_key)
);

-- Custom field values: one row per customer and field (one per option of a multiple choice), the value in
-- the column of its type, so that every filter on a custom field is an indexed range on (field, value).
CREATE TABLE ${prefix}custom_value (
    tenant_id    VARCHAR(64)    NOT NULL,
    customer_id  BIGINT         NOT NULL,
    field_id     BIGINT         NOT NULL,
    ordinal      SMALLINT       NOT NULL,
    text_value   VARCHAR(1000),
    number_value DECIMAL(38,10),
    bool_value   BOOLEAN,
    date_value   DATE,
    time_value   TIMESTAMP(6),
    PRIMARY KEY (tenant_id, customer_id, field_id, ordinal)
);
CREATE INDEX ${prefix}custom_value_text ON ${prefix}custom_value (tenant_id, field_id, text_value);
CREATE INDEX ${prefix}custom_value_number ON ${prefix}custom_value (tenant_id, field_id, number_value);
CREATE INDEX ${prefix}custom_value_date ON ${prefix}custom_value (tenant_id, field_id, date_value);
CREATE INDEX ${prefix}custom_value_time ON ${prefix}custom_value (tenant_id, field_id, time_value);

-- Audit log: who changed what and when. detail names the fields changed, never their values.
CREATE TABLE ${prefix}audit (
    tenant_id    VARCHAR(64)   NOT NULL,
    id           BIGINT        NOT NULL,
    actor_id     VARCHAR(64)   NOT NULL,
    action       VARCHAR(48)   NOT NULL,
    subject_type VARCHAR(32)   NOT NULL,
    subject_id   BIGINT        NOT NULL,
    occurred_at  TIMESTAMP(6)    NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}audit_subject ON ${prefix}audit (tenant_id, subject_type, subject_id);
