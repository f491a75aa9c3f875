-- CRMKit schema V21, H2. PostgreSQL makes the custom value indexes partial here (rows holding a value only); H2 has
-- no partial indexes. Nothing changes.
SELECT 1;
