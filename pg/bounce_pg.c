/*-------------------------------------------------------------------------
 *
 * bounce_pg.c
 *	  PostgreSQL functions over the bounce classifier (core/bounce.h).
 *
 * The wrapper is thin: it turns SQL arguments into the byte ranges the core
 * reads, the core's answers into SQL values and the core's return codes
 * into ereport()s. Every classification decision lives in core/.
 *
 * State. The core compiles its built-in rules once per process, with
 * malloc, on first use. The wrapper adds one bounce_matcher per backend
 * (the core's scratch space), also made with malloc on first use and kept
 * until the backend exits. Neither lives in a memory context, so nothing is
 * rebuilt per transaction, and classification allocates nothing in the
 * core; the few pallocs below are freed before each call returns.
 * Parallel workers are processes of their own and build their own state.
 *
 * Text arguments. Only what the core examines is detoasted: a slice of
 * BOUNCE_SCAN_LIMIT + 1 bytes of the diagnostic (BOUNCE_STATUS_LIMIT + 1 of
 * the status), the extra byte telling the core that the text was longer.
 * Texts are read by length (VARDATA_ANY / VARSIZE_ANY_EXHDR), never as C
 * strings. The core reads UTF-8: in a database of another encoding the
 * slice is converted to UTF-8 first and the explanation JSON converted
 * back; in SQL_ASCII, whose bytes have no declared encoding, they are
 * passed on as they are (the core accepts any bytes).
 *
 * IDENTIFICATION
 *	  pg/bounce_pg.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdio.h>

#include "bounce.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "bounce",.version = BOUNCE_VERSION);
#else
PG_MODULE_MAGIC;
#endif

/* How much of a category name an error message quotes, in bytes. */
#define NAME_QUOTE_MAX	64

/* A text argument as the core reads it. */
typedef struct core_text
{
	const char *data;			/* NULL for SQL NULL */
	size_t		len;
	void	   *slice;			/* palloc'd detoasted slice, or NULL */
	char	   *converted;		/* palloc'd UTF-8 copy, or NULL */
	char		number[16];		/* an integer status as decimal text */
} core_text;

/* The backend's matcher: malloc'd on first use, kept for the backend. */
static bounce_matcher *backend_matcher = NULL;

/* Turn a negative core return code into an error. */
static void
report_core_error(int rc)
{
	if (rc == BOUNCE_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("The bounce classifier could not allocate memory.")));
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("bounce classifier failed: %s", bounce_strerror(rc))));
}

/* The backend's matcher; compiles the built-in rules on first use. */
static bounce_matcher *
get_matcher(void)
{
	if (backend_matcher == NULL)
	{
		int			rc = bounce_init();

		if (rc != BOUNCE_OK)
			report_core_error(rc);
		backend_matcher = bounce_matcher_new();
		if (backend_matcher == NULL)
			report_core_error(BOUNCE_ENOMEM);
	}
	return backend_matcher;
}

/* Does the core read this database's text as it is stored? */
static bool
server_text_is_core_text(void)
{
	int			encoding = GetDatabaseEncoding();

	return encoding == PG_UTF8 || encoding == PG_SQL_ASCII;
}

/*
 * Read text argument argno for the core, which examines at most limit bytes
 * of it: limit + 1 bytes are enough for the core to see everything it
 * looks at and that the text was longer.
 *
 * In another encoding than UTF-8 or SQL_ASCII the bytes are converted to
 * UTF-8. The slice taken for that is cut at a character boundary and long
 * enough that its conversion still has limit + 1 bytes: every character
 * becomes at least one UTF-8 byte, and (limit + 2) * max_length bytes hold
 * at least limit + 1 whole characters.
 */
