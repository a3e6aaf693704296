-- The SQLite session shown in README.md; keep the two in step.
.load sqlite/bounce
.mode box
CREATE TABLE bounces(status TEXT, diagnostic TEXT);
INSERT INTO bounces VALUES
 ('5.1.1', 'smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient''s email address for typos or unnecessary spaces. - gsmtp'),
 ('4.2.2', '452 4.2.2 The email account that you tried to reach is over quota. - gsmtp'),
 ('5.7.1', '550 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org'),
 ('451', '451 4.7.1 Greylisted, please try again in 300 seconds'),
 ('550', '550 5.7.26 Unauthenticated email from example.com is not accepted due to domain''s DMARC policy'),
 (NULL, 'Connection timed out'),
 ('5.0.0', NULL);
SELECT status, bounce_category(status, diagnostic) AS category,
       is_hard_bounce(status, diagnostic) AS hard,
       bounce_provider(diagnostic) AS provider
  FROM bounces;
.mode list
SELECT bounce_explain(status, diagnostic) FROM bounces LIMIT 1;
SELECT bounce_fingerprint('550 5.1.1 <j.doe@example.com>: Recipient address rejected: User unknown in virtual mailbox table (queue 4Xk2Lq9Tz81Pw)');
