-- sqlite_matrix.sql: the SQLite cells of the bad-input matrix of
-- docs/reliability.md that test/sqlite/ does not already cover. Run by
-- "make test-sanitize" (under AddressSanitizer) and "make test-valgrind",
-- from the project root: sqlite3 -batch :memory: < this file; the output
-- (stdout and stderr) must equal sqlite_matrix.expected.
.load sqlite/bounce
.headers on
.mode list
.nullvalue NULL

-- White space only, in both arguments and in every white-space character.
SELECT	bounce_category(' ', ' ') AS blanks,
		bounce_category(char(9, 10, 11, 12, 13, 32), char(9, 10, 11, 12, 13, 32)) AS all_blanks,
		is_hard_bounce(' ', char(10)) AS hard,
		json_extract(bounce_explain(char(9), char(13, 10)), '$.signal') AS signal;

-- 100 MB (104,857,600 bytes): as TEXT, as a BLOB, with a code in front and
-- with a rule phrase past the 64 KiB examined; only the first 65,536
-- bytes are read, the answers are those of that prefix.
SELECT	bounce_category(NULL, printf('%.*c', 104857600, 'x')) AS text_100mb,
		bounce_category('550 5.1.1', zeroblob(104857600)) AS blob_100mb,
		json_extract(bounce_explain(NULL, '552 5.2.2 ' || printf('%.*c', 104857600, 'x')), '$.category') AS coded_100mb,
		json_extract(bounce_explain(NULL, printf('%.*c', 104857600, 'x')), '$.truncated') AS truncated,
		bounce_category(NULL, printf('%.*c', 70000, ' ') || 'no such user') AS phrase_after_64kib,
		bounce_category(NULL, printf('%.*c', 60000, ' ') || 'no such user') IS NOT 'other' AS phrase_before_64kib;

-- Control characters and NUL bytes inside TEXT (not only BLOBs), and
-- invalid UTF-8 stored as TEXT: a category, never an error, valid JSON.
SELECT	bounce_category(NULL, CAST(x'0102031b5b306d7f08' AS TEXT)) AS controls,
		bounce_category('5.2.2', CAST(x'00000000' AS TEXT)) AS nul_text,
		bounce_category(CAST(x'35002e312e31' AS TEXT), NULL) AS nul_in_status,
		bounce_category('552', CAST(x'c328fffe80' AS TEXT)) AS bad_utf8_text,
		json_valid(bounce_explain(CAST(x'ff' AS TEXT), CAST(x'757365720075e96b6e6f776eff' AS TEXT))) AS explain_json,
		length(CAST(x'616200636465' AS BLOB)) AS blob_len;

-- A status of 10,000 characters: only the first 256 bytes are read.
SELECT	bounce_category('5.1.1' || printf('%.*c', 9995, ' '), NULL) AS code_first,
		bounce_category(printf('%.*c', 9995, ' ') || '5.1.1', NULL) AS code_last,
		bounce_category(printf('%.*c', 250, ' ') || '5.1.1', NULL) AS code_ending_at_255,
		bounce_category(printf('%.*c', 252, ' ') || '5.1.1', NULL) AS code_across_256,
		bounce_category(printf('%.*c', 9995, 'x'), 'Mailbox full') = bounce_category(NULL, 'Mailbox full') AS text_still_decides;

-- Negative, huge and non-finite numbers as the status: no code, never an
-- error; an INTEGER is read as its decimal text, a REAL as SQLite's text.
SELECT	bounce_category(-550, NULL) AS neg_550,
		bounce_category(-1, NULL) AS neg_1,
		bounce_category(9223372036854775807, NULL) AS int64_max,
		bounce_category(-9223372036854775808, NULL) AS int64_min,
		bounce_category(99999999999999999999, NULL) AS too_big_for_int64,
		bounce_category(1e999, NULL) AS infinity,
		bounce_category(-1e999, NULL) AS minus_infinity,
		bounce_category(0.0/0, NULL) AS nan_is_null,
		bounce_category(552.0, NULL) AS real_552;
SELECT	typeof(99999999999999999999) AS type_of_huge, CAST(1e999 AS TEXT) AS text_of_inf;

-- Category names: ASCII case and white space are ignored; non-ASCII white
-- space, look-alike letters and inner spaces make a name unknown.
SELECT	is_hard_bounce('iNvAlId-MaIlBoX') AS odd_case,
		is_hard_bounce(char(11, 12) || 'Invalid-Domain' || char(13, 10)) AS vt_ff_crlf,
		is_hard_bounce(printf('%.*c', 1000000, ' ') || 'OTHER' || printf('%.*c', 1000000, ' ')) AS padded_1mb;
SELECT is_hard_bounce(char(160) || 'invalid-mailbox');
SELECT is_hard_bounce('invalid-mailbox' || char(8195));
SELECT is_hard_bounce(char(304) || 'nvalid-mailbox');
SELECT is_hard_bounce('invalid' || char(8208) || 'mailbox');
SELECT is_hard_bounce('invalid - mailbox');
SELECT is_hard_bounce(CAST(x'696e76616c69642d6d61696c626f7800' AS TEXT));
SELECT is_hard_bounce(' ');
SELECT 'still running' AS after_errors;

-- A user's rule whose pattern backtracks catastrophically on a long run of
-- letters: pcre2's match limit stops it, it counts as not matching, and
-- the built-in rules and the codes decide; no error, bounded time. The
-- same pattern still matches where it matches quickly.
.read sql/bounce_rules.sqlite.sql
INSERT INTO bounce_rules (id, pattern, category)
VALUES ('user.catastrophic', 'mailbox(?:(?:\s*a+)+)+\d', 'full-mailbox');
SELECT	bounce_category_custom('550 5.1.1', 'mailbox ' || printf('%.*c', 65000, 'a')) AS long_run,
		json_extract(bounce_explain_custom('550 5.1.1', 'mailbox ' || printf('%.*c', 65000, 'a')), '$.signal') AS signal,
		bounce_category_custom(NULL, 'mailbox aaa7') AS quick_match;
