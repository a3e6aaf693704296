-- Databases that are not UTF-8. The core reads UTF-8: LATIN1 and EUC_JP
-- texts are converted for it (and its JSON back), SQL_ASCII bytes are
-- passed as they are. Answers must be those of this UTF8 database for the
-- same characters, and those of the core for every corpus row.
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS bounce_sql_ascii WITH (FORCE);
DROP DATABASE IF EXISTS bounce_latin1 WITH (FORCE);
DROP DATABASE IF EXISTS bounce_euc_jp WITH (FORCE);
RESET client_min_messages;
CREATE DATABASE bounce_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE bounce_latin1 TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE bounce_euc_jp TEMPLATE template0 ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C';

-- The explanations in this UTF8 database, one line per input.
\i test/pg/latin1_inputs.sql
\i test/pg/euc_jp_inputs.sql
SELECT string_agg(bounce_explain(status, diagnostic)::text, E'\n' ORDER BY n) AS latin1_ref
  FROM latin1_inputs \gset
SELECT string_agg(bounce_explain(status, diagnostic)::text, E'\n' ORDER BY n) AS euc_jp_ref
  FROM euc_jp_inputs \gset
SELECT 'latin1' AS inputs, n, bounce_explain(status, diagnostic) ->> 'truncated' AS truncated
  FROM latin1_inputs
UNION ALL
SELECT 'euc_jp', n, bounce_explain(status, diagnostic) ->> 'truncated'
  FROM euc_jp_inputs
 ORDER BY 1, 2;
DROP TABLE latin1_inputs, euc_jp_inputs;

-- LATIN1 ---------------------------------------------------------------------
\c bounce_latin1
CREATE EXTENSION bounce;
SELECT getdatabaseencoding();
\i test/pg/latin1_inputs.sql
-- explanations differing from the UTF8 database's (none)
SELECT n, e
  FROM (SELECT n, bounce_explain(status, diagnostic)::text AS e FROM latin1_inputs) x
 WHERE e IS DISTINCT FROM split_part(:'latin1_ref', E'\n', n);
SELECT bounce_category('5.1.1', NULL), bounce_category(552, 'Postfach voll, über Kontingent') IS NOT NULL AS classified;
-- the corpus rows whose characters exist in LATIN1, against the core
\i test/pg/core_tables.sql
\copy corpus FROM 'build/test/pg/corpus-latin1.tsv' WITH (ENCODING 'UTF8')
SELECT count(*) > 0 AS corpus_loaded FROM corpus;
SELECT * FROM parity_differences ORDER BY seq LIMIT 20;
SELECT * FROM explain_differences ORDER BY seq LIMIT 20;

-- EUC_JP (multibyte, not UTF-8) ------------------------------------------------
\c bounce_euc_jp
CREATE EXTENSION bounce;
SELECT getdatabaseencoding();
\i test/pg/euc_jp_inputs.sql
SELECT n, e
  FROM (SELECT n, bounce_explain(status, diagnostic)::text AS e FROM euc_jp_inputs) x
 WHERE e IS DISTINCT FROM split_part(:'euc_jp_ref', E'\n', n);

-- SQL_ASCII: bytes as they are, UTF-8 or not ---------------------------------
\c bounce_sql_ascii
CREATE EXTENSION bounce;
SELECT getdatabaseencoding();
-- bytes that are not UTF-8 get a defined answer and valid JSON
SELECT bounce_category(E'5.1.1 \xff', NULL) AS status_with_bad_byte,
       bounce_category(NULL, E'\xff\xfe\x80 \xc3') IS NOT NULL AS classified,
       jsonb_typeof(bounce_explain(E'\xc0\xaf', E'550 \xff\xfe\x80 \xc3(')) AS explained;
-- bytes of a server that does not write UTF-8 read as Windows-1252: the
-- answer of the same words in UTF-8, the match quoted in the bytes given
SELECT bounce_category('550', E'550 Usu\xe1rio desconhecido') AS latin1,
       bounce_category('550', E'550 Usu\xc3\xa1rio desconhecido') AS utf8,
       bounce_explain('550', E'550 Usu\xe1rio desconhecido') ->> 'match_length' AS latin1_match_length,
       bounce_category(NULL, E'the address doesn\x92t exist') AS cp1252_quote;
-- every corpus row, bytes as in the files, against the core; and no row
-- of the core's file missing here
\i test/pg/core_tables.sql
\copy corpus FROM 'build/test/pg/corpus-all.tsv' WITH (ENCODING 'SQL_ASCII')
SELECT count(*) > 0 AS corpus_loaded FROM corpus;
SELECT * FROM parity_differences ORDER BY seq LIMIT 20;
SELECT r.seq, r.id FROM core r LEFT JOIN corpus c USING (seq) WHERE c.seq IS NULL;
-- among them rows that are not UTF-8
SELECT id FROM corpus
 WHERE id LIKE 'pg-edge-%' AND position('\xff'::bytea IN convert_to(diagnostic, 'SQL_ASCII')) > 0;

\c :regress_db
DROP DATABASE bounce_sql_ascii WITH (FORCE);
DROP DATABASE bounce_latin1 WITH (FORCE);
DROP DATABASE bounce_euc_jp WITH (FORCE);
