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
 *   bounce_category_custom(status, diagnostic), is_hard_bounce_custom(...),
 *   bounce_explain_custom(...)           the same with the enabled rows of
 *                                        main.bounce_rules tried first
 *   bounce_rule_check(id, pattern, category)  1, or the error a bad rule
 *                                        gets; for a CHECK constraint
 *   bounce_fingerprint(diagnostic)       the text normalised for GROUP BY
 *   bounce_provider(diagnostic)          the provider or filter it names
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
 *
 * Users' own rules: the connection's state also caches the rules of
 * main.bounce_rules, compiled by the core (malloc'd), and recompiles them
 * only when the table's definitions change (see custom_rules).
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <stdio.h>
#include <string.h>

#include "../core/bounce.h"

/* Longest category name or rule id quoted back in an error message, in bytes. */
#define BOUNCE_NAME_QUOTE_MAX	64

/* The custom functions use sqlite3_total_changes64() (3.37.0). */
#define BOUNCE_CUSTOM_MIN_VERSION	3037000

/* Definitions of rules as read, serialised (see bounce_read_rules). */
typedef struct bounce_defs
{
	char	   *data;			/* sqlite3_malloc'd; NULL when len is 0 */
	size_t		len;
	size_t		count;
} bounce_defs;

typedef struct bounce_conn
{
	bounce_matcher *matcher;
	int			refs;			/* registrations still pointing here */

	/* users' own rules (see custom_rules) */
	bool		custom_ok;		/* the host's SQLite is new enough */
	bool		loaded;			/* rules and defs hold a reading */
	bool		loading;		/* bounce_rules is being read */
	bool		provisional;	/* read with uncommitted changes to the
								 * rules in an explicit transaction */
	unsigned int data_version;	/* of main, when read */
	sqlite3_int64 total_changes;	/* of the connection, when read */
	bool		clean_known;
	sqlite3_int64 clean_changes;	/* total changes when there were no
									 * uncommitted ones, last seen */
	bool		base_known;
	bounce_defs defs;			/* what rules was compiled from */
	bounce_defs base;			/* the last reading known to be of
								 * committed rules */
	bounce_rules *rules;		/* compiled (malloc'd by the core); NULL
								 * when no rule is enabled */
} bounce_conn;

static void
bounce_defs_free(bounce_defs *d)
{
	sqlite3_free(d->data);
	memset(d, 0, sizeof(*d));
}

static void
bounce_conn_unref(void *p)
{
	bounce_conn *state = (bounce_conn *) p;

	if (state != NULL && --state->refs == 0)
	{
		bounce_matcher_free(state->matcher);
		bounce_rules_free(state->rules);
		bounce_defs_free(&state->defs);
		bounce_defs_free(&state->base);
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

/* ---- users' own rules ---------------------------------------------------- */

/*
 * The *_custom functions try the enabled rows of main.bounce_rules first
 * (priority DESC, then id in byte order), then the built-in rules. The
 * user creates the table (docs/custom-rules.md); without it the functions
 * behave as if it were empty. The connection reads the rows and the core
 * compiles them (bounce_rules, malloc'd), once; each call then checks
 * cheaply whether the table may have changed:
 *
 * - SQLITE_FCNTL_DATA_VERSION of main moves when a transaction commits to
 *   the file, this connection's or another's (another's once this
 *   connection has started a read transaction since: a statement that
 *   reads a table of main does, and a call made without one runs
 *   "PRAGMA main.data_version" to start one briefly);
 * - sqlite3_total_changes64() moves when a statement of this connection
 *   that wrote rows completes, committed or not (and when a trigger
 *   program's statement does: a statement whose triggers write rows reads
 *   the rules again at every call).
 *
 * When either moved, the rows are read again and compiled only when the
 * definitions differ from the compiled ones (most writes are to other
 * tables). A rollback moves neither. So a reading made inside an explicit
 * transaction that has written rows since the connection last had no
 * uncommitted changes, and that differs from the last reading known to be
 * of committed rules (the baseline), is "provisional": the rules are read
 * again at every call until a reading agrees with the baseline or the
 * transaction is over. That also covers ROLLBACK TO a savepoint. The
 * connection has no uncommitted changes when the extension is loaded
 * outside a transaction, and at every call outside an explicit write
 * transaction (but for those of the running statement itself: a single
 * statement that both changes bounce_rules and calls a custom function,
 * and then fails, is not noticed).
 */

/* Set the error msg (sqlite3_malloc'd, NULL when out of memory) on ctx. */
static void
bounce_result_msg(sqlite3_context *ctx, char *msg)
{
	if (msg == NULL)
		sqlite3_result_error_nomem(ctx);
	else
	{
		sqlite3_result_error(ctx, msg, -1);
		sqlite3_free(msg);
	}
}

/*
 * Check a rule's category and pattern (either may be NULL: not checked)
 * as bounce_rules_compile would. Returns SQLITE_OK, SQLITE_NOMEM, or
 * SQLITE_ERROR with *msg the error PostgreSQL's trigger raises for the
 * rule (sqlite3_malloc'd).
 */
static int
bounce_rule_problem(const char *id, size_t id_len,
					const char *pattern, size_t pattern_len,
					const char *category, size_t category_len, char **msg)
{
	int			quoted = (int) bounce_clip_utf8(id, id_len, BOUNCE_NAME_QUOTE_MAX);
	bounce_category c;

	*msg = NULL;
	if (category != NULL &&
		!bounce_category_from_name(category, category_len, &c))
		*msg = sqlite3_mprintf("bounce rule \"%.*s\": unknown category \"%.*s\"",
							   quoted, id,
							   (int) bounce_clip_utf8(category, category_len,
													  BOUNCE_NAME_QUOTE_MAX),
							   category);
	else if (pattern != NULL)
	{
		char		problem[256];
		int			rc = bounce_pattern_check(pattern, pattern_len, problem,
											  sizeof(problem));

		if (rc == BOUNCE_ENOMEM)
			return SQLITE_NOMEM;
		if (rc == BOUNCE_OK)
			return SQLITE_OK;
		*msg = sqlite3_mprintf("bounce rule \"%.*s\": invalid pattern: %s",
							   quoted, id, problem);
	}
	else
		return SQLITE_OK;
	return *msg == NULL ? SQLITE_NOMEM : SQLITE_ERROR;
}

/* Set the result of bounce_rule_problem (or a read) on ctx. */
static void
bounce_result_problem(sqlite3_context *ctx, int rc, char *msg)
{
	if (rc == SQLITE_NOMEM)
	{
		sqlite3_free(msg);
		sqlite3_result_error_nomem(ctx);
	}
	else
		bounce_result_msg(ctx, msg);
}

/* Append n bytes to d (grown with sqlite3_realloc64); false when out of memory. */
static bool
bounce_defs_append(bounce_defs *d, size_t *cap, const void *p, size_t n)
{
	if (d->len + n > *cap)
	{
		size_t		want = (d->len + n) * 2 + 64;
		char	   *grown = sqlite3_realloc64(d->data, want);

		if (grown == NULL)
			return false;
		d->data = grown;
		*cap = want;
	}
	if (n > 0)
		memcpy(d->data + d->len, p, n);
	d->len += n;
	return true;
}

static bool
bounce_defs_equal(const bounce_defs *a, const bounce_defs *b)
{
	return a->len == b->len && a->count == b->count &&
		(a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* Is there a table or view main.bounce_rules? (Asked after an error only.) */
static bool
bounce_rules_exists(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	bool		exists = true;	/* when in doubt, report the error */

	if (sqlite3_prepare_v2(db,
						   "SELECT 1 FROM main.sqlite_schema WHERE type IN ('table', 'view') "
						   "AND name = 'bounce_rules' COLLATE NOCASE",
						   -1, &st, NULL) == SQLITE_OK &&
		sqlite3_step(st) == SQLITE_DONE)
		exists = false;
	sqlite3_finalize(st);
	return exists;
}

/*
 * Read the enabled rules of main.bounce_rules, in precedence order, into
 * d (empty when the table does not exist): for each, the id, a NUL, the
 * pattern's length (a size_t), the pattern, the category (a byte).
 * Returns SQLITE_OK, or an error with d empty and *msg (sqlite3_malloc'd,
 * NULL for SQLITE_NOMEM) saying why.
 */
static int
bounce_read_rules(sqlite3 *db, bounce_defs *d, char **msg)
{
	static const char query[] =
		"SELECT id, pattern, category FROM main.bounce_rules WHERE enabled "
		"ORDER BY priority DESC, id COLLATE BINARY";
	sqlite3_stmt *st = NULL;
	size_t		cap = 0;
	int			rc;

	memset(d, 0, sizeof(*d));
	*msg = NULL;
	rc = sqlite3_prepare_v2(db, query, -1, &st, NULL);
	if (rc != SQLITE_OK)
	{
		if (rc != SQLITE_NOMEM)
			*msg = sqlite3_mprintf("bounce_rules: %s", sqlite3_errmsg(db));
		goto fail;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
	{
		const char *id = (const char *) sqlite3_column_text(st, 0);
		size_t		id_len;
		const char *pattern;
		size_t		pattern_len;
		const char *category;
		bounce_category c;
		unsigned char cbyte;
		const char *null_column = NULL;

		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			null_column = "id";
		else if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			null_column = "pattern";
		else if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			null_column = "category";
		if (null_column != NULL)
		{
			*msg = sqlite3_mprintf("bounce_rules has a rule with a NULL %s",
								   null_column);
			rc = *msg == NULL ? SQLITE_NOMEM : SQLITE_ERROR;
			goto fail;
		}
		if (id == NULL)
			goto nomem;
		id_len = strlen(id);	/* the core's ids are C strings */
		pattern = sqlite3_column_type(st, 1) == SQLITE_BLOB
			? (const char *) sqlite3_column_blob(st, 1)
			: (const char *) sqlite3_column_text(st, 1);
		pattern_len = (size_t) sqlite3_column_bytes(st, 1);
		if (pattern == NULL)
		{
			if (pattern_len > 0 || sqlite3_errcode(db) == SQLITE_NOMEM)
				goto nomem;
			pattern = "";
		}
		category = (const char *) sqlite3_column_text(st, 2);
		if (category == NULL)
			goto nomem;
		if (!bounce_category_from_name(category,
									   (size_t) sqlite3_column_bytes(st, 2), &c))
		{
			rc = bounce_rule_problem(id, id_len, NULL, 0, category,
									 (size_t) sqlite3_column_bytes(st, 2), msg);
			goto fail;
		}
		cbyte = (unsigned char) c;
		if (!bounce_defs_append(d, &cap, id, id_len + 1) ||
			!bounce_defs_append(d, &cap, &pattern_len, sizeof(pattern_len)) ||
			!bounce_defs_append(d, &cap, pattern, pattern_len) ||
			!bounce_defs_append(d, &cap, &cbyte, 1))
			goto nomem;
		d->count++;
	}
	if (rc != SQLITE_DONE)
	{
		if (rc != SQLITE_NOMEM)
		{
			*msg = sqlite3_mprintf("bounce_rules: %s", sqlite3_errmsg(db));
			if (*msg == NULL)
				rc = SQLITE_NOMEM;
		}
		goto fail;
	}
	sqlite3_finalize(st);
	return SQLITE_OK;

nomem:
	rc = SQLITE_NOMEM;
fail:
	sqlite3_finalize(st);
	bounce_defs_free(d);
	/*
	 * No table (nor view) bounce_rules in main: no rules. (Asked after the
	 * failure, which may have been the statement noticing that another
	 * connection dropped the table.)
	 */
	if (rc != SQLITE_NOMEM && !bounce_rules_exists(db))
	{
		sqlite3_free(*msg);
		*msg = NULL;
		return SQLITE_OK;
	}
	if (*msg == NULL && rc != SQLITE_NOMEM)
		rc = SQLITE_NOMEM;		/* the message could not be made */
	return rc == SQLITE_OK ? SQLITE_ERROR : rc;
}

/*
 * Compile the rules of d into *rules (NULL when there are none). On an
 * error sets it on ctx, naming the rule as bounce_rule_check would.
 */
static bool
bounce_compile_defs(sqlite3_context *ctx, const bounce_defs *d,
					bounce_rules **rules)
{
	bounce_rule_def *defs;
	size_t		i,
				off = 0;
	char		message[512];
	int			rc;

	*rules = NULL;
	if (d->count == 0)
		return true;
	if ((defs = sqlite3_malloc64(sizeof(*defs) * d->count)) == NULL)
	{
		sqlite3_result_error_nomem(ctx);
		return false;
	}
	for (i = 0; i < d->count; i++)
	{
		defs[i].id = d->data + off;
		off += strlen(defs[i].id) + 1;
		memcpy(&defs[i].pattern_len, d->data + off, sizeof(size_t));
		off += sizeof(size_t);
		defs[i].pattern = d->data + off;
		off += defs[i].pattern_len;
		defs[i].category = (bounce_category) (unsigned char) d->data[off++];
	}
	rc = bounce_rules_compile(defs, d->count, rules, message, sizeof(message));
	if (rc == BOUNCE_ERULES)
	{
		/* the rule whose pattern failed, named as the check names it */
		for (i = 0; i < d->count; i++)
		{
			char	   *msg;
			int			problem = bounce_rule_problem(defs[i].id,
													  strlen(defs[i].id),
													  defs[i].pattern,
													  defs[i].pattern_len,
													  NULL, 0, &msg);

			if (problem != SQLITE_OK)
			{
				bounce_result_problem(ctx, problem, msg);
				break;
			}
		}
		if (i == d->count)
			bounce_result_msg(ctx, sqlite3_mprintf("bounce_rules: %s", message));
	}
	else if (rc == BOUNCE_ENOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc != BOUNCE_OK)
		sqlite3_result_error(ctx, bounce_strerror(rc), -1);
	sqlite3_free(defs);
	return rc == BOUNCE_OK;
}

/*
 * Start and end a read transaction on main, so that the pager notices
 * commits of other connections (see above).
 */
static bool
bounce_refresh_main(sqlite3_context *ctx, sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int			rc = sqlite3_prepare_v2(db, "PRAGMA main.data_version", -1,
										&st, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
	{
		sqlite3_finalize(st);
		return true;
	}
	bounce_result_msg(ctx, rc == SQLITE_NOMEM ? NULL :
					  sqlite3_mprintf("bounce_rules: %s", sqlite3_errmsg(db)));
	sqlite3_finalize(st);
	return false;
}

/*
 * The custom rules for this call into *rules (NULL when none is enabled).
 * Returns false with the error set on ctx.
 */
static bool
bounce_custom_rules(sqlite3_context *ctx, bounce_conn *state,
					const bounce_rules **rules)
{
	sqlite3    *db = sqlite3_context_db_handle(ctx);
	unsigned int data_version = 0;
	sqlite3_int64 total_changes;
	int			txn;
	bool		clean;
	bounce_defs d;
	char	   *msg;
	int			rc;

	if (!state->custom_ok)
	{
		bounce_result_msg(ctx, sqlite3_mprintf(
						  "bounce: the *_custom functions need SQLite 3.37.0 or later (this is %s)",
						  sqlite3_libversion()));
		return false;
	}
	if (state->loading)
	{
		sqlite3_result_error(ctx, "bounce_rules cannot be used while it is being read", -1);
		return false;
	}
	txn = sqlite3_txn_state(db, "main");
	total_changes = sqlite3_total_changes64(db);
	clean = sqlite3_get_autocommit(db) || txn != SQLITE_TXN_WRITE;
	if (clean)
	{
		state->clean_changes = total_changes;
		state->clean_known = true;
	}
	if (txn == SQLITE_TXN_NONE && !bounce_refresh_main(ctx, db))
		return false;
	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION,
							 &data_version) != SQLITE_OK)
		state->loaded = false;	/* cannot tell: read every time */
	if (state->loaded && !state->provisional &&
		data_version == state->data_version &&
		total_changes == state->total_changes)
	{
		*rules = state->rules;
		return true;
	}

	state->loading = true;
	rc = bounce_read_rules(db, &d, &msg);
	state->loading = false;
	if (rc != SQLITE_OK)
	{
		bounce_result_problem(ctx, rc, msg);
		return false;
	}
	if (!(state->loaded && bounce_defs_equal(&d, &state->defs)))
	{
		bounce_rules *compiled;

		if (!bounce_compile_defs(ctx, &d, &compiled))
		{
			bounce_defs_free(&d);
			return false;
		}
		bounce_rules_free(state->rules);
		bounce_defs_free(&state->defs);
		state->rules = compiled;
		state->defs = d;
	}
	else
		bounce_defs_free(&d);

	if (clean ||
		(state->clean_known && total_changes == state->clean_changes))
	{
		/* no uncommitted changes of an explicit transaction: a baseline */
		if (!(state->base_known && bounce_defs_equal(&state->base, &state->defs)))
		{
			bounce_defs copy = state->defs;

			if (copy.len > 0)
			{
				if ((copy.data = sqlite3_malloc64(copy.len)) == NULL)
				{
					sqlite3_result_error_nomem(ctx);
					return false;
				}
				memcpy(copy.data, state->defs.data, copy.len);
			}
			bounce_defs_free(&state->base);
			state->base = copy;
			state->base_known = true;
		}
		state->provisional = false;
	}
	else
		state->provisional = !(state->base_known &&
							   bounce_defs_equal(&state->base, &state->defs));
	state->data_version = data_version;
	state->total_changes = total_changes;
	state->loaded = true;
	*rules = state->rules;
	return true;
}

/*
 * Classify (argv[0], argv[1]) into *r, with the built-in rules or (custom)
 * main.bounce_rules first. Returns true with *r filled when there is a
 * result; otherwise the SQL result (NULL or an error) is set.
 */
static bool
bounce_classify_args(sqlite3_context *ctx, sqlite3_value **argv, bool custom,
					 bounce_arg *diagnostic, bounce_result *r)
{
	bounce_conn *state = (bounce_conn *) sqlite3_user_data(ctx);
	const bounce_rules *rules = NULL;
	bounce_arg	status;
	int			rc;

	if (custom && !bounce_custom_rules(ctx, state, &rules))
		return false;
	if (!bounce_get_arg(ctx, argv[0], &status) ||
		!bounce_get_arg(ctx, argv[1], diagnostic))
		return false;
	/* rules is NULL for the built-in rules alone */
	rc = bounce_classify_custom(state->matcher, rules, status.ptr, status.len,
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
bounce_category_common(sqlite3_context *ctx, sqlite3_value **argv,
					   bool custom)
{
	bounce_arg	diagnostic;
	bounce_result r;

	if (bounce_classify_args(ctx, argv, custom, &diagnostic, &r))
		sqlite3_result_text(ctx, bounce_category_name(r.category), -1,
							SQLITE_STATIC);
}

static void
sqlite_bounce_category(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_category_common(ctx, argv, false);
}

static void
sqlite_bounce_category_custom(sqlite3_context *ctx, int argc,
							  sqlite3_value **argv)
{
	bounce_category_common(ctx, argv, true);
}

/* is_hard_bounce(status, diagnostic): 1 for a hard bounce, else 0. */
static void
bounce_is_hard_common(sqlite3_context *ctx, sqlite3_value **argv, bool custom)
{
	bounce_arg	diagnostic;
	bounce_result r;

	if (bounce_classify_args(ctx, argv, custom, &diagnostic, &r))
		sqlite3_result_int(ctx, r.hard ? 1 : 0);
}

static void
sqlite_bounce_is_hard(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_is_hard_common(ctx, argv, false);
}

static void
sqlite_bounce_is_hard_custom(sqlite3_context *ctx, int argc,
							 sqlite3_value **argv)
{
	bounce_is_hard_common(ctx, argv, true);
}

/*
 * "unknown bounce category \"...\"" with control bytes (a NUL of a BLOB or
 * a CAST) written as \xNN, so the message shows the whole name given.
 */
static char *
quote_name_error(const char *name, size_t len)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	size_t		i;

	sqlite3_str_appendall(s, "unknown bounce category \"");
	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) name[i];

		if (c < 0x20 || c == 0x7f)
			sqlite3_str_appendf(s, "\\x%02x", c);
		else
			sqlite3_str_appendchar(s, 1, (char) c);
	}
	sqlite3_str_appendall(s, "\"");
	return sqlite3_str_finish(s);
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
		msg = quote_name_error(name.ptr,
							   bounce_clip_utf8(name.ptr, name.len,
												BOUNCE_NAME_QUOTE_MAX));
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
bounce_explain_common(sqlite3_context *ctx, sqlite3_value **argv, bool custom)
{
	bounce_arg	diagnostic;
	bounce_result r;
	char		buf[BOUNCE_EXPLAIN_MAX];
	size_t		n;
	char	   *big;

	if (!bounce_classify_args(ctx, argv, custom, &diagnostic, &r))
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

static void
sqlite_bounce_explain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_explain_common(ctx, argv, false);
}

static void
sqlite_bounce_explain_custom(sqlite3_context *ctx, int argc,
							 sqlite3_value **argv)
{
	bounce_explain_common(ctx, argv, true);
}

/* bounce_rule_check(id, pattern, category): 1, or the rule's error. */
static void
sqlite_bounce_rule_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_arg	id,
				pattern,
				category;
	char	   *msg;
	int			rc;

	if (!bounce_get_arg(ctx, argv[0], &id) ||
		!bounce_get_arg(ctx, argv[1], &pattern) ||
		!bounce_get_arg(ctx, argv[2], &category))
		return;
	if (id.ptr == NULL || pattern.ptr == NULL || category.ptr == NULL)
	{
		sqlite3_result_null(ctx);
		return;
	}
	/* ids are C strings to the core */
	rc = bounce_rule_problem(id.ptr, strnlen(id.ptr, id.len), pattern.ptr,
							 pattern.len, category.ptr, category.len, &msg);
	if (rc == SQLITE_OK)
		sqlite3_result_int(ctx, 1);
	else
		bounce_result_problem(ctx, rc, msg);
}

/* bounce_fingerprint(diagnostic): the text normalised for GROUP BY. */
static void
sqlite_bounce_fingerprint(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_arg	text;
	char		buf[BOUNCE_FINGERPRINT_MAX + 1];
	size_t		n;

	if (!bounce_get_arg(ctx, argv[0], &text))
		return;
	if (text.ptr == NULL)
	{
		sqlite3_result_null(ctx);
		return;
	}
	n = bounce_fingerprint(text.ptr, text.len, buf, sizeof(buf));
	if (n >= sizeof(buf))
	{
		sqlite3_result_error(ctx, "bounce: fingerprint longer than documented", -1);
		return;
	}
	sqlite3_result_text(ctx, buf, (int) n, SQLITE_TRANSIENT);
}

/* bounce_provider(diagnostic): the provider or filter named, or NULL. */
static void
sqlite_bounce_provider(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bounce_conn *state = (bounce_conn *) sqlite3_user_data(ctx);
	bounce_arg	text;
	const char *name;
	int			rc;

	if (!bounce_get_arg(ctx, argv[0], &text))
		return;
	rc = bounce_provider(state->matcher, text.ptr, text.len, &name);
	if (rc == BOUNCE_ENOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc != BOUNCE_OK)
		sqlite3_result_error(ctx, bounce_strerror(rc), -1);
	else if (name == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, name, -1, SQLITE_STATIC);
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
	{"bounce_rule_check", 3, sqlite_bounce_rule_check, BOUNCE_PURE},
	{"bounce_fingerprint", 1, sqlite_bounce_fingerprint, BOUNCE_PURE},
	{"bounce_provider", 1, sqlite_bounce_provider, BOUNCE_PURE},
	/* not DETERMINISTIC: it changes across upgrades (STABLE in PostgreSQL) */
	{"bounce_version", 0, sqlite_bounce_version, SQLITE_UTF8 | SQLITE_INNOCUOUS},
	/*
	 * They read main.bounce_rules: neither DETERMINISTIC nor INNOCUOUS
	 * (their answer depends on more than their arguments), so not for
	 * indexes, generated columns or CHECK constraints, and in triggers and
	 * views only with trusted_schema on.
	 */
	{"bounce_category_custom", 2, sqlite_bounce_category_custom, SQLITE_UTF8},
	{"is_hard_bounce_custom", 2, sqlite_bounce_is_hard_custom, SQLITE_UTF8},
	{"bounce_explain_custom", 2, sqlite_bounce_explain_custom, SQLITE_UTF8},
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
	memset(state, 0, sizeof(*state));
	state->refs = 1;			/* held by this function until the end */
	state->custom_ok = sqlite3_libversion_number() >= BOUNCE_CUSTOM_MIN_VERSION;
	if (state->custom_ok && sqlite3_get_autocommit(db))
	{
		char	   *msg;

		/*
		 * Nothing is uncommitted now: the rules read now, if they can be,
		 * are a baseline (see custom_rules); any problem is the first
		 * call's to report.
		 */
		state->clean_changes = sqlite3_total_changes64(db);
		state->clean_known = true;
		if (bounce_read_rules(db, &state->base, &msg) == SQLITE_OK)
			state->base_known = true;
		sqlite3_free(msg);
	}
	if ((state->matcher = bounce_matcher_new()) == NULL)
	{
		bounce_conn_unref(state);	/* with the rules read above */
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
