-- types.sql: INTEGER, REAL, BLOB and NULL arguments.
.load sqlite/bounce
.headers on
.mode list
.nullvalue NULL

-- An INTEGER status is its decimal text.
SELECT	bounce_category(552, NULL) AS "552",
		bounce_category(550, NULL) AS "550",
		bounce_category(421, NULL) AS "421",
		is_hard_bounce(550, NULL) AS hard_550;
WITH t(v) AS (VALUES (552), (-550), (99999), (0), (9223372036854775807),
					  (-9223372036854775808))
SELECT	v,
		bounce_category(v, NULL) = bounce_category(CAST(v AS TEXT), NULL) AS same_category,
		bounce_explain(v, NULL) = bounce_explain(CAST(v AS TEXT), NULL) AS same_explain
FROM	t;
-- A REAL takes SQLite's text form ('552.0').
SELECT	bounce_category(552.0, NULL) = bounce_category('552.0', NULL) AS real_status,
		bounce_category(NULL, 5.5) = bounce_category(NULL, '5.5') AS real_diagnostic,
		bounce_category(NULL, 550) = bounce_category(NULL, '550') AS integer_diagnostic;

-- A BLOB is classified by its bytes, like the same bytes as TEXT.
SELECT	bounce_category(x'353532', NULL) AS blob_552,
		bounce_category(CAST('5.1.1' AS BLOB), x'') AS blob_511,
		bounce_category(NULL, x'') AS empty_blob,
		is_hard_bounce(x'352e312e31', NULL) AS blob_hard;
WITH t(d) AS (VALUES ('User unknown'), ('Mailbox full'),
					  ('blocked using zen.spamhaus.org'),
					  ('Benutzer unbekannt: Postfach nicht gefunden'), ('   '), ('ü€𝄞'))
SELECT	d,
		bounce_category('550 5.1.1', CAST(d AS BLOB)) = bounce_category('550 5.1.1', d) AS same,
		bounce_explain(NULL, CAST(d AS BLOB)) = bounce_explain(NULL, d) AS same_explain
FROM	t;

-- NUL bytes and invalid UTF-8: an answer, never an error. The text cannot
-- name a cause, so the status code decides.
SELECT	bounce_category('5.1.1', x'00') AS nul,
		bounce_category('552', x'fffe00c328a0e28228f0288c28') AS bad_utf8,
		bounce_category(NULL, x'0000000000') AS nul_only,
		json_valid(bounce_explain(NULL, x'80ff00c3')) AS explain_json,
		json_valid(bounce_explain('550 5.1.1', x'5573657200756e6b6e6f776e')) AS explain_nul;

-- Huge inputs: only the first BOUNCE_SCAN_LIMIT (65536) bytes are read.
SELECT	bounce_category('552', zeroblob(10000000)) AS huge_blob,
		json_extract(bounce_explain('552', zeroblob(65536)), '$.truncated') AS at_limit,
		json_extract(bounce_explain('552', zeroblob(65537)), '$.truncated') AS over_limit,
		json_extract(bounce_explain(NULL, printf('%.*c', 100000, 'x')), '$.truncated') AS long_text,
		bounce_category(printf('%.*c', 100000, '5'), NULL) AS long_status;

-- is_hard_bounce(category) takes TEXT or BLOB names; other types by their text.
SELECT	is_hard_bounce(CAST('invalid-domain' AS BLOB)) AS blob_name,
		is_hard_bounce(NULL) AS null_name;
SELECT is_hard_bounce(550);
SELECT is_hard_bounce(x'');
SELECT is_hard_bounce(x'696e76616c6964006d61696c626f78');

-- A text stored still escaped: an escaped backslash before "n" and a run
-- of spaces is read once (this input once overflowed a buffer).
SELECT	bounce_category('550', 'x \\n  y') AS escaped_backslash,
		bounce_category('550 5.1.1', 'c:\\new  folder: user unknown') AS with_a_reason;
