-- explain.sql: bounce_explain's JSON: its keys, and the status-only cases.
.load sqlite/bounce
.headers on
.mode list
.nullvalue NULL

-- The keys, in order, for a rule-decided and a code-decided input.
SELECT group_concat(key, ',') AS keys FROM json_each(bounce_explain('550 5.1.1', 'User unknown'));
SELECT group_concat(key || ':' || type, ',') AS keys FROM json_each(bounce_explain('5.1.1', NULL));

-- Whole explanations where the status alone decides.
WITH t(s, d) AS (VALUES ('5.1.1', NULL), ('552', NULL), ('450 4.1.1', NULL),
				('521 5.3.2', NULL), ('4.4.7', ''), ('550', NULL), ('', NULL),
				('552', x'00'), (NULL, ''))
SELECT	quote(s) AS status, quote(d) AS diagnostic, bounce_explain(s, d) AS explain
FROM	t;
SELECT bounce_explain(NULL, NULL) AS both_null;

-- The explanation agrees with the other functions.
WITH t(s, d) AS (VALUES ('550 5.1.1', 'User unknown'), (NULL, 'Mailbox full'),
						 ('450 4.1.1', 'unverified address'), ('554', 'blocked'))
SELECT	json_extract(e, '$.category') = bounce_category(s, d) AS same_category,
		json_extract(e, '$.hard') = is_hard_bounce(s, d) AS same_hard
FROM	(SELECT s, d, bounce_explain(s, d) AS e FROM t);

-- Quoted text is valid JSON whatever the bytes.
SELECT	json_valid(bounce_explain(NULL, x'22005c0a0d09ff')) AS odd_bytes,
		json_valid(bounce_explain('550', 'said "no" \ ' || char(1))) AS quotes;
