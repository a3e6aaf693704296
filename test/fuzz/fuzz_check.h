/*
 * fuzz_check.h: the properties every classification must have, checked by
 * the libFuzzer harnesses (fuzz_classify.c, fuzz_split.c, fuzz_custom.c),
 * and the set-up they share. A violated property prints what was wrong and
 * calls abort(), which libFuzzer reports as a crash and saves the input
 * under build/fuzz/artifacts/.
 *
 * Properties of bounce_classify(status, diagnostic):
 *   - the return code is BOUNCE_OK, or BOUNCE_NULL_INPUT exactly when both
 *     inputs are NULL (never an error for any bytes);
 *   - the category is one of the 15, the signal one of the four; a rule id
 *     exactly when the signal is "rule", and it is one of the built-in ids;
 *   - the match span lies within the examined text (min(length, 64 KiB));
 *   - truncated exactly when the text is longer than BOUNCE_SCAN_LIMIT;
 *   - codes in range: reply 0 or 200..599, enhanced class 0, 2, 4 or 5,
 *     subject 0..7, detail 0..999;
 *   - hard exactly when the category is hard and no 4xx / 4.x.x code;
 *   - the same input gives the same result again (matcher reuse);
 *   - the prefilter path gives the result of trying every rule in order
 *     (the reference path), unless either hit a pcre2 limit;
 *   - bounce_explain_json writes valid JSON (RFC 8259, valid UTF-8) with
 *     the ten keys in order and the category of the result, needs less
 *     than BOUNCE_EXPLAIN_MAX bytes, and behaves like snprintf for every
 *     smaller buffer (same length returned, NUL-terminated prefix).
 */
#ifndef BOUNCE_FUZZ_CHECK_H
#define BOUNCE_FUZZ_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"
#include "json_check.h"
#include "../core/unwrap_check.h"

static void fuzz_fail(const char *what, const bounce_result *r)
			__attribute__((noreturn));

/* What every harness keeps across inputs. */
static bounce_matcher *matcher;
static const bounce_ruleset *builtin;

/* Compile the built-in rules and make the matcher, or exit. */
static void
fuzz_init(const char *harness)
{
	int			err = 0;

	builtin = bounce_builtin_ruleset(&err);
	matcher = bounce_matcher_new();
	if (builtin == NULL || matcher == NULL)
	{
		fprintf(stderr, "%s: cannot initialise: %s\n", harness,
				bounce_strerror(err));
		exit(2);
	}
}

/*
 * A malloc'd copy of n bytes, with a NUL after them when nul is set (at
 * least one byte allocated, so an empty input is not a NULL pointer).
 */
static char *
fuzz_copy(const uint8_t *p, size_t n, int nul)
{
	size_t		size = n + (nul ? 1 : 0);
	char	   *c = malloc(size ? size : 1);

	if (c == NULL)
		abort();
	if (n)
		memcpy(c, p, n);
	if (nul)
		c[n] = '\0';
	return c;
}

/*
 * An input "STATUS<TAB>DIAGNOSTIC" as two malloc'd copies; without a tab
 * the whole input is the diagnostic and *status is NULL. (Inline: not
 * every harness reads its input so.)
 */
static inline void
fuzz_split_input(const uint8_t *p, size_t n, char **status, size_t *slen,
				 char **diag, size_t *dlen)
{
	const uint8_t *tab = memchr(p, '\t', n);

	*status = NULL;
	*slen = 0;
	if (tab != NULL)
	{
		*slen = (size_t) (tab - p);
		*status = fuzz_copy(p, *slen, 0);
		p = tab + 1;
		n -= *slen + 1;
	}
	*dlen = n;
	*diag = fuzz_copy(p, n, 0);
}

static void
fuzz_print_result(const char *label, const bounce_result *r)
{
	fprintf(stderr, "  %s: category=%d signal=%d rule=%s match=%zu+%zu "
			"reply=%d enhanced=%d.%d.%d hard=%d truncated=%d limit_hit=%d\n",
			label, (int) r->category, (int) r->signal,
			r->rule_id ? r->rule_id : "(none)", r->match_start,
			r->match_len, r->reply_code, r->enhanced[0], r->enhanced[1],
			r->enhanced[2], (int) r->hard, (int) r->truncated,
			(int) r->limit_hit);
}

static void
fuzz_fail(const char *what, const bounce_result *r)
{
	fprintf(stderr, "\nbounce fuzz check failed: %s\n", what);
	if (r != NULL)
		fuzz_print_result("result", r);
	abort();
}

