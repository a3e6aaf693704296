-- custom.sql: users' own rules (main.bounce_rules), bounce_rule_check,
-- bounce_fingerprint and bounce_provider. What is pinned is what the rules
-- of this file decide, and the codes of the contract (5.1.1 is
-- invalid-mailbox when no text rule decides; the texts below are made-up
-- words no built-in rule knows); never an answer of the built-in text
-- rules, which are still changing.
.load sqlite/bounce
.headers on
.nullvalue NULL
.mode list

-- Without a bounce_rules table the *_custom functions answer as the
-- built-in ones do; NULL only for (NULL, NULL).
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS no_table,
       is_hard_bounce_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS hard,
       json_extract(bounce_explain_custom('5.1.1', 'ZQX-17 frobnicated the wibble'), '$.signal') AS signal,
       bounce_category_custom(NULL, NULL) AS both_null,
       is_hard_bounce_custom(NULL, NULL) AS hard_null,
       bounce_explain_custom(NULL, NULL) AS explain_null;

-- The table as shipped (sql/bounce_rules.sqlite.sql): bad rules are
-- rejected on the way in by the CHECK constraint.
.read sql/bounce_rules.sqlite.sql
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS empty_table;

-- A custom rule overrides the built-in decision, and the next call sees it.
SELECT bounce_category('5.1.1', 'ZQX-17 frobnicated the wibble') AS builtin;
INSERT INTO bounce_rules (id, pattern, category, note)
VALUES ('acme.frobnicated', 'frobnicated\s+the\s+wibble', 'inactive-mailbox',
        'ACME''s word for a disabled account');
SELECT bounce_category('5.1.1', 'ZQX-17 frobnicated the wibble') AS builtin,
       bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS custom,
       is_hard_bounce_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS hard,
       bounce_category_custom(511, 'ZQX-17 FROBNICATED  the WIBBLE') AS caseless_integer_status;
SELECT bounce_explain_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS explain;
-- hard follows the category the custom rule gives, and the codes
UPDATE bounce_rules SET category = 'invalid-domain';
SELECT is_hard_bounce_custom('550', 'ZQX-17 frobnicated the wibble') AS permanent,
       is_hard_bounce_custom('450 4.1.2', 'ZQX-17 frobnicated the wibble') AS transient;

-- Precedence: priority DESC, then id in byte order; disabled rules skipped.
INSERT INTO bounce_rules (id, pattern, category, priority) VALUES
    ('b.wibble', 'wibble', 'full-mailbox', 10),
    ('a.wibble', 'wibble', 'policy-related', 10),
    ('c.zqx', 'ZQX-\d+', 'routing-issues', 20);
SELECT json_extract(bounce_explain_custom(NULL, 'ZQX-17 frobnicated the wibble'), '$.rule') AS top,
       json_extract(bounce_explain_custom(NULL, 'frobnicated the wibble'), '$.rule') AS tie_by_id;
UPDATE bounce_rules SET enabled = 0 WHERE id IN ('c.zqx', 'a.wibble');
SELECT json_extract(bounce_explain_custom(NULL, 'ZQX-17 frobnicated the wibble'), '$.rule') AS after_disabling;
DELETE FROM bounce_rules WHERE id <> 'acme.frobnicated';
SELECT json_extract(bounce_explain_custom(NULL, 'ZQX-17 frobnicated the wibble'), '$.rule') AS after_delete;
-- an id of any length is explained whole
INSERT INTO bounce_rules (id, pattern, category) VALUES (printf('%.3000c', 'x'), 'zqxlong', 'other');
SELECT length(json_extract(bounce_explain_custom(NULL, 'the zqxlong'), '$.rule')) AS long_id;
DELETE FROM bounce_rules WHERE length(id) = 3000;

-- A rule changed inside a transaction: seen inside, gone after ROLLBACK
-- (also to a savepoint).
BEGIN;
UPDATE bounce_rules SET category = 'message-expired';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS in_transaction;
ROLLBACK;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS after_rollback;
BEGIN;
SAVEPOINT s;
DELETE FROM bounce_rules;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS deleted;
ROLLBACK TO s;
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS rolled_back_to_savepoint;
COMMIT;

