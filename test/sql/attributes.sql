-- The functions' declarations: volatility, parallel safety, strictness,
-- security, comments; and an install that no search_path can subvert.

SELECT p.oid::regprocedure AS function,
       p.provolatile AS volatility, p.proparallel AS parallel,
       p.proisstrict AS strict, p.prosecdef AS security_definer,
       p.proconfig AS config,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
 WHERE e.extname = 'bounce'
 ORDER BY p.oid::regprocedure::text;

-- The extension's other objects: its table of users' rules (a
-- configuration table), the table's index and triggers go with it.
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS object
  FROM pg_depend d
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
 WHERE e.extname = 'bounce' AND d.deptype = 'e' AND d.classid <> 'pg_proc'::regclass
 ORDER BY 1;

-- Reinstall into a schema full of look-alikes, with a hostile search_path:
-- the functions still take and return the built-in types and work with
-- an empty search_path.
DROP EXTENSION bounce;
CREATE SCHEMA hostile;
CREATE DOMAIN hostile.text AS integer;
CREATE DOMAIN hostile.int4 AS bigint;
CREATE DOMAIN hostile.bool AS integer;
CREATE TYPE hostile.jsonb AS (x integer);
SET search_path = hostile, public;
CREATE EXTENSION bounce SCHEMA hostile;
SELECT DISTINCT t.typnamespace::regnamespace AS type_schema
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  CROSS JOIN LATERAL unnest(p.proargtypes::oid[] || p.prorettype) AS a(type)
  JOIN pg_type t ON t.oid = a.type
 WHERE n.nspname = 'hostile' AND p.proname LIKE '%bounce%';
SELECT DISTINCT t.typnamespace::regnamespace AS column_type_schema
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
 WHERE a.attrelid = 'hostile.bounce_rules'::regclass AND a.attnum > 0;
SET search_path = '';
INSERT INTO hostile.bounce_rules (id, pattern, category) VALUES ('hostile.rule', 'wibble', 'routing-issues');
SELECT hostile.bounce_category_custom('5.1.1', 'the wibble') AS custom;
SELECT hostile.bounce_category('5.1.1', NULL),
       hostile.bounce_category(552, NULL),
       hostile.is_hard_bounce('5.1.1', NULL),
       hostile.is_hard_bounce('invalid-domain'),
       hostile.bounce_explain('5.1.1', NULL) ->> 'category' AS explained,
       (SELECT count(*) FROM hostile.bounce_categories()) AS categories;
-- relocatable: the functions do not refer to their schema
CREATE SCHEMA moved;
ALTER EXTENSION bounce SET SCHEMA moved;
SELECT moved.bounce_category('552', NULL), moved.bounce_explain(552, NULL) ->> 'category' AS explained;
RESET search_path;
DROP EXTENSION bounce;
DROP SCHEMA hostile, moved CASCADE;
CREATE EXTENSION bounce;
SELECT bounce_category('5.1.1', NULL);
