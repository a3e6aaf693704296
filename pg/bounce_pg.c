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
 * malloc, on first use; when the server preloads the module
 * (shared_preload_libraries) the postmaster compiles them at start, and
 * every backend it forks starts with them (shared copy-on-write until
 * written: about 12 ms and half a megabyte a backend saved, since the
 * library's build makes the rules' literal automaton, which every process
 * maps read-only from the module; 130 ms and 4 MB before). The wrapper
 * adds one bounce_matcher per backend (the core's scratch space), also
 * made with malloc on first use and kept until the backend exits. Neither
 * lives in a memory context, so nothing is rebuilt per transaction, and
 * classification allocates nothing in the core; the few pallocs below are
 * freed before each call returns. Parallel workers are processes of their
 * own: each builds its own matcher, and its own rules unless preloaded.
 *
 * Users' own rules (table bounce_rules, see "Custom rules" below) are
 * compiled by the core into malloc'd memory too, cached per backend and
 * recompiled only when the table has changed.
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

#include "access/xact.h"
#include "bounce.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
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

/* Did the postmaster compile the built-in rules before forking us? */
static bool rules_compiled_at_start = false;

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
		int			rc;

		if (!rules_compiled_at_start)
			elog(DEBUG1, "bounce: compiling the built-in rules in this backend");
		rc = bounce_init();

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

/* ---- users' own rules -------------------------------------------------- */

/*
 * The *_custom functions try the enabled rows of the extension's table
 * bounce_rules first (priority DESC, then id in byte order), then the
 * built-in rules. The rows are read with SPI and compiled by the core into
 * a bounce_rules set in malloc'd memory, kept until the table changes; a
 * new set replaces (and frees) the old one only when the definitions
 * differ.
 *
 * Invalidation. The table's statement-level trigger (bounce_rules_changed)
 * queues a relcache invalidation of the table. Every backend, this one
 * included, runs rules_relcache_callback when it processes it: this
 * backend at the end of the command that changed the table (and again if
 * the (sub)transaction aborts), the others once the change has committed,
 * at the start of their next transaction, when they lock a relation, and
 * at the first custom call of each statement (custom_rules). The callback
 * only counts (rules_generation); it never frees, so the set a call is
 * using cannot go away under it. The next call that finds its cache older
 * than the count reads the rows again (relcache invalidations also come
 * from VACUUM, ANALYZE or ALTER TABLE on the table: then the definitions
 * are the same, and the compiled set is kept).
 *
 * Snapshots: a statement classifies with the rules its snapshot sees.
 *
 * READ COMMITTED, outside parallel mode (backend_rules): the rows are read
 * with the latest snapshot, taken after the table is locked and pending
 * invalidations are processed, so the cache holds every change whose
 * invalidation has been processed plus this transaction's own earlier
 * commands; kept across statements and transactions until the next
 * invalidation. A statement takes the set current at its first call and
 * keeps it to its end ("pin": statement start, transaction, command,
 * subtransaction), even if another session's change is processed while it
 * runs: STABLE functions give one answer per input within a statement.
 *
 * Parallel mode (a parallel worker, or the leader while a parallel query
 * runs), REPEATABLE READ and SERIALIZABLE (snapshot_rules): the rows are
 * read with the active snapshot, and the cache is valid for that snapshot
 * only. Parallel mode may not take a new snapshot, and the leader and its
 * workers share the active one, so every process of a parallel query
 * applies the same rules (a worker reads them once). A transaction-
 * snapshot transaction sees the rules of its snapshot, as it sees the
 * rows it classifies; it reads them again only when its snapshot's
 * command id moved (after a command of its own that wrote) or an
 * invalidation came, and compiles them only when they differ.
 */
typedef struct rule_cache
{
	bool		valid;
	uint64		generation;		/* rules_generation when read */
	Oid			userid;			/* the role that read them */
	/* snapshot_rules: the snapshot read with, as its visibility */
	LocalTransactionId lxid;
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	int32		subxcnt;
	bool		suboverflowed;
	CommandId	curcid;
	/* backend_rules: the statement using the set (see above) */
	TimestampTz pin_statement;
	LocalTransactionId pin_lxid;
	CommandId	pin_cid;
	SubTransactionId pin_subxid;
	/* the definitions as read (malloc'd), to tell whether they changed */
	char	   *defs;
	size_t		defs_len;
	bounce_rules *rules;		/* malloc'd by the core; NULL: no rule */
} rule_cache;

static rule_cache backend_rules;
static rule_cache snapshot_rules;
static uint64 rules_generation = 1;
static Oid	rules_relid = InvalidOid;	/* bounce_rules, once looked up */
static bool rules_loading = false;
static TimestampTz rules_checked_at = 0;	/* see custom_rules */

#if PG_VERSION_NUM >= 170000
#define MY_LXID (MyProc->vxid.lxid)
#else
#define MY_LXID (MyProc->lxid)
#endif

static void
rules_relcache_callback(Datum arg, Oid relid)
{
	/* InvalidOid: every relation (the invalidation queue overflowed) */
	if (relid == InvalidOid || relid == rules_relid)
		rules_generation++;
}

/* Was the cache read with a snapshot that sees what s sees? */
static bool
snapshot_matches(const rule_cache *c, Snapshot s)
{
	/*
	 * Two snapshots with the same xmax, xcnt and subxcnt have the same
	 * in-progress sets (an xid below xmax that one of them sees running,
	 * the other saw running too), so they see the same committed rows.
	 */
	return c->lxid == MY_LXID && c->xmin == s->xmin && c->xmax == s->xmax &&
		c->xcnt == s->xcnt && c->subxcnt == s->subxcnt &&
		c->suboverflowed == s->suboverflowed && c->curcid == s->curcid;
}

/* How much of a rule id an error message quotes, in bytes. */
#define RULE_ID_QUOTE_MAX	64

/* A rule id as error messages quote it: cut to 64 bytes (whole characters). */
static int
rule_id_quote_len(const char *id, int len)
{
	return pg_mbcliplen(id, len, RULE_ID_QUOTE_MAX);
}

/*
 * Check a rule's pattern and category, given in the server encoding, as
 * bounce_rules_compile will; report a bad one with the rule's id. Either
 * pattern or category may be NULL: it is not checked then.
 */
static void
check_rule(const char *id, int id_len, const char *pattern, int pattern_len,
		   const char *category, int category_len, const char *context)
{
	int			quoted = rule_id_quote_len(id, id_len);

	if (category != NULL)
	{
		bounce_category c;

		if (!bounce_category_from_name(category, category_len, &c))
		{
			StringInfoData names;
			int			i;

			initStringInfo(&names);
			for (i = 0; i < BOUNCE_CATEGORY_COUNT; i++)
				appendStringInfo(&names, "%s%s", i ? ", " : "",
								 bounce_category_name((bounce_category) i));
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("bounce rule \"%.*s\": unknown category \"%.*s\"",
							quoted, id,
							pg_mbcliplen(category, category_len, NAME_QUOTE_MAX),
							category),
					 context ? errdetail("%s", context) : 0,
					 errhint("Valid names are: %s.", names.data)));
		}
	}
	if (pattern != NULL)
	{
		char		message[256];
		const char *utf8 = pattern;
		int			rc;

		if (!server_text_is_core_text())
			utf8 = pg_server_to_any(pattern, pattern_len, PG_UTF8);
		rc = bounce_pattern_check(utf8, utf8 == pattern ? (size_t) pattern_len
								  : strlen(utf8), message, sizeof(message));
		if (utf8 != pattern)
			pfree((char *) utf8);
		if (rc == BOUNCE_ENOMEM)
			report_core_error(rc);
		if (rc != BOUNCE_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
					 errmsg("bounce rule \"%.*s\": invalid pattern: %s",
							quoted, id, message),
					 context ? errdetail("%s", context) : 0));
	}
}

