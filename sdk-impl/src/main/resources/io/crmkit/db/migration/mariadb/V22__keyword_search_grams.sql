-- CRMKit schema V22, MariaDB. Indexes for the keyword search, as pg_trgm's are on PostgreSQL (V19). MariaDB has no
-- trigram index and 10.11 no n-gram FULLTEXT parser, so each searched text gets a stored column of words made from
-- its runs of ASCII letters and digits (of the lower-cased text), and an InnoDB FULLTEXT index on that column:
--   * each 3 characters of a run in a row, behind a 'z' ("quenneville" -> "zque zuen zenn znne ..."), for keywords
--     of 3 or more characters;
--   * the first character of each run as 'w?ww' and its first two as 'x??x' ("lan" -> "wlww xlax"), for keywords of
--     1-2 characters, which match the start of a word.
-- The marks keep every word off InnoDB's stopword list (which drops "the" or "com") and make it 4 characters long.
-- The search looks up the words of a keyword (io.crmkit.impl.filter.KeywordGrams) and checks each row it finds with
-- the keyword search's own comparison. The customer's text is the one PostgreSQL indexes (name, nickname, company,
-- address); the identity's is its value (emails, external ids, phones).
--
-- The backslash of the replacements ('z\1 ') is written as CHAR(92), so that the server's sql_mode
-- (NO_BACKSLASH_ESCAPES) cannot change it. Adding the columns and indexes rebuilds both tables: about 30 seconds
-- for 1,000,000 customers with their identities, during which writes to them wait.
ALTER TABLE ${prefix}customer ADD COLUMN search_grams TEXT CHARACTER SET ascii COLLATE ascii_bin AS (CONCAT(
    REGEXP_REPLACE(REGEXP_REPLACE(LOWER(CONCAT_WS(' ', name, nickname, company, country, province, city, area, address_detail)), '[^a-z0-9]+', ' '),
        '(?=([a-z0-9]{3}))[a-z0-9]', CONCAT('z', CHAR(92 USING ascii), '1 ')),
    ' ',
    REGEXP_REPLACE(REGEXP_REPLACE(LOWER(CONCAT_WS(' ', name, nickname, company, country, province, city, area, address_detail)), '[^a-z0-9]+', ' '),
        '([a-z0-9])([a-z0-9]?)[a-z0-9]*',
        CONCAT('w', CHAR(92 USING ascii), '1ww x', CHAR(92 USING ascii), '1', CHAR(92 USING ascii), '2x')))) STORED;
CREATE FULLTEXT INDEX ${prefix}customer_grams ON ${prefix}customer (search_grams);
ALTER TABLE ${prefix}identity ADD COLUMN search_grams VARCHAR(2600) CHARACTER SET ascii COLLATE ascii_bin AS (CONCAT(
    REGEXP_REPLACE(REGEXP_REPLACE(LOWER(id_value), '[^a-z0-9]+', ' '),
        '(?=([a-z0-9]{3}))[a-z0-9]', CONCAT('z', CHAR(92 USING ascii), '1 ')),
    ' ',
    REGEXP_REPLACE(REGEXP_REPLACE(LOWER(id_value), '[^a-z0-9]+', ' '),
        '([a-z0-9])([a-z0-9]?)[a-z0-9]*',
        CONCAT('w', CHAR(92 USING ascii), '1ww x', CHAR(92 USING ascii), '1', CHAR(92 USING ascii), '2x')))) STORED;
CREATE FULLTEXT INDEX ${prefix}identity_grams ON ${prefix}identity (search_grams);
