-- CRMKit schema V19, H2. PostgreSQL adds trigram indexes for the keyword search here; H2 has no index that
-- serves LIKE '%keyword%', so its keyword search reads the tenant's customers as before. Nothing changes.
SELECT 1;
