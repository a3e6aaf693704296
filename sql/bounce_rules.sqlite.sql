-- sql/bounce_rules.sqlite.sql: the users' rules table for the SQLite
-- extension (docs/custom-rules.md). Read it into the main database of a
-- connection that has loaded the extension:
--
--     sqlite> .load sqlite/bounce
--     sqlite> .read sql/bounce_rules.sqlite.sql
--
-- The *_custom functions read main.bounce_rules: enabled rows, priority
-- DESC, then id. The CHECK constraint refuses a bad rule on the way in,
-- with the error PostgreSQL's trigger gives.
CREATE TABLE bounce_rules (
    id       TEXT PRIMARY KEY,
    pattern  TEXT NOT NULL,
    category TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    note     TEXT,
    enabled  INTEGER NOT NULL DEFAULT 1,
    CHECK (bounce_rule_check(id, pattern, category))
);