#define FUZZ_ASSERT(cond, r) \
	do { if (!(cond)) fuzz_fail(#cond, (r)); } while (0)

/* ---- the properties ---- */

static int
fuzz_same_result(const bounce_result *a, const bounce_result *b)
{
	return a->category == b->category && a->hard == b->hard &&
		a->signal == b->signal && a->rule_id == b->rule_id &&
		a->match_start == b->match_start && a->match_len == b->match_len &&
		a->reply_code == b->reply_code &&
		memcmp(a->enhanced, b->enhanced, sizeof(a->enhanced)) == 0 &&
		a->truncated == b->truncated && a->limit_hit == b->limit_hit;
}

static void
fuzz_check_codes(const bounce_codes *c)
{
	FUZZ_ASSERT(c->reply == 0 || (c->reply >= 200 && c->reply <= 599), NULL);
	FUZZ_ASSERT(c->enh[0] == 0 || c->enh[0] == 2 || c->enh[0] == 4 ||
				c->enh[0] == 5, NULL);
	FUZZ_ASSERT(c->enh[1] >= 0 && c->enh[1] <= 7, NULL);
	FUZZ_ASSERT(c->enh[2] >= 0 && c->enh[2] <= 999, NULL);
	FUZZ_ASSERT(c->enh[0] != 0 || (c->enh[1] == 0 && c->enh[2] == 0), NULL);
}

/* The three status parsers on any bytes: codes in range, nothing else. */
static void
fuzz_check_parsers(const char *s, size_t n)
{
	bounce_codes c;

	memset(&c, 0, sizeof(c));
	bounce_parse_status(s, n, &c);
	fuzz_check_codes(&c);
	memset(&c, 0, sizeof(c));
	bounce_parse_leading(s, n, &c);
	fuzz_check_codes(&c);
	memset(&c, 0, sizeof(c));
	bounce_parse_inside(s, n, &c);
	fuzz_check_codes(&c);
}

/* The explanation of r for diag: valid, complete, snprintf-like. */
static void
fuzz_check_explain(const bounce_result *r, const char *diag, size_t dlen,
				   size_t small)
{
	static char buf[BOUNCE_EXPLAIN_MAX];
	static char part[BOUNCE_EXPLAIN_MAX + 8];
	size_t		n,
				m,
				at = 0,
				len = 0;
	const char *name = bounce_category_name(r->category);

	n = bounce_explain_json(r, diag, dlen, buf, sizeof(buf));
	FUZZ_ASSERT(n < sizeof(buf), r);
	FUZZ_ASSERT(strlen(buf) == n, r);	/* no NUL inside */
	FUZZ_ASSERT(json_explanation(buf, n, &at, &len), r);
	FUZZ_ASSERT(name != NULL && len == strlen(name) &&
				memcmp(buf + at, name, len) == 0, r);
	/* no buffer at all: only the length */
	FUZZ_ASSERT(bounce_explain_json(r, diag, dlen, NULL, 0) == n, r);
	/* a smaller buffer: the same length, a NUL-terminated prefix */
	small %= n + 2;
	memset(part, 'Z', sizeof(part));
	m = bounce_explain_json(r, diag, dlen, part, small);
	FUZZ_ASSERT(m == n, r);
	if (small > 0)
	{
		size_t		kept = n < small ? n : small - 1;

		FUZZ_ASSERT(part[kept] == '\0', r);
		FUZZ_ASSERT(memcmp(part, buf, kept) == 0, r);
	}
	FUZZ_ASSERT(part[small] == 'Z' || small == 0, r);	/* no write past it */
	if (small == 0)
		FUZZ_ASSERT(part[0] == 'Z', r);
}

/* Is id one of the built-in rules' ids (the same pointer)? */
static int
fuzz_builtin_id(const char *id)
{
	size_t		i;

	for (i = 0; i < bounce_builtin_spec_count; i++)
		if (bounce_builtin_specs[i].id == id)
			return 1;
	return 0;
}

/*
 * The text the rules read: a text that is not UTF-8 repaired (utf8.c) into
 * valid UTF-8, then unwrapped (unwrap.c) as unwrap_check requires.
 */
static void
fuzz_check_unwrap(const char *diag, size_t dlen)
{
	size_t		n = dlen < BOUNCE_SCAN_LIMIT ? dlen : BOUNCE_SCAN_LIMIT,
				ns = 0,
				len;
	const unsigned char *text = (const unsigned char *) diag;
	unsigned char *repaired,
			   *out;
	bounce_stretch *stretches;
	const char *wrong = NULL;

	if (diag == NULL)
		return;
	repaired = malloc(3 * n + 1);
	out = malloc(3 * n + 1);
	stretches = malloc((3 * n + 1) * sizeof(bounce_stretch));
	FUZZ_ASSERT(repaired != NULL && out != NULL && stretches != NULL, NULL);
	if (bounce_utf8_first_invalid(text, n, NULL) < n)
	{
		n = bounce_utf8_repair(text, n, repaired, stretches, &ns);
		FUZZ_ASSERT(bounce_utf8_first_invalid(repaired, n, NULL) == n, NULL);
		text = repaired;
	}
	len = bounce_unwrap(text, n, out, stretches, &ns);
	if (len != SIZE_MAX)
		wrong = unwrap_check(text, n, out, len, stretches, ns);
	if (wrong != NULL)
		fprintf(stderr, "\nunwrapped copy: %s\n", wrong);
	FUZZ_ASSERT(wrong == NULL, NULL);
	free(repaired);
	free(out);
	free(stretches);
}

/*
 * Classify and check every property. status/diag may be NULL. parity:
 * also compare with the reference path (every rule in order). small: a
 * buffer size for the snprintf check. Returns the result in *out.
 */
static void
fuzz_classify_checked(bounce_matcher *m, const bounce_ruleset *set,
					  const char *status, size_t slen,
					  const char *diag, size_t dlen, int parity,
					  size_t small, bounce_result *out)
{
	bounce_result r,
				again,
				ref;
	int			rc;
	size_t		examined = dlen < BOUNCE_SCAN_LIMIT ? dlen : BOUNCE_SCAN_LIMIT;

	rc = bounce_classify(m, status, slen, diag, dlen, &r);
	if (status == NULL && diag == NULL)
	{
		FUZZ_ASSERT(rc == BOUNCE_NULL_INPUT, &r);
		FUZZ_ASSERT(r.category == BOUNCE_OTHER && r.rule_id == NULL, &r);
		*out = r;
		return;
	}
	FUZZ_ASSERT(rc == BOUNCE_OK, &r);
	FUZZ_ASSERT((unsigned) r.category < BOUNCE_CATEGORY_COUNT, &r);
	FUZZ_ASSERT(r.signal == BOUNCE_SIGNAL_NONE || r.signal == BOUNCE_SIGNAL_RULE ||
				r.signal == BOUNCE_SIGNAL_ENHANCED ||
				r.signal == BOUNCE_SIGNAL_REPLY, &r);
	FUZZ_ASSERT((r.rule_id != NULL) == (r.signal == BOUNCE_SIGNAL_RULE), &r);
	FUZZ_ASSERT(r.rule_id == NULL || fuzz_builtin_id(r.rule_id), &r);
	FUZZ_ASSERT(r.signal != BOUNCE_SIGNAL_NONE || r.category == BOUNCE_OTHER, &r);
	FUZZ_ASSERT(r.match_start <= examined && r.match_len <= examined - r.match_start, &r);
	FUZZ_ASSERT(r.rule_id != NULL || (r.match_start == 0 && r.match_len == 0), &r);
	FUZZ_ASSERT(r.truncated == (diag != NULL && dlen > BOUNCE_SCAN_LIMIT), &r);
	FUZZ_ASSERT(r.reply_code == 0 || (r.reply_code >= 200 && r.reply_code <= 599), &r);
	FUZZ_ASSERT(r.enhanced[0] == 0 || r.enhanced[0] == 2 || r.enhanced[0] == 4 ||
				r.enhanced[0] == 5, &r);
	FUZZ_ASSERT(r.enhanced[1] >= 0 && r.enhanced[1] <= 7 &&
				r.enhanced[2] >= 0 && r.enhanced[2] <= 999, &r);
	FUZZ_ASSERT(r.hard == (bounce_category_is_hard(r.category) &&
						   r.reply_code / 100 != 4 && r.enhanced[0] != 4), &r);

	/* the matcher keeps no state that changes an answer */
	rc = bounce_classify(m, status, slen, diag, dlen, &again);
	FUZZ_ASSERT(rc == BOUNCE_OK && fuzz_same_result(&r, &again), &again);

	if (parity)
	{
		rc = bounce_classify_with(set, false, m, status, slen, diag, dlen, &ref);
		FUZZ_ASSERT(rc == BOUNCE_OK, &ref);
		if (!r.limit_hit && !ref.limit_hit)
		{
			if (!(r.category == ref.category && r.signal == ref.signal &&
				  r.rule_id == ref.rule_id && r.match_start == ref.match_start &&
				  r.match_len == ref.match_len && r.hard == ref.hard))
			{
				fprintf(stderr, "\nprefilter and reference paths disagree\n");
				fuzz_print_result("prefilter", &r);
				fuzz_fail("prefilter result == reference result", &ref);
			}
		}
	}
	fuzz_check_explain(&r, diag, dlen, small);
	fuzz_check_unwrap(diag, dlen);
	*out = r;
}

#endif							/* BOUNCE_FUZZ_CHECK_H */
