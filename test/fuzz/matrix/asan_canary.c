/*
 * asan_canary.c: a SQLite extension with two deliberate memory errors, so
 * that "make test-sanitize" and "make test-valgrind" can show their setup
 * catches errors in a loaded extension (a run that finds nothing has
 * really been watching). Never loaded by anything else.
 *
 *   canary_overflow()   reads one byte past a heap block
 *   canary_leak()       allocates a block and drops the pointer
 */
#include <stdlib.h>
#include <string.h>

#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

int			sqlite3_canary_init(sqlite3 *db, char **err,
								const sqlite3_api_routines *api);

static void
canary_overflow(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char	   *p = malloc(8);
	volatile char c;

	if (p == NULL)
		return;
	memset(p, 'x', 8);
	c = p[8];					/* one past the end */
	sqlite3_result_int(ctx, c);
	free(p);
}

static void
canary_leak(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char	   *volatile p = malloc(4096);

	if (p != NULL)
		memset(p, 'x', 4096);
	p = NULL;
	sqlite3_result_int(ctx, 1);
}

int
sqlite3_canary_init(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
	SQLITE_EXTENSION_INIT2(api);
	sqlite3_create_function(db, "canary_overflow", 0, SQLITE_UTF8, NULL,
							canary_overflow, NULL, NULL);
	return sqlite3_create_function(db, "canary_leak", 0, SQLITE_UTF8, NULL,
								   canary_leak, NULL, NULL);
}
