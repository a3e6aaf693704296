-- Corpus parity in a UTF8 database: every corpus row that is valid UTF-8
-- (all of them go through the SQL_ASCII database in the encodings test),
-- classified through SQL, gets the core's answer: category, hard, rule id.
\i test/pg/core_tables.sql
\copy corpus FROM 'build/test/pg/corpus-utf8.tsv' WITH (ENCODING 'UTF8')
SELECT count(*) > 0 AS corpus_loaded FROM corpus;
SELECT * FROM parity_differences ORDER BY seq LIMIT 20;
SELECT * FROM explain_differences ORDER BY seq LIMIT 20;

-- Every answer is one of the 15 names; NULL only for (NULL, NULL).
SELECT c.seq, c.id, s.category
  FROM corpus c JOIN via_sql s USING (seq)
 WHERE (s.category IS NULL) <> (c.status IS NULL AND c.diagnostic IS NULL)
    OR s.category NOT IN (SELECT name FROM bounce_categories());
-- A hard bounce always has a hard category.
SELECT seq, id, category FROM via_sql WHERE hard AND NOT is_hard_bounce(category);

-- The integer overloads answer as the status text does.
SELECT count(*) > 0 AS has_numeric_status
  FROM corpus WHERE status ~ '^[1-9][0-9]{0,8}$';
SELECT seq, id, status
  FROM corpus
 WHERE status ~ '^[1-9][0-9]{0,8}$'
   AND (bounce_category(status::integer, diagnostic) IS DISTINCT FROM bounce_category(status, diagnostic)
     OR is_hard_bounce(status::integer, diagnostic) IS DISTINCT FROM is_hard_bounce(status, diagnostic)
     OR bounce_explain(status::integer, diagnostic) IS DISTINCT FROM bounce_explain(status, diagnostic));

DROP VIEW parity_differences, explain_differences, via_sql;
DROP TABLE corpus, core;
