/*
 * bounce_sqlite.c: the bounce classifier as a SQLite loadable extension.
 *
 *     .load sqlite/bounce                  -- sqlite3 CLI, from the project root
 *     SELECT bounce_category('550 5.1.1', 'User unknown');   -- invalid-mailbox
 *
 * A thin translator: every decision lives in core/ (bounce.h). This file
 * turns SQLite values into byte ranges, core return codes into SQL NULL or
 * errors, and keeps one bounce_matcher per connection.
 *
 * SQL surface (same names, argument order, NULL behaviour and output as the
 * PostgreSQL extension):
 *
 *   bounce_category(status, diagnostic)  one of the 15 names; NULL only when
 *                                        both arguments are NULL
 *   is_hard_bounce(status, diagnostic)   1/0; NULL when both are NULL
 *   is_hard_bounce(category)             1/0 by name; NULL for NULL; an
 *                                        unknown name is an error
 *   bounce_explain(status, diagnostic)   the core's JSON explanation (TEXT)
 *   bounce_categories                    eponymous virtual table: name,
 *                                        hard, description, in enum order
 *   bounce_version()                     the library version
 *
 * Argument types: TEXT and BLOB are classified by their bytes (a BLOB may
 * hold NUL bytes or invalid UTF-8); an INTEGER is written as decimal text
 * (550 -> "550"); a REAL takes SQLite's own text form; NULL is absent.
 *
 * State: each connection that loads the extension gets one matcher (the
 * core's per-thread scratch space), created here at load time and shared by
 * the functions of that connection only. SQLite never runs two statements
 * of one connection at the same time, so the matcher needs no lock; several
 * connections in several threads each have their own. Every registration
 * holds a reference to the state, and the last xDestroy (connection close,
 * or the functions being replaced) frees it, exactly once.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <stdio.h>
#include <string.h>

#include "../core/bounce.h"

/* Longest category name quoted back in an error message, in bytes. */
#define BOUNCE_NAME_QUOTE_MAX	64

typedef struct bounce_conn
{
	bounce_matcher *matcher;
	int			refs;			/* registrations still pointing here */
} bounce_conn;

static void
bounce_conn_unref(void *p)
{
	bounce_conn *state = (bounce_conn *) p;

	if (state != NULL && --state->refs == 0)
	{
		bounce_matcher_free(state->matcher);
		sqlite3_free(state);
	}
}

/* A classifier argument as a byte range. */
typedef struct bounce_arg
{
	const char *ptr;			/* NULL: SQL NULL */
	size_t		len;
	char		num[24];		/* decimal text of an INTEGER */
} bounce_arg;

/*
 * Read argument v into *arg. Returns false when SQLite ran out of memory
 * converting it (the error is already set on ctx).
 */
static bool
bounce_get_arg(sqlite3_context *ctx, sqlite3_value *v, bounce_arg *arg)
{
	arg->ptr = NULL;
	arg->len = 0;
	switch (sqlite3_value_type(v))
	{
		case SQLITE_NULL:
			return true;
		case SQLITE_INTEGER:
			arg->len = (size_t) snprintf(arg->num, sizeof(arg->num), "%lld",
										 (long long) sqlite3_value_int64(v));
			arg->ptr = arg->num;
			return true;
		case SQLITE_BLOB:
			/* an empty BLOB has a NULL pointer: it is empty, not absent */
			arg->ptr = (const char *) sqlite3_value_blob(v);
			arg->len = (size_t) sqlite3_value_bytes(v);
			if (arg->ptr == NULL)
			{
				if (arg->len > 0)
				{
					sqlite3_result_error_nomem(ctx);
					return false;
				}
				arg->ptr = "";
			}
			return true;
		default:				/* TEXT, and REAL in its text form */
			arg->ptr = (const char *) sqlite3_value_text(v);
			arg->len = (size_t) sqlite3_value_bytes(v);
			if (arg->ptr == NULL)
			{
				sqlite3_result_error_nomem(ctx);
				return false;
			}
			return true;
	}
}

