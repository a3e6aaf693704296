-- test/load/pg_matrix.sql: the PostgreSQL cells of the bad-input matrix of
-- docs/reliability.md that test/sql/ does not already cover. Run by
-- "make test-load" (test/load/inside.sh) with psql -X -a in a fresh UTF8
-- database that has the extension; the output must equal
-- test/load/pg_matrix.expected.
\set VERBOSITY default
\pset null NULL

-- NUL bytes cannot reach the functions: PostgreSQL's text type refuses
-- them before any call.
SELECT bounce_category(NULL, E'user\x00unknown');
SELECT bounce_category(NULL, 'user' || chr(0) || 'unknown');
SELECT bounce_category(NULL, convert_from('\x7573657200'::bytea, 'UTF8'));

-- Integer statuses at and past the int4 range: no code, other; a number
-- that does not fit int4 finds no function (no implicit cast to text).
SELECT code, bounce_category(code, NULL), bounce_explain(code, NULL) ->> 'reply_code' AS reply
  FROM (VALUES (-2147483648), (-550), (-1), (2147483647)) AS t(code);
SELECT bounce_category(2147483648, NULL);
SELECT bounce_category(2147483648::text, NULL) AS as_text;
-- Numbers as text: signs, exponents, huge values, NaN: no code
SELECT s, bounce_category(s, NULL)
  FROM (VALUES ('-550'), ('+550'), ('550.0'), ('5.5e2'), ('1e999'), ('NaN'),
               ('99999999999999999999999999999999')) AS t(s);

-- A status of 10,000 characters: the first 256 bytes are examined.
SELECT bounce_category('5.1.1' || repeat(' ', 9995), NULL) AS code_first,
       bounce_category(repeat('x', 9000) || '5.1.1' || repeat('x', 995), NULL) AS code_at_9000,
       bounce_category(repeat(' ', 250) || '5.1.1', NULL) AS code_ending_at_255,
       bounce_category(repeat(' ', 252) || '5.1.1', NULL) AS code_across_256,
       bounce_category(repeat('x', 10000), 'smtp; 552 5.2.2 quota exceeded') AS text_decides;

-- A character cut by the 65,536-byte limit (the 65,537-byte slice ends
-- inside a 3-byte character): defined, truncated, valid jsonb.
SELECT bounce_category(NULL, repeat('€', 30000)) AS category,
       bounce_explain(NULL, repeat('€', 30000)) ->> 'truncated' AS truncated,
       bounce_explain(NULL, 'no such user ' || repeat('€', 30000)) ->> 'matched' AS matched;

-- Category names: ASCII case and the six ASCII white-space characters
-- around the name are ignored; anything else makes the name unknown.
SELECT is_hard_bounce('iNvAlId-MaIlBoX') AS odd_case,
       is_hard_bounce(chr(11) || chr(12) || ' Invalid-Domain ' || E'\r\n') AS vt_ff_crlf;
SELECT is_hard_bounce(chr(160) || 'invalid-mailbox');
SELECT is_hard_bounce('invalid-mailbox' || chr(8195));
SELECT is_hard_bounce(chr(304) || 'nvalid-mailbox');
SELECT is_hard_bounce('invalid' || chr(8208) || 'mailbox');
SELECT is_hard_bounce('invalid - mailbox');
SELECT is_hard_bounce('   ');

-- A user's rule whose pattern backtracks catastrophically on a long run of
-- letters: pcre2's match limit stops it, it counts as not matching, and
-- the built-in rules and the codes decide; no error, bounded time. The
-- same pattern still matches where it matches quickly.
INSERT INTO bounce_rules (id, pattern, category)
VALUES ('user.catastrophic', 'mailbox(?:(?:\s*a+)+)+\d', 'full-mailbox');
SELECT bounce_category_custom('550 5.1.1', 'mailbox ' || repeat('a', 65000)) AS long_run,
       bounce_explain_custom('550 5.1.1', 'mailbox ' || repeat('a', 65000)) ->> 'signal' AS signal,
       bounce_category_custom(NULL, 'mailbox aaa7') AS quick_match;
DELETE FROM bounce_rules;

-- SQL_ASCII: bytes that are not UTF-8, past the 64 KiB limit, in both
-- arguments: an answer, never an error, and valid jsonb.
SET client_min_messages = warning;
DROP DATABASE IF EXISTS bounce_matrix_ascii;
RESET client_min_messages;
CREATE DATABASE bounce_matrix_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';
\c bounce_matrix_ascii
CREATE EXTENSION bounce;
SELECT bounce_category(E'\xff\xfe', repeat(E'\xff\x80', 40000)) AS category,
       bounce_explain(E'\xff\xfe', repeat(E'\xff\x80', 40000)) ->> 'truncated' AS truncated,
       jsonb_typeof(bounce_explain(E'\xc3', E'no such user \xc3\x28 \xed\xa0\x80')) AS explained,
       bounce_category(repeat(E'\xff', 10000) || '5.1.1', NULL) AS long_bad_status;
DO $$
BEGIN
    PERFORM is_hard_bounce(E'invalid-mailbox\xa0');
EXCEPTION WHEN invalid_parameter_value THEN
    RAISE NOTICE 'a name with a byte that is not ASCII: SQLSTATE %', SQLSTATE;
END
$$;
\c bounce_matrix
DROP DATABASE bounce_matrix_ascii;
