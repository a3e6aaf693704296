-- categories.sql: the bounce_categories table and is_hard_bounce(category).
.load sqlite/bounce
.headers on
.mode list
.nullvalue NULL

SELECT rowid, name, hard, length(description) > 20 AS described FROM bounce_categories;
SELECT count(*) AS n, sum(hard) AS hard FROM bounce_categories();
SELECT typeof(name), typeof(hard), typeof(description) FROM bounce_categories LIMIT 1;

-- Names are looked up case-insensitively, surrounding white space ignored.
SELECT	name,
		is_hard_bounce(name) AS hard,
		is_hard_bounce(upper(name)) = hard AS upper_ok,
		is_hard_bounce(' ' || name || char(9, 10, 13)) = hard AS padded_ok,
		is_hard_bounce(substr(upper(name), 1, 3) || substr(name, 4)) = hard AS mixed_ok
FROM	bounce_categories;
-- The seed's heading spellings are aliases.
SELECT	is_hard_bounce('greylisting') AS greylisting,
		is_hard_bounce(' Routing-Errors ') AS routing_errors,
		is_hard_bounce(NULL) AS null_name;

-- Reports join to it.
WITH b(s) AS (VALUES ('5.1.1'), ('550 5.1.1'), ('552'), ('4.4.7'))
SELECT	c.name, count(b.s) AS n
FROM	bounce_categories c
		LEFT JOIN b ON bounce_category(b.s, NULL) = c.name
GROUP BY c.name
HAVING n > 0
ORDER BY c.rowid;

-- Innocuous: usable from a view with trusted_schema off.
CREATE VIEW hard_categories AS SELECT name FROM bounce_categories WHERE hard;
PRAGMA trusted_schema = OFF;
SELECT group_concat(name, ',') AS hard_categories FROM hard_categories;

-- Unknown names are errors; the name is quoted back, cut to 64 bytes
-- (at a character boundary).
SELECT is_hard_bounce('nope');
SELECT is_hard_bounce('');
SELECT is_hard_bounce('invalid mailbox');
SELECT is_hard_bounce('say "hi"');
SELECT is_hard_bounce(printf('%.*c', 100, 'x'));
SELECT is_hard_bounce('a' || printf('%.*c', 40, 'é'));
-- a bounce category cannot be looked up as a name
SELECT is_hard_bounce('550 5.1.1');
SELECT 'still running' AS after_errors;
