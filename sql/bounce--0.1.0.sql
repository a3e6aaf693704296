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
 * classification takes about 2 microseconds, a hundred comparisons or so,
 * so the planner evaluates cheaper conditions first and weighs parallel
 * plans accordingly.
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

/*
 * Users' own rules (docs/custom-rules.md). The table bounce_rules holds
 * them; bounce_category_custom, is_hard_bounce_custom and
 * bounce_explain_custom try its enabled rows first (priority DESC, then id
 * in byte order), then the built-in rules.
 *
 * The table is a configuration table: pg_dump dumps its rows (the
 * extension creates it empty). A row trigger rejects a rule whose pattern
 * or category the classifier would not accept; a statement trigger tells
 * every session's cache that the rules changed. Logical replication's
 * apply worker runs in replica mode and fires row triggers only (and
 * statement triggers for TRUNCATE): so the statement trigger is ENABLE
 * ALWAYS, and a row trigger doing the same is ENABLE REPLICA. Everybody
 * may read the rules (the classifying functions run as the caller, and
 * bounce_explain_custom shows rule ids anyway); the role that ran CREATE
 * EXTENSION may change them, others when it or a superuser GRANTs it.
 *
 * The *_custom functions read a table, so they are STABLE: not for
 * expression indexes or generated columns (use the IMMUTABLE built-in
 * functions there). They are PARALLEL SAFE: a parallel worker reads the
 * rules itself, with the query's snapshot, as the leader does while the
 * parallel query runs.
 */

CREATE TABLE bounce_rules (
    id       pg_catalog.text PRIMARY KEY,
    pattern  pg_catalog.text NOT NULL,
    category pg_catalog.text NOT NULL,
    priority pg_catalog.int4 NOT NULL DEFAULT 0,
    note     pg_catalog.text,
    enabled  pg_catalog.bool NOT NULL DEFAULT true
);

COMMENT ON TABLE bounce_rules IS
'users'' own bounce rules, tried before the built-in ones by the *_custom functions: enabled rows, priority DESC, then id';

SELECT pg_catalog.pg_extension_config_dump('bounce_rules', '');
GRANT SELECT ON bounce_rules TO PUBLIC;
-- The extension is trusted: a role that is not a superuser may install it,
-- and the script then runs as the bootstrap superuser, who owns the table;
-- the installing role gets to manage the rules it installed.
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON bounce_rules TO @extowner@;

CREATE FUNCTION bounce_rule_check(id pg_catalog.text, pattern pg_catalog.text, category pg_catalog.text)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'pg_bounce_rule_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION bounce_rule_check(pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
'true when a rule (id, pattern, category) would be accepted into bounce_rules; otherwise the error the table''s trigger raises for it';

CREATE FUNCTION bounce_rules_check_row()
RETURNS pg_catalog.trigger
AS 'MODULE_PATHNAME', 'pg_bounce_rules_check_row'
LANGUAGE C;

COMMENT ON FUNCTION bounce_rules_check_row() IS
'trigger of bounce_rules: rejects a rule with a bad pattern or an unknown category';

CREATE FUNCTION bounce_rules_changed()
RETURNS pg_catalog.trigger
AS 'MODULE_PATHNAME', 'pg_bounce_rules_changed'
LANGUAGE C;

COMMENT ON FUNCTION bounce_rules_changed() IS
'trigger of bounce_rules (per statement, and per row in replica mode): tells every session that its cached rules are stale';

CREATE TRIGGER bounce_rules_check
    BEFORE INSERT OR UPDATE ON bounce_rules
    FOR EACH ROW EXECUTE FUNCTION bounce_rules_check_row();

CREATE TRIGGER bounce_rules_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bounce_rules
    FOR EACH STATEMENT EXECUTE FUNCTION bounce_rules_changed();

ALTER TABLE bounce_rules ENABLE ALWAYS TRIGGER bounce_rules_changed;

CREATE TRIGGER bounce_rules_replicated
    AFTER INSERT OR UPDATE OR DELETE ON bounce_rules
    FOR EACH ROW EXECUTE FUNCTION bounce_rules_changed();

ALTER TABLE bounce_rules ENABLE REPLICA TRIGGER bounce_rules_replicated;

CREATE FUNCTION bounce_category_custom(status pg_catalog.text, diagnostic pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_category_custom'
LANGUAGE C STABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_category_custom(pg_catalog.text, pg_catalog.text) IS
'bounce_category with the enabled rules of bounce_rules tried first; NULL only when both are NULL';

CREATE FUNCTION bounce_category_custom(status pg_catalog.int4, diagnostic pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_category_custom_int'
LANGUAGE C STABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_category_custom(pg_catalog.int4, pg_catalog.text) IS
'bounce_category_custom for a status kept as an integer reply code';

CREATE FUNCTION is_hard_bounce_custom(status pg_catalog.text, diagnostic pg_catalog.text)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'pg_is_hard_bounce_custom'
LANGUAGE C STABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION is_hard_bounce_custom(pg_catalog.text, pg_catalog.text) IS
'is_hard_bounce with the enabled rules of bounce_rules tried first; NULL only when both are NULL';

CREATE FUNCTION is_hard_bounce_custom(status pg_catalog.int4, diagnostic pg_catalog.text)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'pg_is_hard_bounce_custom_int'
LANGUAGE C STABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION is_hard_bounce_custom(pg_catalog.int4, pg_catalog.text) IS
'is_hard_bounce_custom for a status kept as an integer reply code';

CREATE FUNCTION bounce_explain_custom(status pg_catalog.text, diagnostic pg_catalog.text)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME', 'pg_bounce_explain_custom'
LANGUAGE C STABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_explain_custom(pg_catalog.text, pg_catalog.text) IS
'bounce_explain with the enabled rules of bounce_rules tried first ("signal": "custom" and the rule''s id when one decided)';

CREATE FUNCTION bounce_explain_custom(status pg_catalog.int4, diagnostic pg_catalog.text)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME', 'pg_bounce_explain_custom_int'
LANGUAGE C STABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION bounce_explain_custom(pg_catalog.int4, pg_catalog.text) IS
'bounce_explain_custom for a status kept as an integer reply code';

/*
 * Finding the messages no rule knows, and who sent them. Both depend on
 * their argument only: IMMUTABLE within a version, STRICT (NULL for NULL).
 */

CREATE FUNCTION bounce_fingerprint(diagnostic pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_fingerprint'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;

COMMENT ON FUNCTION bounce_fingerprint(pg_catalog.text) IS
'the diagnostic normalised for GROUP BY: lower case, white space collapsed, addresses, hosts, IPs, URLs, ids, quoted values and digits replaced by placeholders, status codes kept; at most 256 bytes';

CREATE FUNCTION bounce_provider(diagnostic pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'pg_bounce_provider'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;

COMMENT ON FUNCTION bounce_provider(pg_catalog.text) IS
'the mailbox provider or filter the diagnostic names (google, microsoft, yahoo, proofpoint, ...), or NULL';
