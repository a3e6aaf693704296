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


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_init("fuzz_classify");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *status,
			   *diag;
	size_t		slen,
				dlen;
	bounce_result r;

	fuzz_split_input(data, size, &status, &slen, &diag, &dlen);

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