/* A text column of an SPI row or trigger tuple; NULL for SQL NULL. */
static text *
text_column(HeapTuple tuple, TupleDesc desc, int attno)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tuple, desc, attno, &isnull);

	return isnull ? NULL : DatumGetTextPP(d);
}

/* A column's number, or an error when the table lacks it. */
static int
rules_column(TupleDesc desc, const char *name)
{
	int			attno = SPI_fnumber(desc, name);

	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("table bounce_rules has no column \"%s\"", name)));
	return attno;
}

/*
 * Read the enabled rules (SPI connected) and make the cache hold them:
 * the compiled set is replaced only when the definitions changed.
 * Errors leave the cache as it was.
 */
static void
read_rules(const char *relname, bool latest, rule_cache *cache)
{
	static const char *const load_context =
		"The rule is enabled in table bounce_rules; correct it, or set enabled = false.";
	char	   *query;
	SPIPlanPtr	plan;
	int			rc;
	uint64		n,
				i;
	StringInfoData defs;
	bounce_rule_def *def;
	char	  **server_ids;
	char	   *copy = NULL;
	bounce_rules *rules = NULL;
	char		message[512];
	size_t		off;

	query = psprintf("SELECT id, pattern, category FROM %s WHERE enabled "
					 "ORDER BY priority DESC, id COLLATE pg_catalog.\"C\"",
					 relname);
	if ((plan = SPI_prepare(query, 0, NULL)) == NULL)
		elog(ERROR, "SPI_prepare of \"%s\" failed: %s", query,
			 SPI_result_code_string(SPI_result));
	/*
	 * The latest snapshot is taken now, after the locks (and the
	 * invalidations they processed); InvalidSnapshot reads with the active
	 * one.
	 */
	rc = SPI_execute_snapshot(plan, NULL, NULL,
							  latest ? GetLatestSnapshot() : InvalidSnapshot,
							  InvalidSnapshot, true, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading bounce_rules failed: %s",
			 SPI_result_code_string(rc));

	/*
	 * The definitions, UTF-8 for the core, one after the other: id, NUL,
	 * pattern, NUL, category byte. Equal bytes mean equal rules.
	 */
	n = SPI_processed;
	initStringInfo(&defs);
	server_ids = palloc0(sizeof(char *) * (n + 1));
	for (i = 0; i < n; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		text	   *id = text_column(tuple, desc, 1);
		text	   *pattern = text_column(tuple, desc, 2);
		text	   *category = text_column(tuple, desc, 3);
		bounce_category c;
		const char *s;

		if (id == NULL || pattern == NULL || category == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("bounce_rules has a rule with a NULL %s",
							id == NULL ? "id" : pattern == NULL ? "pattern"
							: "category")));
		server_ids[i] = text_to_cstring(id);
		if (!bounce_category_from_name(VARDATA_ANY(category),
									   VARSIZE_ANY_EXHDR(category), &c))
			check_rule(server_ids[i], strlen(server_ids[i]), NULL, 0,
					   VARDATA_ANY(category), VARSIZE_ANY_EXHDR(category),
					   load_context);
		s = server_ids[i];
		if (!server_text_is_core_text())
			s = pg_server_to_any(s, strlen(s), PG_UTF8);
		appendStringInfoString(&defs, s);
		appendStringInfoChar(&defs, '\0');
		s = VARDATA_ANY(pattern);
		off = VARSIZE_ANY_EXHDR(pattern);
		if (!server_text_is_core_text())
		{
			s = pg_server_to_any(s, (int) off, PG_UTF8);
			if (s != VARDATA_ANY(pattern))
				off = strlen(s);
		}
		/* a pattern with a NUL byte cannot come from text */
		appendBinaryStringInfo(&defs, s, (int) off);
		appendStringInfoChar(&defs, '\0');
		appendStringInfoChar(&defs, (char) c);
	}

	if (cache->valid && cache->defs_len == (size_t) defs.len &&
		(defs.len == 0 || memcmp(cache->defs, defs.data, defs.len) == 0))
	{
		/* the same rules: keep the compiled set */
		elog(DEBUG1, "bounce_rules read, " UINT64_FORMAT " enabled: unchanged, compiled set kept",
			 n);
		return;
	}

	/* the definitions as the core reads them */
	def = palloc0(sizeof(bounce_rule_def) * (n + 1));
	for (i = 0, off = 0; i < n; i++)
	{
		def[i].id = defs.data + off;
		off += strlen(def[i].id) + 1;
		def[i].pattern = defs.data + off;
		def[i].pattern_len = strlen(def[i].pattern);
		off += def[i].pattern_len + 1;
		def[i].category = (bounce_category) (unsigned char) defs.data[off++];
	}

	if (defs.len > 0 && (copy = malloc(defs.len)) == NULL)
		report_core_error(BOUNCE_ENOMEM);
	if (n > 0)
	{
		rc = bounce_rules_compile(def, n, &rules, message, sizeof(message));
		if (rc != BOUNCE_OK)
		{
			free(copy);
			if (rc == BOUNCE_ERULES)
			{
				/* name the rule as the insert-time check would */
				for (i = 0; i < n; i++)
				{
					text	   *pattern = text_column(SPI_tuptable->vals[i],
													  SPI_tuptable->tupdesc, 2);

					check_rule(server_ids[i], strlen(server_ids[i]),
							   VARDATA_ANY(pattern), VARSIZE_ANY_EXHDR(pattern),
							   NULL, 0, load_context);
				}
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
						 errmsg("bounce_rules: %s", message)));
			}
			report_core_error(rc);
		}
	}

	/* nothing can fail from here on */
	if (defs.len > 0)
		memcpy(copy, defs.data, defs.len);
	bounce_rules_free(cache->rules);
	free(cache->defs);
	cache->rules = rules;
	cache->defs = copy;
	cache->defs_len = defs.len;
	elog(DEBUG1, "bounce_rules read, " UINT64_FORMAT " enabled: compiled", n);
}

