-- Inputs that must get a defined answer quickly: empty, white space,
-- control characters, huge texts (in line, compressed, stored out of line),
-- and a long query stopped by statement_timeout.

-- empty and white space: not NULL, and nothing to decide from
SELECT bounce_category('', '') AS both_empty, bounce_category('', NULL) AS empty_status,
       bounce_category(NULL, '') AS empty_text, bounce_category(' ', E'\t\n') AS blanks,
       is_hard_bounce('', '') AS hard;
-- control characters: a valid answer and valid JSON
SELECT bounce_category(E'\x01\x02', E'\x01\x1f\x7f\n\r\t\x1b[0m') IS NOT NULL AS classified,
       jsonb_typeof(bounce_explain(E'\x01\x02', E'\x01\x1f\x7f\n\r\t\x1b[0m')) AS explained;

-- a text stored still escaped, an escaped backslash before "n" and a run
-- of spaces: the escape is read once (this input once overflowed a buffer)
SELECT bounce_category('550', 'x \\n  y') AS escaped_backslash,
       bounce_category('550 5.1.1', 'c:\\new  folder: user unknown') AS with_a_reason;

-- The core examines the first 64 KiB (65536 bytes) of a diagnostic and
-- says so in "truncated"; only that much is detoasted.
SELECT bounce_explain(NULL, repeat('x', 65536)) ->> 'truncated' AS at_limit,
       bounce_explain(NULL, repeat('x', 65537)) ->> 'truncated' AS past_limit;
-- 100 MB in line (an expression's value)
SELECT bounce_explain('5.1.1', repeat('x', 100 * 1024 * 1024)) ->> 'truncated' AS truncated,
       bounce_category('5.1.1', repeat('x', 100 * 1024 * 1024))
         = bounce_category('5.1.1', repeat('x', 65537)) AS same_as_prefix;
-- a huge status: only its first 256 bytes are examined
SELECT bounce_category('5.1.1' || repeat(' ', 100 * 1024 * 1024), NULL) AS long_status,
       bounce_category(repeat('5', 100 * 1024 * 1024), NULL) AS digits;
-- a category name is looked up whole (white space around it is ignored)
SELECT is_hard_bounce('invalid-mailbox' || repeat(' ', 100 * 1024 * 1024)) AS long_name;

-- stored: compressed in line, compressed out of line, uncompressed out of line
CREATE TABLE big (kind text, d text);
INSERT INTO big VALUES ('compressed, 65536', repeat('x', 65536)),
                       ('compressed, 65537', repeat('x', 65537)),
                       ('compressed, 100 MB', repeat('x', 100 * 1024 * 1024));
ALTER TABLE big ALTER d SET STORAGE EXTERNAL;
INSERT INTO big VALUES ('external, 65536', repeat('y', 65536)),
                       ('external, 65537', repeat('y', 65537)),
                       ('external, 100 MB', repeat('y', 100 * 1024 * 1024));
SELECT kind, pg_column_size(d) < octet_length(d) AS compressed,
       bounce_explain(NULL, d) ->> 'truncated' AS truncated,
       bounce_category(NULL, d) = bounce_category(NULL, left(d, 65537)) AS same_as_prefix,
       is_hard_bounce('5.1.1', d) = is_hard_bounce('5.1.1', left(d, 65537)) AS hard_same
  FROM big ORDER BY kind;

-- A long query stops at statement_timeout: each call's cost is bounded.
SET statement_timeout = '1s';
SELECT count(bounce_category(NULL, d)) FROM big, generate_series(1, 100000000);
SELECT count(bounce_explain('5.1.1', d)) FROM big, generate_series(1, 100000000);
RESET statement_timeout;
DROP TABLE big;
