-- test/pg/euc_jp_inputs.sql: inputs whose characters all exist in EUC_JP,
-- included (\i) by test/sql/encodings.sql in a UTF8 and an EUC_JP database.
-- Rows 3 to 5 cross the core's 64 KiB scan limit (two bytes per character
-- in EUC_JP, three in UTF-8); rows 3 and 5 are long enough that only a
-- slice is converted, and their odd leading 'x' puts the slice's end
-- inside a character.
CREATE TABLE euc_jp_inputs (n integer, status text, diagnostic text);
INSERT INTO euc_jp_inputs VALUES
  (1, '550', '宛先のメールアドレスは存在しません user unknown'),
  (2, NULL, 'メールボックスがいっぱいです mailbox full 5.2.2'),
  (3, NULL, 'x' || repeat('日本', 50000) || ' user unknown'),
  (4, NULL, repeat('日', 21845) || 'x user unknown'),
  (5, '5.1.1', 'x' || repeat('語', 100000));
