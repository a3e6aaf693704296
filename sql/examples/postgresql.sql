-- sql/examples/postgresql.sql: the recipes of docs/postgresql.md, runnable
-- as they are (test/sql/examples.sql runs this file):
--
--     psql -d mydb -f sql/examples/postgresql.sql
--
-- Everything goes into the schema bounce_example, dropped first; the
-- extension is created if missing (in the first schema of search_path).
CREATE EXTENSION IF NOT EXISTS bounce;
DROP SCHEMA IF EXISTS bounce_example CASCADE;
CREATE SCHEMA bounce_example;
SET search_path = bounce_example, public;

-- 1. A bounce table that classifies itself: generated columns.
CREATE TABLE bounces (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now(),
    recipient   text NOT NULL,
    status      text,
    diagnostic  text,
    category    text GENERATED ALWAYS AS (bounce_category(status, diagnostic)) STORED,
    hard        boolean GENERATED ALWAYS AS (is_hard_bounce(status, diagnostic)) STORED
);

INSERT INTO bounces (received_at, recipient, status, diagnostic) VALUES
  (now() - interval '3 days', 'jane@example.com', '5.1.1',
   'smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown in virtual mailbox table'),
  (now() - interval '2 days', 'bob@example.net', '552',
   '552 5.2.2 Mailbox full: bob@example.net has exceeded his quota'),
  (now() - interval '2 days', 'info@example.org', '550 5.7.1',
   '550 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org'),
  (now() - interval '1 day', 'sales@example.biz', NULL,
   'Host or domain name not found. Name service error for name=example.biz type=A: Host not found'),
  (now() - interval '1 day', 'max@example.de', '450 4.7.1',
   '450 4.7.1 <max@example.de>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.de.html'),
  (now() - interval '5 hours', 'ops@example.com', '4.4.7',
   'Message expired: retry timeout exceeded'),
  (now() - interval '1 hour', 'jane@example.com', '550 5.1.1', NULL),
  (now(), 'noreply@example.com', NULL, NULL);

-- 2. Classify existing rows in a query.
SELECT recipient, bounce_category(status, diagnostic) AS category,
       is_hard_bounce(status, diagnostic) AS hard
  FROM bounces
 ORDER BY id;

-- Why a row got its category.
SELECT recipient, bounce_explain(status, diagnostic) AS why
  FROM bounces
 WHERE id = 1;

-- 3. A table you cannot change (an MTA log): an expression index for
-- queries by category, and a partial index of hard bounces.
CREATE TABLE mta_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    logged_at  timestamptz NOT NULL DEFAULT now(),
    recipient  text NOT NULL,
    reply_code integer,          -- the reply code kept as a number
    diagnostic text
);
INSERT INTO mta_log (recipient, reply_code, diagnostic)
SELECT recipient, substr(status, 1, 3)::integer, diagnostic
  FROM bounces
 WHERE status ~ '^[0-9]{3}';

CREATE INDEX mta_log_category_idx ON mta_log (bounce_category(reply_code, diagnostic));
CREATE INDEX mta_log_hard_idx ON mta_log (recipient)
 WHERE is_hard_bounce(reply_code, diagnostic);
ANALYZE mta_log;

-- The query repeats the indexed expression exactly.
SELECT recipient
  FROM mta_log
 WHERE bounce_category(reply_code, diagnostic) = 'full-mailbox';

-- 4. A trigger that fills plain columns when rows arrive: the category is
-- the one of the version that classified the row, until you reclassify.
CREATE TABLE bounce_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  text NOT NULL,
    status     text,
    diagnostic text,
    category   text,
    hard       boolean
);

CREATE FUNCTION bounce_events_classify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.category := bounce_category(NEW.status, NEW.diagnostic);
    NEW.hard := is_hard_bounce(NEW.status, NEW.diagnostic);
    RETURN NEW;
END
$$;

CREATE TRIGGER bounce_events_classify
    BEFORE INSERT OR UPDATE OF status, diagnostic ON bounce_events
    FOR EACH ROW EXECUTE FUNCTION bounce_events_classify();

INSERT INTO bounce_events (recipient, status, diagnostic)
SELECT recipient, status, diagnostic FROM bounces ORDER BY id;

-- 5. A report: bounces of the last 7 days per category, every category
-- listed in the contract's order, zero counts included.
SELECT c.name AS category,
       c.hard,
       count(b.id) AS bounces,
       count(DISTINCT b.recipient) AS recipients
  FROM bounce_categories() WITH ORDINALITY AS c(name, hard, description, n)
  LEFT JOIN bounces b
         ON b.category = c.name
        AND b.received_at >= now() - interval '7 days'
 GROUP BY c.n, c.name, c.hard
 ORDER BY c.n;

-- 6. A suppression list: recipients with a hard bounce.
SELECT DISTINCT recipient
  FROM bounces
 WHERE hard
 ORDER BY recipient;

RESET search_path;
