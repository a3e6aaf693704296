-- functions.sql: bounce_category, is_hard_bounce and bounce_explain on the
-- inputs whose answer the contract fixes (status codes alone, NULLs).
-- Answers that depend on text rules are checked by the corpus parity test.
.load sqlite/bounce
.headers on
.mode list
.nullvalue NULL

-- The status argument alone: the contract's RFC 3463 table and reply codes,
-- in the shapes bounce tables hold.
WITH t(status) AS (VALUES ('5.1.1'), ('550 5.1.1'), ('550-5.1.1'), ('Status: 5.1.1'),
				('smtp; 550 5.1.1'), ('  5.1.1  '), ('5.1.3'), ('5.1.10'),
				('5.1.2'), ('5.1.6'), ('5.2.1'), ('5.1.7'), ('5.1.8'),
				('5.2.2'), ('4.2.2'), ('552'), ('5.2.3'), ('5.3.4'), ('5.3.0'),
				('4.3.2'), ('4.4.5'), ('4.4.1'), ('4.4.2'), ('5.4.1'),
				('5.4.3'), ('4.4.4'), ('5.4.6'), ('4.4.7'), ('5.6.0'),
				('5.7.1'), ('4.7.1'), ('5.7.20'), ('5.7.26'), ('5.7.27'),
				('5.0.0'), ('5.1.0'), ('5.2.0'), ('4.4.0'), ('5.5.0'), ('421'),
				('451'), ('450'), ('550'), ('553'), ('554'), ('521'),
				('521 5.3.2'), ('556'), ('450 4.1.1'), ('abc'), ('9.9.9.9'),
				(''), (' '))
SELECT	status,
		bounce_category(status, NULL) AS category,
		is_hard_bounce(status, NULL) AS hard,
		json_extract(bounce_explain(status, NULL), '$.signal') AS signal
FROM	t;

-- NULL only when both arguments are NULL.
SELECT	bounce_category(NULL, NULL) AS category,
		is_hard_bounce(NULL, NULL) AS hard,
		bounce_explain(NULL, NULL) AS explain;
-- Any non-NULL argument gives one of the 15 names.
WITH t(s, d) AS (VALUES (NULL, ''), ('', NULL), ('', ''), (NULL, 'User unknown'),
				(NULL, 'no such thing'), ('5.1.1', 'anything at all'),
				(NULL, 'smtp; 550-5.1.1 The email account does not exist'))
SELECT	quote(s) AS status, quote(d) AS diagnostic,
		bounce_category(s, d) IN (SELECT name FROM bounce_categories) AS named,
		typeof(is_hard_bounce(s, d)) AS hard_type,
		json_valid(bounce_explain(s, d)) AS explain_json
FROM	t;
SELECT bounce_category(NULL, '') AS empty_text, bounce_category('', NULL) AS empty_status;

-- The same inputs give the same answer within a statement and across calls.
SELECT count(DISTINCT bounce_category('552', 'x' || (value % 1))) AS answers
FROM generate_series(1, 1000);

-- Version: the library's.
SELECT bounce_version() GLOB '[0-9]*.[0-9]*.[0-9]*' AS version_shape, typeof(bounce_version()) AS type;
