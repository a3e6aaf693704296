-- schema.sql: the functions inside a schema (generated columns, expression
-- index, CHECK constraint, view, trigger) with trusted_schema off, which
-- only SQLITE_INNOCUOUS functions pass.
.load sqlite/bounce
.headers on
.mode list
.nullvalue NULL
PRAGMA trusted_schema = OFF;

CREATE TABLE bounces (
	id			INTEGER PRIMARY KEY,
	status		TEXT,
	diagnostic	TEXT,
	category	TEXT GENERATED ALWAYS AS (bounce_category(status, diagnostic)) VIRTUAL,
	hard		INTEGER GENERATED ALWAYS AS (is_hard_bounce(status, diagnostic)) STORED,
	CHECK (bounce_category(status, diagnostic) IS NOT NULL
		   OR (status IS NULL AND diagnostic IS NULL))
);
CREATE INDEX bounces_category ON bounces (bounce_category(status, diagnostic));
CREATE INDEX bounces_hard ON bounces (category) WHERE is_hard_bounce(category);
CREATE VIEW hard_bounces AS
	SELECT id, status FROM bounces WHERE is_hard_bounce(status, diagnostic);

CREATE TABLE events (bounce_id INTEGER, category TEXT, hard_category INTEGER);
CREATE TRIGGER bounces_classified AFTER INSERT ON bounces
BEGIN
	INSERT INTO events
	VALUES (new.id, bounce_category(new.status, new.diagnostic),
			is_hard_bounce(bounce_category(new.status, new.diagnostic)));
END;

INSERT INTO bounces (status, diagnostic) VALUES
	('550 5.1.1', NULL), ('552 5.2.2', NULL), ('450 4.1.1', NULL),
	('5.1.2', NULL), ('4.4.7', NULL), (NULL, NULL), ('550', NULL), ('5.7.26', '');
SELECT id, status, category, hard FROM bounces;
SELECT * FROM events;
SELECT * FROM hard_bounces;

-- The expression index serves the same expression, the partial index
-- serves the generated column under its predicate.
EXPLAIN QUERY PLAN
SELECT id FROM bounces WHERE bounce_category(status, diagnostic) = 'full-mailbox';
SELECT id FROM bounces WHERE bounce_category(status, diagnostic) = 'full-mailbox';
EXPLAIN QUERY PLAN
SELECT count(*) FROM bounces WHERE category = 'invalid-mailbox' AND is_hard_bounce(category);

-- Updates keep the stored column and the index right.
UPDATE bounces SET status = '552' WHERE id = 1;
SELECT id, category, hard FROM bounces WHERE id = 1;
PRAGMA integrity_check;

-- bounce_version() is not deterministic (it changes across upgrades), so
-- it is refused where SQLite needs a deterministic function.
CREATE TABLE versions (id INTEGER PRIMARY KEY, v TEXT GENERATED ALWAYS AS (bounce_version()));
INSERT INTO versions (id) VALUES (1);
CREATE INDEX bad_index ON bounces (bounce_version());
