/*
 * fuzz_custom.c: libFuzzer harness over users' own rules (the patterns a
 * PostgreSQL user writes into the bounce_rules table), the engine's
 * pattern analysis (branch splitting, literal extraction) on any pattern,
 * and the provider and fingerprint functions.
 *
 * Input layout:
 *   byte 0      the rule's category: byte % 16 (15: not a category); bits
 *               0x70 all set: also compile it through the public API
 *               (over the built-in set, whose literals its automaton
 *               holds too: about 0.1 s, so only 1 input in 8 pays for it,
 *               and the fuzzer spends its time on the pattern analysis)
 *   bytes 1-2   pattern length, little-endian (capped by what is left; up
 *               to 65535, so longer than BOUNCE_PATTERN_MAX is possible)
 *   pattern     that many bytes (any bytes: NUL, invalid UTF-8 ...)
 *   rest        "STATUS<TAB>DIAGNOSTIC" as in fuzz_classify.c
 *
 * Properties:
 *   - bounce_pattern_check returns BOUNCE_OK or BOUNCE_ERULES, with a
 *     non-empty NUL-terminated message on BOUNCE_ERULES, and (when byte 0
 *     asks for it) bounce_rules_compile agrees with it (BOUNCE_ERULES for
 *     category 15);
 *   - bounce_classify_custom with the compiled rule has every property of
 *     fuzz_check.h, the custom rule's id when its signal is "custom";
 *   - the rule alone, compiled by the engine (bounce_ruleset_compile), gives
 *     the same answer through the prefilter (split branches, literals) as
 *     its whole pattern tried by pcre2 (the reference path), unless a
 *     pcre2 limit was hit: the pattern analysis never loses a match;
 *   - bounce_provider returns BOUNCE_OK and NULL or a non-empty name, the
 *     same twice; bounce_fingerprint is at most BOUNCE_FINGERPRINT_MAX
 *     bytes, NUL-terminated, writes nothing past the buffer, the same
 *     whatever the buffer size.
 * One matcher serves the built-in, custom, single-rule and provider sets,
 * so growing and reusing its scratch between sets of different sizes is
 * exercised too.
 */
#include "fuzz_check.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


#define RULE_ID "fuzz.custom-rule"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_init("fuzz_custom");
	return 0;
}

static void
check_fingerprint(const char *text, size_t len, size_t small)
{
	static char full[BOUNCE_FINGERPRINT_MAX + 8];
	static char part[BOUNCE_FINGERPRINT_MAX + 8];
	size_t		n,
				m;

	memset(full, 'Z', sizeof(full));
	n = bounce_fingerprint(text, len, full, BOUNCE_FINGERPRINT_MAX + 1);
	FUZZ_ASSERT(n <= BOUNCE_FINGERPRINT_MAX, NULL);
	FUZZ_ASSERT(full[n] == '\0', NULL);
	FUZZ_ASSERT(full[BOUNCE_FINGERPRINT_MAX + 1] == 'Z', NULL);
	FUZZ_ASSERT(bounce_fingerprint(text, len, NULL, 0) == n, NULL);
	small %= BOUNCE_FINGERPRINT_MAX + 2;
	memset(part, 'Z', sizeof(part));
	m = bounce_fingerprint(text, len, part, small);
	FUZZ_ASSERT(m == n, NULL);
	if (small > 0)
	{
		size_t		kept = n < small ? n : small - 1;

		FUZZ_ASSERT(part[kept] == '\0', NULL);
		FUZZ_ASSERT(memcmp(part, full, kept) == 0, NULL);
		FUZZ_ASSERT(part[small] == 'Z', NULL);
	}
	else
		FUZZ_ASSERT(part[0] == 'Z', NULL);
}

static void
check_provider(const char *text, size_t len)
{
	const char *name = (const char *) 1,
			   *again = (const char *) 1;

	FUZZ_ASSERT(bounce_provider(matcher, text, len, &name) == BOUNCE_OK, NULL);
	FUZZ_ASSERT(name == NULL || name[0] != '\0', NULL);
	FUZZ_ASSERT(bounce_provider(matcher, text, len, &again) == BOUNCE_OK, NULL);
	FUZZ_ASSERT(again == name, NULL);
}

