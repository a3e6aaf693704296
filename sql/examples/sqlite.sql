-- sql/examples/sqlite.sql: the bounce SQLite extension in a schema.
-- Copy what you need. To run the whole file from the project root after
-- "make":
--
--     sqlite3 :memory: < sql/examples/sqlite.sql
--
-- Every function used in a schema below is registered SQLITE_INNOCUOUS, so
-- it keeps working with PRAGMA trusted_schema = OFF (recommended); the
-- classifiers are also SQLITE_DETERMINISTIC, as generated columns and
-- expression indexes require. The extension must be loaded on every
-- connection that reads or writes these tables.
.load sqlite/bounce
PRAGMA trusted_schema = OFF;
.headers on
.mode box --wrap 120 --wordwrap on

-- 1. Classify in a query.
SELECT	bounce_category('550 5.1.1', 'smtp; 550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown') AS category,
		is_hard_bounce('550 5.1.1', 'smtp; 550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown') AS hard,
		is_hard_bounce('full-mailbox') AS full_mailbox_is_hard;

-- 2. A bounce table whose category is filled in by a trigger on insert
--    (the classification is stored, so reading needs no extension).
CREATE TABLE bounces (
	id			INTEGER PRIMARY KEY,
	sent_at		TEXT NOT NULL,
	recipient	TEXT NOT NULL,
	status		TEXT,
	diagnostic	TEXT,
	category	TEXT,
	hard		INTEGER
);
CREATE TRIGGER bounces_classify AFTER INSERT ON bounces
WHEN new.category IS NULL
BEGIN
	UPDATE	bounces
	SET		category = bounce_category(new.status, new.diagnostic),
			hard = is_hard_bounce(new.status, new.diagnostic)
	WHERE	id = new.id;
END;

INSERT INTO bounces (sent_at, recipient, status, diagnostic) VALUES
	('2024-05-06 09:12:00', 'ana@example.com', '550 5.1.1',
	 'smtp; 550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown in virtual mailbox table'),
	('2024-05-06 09:15:30', 'bo@example.org', '552 5.2.2',
	 'smtp; 552 5.2.2 <bo@example.org>: mailbox full'),
	('2024-05-07 14:02:11', 'chen@example.net', '550 5.7.26',
	 'smtp; 550 5.7.26 This mail has been blocked because the sender is unauthenticated.'),
	('2024-05-08 08:45:00', 'dee@example.org', '4.4.7',
	 'Delivery time expired'),
	('2024-05-13 10:00:00', 'eve@example.com', '550 5.1.1',
	 'smtp; 550-5.1.1 The email account that you tried to reach does not exist.'),
	('2024-05-14 16:20:00', 'fay@example.org', '421',
	 NULL),
	('2024-05-15 11:11:11', 'gus@example.net', NULL,
	 'Host or domain name not found. Name service error for name=example.net type=MX: Host not found');

SELECT id, recipient, status, category, hard FROM bounces;

-- 3. A generated column: always in step with status and diagnostic,
--    computed when read (VIRTUAL) or stored on write (STORED), and an index
--    on it.
CREATE TABLE bounce_log (
	id			INTEGER PRIMARY KEY,
	status		TEXT,
	diagnostic	TEXT,
	category	TEXT GENERATED ALWAYS AS (bounce_category(status, diagnostic)) VIRTUAL,
	hard		INTEGER GENERATED ALWAYS AS (is_hard_bounce(status, diagnostic)) STORED
);
CREATE INDEX bounce_log_category ON bounce_log (category);
INSERT INTO bounce_log (status, diagnostic) SELECT status, diagnostic FROM bounces;
SELECT category, count(*) AS n, sum(hard) AS hard FROM bounce_log GROUP BY category ORDER BY n DESC, category;

-- 4. An expression index: a query that repeats the indexed expression uses
--    it (EXPLAIN QUERY PLAN shows "USING INDEX bounces_by_category").
CREATE INDEX bounces_by_category ON bounces (bounce_category(status, diagnostic));
EXPLAIN QUERY PLAN
SELECT recipient FROM bounces WHERE bounce_category(status, diagnostic) = 'invalid-mailbox';
EXPLAIN QUERY PLAN
SELECT count(*) FROM bounce_log WHERE category = 'full-mailbox';

-- 5. A CHECK constraint: only rows the classifier calls hard bounces.
CREATE TABLE suppressions (
	recipient	TEXT PRIMARY KEY,
	status		TEXT,
	diagnostic	TEXT,
	CHECK (is_hard_bounce(status, diagnostic))
);
INSERT INTO suppressions SELECT recipient, status, diagnostic FROM bounces WHERE hard;
SELECT recipient FROM suppressions ORDER BY recipient;

-- 6. Weekly report by recipient domain and category, categories in the
--    contract's order (the rowid of the bounce_categories table).
SELECT	strftime('%Y-W%W', sent_at) AS week,
		substr(recipient, instr(recipient, '@') + 1) AS domain,
		b.category,
		count(*) AS bounces,
		sum(b.hard) AS hard
FROM	bounces b
		JOIN bounce_categories c ON c.name = b.category
GROUP BY week, domain, b.category
ORDER BY week, domain, c.rowid;

-- ... and what each category means.
SELECT name, hard, description FROM bounce_categories
WHERE name IN (SELECT category FROM bounces) ORDER BY rowid;

-- 7. Why: the deciding rule or code, and the matched text.
SELECT	id,
		json_extract(bounce_explain(status, diagnostic), '$.signal') AS signal,
		coalesce(json_extract(bounce_explain(status, diagnostic), '$.rule'),
				 json_extract(bounce_explain(status, diagnostic), '$.enhanced_code'),
				 json_extract(bounce_explain(status, diagnostic), '$.reply_code')) AS decided_by,
		json_extract(bounce_explain(status, diagnostic), '$.matched') AS matched
FROM	bounces;