/*
 * Read the rules into cache (see read_rules), with the active snapshot
 * (given in snapshot, for snapshot_rules) or the latest one (NULL).
 */
static void
load_rules(FunctionCallInfo fcinfo, rule_cache *cache, Snapshot snapshot)
{
	Oid			fn_oid = fcinfo->flinfo ? fcinfo->flinfo->fn_oid : InvalidOid;
	Oid			namespace;
	char	   *nspname;
	Oid			relid;
	uint64		generation;

	if (!OidIsValid(fn_oid))
		elog(ERROR, "bounce: custom rules need a call through SQL");
	if (rules_loading)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("bounce_rules cannot be used while it is being read"),
				 errdetail("A function classifying with custom rules was called while reading table bounce_rules.")));

	/* the table lives in the schema of the extension's functions */
	namespace = get_func_namespace(fn_oid);
	nspname = get_namespace_name(namespace);
	relid = nspname ? get_relname_relid("bounce_rules", namespace) : InvalidOid;
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s.bounce_rules\" does not exist",
						nspname ? nspname : "?"),
				 errhint("The bounce extension keeps its table bounce_rules in the schema of its functions.")));
	rules_relid = relid;
	/* locking processes pending invalidations: count them before reading */
	LockRelationOid(relid, AccessShareLock);
	generation = rules_generation;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	rules_loading = true;
	PG_TRY();
	{
		read_rules(quote_qualified_identifier(nspname, "bounce_rules"),
				   snapshot == NULL, cache);
	}
	PG_FINALLY();
	{
		rules_loading = false;
	}
	PG_END_TRY();
	SPI_finish();

	cache->generation = generation;
	cache->userid = GetUserId();
	if (snapshot != NULL)
	{
		cache->lxid = MY_LXID;
		cache->xmin = snapshot->xmin;
		cache->xmax = snapshot->xmax;
		cache->xcnt = snapshot->xcnt;
		cache->subxcnt = snapshot->subxcnt;
		cache->suboverflowed = snapshot->suboverflowed;
		cache->curcid = snapshot->curcid;
	}
	cache->valid = true;
}

