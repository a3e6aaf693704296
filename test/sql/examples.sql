-- sql/examples/postgresql.sql (the recipes of docs/postgresql.md) runs
-- without an error; its answers depend on the rules, so its output is not
-- compared: what must hold of its tables is checked instead.
SET client_min_messages = warning;
\set ECHO none
\o /dev/null
\i sql/examples/postgresql.sql
\o
\set ECHO all
RESET client_min_messages;
SET search_path = bounce_example, public;

SELECT count(*) AS bounces, count(category) AS classified FROM bounces;
-- the generated columns hold what the functions answer
SELECT id FROM bounces
 WHERE category IS DISTINCT FROM bounce_category(status, diagnostic)
    OR hard IS DISTINCT FROM is_hard_bounce(status, diagnostic);
-- the trigger filled the same answers
SELECT e.id FROM bounce_events e JOIN bounces b USING (id)
 WHERE e.category IS DISTINCT FROM b.category OR e.hard IS DISTINCT FROM b.hard;
-- the integer reply codes give the answers of the status text's code
SELECT m.id FROM mta_log m
 WHERE bounce_category(m.reply_code, m.diagnostic)
       IS DISTINCT FROM bounce_category(m.reply_code::text, m.diagnostic);
-- the report counts every classified row of the last 7 days, once
SELECT sum(bounces) AS reported,
       (SELECT count(category) FROM bounces
         WHERE received_at >= now() - interval '7 days') AS stored
  FROM (SELECT count(b.id) AS bounces
          FROM bounce_categories() c
          LEFT JOIN bounces b ON b.category = c.name
                             AND b.received_at >= now() - interval '7 days'
         GROUP BY c.name) r;
-- the suppression list holds hard-bounced recipients only
SELECT recipient FROM bounces WHERE hard AND NOT is_hard_bounce(category);
-- the status-only row and the empty row
SELECT recipient, category, hard FROM bounces
 WHERE diagnostic IS NULL ORDER BY id;
-- both indexes serve their queries
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT recipient FROM mta_log WHERE bounce_category(reply_code, diagnostic) = 'full-mailbox';
EXPLAIN (COSTS OFF)
SELECT recipient FROM mta_log WHERE is_hard_bounce(reply_code, diagnostic) AND recipient = 'jane@example.com';
RESET enable_seqscan;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA bounce_example CASCADE;
RESET client_min_messages;
