-- CRMKit schema V19, PostgreSQL. Trigram indexes (pg_trgm, GIN) for the keyword search: the substring of a
-- customer's searched text (name, nickname, company and the address, lower-cased, joined by U+001F, a character no
-- indexed keyword holds, so that a match lies within one column) and of every identity value (lower-cased: emails,
-- external ids, and phones, whose digits a keyword may hold). io.crmkit.impl.filter.FilterSql writes the same
-- expressions, so that the planner uses these indexes for LIKE '%keyword%'.
--
-- The extension is created when the role may (a superuser, or PostgreSQL 13 and later, where pg_trgm is trusted,
-- a role with CREATE on the database); when it may not, or the server has no pg_trgm, the migration goes on
-- without the indexes: the kit detects that when it is built, logs a warning and searches without them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm;
    END IF;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'CRMKit: pg_trgm could not be created (%); keyword search runs without trigram indexes', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX ${prefix}customer_search ON ${prefix}customer USING gin (LOWER(name || E''\x1F'' || nickname'
            || ' || E''\x1F'' || company || E''\x1F'' || country || E''\x1F'' || province || E''\x1F'' || city'
            || ' || E''\x1F'' || area || E''\x1F'' || address_detail) gin_trgm_ops)';
        EXECUTE 'CREATE INDEX ${prefix}identity_search ON ${prefix}identity USING gin (LOWER(id_value) gin_trgm_ops)';
    END IF;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'CRMKit: the keyword search indexes could not be created (%)', SQLERRM;
END
$$;