/*
 * The custom rules for this call: NULL when none is enabled.
 *
 * Changes other sessions committed are heard of when this backend
 * processes invalidations, which it does at the start of each transaction
 * and when it locks a relation, so not necessarily in a transaction block
 * whose tables are all locked already. The first call of each statement
 * therefore processes them itself (the check of a shared flag when there
 * are none).
 */
static const bounce_rules *
custom_rules(FunctionCallInfo fcinfo)
{
	TimestampTz statement = GetCurrentStatementStartTimestamp();
	rule_cache *cache;
	LocalTransactionId lxid = MY_LXID;
	CommandId	cid;
	SubTransactionId subxid;

	if (statement != rules_checked_at)
	{
		rules_checked_at = statement;
		AcceptInvalidationMessages();
	}

	if (IsInParallelMode() ||
		(IsolationUsesXactSnapshot() && ActiveSnapshotSet()))
	{
		Snapshot	snapshot;

		if (!ActiveSnapshotSet())
			elog(ERROR, "bounce: no snapshot to read bounce_rules with");
		snapshot = GetActiveSnapshot();
		cache = &snapshot_rules;
		if (!cache->valid || cache->generation != rules_generation ||
			cache->userid != GetUserId() || !snapshot_matches(cache, snapshot))
			load_rules(fcinfo, cache, snapshot);
		return cache->rules;
	}

	cache = &backend_rules;
	cid = GetCurrentCommandId(false);
	subxid = GetCurrentSubTransactionId();
	if (cache->valid && cache->pin_statement == statement &&
		cache->pin_lxid == lxid && cache->pin_cid == cid &&
		cache->pin_subxid == subxid)
		return cache->rules;	/* this statement's rules */
	if (!cache->valid || cache->generation != rules_generation ||
		cache->userid != GetUserId())
		load_rules(fcinfo, cache, NULL);
	cache->pin_statement = statement;
	cache->pin_lxid = lxid;
	cache->pin_cid = cid;
	cache->pin_subxid = subxid;
	return cache->rules;
}