/*
 * Classify (argv[0], argv[1]) into *r. Returns true with *r filled when
 * there is a result; otherwise the SQL result (NULL or an error) is set.
 */
static bool
bounce_classify_args(sqlite3_context *ctx, sqlite3_value **argv,
					 bounce_arg *diagnostic, bounce_result *r)
{
	bounce_conn *state = (bounce_conn *) sqlite3_user_data(ctx);
	bounce_arg	status;
	int			rc;

	if (!bounce_get_arg(ctx, argv[0], &status) ||
		!bounce_get_arg(ctx, argv[1], diagnostic))
		return false;
	rc = bounce_classify(state->matcher, status.ptr, status.len,
						 diagnostic->ptr, diagnostic->len, r);
	if (rc == BOUNCE_OK)
		return true;
	if (rc == BOUNCE_NULL_INPUT)
		sqlite3_result_null(ctx);
	else if (rc == BOUNCE_ENOMEM)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error(ctx, bounce_strerror(rc), -1);
	return false;
}

/* bounce_category(status, diagnostic): the category name. */
static void
sqlite_bounce_category(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_arg	diagnostic;
	bounce_result r;

	if (bounce_classify_args(ctx, argv, &diagnostic, &r))
		sqlite3_result_text(ctx, bounce_category_name(r.category), -1,
							SQLITE_STATIC);
}

/* is_hard_bounce(status, diagnostic): 1 for a hard bounce, else 0. */
static void
sqlite_bounce_is_hard(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_arg	diagnostic;
	bounce_result r;

	if (bounce_classify_args(ctx, argv, &diagnostic, &r))
		sqlite3_result_int(ctx, r.hard ? 1 : 0);
}

/* Length of s cut to at most max bytes without splitting a UTF-8 sequence. */
static size_t
bounce_clip_utf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	while (len > 0 && ((unsigned char) s[len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* is_hard_bounce(category): whether a category name is a hard bounce. */
static void
sqlite_bounce_is_hard_name(sqlite3_context *ctx, int argc,
						   sqlite3_value **argv)
{
	bounce_arg	name;
	bounce_category category;
	char	   *msg;

	if (!bounce_get_arg(ctx, argv[0], &name))
		return;
	if (name.ptr == NULL)
	{
		sqlite3_result_null(ctx);
		return;
	}
	if (!bounce_category_from_name(name.ptr, name.len, &category))
	{
		msg = sqlite3_mprintf("unknown bounce category \"%.*s\"",
							  (int) bounce_clip_utf8(name.ptr, name.len,
													 BOUNCE_NAME_QUOTE_MAX),
							  name.ptr);
		if (msg == NULL)
		{
			sqlite3_result_error_nomem(ctx);
			return;
		}
		sqlite3_result_error(ctx, msg, -1);
		sqlite3_free(msg);
		return;
	}
	sqlite3_result_int(ctx, bounce_category_is_hard(category) ? 1 : 0);
}

/* bounce_explain(status, diagnostic): why, as a JSON object (TEXT). */
static void
sqlite_bounce_explain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_arg	diagnostic;
	bounce_result r;
	char		buf[BOUNCE_EXPLAIN_MAX];
	size_t		n;
	char	   *big;

	if (!bounce_classify_args(ctx, argv, &diagnostic, &r))
		return;
	n = bounce_explain_json(&r, diagnostic.ptr, diagnostic.len,
							buf, sizeof(buf));
	if (n < sizeof(buf))
	{
		sqlite3_result_text(ctx, buf, (int) n, SQLITE_TRANSIENT);
		return;
	}
	/* BOUNCE_EXPLAIN_MAX is documented to suffice; stay correct if not */
	if ((big = sqlite3_malloc64((sqlite3_uint64) n + 1)) == NULL)
	{
		sqlite3_result_error_nomem(ctx);
		return;
	}
	bounce_explain_json(&r, diagnostic.ptr, diagnostic.len, big, n + 1);
	sqlite3_result_text64(ctx, big, (sqlite3_uint64) n, sqlite3_free,
						  SQLITE_UTF8);
}

/* bounce_version(): the library version. */
static void
sqlite_bounce_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, bounce_version(), -1, SQLITE_STATIC);
}

