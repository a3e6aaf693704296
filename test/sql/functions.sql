-- Every SQL function, with inputs whose answers the contract fixes
-- (status-only inputs are decided by the codes alone); answers for
-- diagnostic texts are checked against the core by the corpus tests.

-- bounce_category(status text, diagnostic text)
SELECT status, bounce_category(status, NULL)
  FROM (VALUES ('5.1.1'), ('552'), ('521 5.3.2'), ('450 4.1.1'), ('4.2.2'),
               ('5.7.26'), ('5.7.1'), ('4.4.7'), ('550'), ('smtp; 550 5.1.1'),
               ('Status: 5.1.2'), ('abc'), ('9.9.9.9'), ('')) AS t(status);
-- NULL only when both are NULL; an untyped NULL resolves to the text version
SELECT bounce_category(NULL, NULL) IS NULL AS both_null,
       bounce_category(NULL::text, NULL::text) IS NULL AS both_null_text,
       bounce_category(NULL, '') AS empty_text,
       bounce_category('', NULL) AS empty_status;
-- a NULL status is classified from the text, codes included
SELECT bounce_category(NULL, 'smtp; 550 5.1.1 <a@example.com>') IS NOT NULL AS classified,
       bounce_explain(NULL, 'smtp; 550 5.1.1 <a@example.com>') ->> 'enhanced_code' AS code_in_text;

-- bounce_category(status integer, diagnostic text)
SELECT code, bounce_category(code, NULL)
  FROM (VALUES (552), (521), (556), (421), (550), (0), (-1), (2147483647)) AS t(code);
SELECT bounce_category(NULL::integer, NULL) IS NULL AS both_null;
SELECT bounce_category(552, 'text') = bounce_category('552', 'text') AS same_as_text;

-- is_hard_bounce(status, diagnostic)
SELECT status, is_hard_bounce(status, NULL)
  FROM (VALUES ('5.1.1'), ('550 5.1.1'), ('450 4.1.1'), ('4.1.1'), ('521 5.3.2'),
               ('552'), ('abc')) AS t(status);
SELECT is_hard_bounce(NULL, NULL) IS NULL AS both_null,
       is_hard_bounce(521, NULL) AS int_521,
       is_hard_bounce(552, NULL) AS int_552,
       is_hard_bounce(NULL::integer, NULL) IS NULL AS int_both_null;

-- is_hard_bounce(category): case-insensitive, white space ignored, aliases
SELECT name, hard, is_hard_bounce(name) = hard AS agrees,
       is_hard_bounce(upper(name)) = hard AS upper_agrees
  FROM bounce_categories();
SELECT is_hard_bounce('  Invalid-Domain ') AS spaced,
       is_hard_bounce(E'\tINVALID-MAILBOX\n') AS tab_newline,
       is_hard_bounce('greylisting') AS alias_greylisting,
       is_hard_bounce('Routing-Errors') AS alias_routing,
       is_hard_bounce(NULL) IS NULL AS null_name;
-- an unknown name is an error (SQLSTATE 22023) naming it, cut to 64 bytes
SELECT is_hard_bounce('hard');
SELECT is_hard_bounce('');
SELECT is_hard_bounce('invalid_mailbox');
SELECT is_hard_bounce(repeat('é', 40));
DO $$
BEGIN
  PERFORM is_hard_bounce('no-such-category');
EXCEPTION WHEN invalid_parameter_value THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END $$;

-- bounce_explain: the core's JSON, as jsonb (keys in jsonb's order)
SELECT bounce_explain('550 5.1.1', NULL);
SELECT bounce_explain('521 5.3.2', NULL);
SELECT bounce_explain('450 4.1.1', NULL);
SELECT bounce_explain(552, NULL);
SELECT bounce_explain(NULL, NULL) IS NULL AS both_null,
       bounce_explain(NULL::integer, NULL) IS NULL AS int_both_null;
SELECT jsonb_object_keys(bounce_explain('5.1.1', 'text'));

-- bounce_categories(): the 15 names in the contract's order
SELECT n, name, hard, length(description) > 0 AS described
  FROM bounce_categories() WITH ORDINALITY AS c(name, hard, description, n);
SELECT count(*) AS hard_categories FROM bounce_categories() WHERE hard;

-- bounce_version(): the library's version is the extension's
SELECT bounce_version() = extversion AS same_version
  FROM pg_extension WHERE extname = 'bounce';
