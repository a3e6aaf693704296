-- Users' own rules: the table bounce_rules and the *_custom functions.
-- What is pinned is what the rules of this file decide, and the codes of
-- the contract (5.1.1 is invalid-mailbox when no text rule decides; the
-- texts are made-up words no built-in rule knows), never an answer of the
-- built-in text rules.

SELECT current_database() AS regress_db \gset

-- The table, a configuration table (pg_dump keeps its rows), its triggers.
\d bounce_rules
SELECT e.extconfig::regclass[] AS config_tables, e.extcondition
  FROM pg_extension e WHERE e.extname = 'bounce';
SELECT tgname, tgenabled, tgfoid::regproc AS function
  FROM pg_trigger WHERE tgrelid = 'bounce_rules'::regclass ORDER BY tgname;

-- No rules: the *_custom functions answer as the built-in ones do.
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS no_rules,
       bounce_category_custom(552, 'ZQX-17 frobnicated the wibble') AS integer_status,
       is_hard_bounce_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS hard,
       bounce_explain_custom('5.1.1', 'ZQX-17 frobnicated the wibble') ->> 'signal' AS signal,
       bounce_category_custom(NULL, NULL) IS NULL AS both_null,
       is_hard_bounce_custom(NULL::integer, NULL) IS NULL AS hard_null,
       bounce_explain_custom(NULL, NULL) IS NULL AS explain_null;

-- A custom rule overrides the built-in decision, from the next statement on.
INSERT INTO bounce_rules (id, pattern, category, note)
VALUES ('acme.frobnicated', 'frobnicated\s+the\s+wibble', 'inactive-mailbox',
        'ACME''s word for a disabled account');
SELECT bounce_category('5.1.1', 'ZQX-17 frobnicated the wibble') AS builtin,
       bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS custom,
       bounce_category_custom(552, 'ZQX-17 FROBNICATED  the WIBBLE') AS caseless_integer_status,
       is_hard_bounce_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS hard;
SELECT jsonb_pretty(bounce_explain_custom('5.1.1', 'ZQX-17 frobnicated the wibble'));
-- custom rules read the text unwrapped, as the built-in ones do: a folded
-- line, a multi-line reply (the match is quoted from the text as given)
SELECT bounce_category_custom('5.1.1', E'ZQX-17 frobnicated\r\n\tthe wibble') AS folded,
       bounce_category_custom(550, E'550-5.1.1 ZQX-17 frobnicated\r\n550-5.1.1 the wibble') AS multi_line,
       bounce_explain_custom(550, E'550-5.1.1 ZQX-17 frobnicated\r\n550-5.1.1 the wibble') ->> 'matched' AS matched;
SELECT bounce_explain_custom(550, 'ZQX-17 frobnicated the wibble') ->> 'rule' AS integer_status_rule;
-- hard follows the category the rule gives, and the codes
UPDATE bounce_rules SET category = 'invalid-domain';
SELECT is_hard_bounce_custom('550', 'ZQX-17 frobnicated the wibble') AS permanent,
       is_hard_bounce_custom(450, 'ZQX-17 frobnicated the wibble') AS transient;

-- Precedence: priority DESC, then id in byte order; disabled rules skipped.
INSERT INTO bounce_rules (id, pattern, category, priority) VALUES
    ('b.wibble', 'wibble', 'full-mailbox', 10),
    ('a.wibble', 'wibble', 'policy-related', 10),
    ('B.wibble', 'wibble', 'dmarc-issues', 10),
    ('c.zqx', 'ZQX-\d+', 'routing-issues', 20);
SELECT bounce_explain_custom(NULL, 'ZQX-17 frobnicated the wibble') ->> 'rule' AS top,
       bounce_explain_custom(NULL, 'frobnicated the wibble') ->> 'rule' AS tie_by_id_bytes;
UPDATE bounce_rules SET enabled = false WHERE id IN ('c.zqx', 'B.wibble');
SELECT bounce_explain_custom(NULL, 'ZQX-17 frobnicated the wibble') ->> 'rule' AS after_disabling;
DELETE FROM bounce_rules WHERE id <> 'acme.frobnicated';
SELECT bounce_explain_custom(NULL, 'ZQX-17 frobnicated the wibble') ->> 'rule' AS after_delete;
-- an id of any length is explained whole
INSERT INTO bounce_rules (id, pattern, category) VALUES (repeat('x', 3000), 'zqxlong', 'other');
SELECT octet_length(bounce_explain_custom(NULL, 'the zqxlong') ->> 'rule') AS long_id;
DELETE FROM bounce_rules WHERE id = repeat('x', 3000);