static void
read_text_arg(FunctionCallInfo fcinfo, int argno, int32 limit, core_text *out)
{
	struct varlena *raw;
	struct varlena *t;
	bool		as_is = server_text_is_core_text();
	int32		want;
	const char *s;
	int			len;

	memset(out, 0, sizeof(*out));
	if (PG_ARGISNULL(argno))
		return;

	want = as_is ? limit + 1 : (limit + 2) * pg_database_encoding_max_length();
	raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	if (VARATT_IS_EXTERNAL(raw) || VARATT_IS_COMPRESSED(raw))
	{
		/* fetch and decompress only the first want bytes */
		t = pg_detoast_datum_slice(raw, 0, want);
		out->slice = t;
	}
	else
		t = raw;				/* in line: read it in place */

	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	if (len > want)
		len = want;

	if (!as_is)
	{
		/* a slice may end inside a character: drop the partial one */
		if (len == want)
			len = pg_mbcliplen(s, len, len);
		out->converted = pg_server_to_any(s, len, PG_UTF8);
		if (out->converted == s)
			out->converted = NULL;
		else
		{
			s = out->converted;
			len = strlen(out->converted);
		}
	}
	out->data = s;
	out->len = (size_t) len;
}

/* An integer status, as the decimal text the core reads. */
static void
read_int_arg(FunctionCallInfo fcinfo, int argno, core_text *out)
{
	memset(out, 0, sizeof(*out));
	if (PG_ARGISNULL(argno))
		return;
	out->len = (size_t) snprintf(out->number, sizeof(out->number), "%d",
								 PG_GETARG_INT32(argno));
	out->data = out->number;
}

static void
release_text_arg(core_text *t)
{
	if (t->converted)
		pfree(t->converted);
	if (t->slice)
		pfree(t->slice);
}

/*
 * Read (status, diagnostic) and classify them. Returns false when both are
 * NULL: the SQL answer is then NULL. The caller releases both arguments.
 */
static bool
classify_args(FunctionCallInfo fcinfo, bool int_status, core_text *status,
			  core_text *diagnostic, bounce_result *result)
{
	bounce_matcher *matcher = get_matcher();
	int			rc;

	if (int_status)
		read_int_arg(fcinfo, 0, status);
	else
		read_text_arg(fcinfo, 0, BOUNCE_STATUS_LIMIT, status);
	read_text_arg(fcinfo, 1, BOUNCE_SCAN_LIMIT, diagnostic);

	/* the cost of one call is bounded by the core's limits */
	CHECK_FOR_INTERRUPTS();
	rc = bounce_classify(matcher, status->data, status->len,
						 diagnostic->data, diagnostic->len, result);
	if (rc == BOUNCE_NULL_INPUT)
		return false;
	if (rc < 0)
	{
		release_text_arg(status);
		release_text_arg(diagnostic);
		report_core_error(rc);
	}
	return true;
}

/* A text datum from a NUL-terminated UTF-8 string of the core. */
static text *
core_string_to_text(const char *s)
{
	size_t		len = strlen(s);
	char	   *server = pg_any_to_server(s, (int) len, PG_UTF8);
	text	   *result;

	result = cstring_to_text_with_len(server, (int) strlen(server));
	if (server != s)
		pfree(server);
	return result;
}

/* bounce_category(status, diagnostic) for either status type. */
static Datum
category_common(FunctionCallInfo fcinfo, bool int_status)
{
	core_text	status,
				diagnostic;
	bounce_result r;
	bool		classified;

	classified = classify_args(fcinfo, int_status, &status, &diagnostic, &r);
	release_text_arg(&status);
	release_text_arg(&diagnostic);
	if (!classified)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(core_string_to_text(bounce_category_name(r.category)));
}

/* is_hard_bounce(status, diagnostic) for either status type. */
static Datum
is_hard_common(FunctionCallInfo fcinfo, bool int_status)
{
	core_text	status,
				diagnostic;
	bounce_result r;
	bool		classified;

	classified = classify_args(fcinfo, int_status, &status, &diagnostic, &r);
	release_text_arg(&status);
	release_text_arg(&diagnostic);
	if (!classified)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r.hard);
}

