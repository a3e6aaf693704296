-- test/pg/latin1_inputs.sql: inputs whose characters all exist in LATIN1,
-- included (\i) by test/sql/encodings.sql in a UTF8 and a LATIN1 database.
-- Rows 3 to 5 cross the core's 64 KiB scan limit once in UTF-8 (one byte
-- per character in LATIN1, two in UTF-8).
CREATE TABLE latin1_inputs (n integer, status text, diagnostic text);
INSERT INTO latin1_inputs VALUES
  (1, '550', 'Der Empfänger ist unbekannt: user unknown (Überprüfung fehlgeschlagen)'),
  (2, NULL, 'Ça ne marche pas: l''adresse élodie@example.fr n''existe pas; mailbox full'),
  (3, '5.1.1', repeat('é', 32767) || ' user unknown'),
  (4, NULL, repeat('é', 32768) || ' user unknown'),
  (5, NULL, repeat('ü', 40000) || ' 550 5.1.1 user unknown'),
  (6, 'smtp; 552 5.2.2 Postfach voll', 'Postfach voll, over quota'),
  (7, NULL, E'tab\there, newline\nthere, ÿ and ß: quota exceeded');