/*
 * Read (status, diagnostic) and classify them, with the built-in rules only
 * or (custom) the enabled rows of bounce_rules first. Returns false when
 * both are NULL: the SQL answer is then NULL. The caller releases both
 * arguments.
 */
static bool
classify_args(FunctionCallInfo fcinfo, bool int_status, bool custom,
			  core_text *status, core_text *diagnostic, bounce_result *result)
{
	bounce_matcher *matcher = get_matcher();
	const bounce_rules *rules = custom ? custom_rules(fcinfo) : NULL;
	int			rc;

	if (int_status)
		read_int_arg(fcinfo, 0, status);
	else
		read_text_arg(fcinfo, 0, BOUNCE_STATUS_LIMIT, status);
	read_text_arg(fcinfo, 1, BOUNCE_SCAN_LIMIT, diagnostic);

	/* the cost of one call is bounded by the core's limits */
	CHECK_FOR_INTERRUPTS();
	/* rules is NULL for the built-in rules alone */
	rc = bounce_classify_custom(matcher, rules, status->data, status->len,
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
category_common(FunctionCallInfo fcinfo, bool int_status, bool custom)
{
	core_text	status,
				diagnostic;
	bounce_result r;
	bool		classified;

	classified = classify_args(fcinfo, int_status, custom, &status, &diagnostic,
							   &r);
	release_text_arg(&status);
	release_text_arg(&diagnostic);
	if (!classified)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(core_string_to_text(bounce_category_name(r.category)));
}

/* is_hard_bounce(status, diagnostic) for either status type. */
static Datum
is_hard_common(FunctionCallInfo fcinfo, bool int_status, bool custom)
{
	core_text	status,
				diagnostic;
	bounce_result r;
	bool		classified;

	classified = classify_args(fcinfo, int_status, custom, &status, &diagnostic,
							   &r);
	release_text_arg(&status);
	release_text_arg(&diagnostic);
	if (!classified)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r.hard);
}

/* bounce_explain(status, diagnostic) for either status type. */
static Datum
explain_common(FunctionCallInfo fcinfo, bool int_status, bool custom)
{
	core_text	status,
				diagnostic;
	bounce_result r;
	char		buf[BOUNCE_EXPLAIN_MAX];
	char	   *json = buf;
	char	   *server;
	size_t		len;
	Datum		result;

	if (!classify_args(fcinfo, int_status, custom, &status, &diagnostic, &r))
	{
		release_text_arg(&status);
		release_text_arg(&diagnostic);
		PG_RETURN_NULL();
	}
	/* the JSON quotes the matched span of the text the core was given */
	len = bounce_explain_json(&r, diagnostic.data, diagnostic.len,
							  buf, sizeof(buf));
	if (len >= sizeof(buf))
	{
		/* a custom rule's id can be longer than BOUNCE_EXPLAIN_MAX allows for */
		json = palloc(len + 1);
		bounce_explain_json(&r, diagnostic.data, diagnostic.len, json, len + 1);
	}
	release_text_arg(&status);
	release_text_arg(&diagnostic);

	server = server_text_is_core_text() ? json
		: pg_any_to_server(json, (int) len, PG_UTF8);
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(server));
	if (server != json)
		pfree(server);
	if (json != buf)
		pfree(json);
	PG_RETURN_DATUM(result);
}

