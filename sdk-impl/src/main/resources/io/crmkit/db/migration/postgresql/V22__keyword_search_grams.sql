-- CRMKit schema V22, PostgreSQL. MariaDB adds FULLTEXT indexes for the keyword search here; PostgreSQL has its
-- trigram indexes (V19). Nothing changes.
SELECT 1;