/*
 * bounce_categories: an eponymous-only virtual table (table-valued function
 * with no arguments) listing the categories in enum order; the rowid is
 * the 1-based position in the contract's table.
 */
typedef struct bounce_categories_cursor
{
	sqlite3_vtab_cursor base;
	int			index;
} bounce_categories_cursor;

#define BOUNCE_COL_NAME			0
#define BOUNCE_COL_HARD			1
#define BOUNCE_COL_DESCRIPTION	2

static int
bounce_categories_connect(sqlite3 *db, void *aux, int argc,
						  const char *const *argv, sqlite3_vtab **ppvtab,
						  char **pzerr)
{
	sqlite3_vtab *vtab;
	int			rc;

	rc = sqlite3_declare_vtab(db,
							  "CREATE TABLE x(name TEXT, hard INTEGER, description TEXT)");
	if (rc != SQLITE_OK)
		return rc;
	if ((vtab = sqlite3_malloc(sizeof(*vtab))) == NULL)
		return SQLITE_NOMEM;
	memset(vtab, 0, sizeof(*vtab));
#ifdef SQLITE_VTAB_INNOCUOUS
	sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
#endif
	*ppvtab = vtab;
	return SQLITE_OK;
}

static int
bounce_categories_disconnect(sqlite3_vtab *vtab)
{
	sqlite3_free(vtab);
	return SQLITE_OK;
}

static int
bounce_categories_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **ppcursor)
{
	bounce_categories_cursor *cur;

	if ((cur = sqlite3_malloc(sizeof(*cur))) == NULL)
		return SQLITE_NOMEM;
	memset(cur, 0, sizeof(*cur));
	*ppcursor = &cur->base;
	return SQLITE_OK;
}

static int
bounce_categories_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int
bounce_categories_filter(sqlite3_vtab_cursor *cur, int idxnum,
						 const char *idxstr, int argc, sqlite3_value **argv)
{
	((bounce_categories_cursor *) cur)->index = 0;
	return SQLITE_OK;
}

static int
bounce_categories_next(sqlite3_vtab_cursor *cur)
{
	((bounce_categories_cursor *) cur)->index++;
	return SQLITE_OK;
}

static int
bounce_categories_eof(sqlite3_vtab_cursor *cur)
{
	return ((bounce_categories_cursor *) cur)->index >= BOUNCE_CATEGORY_COUNT;
}

static int
bounce_categories_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx,
						 int col)
{
	bounce_category category =
		(bounce_category) ((bounce_categories_cursor *) cur)->index;

	switch (col)
	{
		case BOUNCE_COL_NAME:
			sqlite3_result_text(ctx, bounce_category_name(category), -1,
								SQLITE_STATIC);
			break;
		case BOUNCE_COL_HARD:
			sqlite3_result_int(ctx, bounce_category_is_hard(category) ? 1 : 0);
			break;
		case BOUNCE_COL_DESCRIPTION:
			sqlite3_result_text(ctx, bounce_category_description(category), -1,
								SQLITE_STATIC);
			break;
	}
	return SQLITE_OK;
}

static int
bounce_categories_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((bounce_categories_cursor *) cur)->index + 1;
	return SQLITE_OK;
}

static int
bounce_categories_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	info->estimatedCost = (double) BOUNCE_CATEGORY_COUNT;
	info->estimatedRows = BOUNCE_CATEGORY_COUNT;
	return SQLITE_OK;
}

