-- surface.sql: what loading the extension adds, with its flags
-- (SQLITE_DETERMINISTIC 0x800, SQLITE_INNOCUOUS 0x200000).
.load sqlite/bounce
.headers on
.mode list

SELECT	name, narg, type, enc, printf('0x%x', flags) AS flags,
		(flags & 0x800) != 0 AS deterministic,
		(flags & 0x200000) != 0 AS innocuous,
		(flags & 0x80000) != 0 AS directonly
FROM	pragma_function_list
WHERE	name LIKE '%bounce%'
ORDER BY name, narg;
SELECT name FROM pragma_module_list WHERE name LIKE '%bounce%';

-- Loading again on the same connection replaces the functions cleanly.
.load sqlite/bounce
SELECT count(*) AS functions FROM pragma_function_list WHERE name LIKE '%bounce%';
SELECT bounce_category('552', NULL) AS after_reload, count(*) AS categories FROM bounce_categories;
