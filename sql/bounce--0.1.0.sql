/* sql/bounce--0.1.0.sql: install script of the bounce extension, 0.1.0 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION bounce" to load this file. \quit

/*
 * Released install scripts are never edited: a later version ships
 * sql/bounce--0.1.0--X.Y.Z.sql (ALTER EXTENSION bounce UPDATE) and its own
 * install script.
 *
 * Attributes. The rules are compiled into the module, so the classifiers
 * are IMMUTABLE within a version (usable in generated columns and
 * expression indexes; a version that changes answers needs a REINDEX of
 * those) and PARALLEL SAFE (each worker builds its own matcher). They are
 * not STRICT: a row with a NULL status is still classified from its text,
 * and only (NULL, NULL) gives NULL. None is SECURITY DEFINER, and no body
 * looks anything up by name, so the search_path at call time does not
 * matter; types are schema-qualified so the search_path at install time
 * does not either.
 *
 * COST 100 (units of cpu_operator_cost, a plain comparison): one
 * classification takes some 10 microseconds, tens of regular expression
 * matches, so the planner evaluates cheaper conditions first and weighs
 * parallel plans accordingly.
 */

CREATE FUNCTION bounce_category(status pg_catalog.text, diagnostic pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_category'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_category(pg_catalog.text, pg_catalog.text) IS
'category of an email bounce (one of the 15 names of bounce_categories()) from its SMTP status and diagnostic text; NULL only when both are NULL';

CREATE FUNCTION bounce_category(status pg_catalog.int4, diagnostic pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_category_int'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_category(pg_catalog.int4, pg_catalog.text) IS
'bounce_category for a status kept as an integer reply code (550 reads as the text ''550'')';

CREATE FUNCTION is_hard_bounce(status pg_catalog.text, diagnostic pg_catalog.text)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'pg_is_hard_bounce'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION is_hard_bounce(pg_catalog.text, pg_catalog.text) IS
'true for a hard bounce: invalid-mailbox or invalid-domain, and no 4xx / 4.x.x code marks it transient; NULL only when both are NULL';

CREATE FUNCTION is_hard_bounce(status pg_catalog.int4, diagnostic pg_catalog.text)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'pg_is_hard_bounce_int'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION is_hard_bounce(pg_catalog.int4, pg_catalog.text) IS
'is_hard_bounce for a status kept as an integer reply code';

CREATE FUNCTION is_hard_bounce(category pg_catalog.text)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'pg_is_hard_bounce_category'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION is_hard_bounce(pg_catalog.text) IS
'true for the hard-bounce categories invalid-mailbox and invalid-domain; names are case-insensitive, an unknown name is an error';

CREATE FUNCTION bounce_explain(status pg_catalog.text, diagnostic pg_catalog.text)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME', 'pg_bounce_explain'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_explain(pg_catalog.text, pg_catalog.text) IS
'why a bounce got its category: category, hard, signal, rule, matched text and its position, reply_code, enhanced_code, truncated';

CREATE FUNCTION bounce_explain(status pg_catalog.int4, diagnostic pg_catalog.text)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME', 'pg_bounce_explain_int'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_explain(pg_catalog.int4, pg_catalog.text) IS
'bounce_explain for a status kept as an integer reply code';

CREATE FUNCTION bounce_categories()
RETURNS TABLE (name pg_catalog.text, hard pg_catalog.bool, description pg_catalog.text)
AS 'MODULE_PATHNAME', 'pg_bounce_categories'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 15;

COMMENT ON FUNCTION bounce_categories() IS
'the 15 bounce categories (name, hard, description) in the contract''s order';

CREATE FUNCTION bounce_version()
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_version'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION bounce_version() IS
'version of the bounce library loaded in this session';