/* Category of a bounce from its SMTP status and diagnostic text. */
PG_FUNCTION_INFO_V1(pg_bounce_category);
Datum
pg_bounce_category(PG_FUNCTION_ARGS)
{
	return category_common(fcinfo, false, false);
}

/* Category of a bounce whose status is a reply code kept as an integer. */
PG_FUNCTION_INFO_V1(pg_bounce_category_int);
Datum
pg_bounce_category_int(PG_FUNCTION_ARGS)
{
	return category_common(fcinfo, true, false);
}

/* Is the bounce hard (permanent invalid mailbox or domain)? */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce);
Datum
pg_is_hard_bounce(PG_FUNCTION_ARGS)
{
	return is_hard_common(fcinfo, false, false);
}

/* is_hard_bounce with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce_int);
Datum
pg_is_hard_bounce_int(PG_FUNCTION_ARGS)
{
	return is_hard_common(fcinfo, true, false);
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
	return explain_common(fcinfo, false, false);
}

/* bounce_explain with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_bounce_explain_int);
Datum
pg_bounce_explain_int(PG_FUNCTION_ARGS)
{
	return explain_common(fcinfo, true, false);
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

/* bounce_category_custom(status, diagnostic): bounce_rules first. */
PG_FUNCTION_INFO_V1(pg_bounce_category_custom);
Datum
pg_bounce_category_custom(PG_FUNCTION_ARGS)
{
	return category_common(fcinfo, false, true);
}

/* bounce_category_custom with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_bounce_category_custom_int);
Datum
pg_bounce_category_custom_int(PG_FUNCTION_ARGS)
{
	return category_common(fcinfo, true, true);
}

/* is_hard_bounce_custom(status, diagnostic): bounce_rules first. */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce_custom);
Datum
pg_is_hard_bounce_custom(PG_FUNCTION_ARGS)
{
	return is_hard_common(fcinfo, false, true);
}

/* is_hard_bounce_custom with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_is_hard_bounce_custom_int);
Datum
pg_is_hard_bounce_custom_int(PG_FUNCTION_ARGS)
{
	return is_hard_common(fcinfo, true, true);
}

/* bounce_explain_custom(status, diagnostic): bounce_rules first. */
PG_FUNCTION_INFO_V1(pg_bounce_explain_custom);
Datum
pg_bounce_explain_custom(PG_FUNCTION_ARGS)
{
	return explain_common(fcinfo, false, true);
}

/* bounce_explain_custom with an integer reply code as the status. */
PG_FUNCTION_INFO_V1(pg_bounce_explain_custom_int);
Datum
pg_bounce_explain_custom_int(PG_FUNCTION_ARGS)
{
	return explain_common(fcinfo, true, true);
}

/*
 * A text argument for the core's text functions, cut to BOUNCE_SCAN_LIMIT
 * bytes at a character boundary (in SQL_ASCII, at that byte), so that what
 * the core returns from it is whole characters.
 */
