-- CRMKit schema V11, H2 only. H2 looks "c.id IN (SELECT ...)" up by an index only when c.id is the index's first column, and the
-- primary key is (tenant_id, id): without this index a keyword that matches a phone, email or external id, a
-- group's members or a list of ids made H2 read every customer of the tenant to test each one. PostgreSQL and
-- MariaDB use the primary key for these and have no V11.
CREATE INDEX ${prefix}customer_id ON ${prefix}customer (id);
