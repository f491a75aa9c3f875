-- CRMKit schema V21, MariaDB. PostgreSQL makes the custom value indexes partial here (rows holding a value only);
-- MariaDB has no partial indexes. Nothing changes.
SELECT 1;
