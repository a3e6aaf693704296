-- Parallel query: the functions run in parallel workers (forced), and the
-- workers give the same answers as the core for every corpus row (and the
-- integer overload the same as the text one).
\i test/pg/core_tables.sql
\copy corpus FROM 'build/test/pg/corpus-utf8.tsv' WITH (ENCODING 'UTF8')
SELECT count(*) > 0 AS corpus_loaded FROM corpus;
-- the corpus rows and the core's answers side by side, in one table
CREATE TABLE side_by_side AS
SELECT c.seq, c.id, c.status, c.diagnostic,
       r.id AS core_id, r.category AS core_category, r.hard AS core_hard, r.rule AS core_rule
  FROM corpus c LEFT JOIN core r USING (seq);
ALTER TABLE side_by_side SET (parallel_workers = 2);
ANALYZE side_by_side;

SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
-- force_parallel_mode was renamed debug_parallel_query in PostgreSQL 16
SELECT current_setting('server_version_num')::integer >= 160000 AS pg16 \gset
\if :pg16
SET debug_parallel_query = on;
\else
SET force_parallel_mode = on;
\endif

-- How many workers a query's plan launched.
CREATE FUNCTION pg_temp.workers_launched(query text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || query
     INTO plan;
  RETURN (SELECT max(n::integer) FROM jsonb_path_query(plan, 'strict $.**."Workers Launched"') AS n);
END $$;

\set differing 'SELECT count(*) FROM side_by_side WHERE id IS DISTINCT FROM core_id OR bounce_category(status, diagnostic) IS DISTINCT FROM core_category OR is_hard_bounce(status, diagnostic) IS DISTINCT FROM core_hard OR (bounce_explain(status, diagnostic) ->> ''rule'') IS DISTINCT FROM core_rule OR bounce_category(552, diagnostic) IS DISTINCT FROM bounce_category(''552'', diagnostic)'
EXPLAIN (COSTS OFF) :differing;
:differing;
SELECT pg_temp.workers_launched(:'differing') > 0 AS workers_ran;

RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
\if :pg16
RESET debug_parallel_query;
\else
RESET force_parallel_mode;
\endif
DROP TABLE side_by_side;
DROP VIEW parity_differences, explain_differences, via_sql;
DROP TABLE corpus, core;