/* bounce_explain(status, diagnostic) for either status type. */
static Datum
explain_common(FunctionCallInfo fcinfo, bool int_status)
{
	core_text	status,
				diagnostic;
	bounce_result r;
	char		json[BOUNCE_EXPLAIN_MAX];
	char	   *server;
	size_t		len;
	Datum		result;

	if (!classify_args(fcinfo, int_status, &status, &diagnostic, &r))
	{
		release_text_arg(&status);
		release_text_arg(&diagnostic);
		PG_RETURN_NULL();
	}
	/* the JSON quotes the matched span of the text the core was given */
	len = bounce_explain_json(&r, diagnostic.data, diagnostic.len,
							  json, sizeof(json));
	release_text_arg(&status);
	release_text_arg(&diagnostic);
	if (len >= sizeof(json))
		elog(ERROR, "bounce explanation needs %zu bytes, more than %d",
			 len + 1, BOUNCE_EXPLAIN_MAX);

	server = server_text_is_core_text() ? json
		: pg_any_to_server(json, (int) len, PG_UTF8);
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(server));
	if (server != json)
		pfree(server);
	PG_RETURN_DATUM(result);
}

/* Category of a bounce from its SMTP status and diagnostic text. */
PG_FUNCTION_INFO_V1(pg_bounce_category);
Datum
pg_bounce_category(PG_FUNCTION_ARGS)
{
	return category_common(fcinfo, false);
}

/* Category of a bounce whose status is a reply code kept as an integer. */
PG_FUNCTION_INFO_V1(pg_bounce_category_int);
Datum
pg_bounce_category_int(PG_FUNCTION_ARGS)
{
	return category_common(fcinfo, true);
}

/* Is the bounce hard (permanent invalid mailbox or domain)? */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce);
Datum
pg_is_hard_bounce(PG_FUNCTION_ARGS)
{
	return is_hard_common(fcinfo, false);
}

/* is_hard_bounce with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce_int);
Datum
pg_is_hard_bounce_int(PG_FUNCTION_ARGS)
{
	return is_hard_common(fcinfo, true);
}

/* Report a category name the core does not know. */
static void
report_unknown_category(const char *name, int len)
{
	StringInfoData names;
	int			quoted = pg_mbcliplen(name, len, NAME_QUOTE_MAX);
	int			i;

	initStringInfo(&names);
	for (i = 0; i < BOUNCE_CATEGORY_COUNT; i++)
		appendStringInfo(&names, "%s%s", i ? ", " : "",
						 bounce_category_name((bounce_category) i));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown bounce category \"%.*s\"", quoted, name),
			 errhint("Valid names are: %s.", names.data)));
}

/* Is a category, given by name, a hard-bounce category? */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce_category);
Datum
pg_is_hard_bounce_category(PG_FUNCTION_ARGS)
{
	text	   *name;
	bounce_category category;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	/* names are ASCII, and server encodings are ASCII-safe: no conversion */
	name = PG_GETARG_TEXT_PP(0);
	if (!bounce_category_from_name(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name),
								   &category))
		report_unknown_category(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
	PG_FREE_IF_COPY(name, 0);
	PG_RETURN_BOOL(bounce_category_is_hard(category));
}

/* Why a bounce got its category, as jsonb. */
PG_FUNCTION_INFO_V1(pg_bounce_explain);
Datum
pg_bounce_explain(PG_FUNCTION_ARGS)
{
	return explain_common(fcinfo, false);
}

/* bounce_explain with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_bounce_explain_int);
Datum
pg_bounce_explain_int(PG_FUNCTION_ARGS)
{
	return explain_common(fcinfo, true);
}

/* The categories as rows (name, hard, description), in the contract's order. */
PG_FUNCTION_INFO_V1(pg_bounce_categories);
Datum
pg_bounce_categories(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = BOUNCE_CATEGORY_COUNT;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		bounce_category category = (bounce_category) funcctx->call_cntr;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		HeapTuple	tuple;

		values[0] = PointerGetDatum(core_string_to_text(bounce_category_name(category)));
		values[1] = BoolGetDatum(bounce_category_is_hard(category));
		values[2] = PointerGetDatum(core_string_to_text(bounce_category_description(category)));
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* Version of the bounce library in this module. */
PG_FUNCTION_INFO_V1(pg_bounce_version);
Datum
pg_bounce_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(core_string_to_text(bounce_version()));
}