static sqlite3_module bounce_categories_module = {
	0,							/* iVersion */
	NULL,						/* xCreate: NULL makes it eponymous-only */
	bounce_categories_connect,
	bounce_categories_best_index,
	bounce_categories_disconnect,
	NULL,						/* xDestroy */
	bounce_categories_open,
	bounce_categories_close,
	bounce_categories_filter,
	bounce_categories_next,
	bounce_categories_eof,
	bounce_categories_column,
	bounce_categories_rowid,
};

/* The functions: name, arguments, implementation, uses the matcher. */
static const struct
{
	const char *name;
	int			nargs;
	void		(*fn) (sqlite3_context *, int, sqlite3_value **);
	int			flags;
}			bounce_functions[] = {
#define BOUNCE_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
	{"bounce_category", 2, sqlite_bounce_category, BOUNCE_PURE},
	{"is_hard_bounce", 2, sqlite_bounce_is_hard, BOUNCE_PURE},
	{"is_hard_bounce", 1, sqlite_bounce_is_hard_name, BOUNCE_PURE},
	{"bounce_explain", 2, sqlite_bounce_explain, BOUNCE_PURE},
	/* not DETERMINISTIC: it changes across upgrades (STABLE in PostgreSQL) */
	{"bounce_version", 0, sqlite_bounce_version, SQLITE_UTF8 | SQLITE_INNOCUOUS},
#undef BOUNCE_PURE
};

/* The entry point is the module's only exported symbol (-fvisibility=hidden). */
#if defined(_WIN32)
#define BOUNCE_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define BOUNCE_EXPORT __attribute__((visibility("default")))
#else
#define BOUNCE_EXPORT
#endif

BOUNCE_EXPORT int sqlite3_bounce_init(sqlite3 *db, char **pzErrMsg,
									  const sqlite3_api_routines *pApi);

BOUNCE_EXPORT int
sqlite3_bounce_init(sqlite3 *db, char **pzErrMsg,
					const sqlite3_api_routines *pApi)
{
	bounce_conn *state;
	size_t		i;
	int			rc;

	SQLITE_EXTENSION_INIT2(pApi);

	if ((rc = bounce_init()) != BOUNCE_OK)
	{
		*pzErrMsg = sqlite3_mprintf("bounce: %s", bounce_strerror(rc));
		return rc == BOUNCE_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
	}
	if ((state = sqlite3_malloc(sizeof(*state))) == NULL)
	{
		*pzErrMsg = sqlite3_mprintf("bounce: out of memory");
		return SQLITE_NOMEM;
	}
	state->refs = 1;			/* held by this function until the end */
	if ((state->matcher = bounce_matcher_new()) == NULL)
	{
		sqlite3_free(state);
		*pzErrMsg = sqlite3_mprintf("bounce: out of memory");
		return SQLITE_NOMEM;
	}

	for (i = 0; i < sizeof(bounce_functions) / sizeof(bounce_functions[0]); i++)
	{
		/*
		 * The reference is taken before the call: SQLite calls xDestroy
		 * itself when the registration fails.
		 */
		state->refs++;
		rc = sqlite3_create_function_v2(db, bounce_functions[i].name,
										bounce_functions[i].nargs,
										bounce_functions[i].flags, state,
										bounce_functions[i].fn, NULL, NULL,
										bounce_conn_unref);
		if (rc != SQLITE_OK)
		{
			*pzErrMsg = sqlite3_mprintf("bounce: cannot register %s(%d): %s",
										bounce_functions[i].name,
										bounce_functions[i].nargs,
										sqlite3_errstr(rc));
			bounce_conn_unref(state);
			return rc;
		}
	}
	rc = sqlite3_create_module_v2(db, "bounce_categories",
								  &bounce_categories_module, NULL, NULL);
	if (rc != SQLITE_OK)
		*pzErrMsg = sqlite3_mprintf("bounce: cannot register bounce_categories: %s",
									sqlite3_errstr(rc));
	bounce_conn_unref(state);
	return rc;
}
