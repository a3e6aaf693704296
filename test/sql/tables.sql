-- The functions on bounce tables: a generated column, an expression index
-- used by a query, a trigger filling a category column, a report.
-- Status-only rows: their categories are fixed by the contract.

-- generated columns, for a text status and an integer reply code
CREATE TABLE bounces (
    id serial PRIMARY KEY,
    status text,
    diagnostic text,
    category text GENERATED ALWAYS AS (bounce_category(status, diagnostic)) STORED,
    hard boolean GENERATED ALWAYS AS (is_hard_bounce(status, diagnostic)) STORED
);
INSERT INTO bounces (status, diagnostic)
VALUES ('5.1.1', NULL), ('552', NULL), ('521 5.3.2', NULL), (NULL, NULL),
       ('450 4.1.1', NULL), ('4.2.2', NULL), ('5.7.26', NULL), ('abc', NULL);
SELECT id, status, category, hard FROM bounces ORDER BY id;
UPDATE bounces SET status = '4.4.7' WHERE id = 8;
SELECT id, status, category, hard FROM bounces WHERE id = 8;

CREATE TABLE replies (
    code integer,
    diagnostic text,
    category text GENERATED ALWAYS AS (bounce_category(code, diagnostic)) STORED
);
INSERT INTO replies (code) VALUES (552), (521), (421), (550), (NULL);
SELECT code, category FROM replies ORDER BY code;

-- an expression index, used by a query on the same expression
CREATE INDEX bounces_category_idx ON bounces (bounce_category(status, diagnostic));
INSERT INTO bounces (status) SELECT '4.4.7' FROM generate_series(1, 2000);
ANALYZE bounces;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT id, status FROM bounces WHERE bounce_category(status, diagnostic) = 'full-mailbox';
SELECT id, status FROM bounces WHERE bounce_category(status, diagnostic) = 'full-mailbox' ORDER BY id;
RESET enable_seqscan;
RESET enable_bitmapscan;

-- a trigger filling plain columns of a bounce table
CREATE TABLE bounce_log (
    id serial PRIMARY KEY,
    status text,
    diagnostic text,
    category text,
    hard boolean
);
CREATE FUNCTION bounce_log_classify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.category := bounce_category(NEW.status, NEW.diagnostic);
    NEW.hard := is_hard_bounce(NEW.status, NEW.diagnostic);
    RETURN NEW;
END $$;
CREATE TRIGGER bounce_log_classify
    BEFORE INSERT OR UPDATE OF status, diagnostic ON bounce_log
    FOR EACH ROW EXECUTE FUNCTION bounce_log_classify();
INSERT INTO bounce_log (status, diagnostic)
VALUES ('5.1.1', NULL), ('5.1.1', NULL), ('552', NULL), ('521 5.3.2', NULL),
       ('450 4.1.1', NULL), ('4.4.7', NULL), (NULL, NULL);
UPDATE bounce_log SET status = '5.7.26' WHERE id = 6;
SELECT id, status, category, hard FROM bounce_log ORDER BY id;

-- a report: every category, in the contract's order, with its count
SELECT c.name AS category, c.hard, count(b.id) AS bounces
  FROM bounce_categories() WITH ORDINALITY AS c(name, hard, description, n)
  LEFT JOIN bounce_log b ON b.category = c.name
 GROUP BY c.n, c.name, c.hard
 ORDER BY c.n;

DROP TABLE bounces, replies, bounce_log;
DROP FUNCTION bounce_log_classify();
