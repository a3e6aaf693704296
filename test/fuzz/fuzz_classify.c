/*
 * fuzz_classify.c: libFuzzer harness over bounce_classify, the status
 * parsers and bounce_explain_json.
 *
 * An input is one corpus row: "STATUS<TAB>DIAGNOSTIC". Without a TAB the
 * status is absent (NULL) and the whole input is the diagnostic; an empty
 * part before the TAB is an empty (not absent) status. The seeds are the
 * rows of the test/corpus TSV files in exactly this shape (test/fuzz/seeds.py).
 *
 * Each part is copied into a buffer of its own, of exactly its length, so
 * that AddressSanitizer reports a read past either one. Every property of
 * fuzz_check.h is checked, including prefilter/reference parity.
 *
 * Build and run: make fuzz (see test/reliability.mk, docs/reliability.md).
 */
#include "fuzz_check.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bounce_matcher *matcher;
static const bounce_ruleset *builtin;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int			err = 0;

	builtin = bounce_builtin_ruleset(&err);
	matcher = bounce_matcher_new();
	if (builtin == NULL || matcher == NULL)
	{
		fprintf(stderr, "fuzz_classify: cannot initialise: %s\n",
				bounce_strerror(err));
		exit(2);
	}
	return 0;
}

/* A malloc'd copy of exactly n bytes (at least one byte allocated). */
static char *
copy_bytes(const uint8_t *p, size_t n)
{
	char	   *c = malloc(n ? n : 1);

	if (c == NULL)
		abort();
	if (n)
		memcpy(c, p, n);
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *tab = memchr(data, '\t', size);
	char	   *status = NULL,
			   *diag;
	size_t		slen = 0,
				dlen;
	bounce_result r;

	if (tab != NULL)
	{
		slen = (size_t) (tab - data);
		status = copy_bytes(data, slen);
		dlen = size - slen - 1;
		diag = copy_bytes(tab + 1, dlen);
	}
	else
	{
		dlen = size;
		diag = copy_bytes(data, dlen);
	}

	fuzz_check_parsers(diag, dlen);
	if (status != NULL)
		fuzz_check_parsers(status, slen);
	fuzz_classify_checked(matcher, builtin, status, slen, diag, dlen, 1,
						  size, &r);
	/* the same text without a status, and the status alone */
	if (status != NULL)
	{
		fuzz_classify_checked(matcher, builtin, NULL, 0, diag, dlen, 0,
							  size / 2, &r);
		fuzz_classify_checked(matcher, builtin, status, slen, NULL, 0, 0,
							  size / 3, &r);
	}
	free(status);
	free(diag);
	return 0;
}