static void
read_scan_arg(FunctionCallInfo fcinfo, int argno, core_text *t)
{
	read_text_arg(fcinfo, argno, BOUNCE_SCAN_LIMIT, t);
	if (t->len > BOUNCE_SCAN_LIMIT)
		t->len = GetDatabaseEncoding() == PG_SQL_ASCII ? BOUNCE_SCAN_LIMIT
			: (size_t) pg_encoding_mbcliplen(PG_UTF8, t->data, (int) t->len,
											 BOUNCE_SCAN_LIMIT);
}

/* bounce_fingerprint(diagnostic): the text normalised for GROUP BY. */
PG_FUNCTION_INFO_V1(pg_bounce_fingerprint);
Datum
pg_bounce_fingerprint(PG_FUNCTION_ARGS)
{
	core_text	t;
	char		buf[BOUNCE_FINGERPRINT_MAX + 1];
	size_t		len;
	char	   *server;
	text	   *result;

	read_scan_arg(fcinfo, 0, &t);
	len = bounce_fingerprint(t.data, t.len, buf, sizeof(buf));
	release_text_arg(&t);
	if (len >= sizeof(buf))
		elog(ERROR, "bounce fingerprint of %zu bytes, more than %d",
			 len, BOUNCE_FINGERPRINT_MAX);
	if (GetDatabaseEncoding() == PG_SQL_ASCII)
		PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) len));
	/* whole characters in, whole characters out: check it all the same */
	if (!pg_verify_mbstr(PG_UTF8, buf, (int) len, true))
		elog(ERROR, "bounce fingerprint is not valid UTF-8");
	server = pg_any_to_server(buf, (int) len, PG_UTF8);
	result = cstring_to_text_with_len(server, (int) strlen(server));
	if (server != buf)
		pfree(server);
	PG_RETURN_TEXT_P(result);
}

/* bounce_provider(diagnostic): the provider or filter named, or NULL. */
PG_FUNCTION_INFO_V1(pg_bounce_provider);
Datum
pg_bounce_provider(PG_FUNCTION_ARGS)
{
	bounce_matcher *matcher = get_matcher();
	core_text	t;
	const char *name;
	int			rc;

	read_scan_arg(fcinfo, 0, &t);
	CHECK_FOR_INTERRUPTS();
	rc = bounce_provider(matcher, t.data, t.len, &name);
	release_text_arg(&t);
	if (rc != BOUNCE_OK)
		report_core_error(rc);
	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(core_string_to_text(name));
}

/*
 * bounce_rule_check(id, pattern, category): true when the rule would
 * compile, else the error bounce_rules' trigger raises for it.
 */
PG_FUNCTION_INFO_V1(pg_bounce_rule_check);
Datum
pg_bounce_rule_check(PG_FUNCTION_ARGS)
{
	text	   *id = PG_GETARG_TEXT_PP(0);
	text	   *pattern = PG_GETARG_TEXT_PP(1);
	text	   *category = PG_GETARG_TEXT_PP(2);

	check_rule(VARDATA_ANY(id), VARSIZE_ANY_EXHDR(id),
			   VARDATA_ANY(pattern), VARSIZE_ANY_EXHDR(pattern),
			   VARDATA_ANY(category), VARSIZE_ANY_EXHDR(category), NULL);
	PG_RETURN_BOOL(true);
}

/* The trigger data of a trigger function, or an error. */
static TriggerData *
trigger_data(FunctionCallInfo fcinfo, const char *name)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						name)));
	return (TriggerData *) fcinfo->context;
}

/* Does an update of bounce_rules turn enabled on? */
static bool
newly_enabled(TriggerData *td, TupleDesc desc)
{
	int			att = rules_column(desc, "enabled");
	bool		old_null,
				new_null;
	Datum		old_value = SPI_getbinval(td->tg_trigtuple, desc, att, &old_null);
	Datum		new_value = SPI_getbinval(td->tg_newtuple, desc, att, &new_null);

	return !new_null && DatumGetBool(new_value) &&
		(old_null || !DatumGetBool(old_value));
}

