-- test/load/trusted.sql: installing the extension as a role that is not a
-- superuser (bounce.control says "trusted = true"). Run by
-- test/load/inside.sh as role bounce_app, which has CREATE on this
-- database and nothing else; output compared with test/load/trusted.expected.
\set VERBOSITY default
SELECT current_user AS me, rolsuper AS superuser, rolcreatedb, rolcreaterole
  FROM pg_roles WHERE rolname = current_user;
SELECT name, version, superuser, trusted FROM pg_available_extension_versions
 WHERE name = 'bounce';

-- A hostile schema: look-alike types, and a function planted under one of
-- the extension's names. The install script schema-qualifies every type
-- and never replaces a function (no CREATE OR REPLACE), so the planted
-- function stops the install instead of being taken over or kept.
CREATE SCHEMA app AUTHORIZATION bounce_app;
CREATE DOMAIN app.text AS integer;
CREATE DOMAIN app.int4 AS bigint;
CREATE DOMAIN app.bool AS integer;
CREATE TYPE app.jsonb AS (x integer);
CREATE FUNCTION app.bounce_category(pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.text
LANGUAGE sql AS $$ SELECT 'hijacked'::pg_catalog.text $$;
SET search_path = app, public;
CREATE EXTENSION bounce SCHEMA app;
DROP FUNCTION app.bounce_category(pg_catalog.text, pg_catalog.text);

-- Now it installs. The extension belongs to this role; what the script
-- created (functions, the rules table) to the bootstrap superuser (oid
-- 10), which ran it; no function is SECURITY DEFINER or has a SET clause;
-- all take and return built-in types.
CREATE EXTENSION bounce SCHEMA app;
SELECT extowner::regrole::text = current_user AS extension_is_mine,
       extnamespace::regnamespace AS schema
  FROM pg_extension WHERE extname = 'bounce';
WITH member AS (
    SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e
        ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
     WHERE e.extname = 'bounce' AND d.deptype = 'e')
SELECT 'functions' AS kind, count(*) > 0 AS some,
       bool_and(p.proowner = 10) AS superuser_owns_all,
       bool_or(p.proowner::regrole::text = current_user) AS any_mine,
       bool_or(p.prosecdef) AS any_security_definer,
       count(p.proconfig) AS with_set_clause,
       string_agg(DISTINCT l.lanname, ',') AS languages
  FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
  JOIN pg_language l ON l.oid = p.prolang
UNION ALL
SELECT 'relations', count(*) > 0, bool_and(c.relowner = 10),
       bool_or(c.relowner::regrole::text = current_user), NULL, NULL,
       string_agg(DISTINCT c.relkind::text, ',')
  FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid;
SELECT DISTINCT t.typnamespace::regnamespace AS type_schema
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
  CROSS JOIN LATERAL unnest(p.proargtypes::oid[] || p.prorettype) AS a(type)
  JOIN pg_type t ON t.oid = a.type
 WHERE e.extname = 'bounce' AND t.typname <> 'trigger';
SELECT app.bounce_category('5.1.1', NULL), app.bounce_category(552, NULL),
       app.is_hard_bounce('invalid-domain'),
       app.bounce_explain('550 5.1.1', 'User unknown') ->> 'category' AS explained;

-- The installing role cannot change what the superuser created.
CREATE OR REPLACE FUNCTION app.bounce_version() RETURNS pg_catalog.text
LANGUAGE sql AS $$ SELECT 'hijacked'::pg_catalog.text $$;
ALTER FUNCTION app.bounce_version() SECURITY DEFINER;
ALTER FUNCTION app.bounce_category(pg_catalog.text, pg_catalog.text) OWNER TO bounce_app;
SELECT app.bounce_version() = extversion AS version_intact
  FROM pg_extension WHERE extname = 'bounce';

-- Users' rules: everyone may read the table; the role that installed the
-- extension may also change it (the script grants it to @extowner@).
SELECT count(*) AS rules FROM app.bounce_rules;
INSERT INTO app.bounce_rules (id, pattern, category) VALUES ('mine', '\bzqfoo\b', 'full-mailbox');
SELECT app.bounce_category_custom(NULL, 'a zqfoo b') AS custom_rule_used;
DELETE FROM app.bounce_rules WHERE id = 'mine';

-- The extension's owner may drop it; moving it to another schema needs
-- ownership of its objects too, which it does not have.
CREATE SCHEMA app2 AUTHORIZATION bounce_app;
ALTER EXTENSION bounce SET SCHEMA app2;
DROP EXTENSION bounce;
SELECT count(*) AS left_behind FROM pg_proc WHERE proname LIKE '%bounce%';
RESET search_path;
DROP SCHEMA app CASCADE;
DROP SCHEMA app2;
