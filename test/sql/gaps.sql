-- Finding the messages no rule knows: bounce_fingerprint and
-- bounce_provider. Pinned: fingerprints of made-up texts, and properties
-- that hold whatever the built-in rules decide.

-- NULL for NULL; bounded; whole characters.
SELECT bounce_fingerprint(NULL) IS NULL AS null_text, bounce_fingerprint('') AS empty,
       bounce_provider(NULL) IS NULL AS null_provider, bounce_provider('') IS NULL AS empty_provider;
SELECT octet_length(bounce_fingerprint(repeat('ZQX wibble ', 20000))) AS long_text,
       octet_length(bounce_fingerprint(repeat(' ', 65534) || 'éé wibble')) AS cut_inside_a_character,
       bounce_fingerprint(repeat(' ', 65534) || 'éé wibble') AS fingerprint;
SELECT bounce_fingerprint(E'  Mixed\tCASE  text\n with <ann@example.org> and 550-5.1.1  ') AS fingerprint;

-- One fingerprint per kind of bounce: addresses, hosts, IPs, long ids and
-- digits replaced, codes kept. The report of the unknown ones, most
-- frequent first, and the workflow: a rule for the top one, then the
-- table classified again.
CREATE TABLE sample (id serial PRIMARY KEY, status text, diagnostic text, category text);
INSERT INTO sample (status, diagnostic) VALUES
    (NULL, 'ZQX-17 frobnicated the wibble of <ann@example.org> at mx1.acme.example [192.0.2.10] ref 4f3a9c2e1b7d0a6e'),
    (NULL, 'ZQX-18 frobnicated the wibble of <bob@example.net> at mx2.acme.example [198.51.100.7] ref 9e8d7c6b5a4f3e2d'),
    (NULL, 'zqx-2049   frobnicated the wibble of <carol@example.com> at mx3.acme.example [203.0.113.99] ref 0a1b2c3d4e5f6a7b'),
    (NULL, 'Quux gateway: <dan@example.org> florped, wait 3 hours'),
    (NULL, 'Quux gateway: <eve@example.org> florped, wait 12 hours'),
    (NULL, 'Wibbletron 3000 says no');
UPDATE sample SET category = bounce_category(status, diagnostic);
SELECT bounce_fingerprint(diagnostic) AS fingerprint, count(*) AS bounces
  FROM sample
 WHERE category = 'other'
 GROUP BY 1 ORDER BY 2 DESC, 1;
INSERT INTO bounce_rules (id, pattern, category, note)
VALUES ('zqx.frobnicated', 'zqx-\d+\s+frobnicated', 'inactive-mailbox', 'from the fingerprint report');
UPDATE sample SET category = bounce_category_custom(status, diagnostic)
 WHERE category = 'other';
SELECT category, count(*) AS bounces FROM sample GROUP BY 1 ORDER BY 2 DESC, 1;
DELETE FROM bounce_rules;
DROP TABLE sample;

-- The demo's sample file: the report groups (fewer fingerprints than
-- rows), and every fingerprint is bounded.
CREATE TABLE bounces (id integer PRIMARY KEY, sent_at timestamp, recipient text,
                      domain text, status text, diagnostic text);
\copy bounces FROM 'test/data/sample-bounces.tsv' WITH (FORMAT text, HEADER true, NULL '')
SELECT count(*) >= 2000 AS loaded,
       count(DISTINCT bounce_fingerprint(diagnostic)) < count(diagnostic) AS grouped,
       max(octet_length(bounce_fingerprint(diagnostic))) <= 256 AS bounded,
       count(*) FILTER (WHERE diagnostic IS NOT NULL AND bounce_fingerprint(diagnostic) IS NULL) AS missing
  FROM bounces;
DROP TABLE bounces;

-- bounce_provider: a handful of unmistakable markers, and the corpus.
SELECT bounce_provider('550-5.1.1 The email account that you tried to reach does not exist. - gsmtp') AS gmail,
       bounce_provider('host mx0a-001.pphosted.com[192.0.2.1] said: 550 5.7.1 rejected') AS proofpoint,
       bounce_provider('ZQX-17 frobnicated the wibble') IS NULL AS none;
CREATE TABLE corpus (seq integer PRIMARY KEY, id text NOT NULL, status text, diagnostic text);
\copy corpus FROM 'build/test/pg/corpus-utf8.tsv' WITH (ENCODING 'UTF8')
-- the big mailbox providers of the corpus are recognised, names are
-- lower-case words, and a NULL text has none
SELECT p AS provider
  FROM (SELECT DISTINCT bounce_provider(diagnostic) AS p FROM corpus) x
 WHERE p IN ('google', 'microsoft', 'yahoo') ORDER BY 1;
SELECT count(*) FILTER (WHERE p !~ '^[a-z0-9][a-z0-9-]*$') AS odd_names,
       count(*) FILTER (WHERE diagnostic IS NULL AND p IS NOT NULL) AS provider_without_text,
       count(p) > 0 AS some_named
  FROM (SELECT diagnostic, bounce_provider(diagnostic) AS p FROM corpus) x;
-- a report by provider and category runs (its figures are the rules')
SELECT count(*) > 0 AS report
  FROM (SELECT coalesce(bounce_provider(diagnostic), '(none)'), bounce_category(status, diagnostic), count(*)
          FROM corpus GROUP BY 1, 2) r;
DROP TABLE corpus;

-- In a LATIN1 database texts are converted for the core and back.
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS bounce_gaps_latin1 WITH (FORCE);
RESET client_min_messages;
CREATE DATABASE bounce_gaps_latin1 TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C';
\c bounce_gaps_latin1
CREATE EXTENSION bounce;
SELECT bounce_fingerprint('Der Empfänger <jörg@example.de> ist unbekannt (Überprüfung 12345)') AS latin1,
       bounce_provider('Zustellung an jörg@gmx.de fehlgeschlagen') AS provider;
\c :regress_db
DROP DATABASE bounce_gaps_latin1;