/*
 * BEFORE INSERT OR UPDATE row trigger on bounce_rules: reject a rule whose
 * pattern or category the core would not accept. An update checks what it
 * changes, and both when it enables the rule, so that a rule a newer
 * version no longer accepts can still be disabled, annotated or deleted.
 * NULLs are left to the NOT NULL constraints.
 */
PG_FUNCTION_INFO_V1(pg_bounce_rules_check_row);
Datum
pg_bounce_rules_check_row(PG_FUNCTION_ARGS)
{
	TriggerData *td = trigger_data(fcinfo, "bounce_rules_check_row");
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	bool		update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
	HeapTuple	tuple;
	int			att_id,
				att_pattern,
				att_category;
	text	   *id,
			   *pattern,
			   *category;

	if (!TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || update))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired BEFORE INSERT OR UPDATE FOR EACH ROW",
						"bounce_rules_check_row")));
	tuple = update ? td->tg_newtuple : td->tg_trigtuple;
	att_id = rules_column(desc, "id");
	att_pattern = rules_column(desc, "pattern");
	att_category = rules_column(desc, "category");

	id = text_column(tuple, desc, att_id);
	pattern = text_column(tuple, desc, att_pattern);
	category = text_column(tuple, desc, att_category);
	if (update && !newly_enabled(td, desc))
	{
		bool		old_null,
					new_null;
		Datum		old_value,
					new_value;

		old_value = SPI_getbinval(td->tg_trigtuple, desc, att_pattern, &old_null);
		new_value = SPI_getbinval(tuple, desc, att_pattern, &new_null);
		if (!old_null && !new_null &&
			datum_image_eq(old_value, new_value, false, -1))
			pattern = NULL;
		old_value = SPI_getbinval(td->tg_trigtuple, desc, att_category, &old_null);
		new_value = SPI_getbinval(tuple, desc, att_category, &new_null);
		if (!old_null && !new_null &&
			datum_image_eq(old_value, new_value, false, -1))
			category = NULL;
	}
	if (id != NULL)
		check_rule(VARDATA_ANY(id), VARSIZE_ANY_EXHDR(id),
				   pattern ? VARDATA_ANY(pattern) : NULL,
				   pattern ? VARSIZE_ANY_EXHDR(pattern) : 0,
				   category ? VARDATA_ANY(category) : NULL,
				   category ? VARSIZE_ANY_EXHDR(category) : 0, NULL);
	return PointerGetDatum(tuple);
}

/*
 * AFTER INSERT, UPDATE, DELETE or TRUNCATE statement trigger on
 * bounce_rules, and AFTER row trigger in replica mode (logical
 * replication fires row triggers only): every backend's cached rules are
 * stale (see "users' own rules" above). Repeated invalidations of one
 * relation within a command are queued once.
 */
PG_FUNCTION_INFO_V1(pg_bounce_rules_changed);
Datum
pg_bounce_rules_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td = trigger_data(fcinfo, "bounce_rules_changed");

	CacheInvalidateRelcacheByRelid(RelationGetRelid(td->tg_relation));
	return PointerGetDatum(NULL);
}

extern PGDLLEXPORT void _PG_init(void);

/*
 * Module load: hear about changes to bounce_rules. Loaded by the postmaster
 * (shared_preload_libraries), also compile the built-in rules, once for
 * every backend; should that fail, each backend tries again on first use,
 * as without preloading, and the server starts all the same.
 */
void
_PG_init(void)
{
	CacheRegisterRelcacheCallback(rules_relcache_callback, (Datum) 0);
	if (process_shared_preload_libraries_in_progress)
	{
		int			rc = bounce_init();

		if (rc == BOUNCE_OK)
			rules_compiled_at_start = true;
		else
			ereport(WARNING,
					(errmsg("bounce: could not compile the built-in rules at server start: %s",
							bounce_strerror(rc)),
					 errdetail("Each backend compiles them on first use instead.")));
	}
}
