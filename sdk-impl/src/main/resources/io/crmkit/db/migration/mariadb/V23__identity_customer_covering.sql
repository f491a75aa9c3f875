-- CRMKit schema V23, MariaDB. A page of customers (an export, a list) reads their identities by
-- (tenant_id, customer_id) with their type, value, order and verified flag. InnoDB's index by customer held the type
-- and value (the primary key's columns) but not the order and flag, so every identity cost a read of its clustered
-- row: 64 s of an export of 1,000,000 customers once the table outgrew the buffer pool, against 2 s for the same
-- identities read from the index alone. The index by customer now holds them too.
ALTER TABLE ${prefix}identity DROP INDEX ${prefix}identity_customer,
    ADD INDEX ${prefix}identity_customer (tenant_id, customer_id, ordinal, verified);
