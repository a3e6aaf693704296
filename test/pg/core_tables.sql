-- test/pg/core_tables.sql: included by the corpus tests (\i). The corpus
-- table, filled by the including test with \copy from one of the files of
-- build/test/pg/ (see test/pg/prepare.py), and the core's answers for
-- every corpus row, numbered the same way.
CREATE TABLE corpus (seq integer PRIMARY KEY, id text NOT NULL, status text, diagnostic text);
CREATE TABLE core (seq integer PRIMARY KEY, id text NOT NULL, category text, hard boolean, rule text);
\copy core FROM 'build/test/pg/core.tsv' WITH (ENCODING 'UTF8')
-- What SQL answers for each corpus row (the rule id comes from the
-- explanation).
CREATE VIEW via_sql AS
SELECT seq, id,
       bounce_category(status, diagnostic) AS category,
       is_hard_bounce(status, diagnostic) AS hard,
       bounce_explain(status, diagnostic) ->> 'rule' AS rule
  FROM corpus;
-- Rows where SQL and the core differ (id, category, hard, rule id), and
-- corpus rows without an answer of the core: none expected.
CREATE VIEW parity_differences AS
SELECT s.seq, s.id, r.id AS core_id,
       s.category, r.category AS core_category,
       s.hard, r.hard AS core_hard,
       s.rule, r.rule AS core_rule
  FROM via_sql s LEFT JOIN core r USING (seq)
 WHERE s.id IS DISTINCT FROM r.id
    OR s.category IS DISTINCT FROM r.category
    OR s.hard IS DISTINCT FROM r.hard
    OR s.rule IS DISTINCT FROM r.rule;
-- Explanations that disagree with the other functions, or whose match
-- position does not point at the matched text (substr counts characters,
-- as match_start does; quotes of 256 bytes or more may be cut).
CREATE VIEW explain_differences AS
SELECT c.seq, c.id, e
  FROM corpus c, LATERAL (SELECT bounce_explain(c.status, c.diagnostic) AS e) x
 WHERE e ->> 'category' IS DISTINCT FROM bounce_category(c.status, c.diagnostic)
    OR (e ->> 'hard')::boolean IS DISTINCT FROM is_hard_bounce(c.status, c.diagnostic)
    OR (e ->> 'rule' IS NOT NULL
        AND octet_length(convert_to(e ->> 'matched', 'UTF8')) < 256
        AND substr(c.diagnostic, (e ->> 'match_start')::int,
                   (e ->> 'match_length')::int) IS DISTINCT FROM e ->> 'matched');
