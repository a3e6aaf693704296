-- The PostgreSQL session shown in README.md; keep the two in step.
CREATE SCHEMA readme;
SET search_path = readme, public;
CREATE TABLE bounces (id serial, status text, diagnostic text,
  category text GENERATED ALWAYS AS (bounce_category(status, diagnostic)) STORED);
INSERT INTO bounces (status, diagnostic) VALUES
 ('5.1.1', '550-5.1.1 The email account that you tried to reach does not exist. - gsmtp'),
 ('550', '550 5.4.1 Recipient address rejected: Access denied. [AM4PEPF00027A5F.eurprd04.prod.outlook.com]'),
 ('4.7.0', '421 4.7.0 [TSS04] Messages from 192.0.2.44 temporarily deferred due to unexpected volume or user complaints'),
 ('5.2.2', '552 5.2.2 Mailbox full');
SELECT category, count(*), bool_or(is_hard_bounce(status, diagnostic)) AS any_hard
  FROM bounces GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT bounce_explain(status, diagnostic) ->> 'rule' AS rule,
       bounce_provider(diagnostic) AS provider
  FROM bounces ORDER BY id;
RESET search_path;
DROP SCHEMA readme CASCADE;
