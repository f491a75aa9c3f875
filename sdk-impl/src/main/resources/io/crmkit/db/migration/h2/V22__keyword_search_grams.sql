-- CRMKit schema V22, H2. MariaDB adds FULLTEXT indexes for the keyword search here; H2 searches without them.
-- Nothing changes.
SELECT 1;
