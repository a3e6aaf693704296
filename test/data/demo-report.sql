-- demo-report.sql: the README's demo ("make demo"). Loads the bounce
-- extension into an in-memory database, imports the sample bounce table
-- test/data/sample-bounces.tsv and reports, in SQL only, what the bounces
-- were about. Run from the project root:
--
--     sqlite3 -batch -bail :memory: < test/data/demo-report.sql
.bail on
.load sqlite/bounce

-- The sample is TSV without quoting (diagnostics hold quotes and
-- backslashes): import it in ascii mode, which interprets neither.
CREATE TABLE bounces (
	id			INTEGER PRIMARY KEY,
	sent_at		TEXT,
	recipient	TEXT,
	domain		TEXT,
	status		TEXT,
	diagnostic	TEXT
);
.mode ascii
.separator "\t" "\n"
.import --skip 1 test/data/sample-bounces.tsv bounces
-- an empty field means "not recorded"
UPDATE bounces SET status = NULLIF(status, ''), diagnostic = NULLIF(diagnostic, '');

-- Classify every row once.
CREATE TEMP TABLE classified AS
SELECT	b.*,
		bounce_category(status, diagnostic) AS category,
		is_hard_bounce(status, diagnostic) AS hard,
		bounce_explain(status, diagnostic) AS why
FROM	bounces b;

-- Bars: 40 columns for the largest category, drawn in eighths of a block.
CREATE TEMP VIEW shares AS
SELECT	c.rowid AS pos, c.name AS category, c.hard AS hard_category,
		count(k.id) AS n,
		sum(k.hard) AS hard_n,
		count(k.id) * 1.0 / (SELECT count(*) FROM classified) AS share
FROM	bounce_categories c
		LEFT JOIN classified k ON k.category = c.name
GROUP BY c.rowid;

CREATE TEMP VIEW bars AS
SELECT	*,
		replace(hex(zeroblob(cast(e8 / 8 AS INTEGER))), '00', '█') ||
		substr(' ▏▎▍▌▋▊▉', e8 % 8 + 1, 1) AS bar
FROM	(SELECT *, cast(round(n * 320.0 / (SELECT max(n) FROM shares)) AS INTEGER) AS e8
		 FROM shares);

.mode list
.separator ""
.headers off
SELECT printf('bounce %s: %d bounce rows from test/data/sample-bounces.tsv (%s to %s, %d recipient domains)',
			  bounce_version(), count(*), min(substr(sent_at, 1, 10)),
			  max(substr(sent_at, 1, 10)), count(DISTINCT domain))
FROM	classified;
SELECT '';
SELECT 'Bounces by category';

.mode box --wrap 100
.headers on
SELECT	category,
		printf('%6d', n) AS rows,
		printf('%5.1f%%', 100.0 * share) AS share,
		CASE hard_category WHEN 1 THEN printf('%5d', hard_n) ELSE '' END AS hard,
		bar AS "share of bounces"
FROM	bars
ORDER BY n DESC, pos;

.mode list
.headers off
SELECT '';
SELECT 'Hard and soft bounces (hard: the address or domain does not exist; stop sending)';
.mode box --wrap 100
.headers on
SELECT	CASE hard WHEN 1 THEN 'hard' ELSE 'soft' END AS kind,
		printf('%6d', count(*)) AS rows,
		printf('%5.1f%%', 100.0 * count(*) / (SELECT count(*) FROM classified)) AS share,
		replace(hex(zeroblob(cast(round(40.0 * count(*) / (SELECT count(*) FROM classified)) AS INTEGER))), '00', '█') AS ""
FROM	classified
GROUP BY hard
ORDER BY hard DESC;

.mode list
.headers off
SELECT '';
SELECT 'Most frequent diagnostics per category (what decided: a text rule, else the status code)';
.mode box --wrap 100
.headers on
WITH keyed AS (
	SELECT	category, diagnostic, status,
			CASE json_extract(why, '$.signal')
				WHEN 'rule' THEN 'rule ' || json_extract(why, '$.rule')
				WHEN 'enhanced' THEN 'code ' || json_extract(why, '$.enhanced_code')
				WHEN 'reply' THEN 'code ' || json_extract(why, '$.reply_code')
				ELSE 'nothing recognised'
			END AS decided_by
	FROM	classified
), grouped AS (
	-- an example: a short text of the group, ASCII (it lines up in the
	-- terminal) and not too terse; SQLite takes the bare column "example"
	-- from the row that gives the min()
	SELECT	category, decided_by, count(*) AS n,
			min((text GLOB '*[^ -~]*') * 1000000 + (length(text) < 24) * 100000
				+ length(text)) AS score,
			text AS example
	FROM	(SELECT *, coalesce(diagnostic, '(no diagnostic) status ' || status) AS text
			 FROM keyed)
	GROUP BY category, decided_by
), ranked AS (
	SELECT	*, row_number() OVER (PARTITION BY category ORDER BY n DESC, decided_by) AS rank,
			sum(n) OVER (PARTITION BY category) AS total
	FROM	grouped
)
SELECT	CASE rank WHEN 1 THEN category ELSE '' END AS category,
		printf('%5d', n) AS rows,
		decided_by AS "decided by",
		CASE WHEN length(example) > 64 THEN substr(example, 1, 63) || '…' ELSE example END AS "example diagnostic"
FROM	ranked
WHERE	rank <= 2
ORDER BY total DESC, ranked.category, rank;

.mode list
.headers off
SELECT '';
SELECT printf('Left as "other" (no rule or code could place them): %d of %d rows, %.1f%%.',
			  sum(category = 'other'), count(*), 100.0 * sum(category = 'other') / count(*))
FROM	classified;
SELECT printf('Hard bounces: %d rows to %d distinct addresses; suppress those addresses.',
			  sum(hard), count(DISTINCT CASE WHEN hard THEN recipient END))
FROM	classified;
