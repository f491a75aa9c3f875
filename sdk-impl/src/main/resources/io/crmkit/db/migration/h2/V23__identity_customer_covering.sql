-- CRMKit schema V23, H2. MariaDB's index of identities by customer now holds their order and verified flag, so
-- that reading a page of customers' identities reads no clustered row per identity; here the identities' rows are
-- read from the heap by the index as before. Nothing changes.
SELECT 1;
