-- test/load/schema.sql: the load test's database (run by test/load/inside.sh
-- with psql from the project root, in a fresh UTF8 database).
--
-- samples: the corpus rows that are valid UTF-8 (build/test/pg/corpus-utf8.tsv,
--   made by "make pg-test-data"), numbered 1..N without gaps for pgbench's
--   random(1, N), plus a few long texts: 64 KiB of bounce vocabulary (the
--   slowest kind of text for the rules) and 1 MB of it (stored out of line).
-- core: the core's answer for each corpus row (build/test/pg/core.tsv).
-- bounces: the table under load; a BEFORE INSERT trigger classifies each
--   row, as docs/postgresql.md shows. client is pgbench's client id, backend
--   the server process that inserted the row.
CREATE EXTENSION bounce;

CREATE TABLE corpus (seq integer PRIMARY KEY, id text NOT NULL, status text, diagnostic text);
\copy corpus FROM 'build/test/pg/corpus-utf8.tsv' WITH (ENCODING 'UTF8')
CREATE TABLE core (seq integer PRIMARY KEY, id text NOT NULL, category text, hard boolean, rule text);
\copy core FROM 'build/test/pg/core.tsv' WITH (ENCODING 'UTF8')

CREATE TABLE samples (
    n           integer PRIMARY KEY,
    seq         integer,            -- corpus row, NULL for the long texts
    status      text,
    diagnostic  text
);
INSERT INTO samples
SELECT row_number() OVER (ORDER BY seq), seq, status, diagnostic FROM corpus;
INSERT INTO samples
SELECT (SELECT max(n) FROM samples) + k, NULL, s, d
  FROM (VALUES
        (1, '550', repeat('mailbox unavailable quota full blocked spam user unknown ', 1130)),
        (2, NULL, repeat('mailbox unavailable quota full blocked spam user unknown ', 18000)),
        (3, '451 4.7.1', repeat('greylisted try again later ', 2430))) AS t(k, s, d);

CREATE TABLE bounces (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client      integer NOT NULL,
    backend     integer NOT NULL DEFAULT pg_backend_pid(),
    sample      integer NOT NULL,
    status      text,
    diagnostic  text,
    category    text,
    hard        boolean
);

CREATE FUNCTION bounces_classify() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
    NEW.category := bounce_category(NEW.status, NEW.diagnostic);
    NEW.hard := is_hard_bounce(NEW.status, NEW.diagnostic);
    RETURN NEW;
END
$$;

CREATE TRIGGER bounces_classify
    BEFORE INSERT OR UPDATE OF status, diagnostic ON bounces
    FOR EACH ROW EXECUTE FUNCTION bounces_classify();

-- What each sample must be classified as: the core's answer for corpus
-- rows, the function's own for the long texts (their answer is checked by
-- the other suites; here only that every insert gets it).
CREATE TABLE expected AS
SELECT s.n, coalesce(c.category, bounce_category(s.status, s.diagnostic)) AS category,
       coalesce(c.hard, is_hard_bounce(s.status, s.diagnostic)) AS hard
  FROM samples s LEFT JOIN core c ON c.seq = s.seq;
ALTER TABLE expected ADD PRIMARY KEY (n);
ANALYZE;
SELECT count(*) AS samples FROM samples \gset