-- Changes rolled back are not used afterwards (transaction, savepoint).
BEGIN;
UPDATE bounce_rules SET category = 'message-expired';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS in_transaction;
ROLLBACK;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS after_rollback;
BEGIN;
SAVEPOINT s;
DELETE FROM bounce_rules;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS deleted;
ROLLBACK TO s;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS rolled_back_to_savepoint;
COMMIT;
TRUNCATE bounce_rules;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS truncated;
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.frobnicated', 'frobnicated\s+the\s+wibble', 'inactive-mailbox');

-- Bad rules are rejected with the rule named: a bad pattern (SQLSTATE
-- 2201B, invalid_regular_expression), an unknown category (22023,
-- invalid_parameter_value); an update is checked too.
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.bad-regex', 'frobnicated (the', 'other');
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.bad-category', 'frobnicated', 'bounced');
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.ok', 'x', 'other'), ('acme.empty', '', 'other');
UPDATE bounce_rules SET pattern = 'a{2,1}' WHERE id = 'acme.frobnicated';
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.long', repeat('a', 4097), 'other');
DO $$
BEGIN
    INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.bad-regex', '(', 'other');
EXCEPTION WHEN invalid_regular_expression THEN
    RAISE NOTICE 'invalid_regular_expression (%): %', SQLSTATE, SQLERRM;
END $$;
DO $$
BEGIN
    INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.bad-category', 'x', 'nope');
EXCEPTION WHEN invalid_parameter_value THEN
    RAISE NOTICE 'invalid_parameter_value (%): %', SQLSTATE, SQLERRM;
END $$;
-- NULLs are the NOT NULL constraints' business; aliases are accepted
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.null', NULL, 'other');
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.alias', 'x', ' Greylisting ');
SELECT id, category FROM bounce_rules ORDER BY id;
DELETE FROM bounce_rules WHERE id = 'acme.alias';

-- bounce_rule_check: true, NULL for a NULL argument, or the error.
SELECT bounce_rule_check('r', 'wibble', 'other') AS ok,
       bounce_rule_check(NULL, 'x', 'other') IS NULL AS null_id,
       bounce_rule_check('r', NULL, 'other') IS NULL AS null_pattern,
       bounce_rule_check('r', 'x', NULL) IS NULL AS null_category;
SELECT bounce_rule_check(repeat('x', 100), 'a)', 'other');
SELECT bounce_rule_check('r', 'a', repeat('é', 100));

-- A rule that got in without the check (here: the trigger disabled) is an
-- error of every custom call, naming the rule, until it is disabled or
-- corrected; the built-in functions are not affected. Disabling a rule
-- is allowed whatever its pattern; enabling it checks it again.
ALTER TABLE bounce_rules DISABLE TRIGGER bounce_rules_check;
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.broken', 'wibble(', 'other');
ALTER TABLE bounce_rules ENABLE TRIGGER bounce_rules_check;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble');
SELECT bounce_category('5.1.1', 'ZQX-17 frobnicated the wibble') AS builtin_unaffected;
UPDATE bounce_rules SET enabled = false, note = 'broken' WHERE id = 'acme.broken';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS after_disabling;
UPDATE bounce_rules SET enabled = true WHERE id = 'acme.broken';
DELETE FROM bounce_rules WHERE id = 'acme.broken';

-- The cache: the rules are read once, and again only after a change
-- (the DEBUG1 lines); they are compiled again only when a definition
-- changed, not for a note, nor for VACUUM's invalidation.
SET client_min_messages = debug1;
UPDATE bounce_rules SET pattern = 'frobnicated\s+the\s+wibble\b';
SELECT count(DISTINCT bounce_category_custom('5.1.1', 'ZQX-' || i || ' frobnicated the wibble')) AS categories
  FROM generate_series(1, 1000) AS i;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS cached;
UPDATE bounce_rules SET note = 'seen at ACME since 2024';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS note_changed;
RESET client_min_messages;
VACUUM bounce_rules;
SET client_min_messages = debug1;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS vacuumed;
RESET client_min_messages;
-- an invalidation is what triggers a reading: with the trigger disabled,
-- a change is not seen until the next invalidation (here ALTER TABLE's)
ALTER TABLE bounce_rules DISABLE TRIGGER bounce_rules_changed;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS before;
UPDATE bounce_rules SET category = 'full-mailbox';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS cached;
ALTER TABLE bounce_rules ENABLE ALWAYS TRIGGER bounce_rules_changed;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS after_invalidation;
UPDATE bounce_rules SET category = 'inactive-mailbox';
-- Rows applied by logical replication (replica mode, row triggers only)
-- invalidate through the row trigger: shown with the statement trigger
-- disabled.
ALTER TABLE bounce_rules DISABLE TRIGGER bounce_rules_changed;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS before;
SET session_replication_role = replica;
UPDATE bounce_rules SET category = 'full-mailbox';
RESET session_replication_role;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS replicated;
ALTER TABLE bounce_rules ENABLE ALWAYS TRIGGER bounce_rules_changed;
UPDATE bounce_rules SET category = 'inactive-mailbox';

-- Another session's committed change: seen by this session's next
-- statement, also inside a transaction block; a REPEATABLE READ
-- transaction uses the rules of its snapshot.
\setenv PGDATABASE :regress_db
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS before;
\! psql -X -q -v ON_ERROR_STOP=1 -c "UPDATE bounce_rules SET category = 'routing-issues'"
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS other_session;
BEGIN;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS in_block;
\! psql -X -q -v ON_ERROR_STOP=1 -c "UPDATE bounce_rules SET category = 'dmarc-issues'"
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS in_block_next;
COMMIT;
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS repeatable_read;
\! psql -X -q -v ON_ERROR_STOP=1 -c "UPDATE bounce_rules SET category = 'inactive-mailbox'"
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS same_snapshot,
       (SELECT category FROM bounce_rules WHERE id = 'acme.frobnicated') AS table_says;
COMMIT;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS after_commit;

-- A statement keeps the rules it started with to its end, even when
-- another session's change is processed while it runs. Advisory locks
-- order the sessions: row 1 classifies, then lets the other session
-- change the rule and commit; row 2 waits for that commit and opens a
-- table, which processes the invalidation, before it classifies.
CREATE TABLE pin_t1 (x integer);
CREATE TABLE pin_t2 (x integer);
CREATE FUNCTION pg_temp.pre(i integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  IF i = 2 THEN
    PERFORM pg_advisory_lock(7002);     -- the other session has committed
    PERFORM pg_advisory_unlock(7002);
  END IF;
  EXECUTE format('SELECT count(*) FROM pin_t%s', i) INTO n;
  RETURN n;
END $$;
CREATE FUNCTION pg_temp.post(i integer) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  IF i = 1 THEN
    PERFORM pg_advisory_unlock(7001);   -- let the other session go
  END IF;
  RETURN i;
END $$;
SELECT pg_advisory_lock(7001) IS NOT NULL AS locked;
\! psql -X -q -c "SELECT pg_advisory_lock(7002); SELECT pg_advisory_lock(7001); UPDATE bounce_rules SET category = 'message-expired'" >/dev/null 2>&1 &
DO $$
BEGIN
  FOR k IN 1..6000 LOOP     -- a minute at most
    EXIT WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7002 AND granted);
    PERFORM pg_sleep(0.01);
  END LOOP;
  IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7002 AND granted) THEN
    RAISE EXCEPTION 'the other session did not start';
  END IF;
END $$;
SELECT i, pg_temp.pre(i) AS pre,
       bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS category,
       pg_temp.post(i) AS post
  FROM generate_series(1, 2) AS i;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS next_statement;
UPDATE bounce_rules SET category = 'inactive-mailbox';
DROP TABLE pin_t1, pin_t2;

-- Parallel query: workers read the rules themselves (the leader takes no
-- part here, so every row is classified by a worker), with the query's
-- snapshot; the answers are those of a plain query.
CREATE TABLE custom_rows AS
SELECT i, '5.1.1'::text AS status,
       CASE WHEN i % 3 = 0 THEN 'ZQX-' || i || ' frobnicated the wibble'
            ELSE 'ZQX-' || i || ' florped' END AS diagnostic
  FROM generate_series(1, 3000) AS i;
ALTER TABLE custom_rows SET (parallel_workers = 2);
ANALYZE custom_rows;
CREATE TABLE plain AS
SELECT bounce_category_custom(status, diagnostic) AS category, count(*) AS n
  FROM custom_rows GROUP BY 1;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
SELECT current_setting('server_version_num')::integer >= 160000 AS pg16 \gset
\if :pg16
SET debug_parallel_query = on;
\else
SET force_parallel_mode = on;
\endif
CREATE FUNCTION pg_temp.workers_launched(query text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || query
     INTO plan;
  RETURN (SELECT max(n::integer) FROM jsonb_path_query(plan, 'strict $.**."Workers Launched"') AS n);
END $$;
\set by_workers 'SELECT count(*) FILTER (WHERE bounce_category_custom(status, diagnostic) = ''inactive-mailbox'') AS custom, count(*) FILTER (WHERE bounce_category_custom(status, diagnostic) = ''invalid-mailbox'') AS by_code, count(*) FILTER (WHERE is_hard_bounce_custom(status, diagnostic)) AS hard, count(*) FILTER (WHERE bounce_explain_custom(status, diagnostic) ->> ''rule'' = ''acme.frobnicated'') AS explained FROM custom_rows'
EXPLAIN (COSTS OFF) :by_workers;
:by_workers;
SELECT * FROM plain ORDER BY category;
SELECT pg_temp.workers_launched(:'by_workers') > 0 AS workers_ran;
-- a change is applied by the workers of the next parallel query
UPDATE bounce_rules SET category = 'full-mailbox';
SELECT count(*) FILTER (WHERE bounce_category_custom(status, diagnostic) = 'full-mailbox') AS changed
  FROM custom_rows;
UPDATE bounce_rules SET category = 'inactive-mailbox';
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
\if :pg16
RESET debug_parallel_query;
\else
RESET force_parallel_mode;
\endif
DROP TABLE custom_rows, plain;

-- The *_custom functions are STABLE: refused in an expression index.
CREATE TABLE custom_idx (status text, diagnostic text);
CREATE INDEX ON custom_idx (bounce_category_custom(status, diagnostic));
DROP TABLE custom_idx;

-- Any role may classify with the rules; changing them takes a GRANT.
CREATE ROLE bounce_rules_reader;
SET ROLE bounce_rules_reader;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS as_reader;
INSERT INTO bounce_rules (id, pattern, category) VALUES ('reader.rule', 'x', 'other');
RESET ROLE;
DROP ROLE bounce_rules_reader;

-- pg_dump keeps the users' rows (the extension creates the table empty).
\! pg_dump --data-only --table=bounce_rules | sed -n '/^COPY /,/^\\\.$/p'

-- Relocation: the functions find the table in their schema.
CREATE SCHEMA custom_moved;
ALTER EXTENSION bounce SET SCHEMA custom_moved;
SELECT custom_moved.bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS moved;
ALTER EXTENSION bounce SET SCHEMA public;
DROP SCHEMA custom_moved;

-- A LATIN1 database: patterns and texts are converted for the core.
SET client_min_messages = warning;
DROP DATABASE IF EXISTS bounce_custom_latin1 WITH (FORCE);
RESET client_min_messages;
CREATE DATABASE bounce_custom_latin1 TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C';
\c bounce_custom_latin1
CREATE EXTENSION bounce;
INSERT INTO bounce_rules (id, pattern, category) VALUES ('règle.über', 'Empfänger\s+verzögert', 'routing-issues');
SELECT bounce_category_custom('5.1.1', 'Der Empfänger   verzögert') AS latin1,
       bounce_explain_custom('5.1.1', 'Der Empfänger   verzögert') ->> 'rule' AS rule,
       bounce_explain_custom('5.1.1', 'Der Empfänger   verzögert') ->> 'matched' AS matched;
INSERT INTO bounce_rules (id, pattern, category) VALUES ('règle.bad', 'ü(', 'other');
\c :regress_db
DROP DATABASE bounce_custom_latin1;

DELETE FROM bounce_rules;
