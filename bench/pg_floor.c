/*
 * pg_floor.c: what a call of bounce_category costs PostgreSQL without the
 * classification (bench/pg_bench.py; built by bench/bench.mk, loaded by its
 * path into the benchmark's throwaway cluster only, never installed).
 *
 * bench_floor(status text, diagnostic text) returns text does the work
 * pg/bounce_pg.c does around bounce_classify: the same argument reading (a
 * detoasted slice only for out-of-line or compressed values, else the
 * bytes in place), NULL when both are NULL, and a category name returned
 * as a new text datum. The difference between
 * count(bounce_category(status, diagnostic)) and
 * count(bench_floor(status, diagnostic)) is then the classifier's own time.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

PG_MODULE_MAGIC;

/* Bytes read of an argument, as pg/bounce_pg.c reads them. */
static size_t
arg_bytes(FunctionCallInfo fcinfo, int argno, int32 limit)
{
	struct varlena *raw;
	struct varlena *t;
	size_t		len;

	if (PG_ARGISNULL(argno))
		return 0;
	raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	if (VARATT_IS_EXTERNAL(raw) || VARATT_IS_COMPRESSED(raw))
		t = pg_detoast_datum_slice(raw, 0, limit + 1);
	else
		t = raw;
	len = VARSIZE_ANY_EXHDR(t);
	/* touch the first and the last byte, as a scan of them would */
	if (len > 0 && (VARDATA_ANY(t)[0] == 0x7f || VARDATA_ANY(t)[len - 1] == 0x7f))
		len++;
	if (t != raw)
		pfree(t);
	return len;
}

PG_FUNCTION_INFO_V1(bench_floor);
Datum
bench_floor(PG_FUNCTION_ARGS)
{
	static const char *const names[2] = {"invalid-mailbox", "full-mailbox"};
	size_t		n;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	n = arg_bytes(fcinfo, 0, 256) + arg_bytes(fcinfo, 1, 64 * 1024);
	PG_RETURN_TEXT_P(cstring_to_text(names[n & 1]));
}