/* The engine's two paths on the rule alone agree (the analysis is sound). */
static void
check_single_rule(const char *pattern, bounce_category category,
				  const char *status, size_t slen,
				  const char *diag, size_t dlen)
{
	bounce_rule_spec spec = {RULE_ID, category, BOUNCE_WHEN_ANY, pattern,
	"fuzz_custom.c"};
	bounce_ruleset *set;
	bounce_result fast,
				ref;
	int			err = 0,
				rc;

	set = bounce_ruleset_compile(&spec, 1, &err, NULL, 0);
	FUZZ_ASSERT(set != NULL, NULL);
	rc = bounce_classify_with(set, true, matcher, status, slen, diag, dlen, &fast);
	FUZZ_ASSERT(rc == BOUNCE_OK, &fast);
	rc = bounce_classify_with(set, false, matcher, status, slen, diag, dlen, &ref);
	FUZZ_ASSERT(rc == BOUNCE_OK, &ref);
	if (!fast.limit_hit && !ref.limit_hit &&
		!((fast.rule_id == NULL) == (ref.rule_id == NULL) &&
		  fast.category == ref.category && fast.match_start == ref.match_start &&
		  fast.match_len == ref.match_len))
	{
		fprintf(stderr, "\none custom rule: prefilter and reference paths disagree\n"
				"  pattern: %s\n", pattern);
		fuzz_print_result("prefilter", &fast);
		fuzz_fail("prefilter result == reference result", &ref);
	}
	bounce_ruleset_free(set);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bounce_category category;
	size_t		plen,
				slen,
				dlen;
	char	   *pattern,
			   *status,
			   *diag;
	char		errbuf[256];
	int			check_rc,
				rc;
	bounce_rule_def def;
	bounce_rules *rules = NULL;
	bounce_result r;
	bool		compile_public;

	if (size < 3)
		return 0;
	category = (bounce_category) (data[0] % 16);
	compile_public = (data[0] & 0x70) == 0x70;
	plen = (size_t) data[1] | ((size_t) data[2] << 8);
	if (plen > size - 3)
		plen = size - 3;
	/* a NUL after the pattern for the engine's C-string API; the public
	 * API gets the exact length */
	pattern = fuzz_copy(data + 3, plen, 1);
	fuzz_split_input(data + 3 + plen, size - 3 - plen, &status, &slen, &diag,
					 &dlen);

	/* checking and compiling agree, errors are described */
	memset(errbuf, 'Z', sizeof(errbuf));
	check_rc = bounce_pattern_check(pattern, plen, errbuf, sizeof(errbuf));
	FUZZ_ASSERT(check_rc == BOUNCE_OK || check_rc == BOUNCE_ERULES, NULL);
	FUZZ_ASSERT(memchr(errbuf, '\0', sizeof(errbuf)) != NULL, NULL);
	FUZZ_ASSERT(check_rc == BOUNCE_OK || errbuf[0] != '\0', NULL);
	FUZZ_ASSERT(bounce_pattern_check(pattern, plen, NULL, 0) == check_rc, NULL);
	if (compile_public)
	{
		def.id = RULE_ID;
		def.pattern = pattern;
		def.pattern_len = plen;
		def.category = category;
		rc = bounce_rules_compile(&def, 1, &rules, errbuf, sizeof(errbuf));
		if ((unsigned) category >= BOUNCE_CATEGORY_COUNT)
			FUZZ_ASSERT(rc == BOUNCE_ERULES && rules == NULL, NULL);
		else
			FUZZ_ASSERT(rc == check_rc && (rc == BOUNCE_OK) == (rules != NULL), NULL);
	}

	if (rules != NULL)
	{
		rc = bounce_classify_custom(matcher, rules, status, slen, diag, dlen, &r);
		FUZZ_ASSERT(rc == BOUNCE_OK, &r);
		FUZZ_ASSERT((unsigned) r.category < BOUNCE_CATEGORY_COUNT, &r);
		FUZZ_ASSERT(r.signal != BOUNCE_SIGNAL_CUSTOM ||
					(r.rule_id != NULL && strcmp(r.rule_id, RULE_ID) == 0 &&
					 r.category == category), &r);
		FUZZ_ASSERT(r.signal == BOUNCE_SIGNAL_CUSTOM ||
					r.rule_id == NULL || fuzz_builtin_id(r.rule_id), &r);
		FUZZ_ASSERT(r.match_start + r.match_len <=
					(dlen < BOUNCE_SCAN_LIMIT ? dlen : BOUNCE_SCAN_LIMIT), &r);
		FUZZ_ASSERT(r.hard == (bounce_category_is_hard(r.category) &&
							   r.reply_code / 100 != 4 && r.enhanced[0] != 4), &r);
		fuzz_check_explain(&r, diag, dlen, plen);
		bounce_rules_free(rules);
	}
	/* the rule alone, both engine paths (a valid category is needed) */
	if (check_rc == BOUNCE_OK && (unsigned) category < BOUNCE_CATEGORY_COUNT)
		check_single_rule(pattern, category, status, slen, diag, dlen);
	fuzz_check_parsers(diag, dlen);
	/* the built-in rules still answer as before with this matcher */
	fuzz_classify_checked(matcher, builtin, status, slen, diag, dlen, 0,
						  size - 3 - plen, &r);
	check_provider(diag, dlen);
	check_fingerprint(diag, dlen, size);
	free(pattern);
	free(status);
	free(diag);
	return 0;
}