-- Bad rules are rejected by the CHECK constraint, with the rule named.
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.bad-regex', 'frobnicated (the', 'other');
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.bad-category', 'frobnicated', 'bounced');
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.empty', '', 'other');
UPDATE bounce_rules SET pattern = 'a{2,1}' WHERE id = 'acme.frobnicated';
SELECT count(*) AS rules, min(pattern) AS pattern FROM bounce_rules;

-- bounce_rule_check: 1, NULL for a NULL argument, or the error.
SELECT bounce_rule_check('r', 'wibble', 'other') AS ok,
       bounce_rule_check('r', 'wibble', ' Greylisting ') AS alias,
       bounce_rule_check(NULL, 'x', 'other') AS null_id,
       bounce_rule_check('r', NULL, 'other') AS null_pattern,
       bounce_rule_check('r', 'x', NULL) AS null_category;
SELECT bounce_rule_check('r', printf('%.4097c', 'a'), 'other');
SELECT bounce_rule_check('r', x'610062', 'other');
SELECT bounce_rule_check(printf('%.100c', 'x'), 'a)', 'other');
SELECT bounce_rule_check('r', 'a', printf('%.100c', 'x'));

-- A table made without the CHECK: a bad enabled rule is an error of every
-- custom call, naming the rule, until it is corrected or disabled; the
-- built-in functions are not affected.
DROP TABLE bounce_rules;
CREATE TABLE bounce_rules (id TEXT, pattern TEXT, category TEXT, priority INTEGER DEFAULT 0, note TEXT, enabled INTEGER DEFAULT 1);
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.frobnicated', 'frobnicated', 'inactive-mailbox'), ('acme.broken', 'wibble(', 'other');
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble');
SELECT bounce_category('5.1.1', 'ZQX-17 frobnicated the wibble') AS builtin_unaffected;
UPDATE bounce_rules SET enabled = 0 WHERE id = 'acme.broken';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble') AS after_disabling;
INSERT INTO bounce_rules (id, pattern, category) VALUES ('acme.nocategory', 'x', 'nope');
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble');
UPDATE bounce_rules SET category = NULL WHERE id = 'acme.nocategory';
SELECT bounce_category_custom('5.1.1', 'ZQX-17 frobnicated the wibble');
DELETE FROM bounce_rules WHERE id = 'acme.nocategory';
-- ids and patterns of other types: an INTEGER id is its decimal text, a
-- BLOB pattern is matched as its bytes
INSERT INTO bounce_rules (id, pattern, category, priority) VALUES (42, CAST('wibble' AS BLOB), 'full-mailbox', 5);
SELECT json_extract(bounce_explain_custom(NULL, 'the wibble'), '$.rule') AS integer_id,
       bounce_category_custom(NULL, 'the wibble') AS blob_pattern;
-- a view with the same columns works as the table
DROP TABLE bounce_rules;
CREATE TABLE my_rules (id TEXT, pattern TEXT, category TEXT, priority INTEGER, note TEXT, enabled INTEGER);
INSERT INTO my_rules VALUES ('view.rule', 'wibble', 'routing-issues', 0, NULL, 1);
CREATE VIEW bounce_rules AS SELECT * FROM my_rules;
SELECT bounce_category_custom(NULL, 'the wibble') AS from_view;
DROP VIEW bounce_rules;
SELECT bounce_category_custom('5.1.1', 'the wibble') AS dropped;
-- a table of another shape: the missing column is named
CREATE TABLE bounce_rules (id TEXT, pattern TEXT, kind TEXT);
SELECT bounce_category_custom('5.1.1', 'the wibble');
DROP TABLE bounce_rules;

-- bounce_fingerprint: bounces of one kind get one fingerprint (addresses,
-- hosts, IPs, long ids, digits replaced); NULL for NULL.
CREATE TABLE sample (id INTEGER PRIMARY KEY, status TEXT, diagnostic TEXT);
INSERT INTO sample (status, diagnostic) VALUES
    (NULL, 'ZQX-17 frobnicated the wibble of <ann@example.org> at mx1.acme.example [192.0.2.10] ref 4f3a9c2e1b7d0a6e'),
    (NULL, 'ZQX-18 frobnicated the wibble of <bob@example.net> at mx2.acme.example [198.51.100.7] ref 9e8d7c6b5a4f3e2d'),
    (NULL, 'zqx-2049   frobnicated the wibble of <carol@example.com> at mx3.acme.example [203.0.113.99] ref 0a1b2c3d4e5f6a7b'),
    (NULL, 'Quux gateway: <dan@example.org> florped, wait 3 hours'),
    (NULL, 'Quux gateway: <eve@example.org> florped, wait 12 hours'),
    (NULL, 'Wibbletron 3000 says no');
SELECT bounce_fingerprint(diagnostic) AS fingerprint, count(*) AS bounces
  FROM sample
 WHERE bounce_category(status, diagnostic) = 'other'
 GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT bounce_fingerprint(NULL) AS null_text, bounce_fingerprint('') AS empty,
       length(bounce_fingerprint(printf('%.100000c', 'x') || ' tail')) <= 256 AS bounded;
-- the workflow: the most frequent unknown kind becomes a rule, and the
-- table is classified again
.read sql/bounce_rules.sqlite.sql
INSERT INTO bounce_rules (id, pattern, category) VALUES ('zqx.frobnicated', 'zqx-\d+\s+frobnicated', 'inactive-mailbox');
SELECT bounce_category_custom(status, diagnostic) AS category, count(*) AS bounces
  FROM sample GROUP BY 1 ORDER BY 2 DESC, 1;

-- bounce_provider: the provider or filter a text names, else NULL.
SELECT bounce_provider('550-5.1.1 The email account that you tried to reach does not exist. - gsmtp') AS gmail,
       bounce_provider('host mx0a-001.pphosted.com[192.0.2.1] said: 550 5.7.1 rejected') AS proofpoint,
       bounce_provider('ZQX-17 frobnicated the wibble') AS none,
       bounce_provider(NULL) AS null_text,
       bounce_provider('') AS empty;
