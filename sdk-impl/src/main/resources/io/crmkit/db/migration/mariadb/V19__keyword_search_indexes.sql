-- CRMKit schema V19, MariaDB. PostgreSQL adds trigram indexes for the keyword search here; MariaDB 10.11 has no
-- n-gram FULLTEXT parser (MySQL's), so its keyword search reads the tenant's customers as before. Nothing changes.
SELECT 1;
