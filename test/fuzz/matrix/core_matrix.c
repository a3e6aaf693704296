/*
 * core_matrix.c: the core's cells of the bad-input matrix of
 * docs/reliability.md that test/core/unit_test.c does not already cover.
 *
 *   - a pcre2 match or depth limit hit is a defined "no match": the next
 *     rule, or the codes, decide, and result.limit_hit says so (JIT and
 *     interpreter, prefilter and reference path), in bounded time;
 *   - a 10,000-byte status through bounce_classify: only the first 256
 *     bytes are read, a code there counts, one after it does not;
 *   - negative and huge integer statuses in the decimal text the SQL
 *     wrappers make of them: no code, never an error;
 *   - white space only, up to past the 64 KiB limit;
 *   - a 100 MB text: a rule match must lie in the first 64 KiB (one
 *     straddling the cut does not count), the explanation quotes it and is
 *     valid JSON; a multi-byte character cut by the limit;
 *   - matched spans holding NUL, control characters and invalid UTF-8 are
 *     quoted as valid JSON;
 *   - category names with non-ASCII white space or look-alike letters are
 *     unknown; a name inside a megabyte of white space is found.
 *
 * Prints "ok CELL" or "FAIL CELL: why" per check and ends with
 * "N passed, N failed"; exits 1 on a failure.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../../core/internal.h"
#include "../json_check.h"

static int	n_passed,
			n_failed;

static void check(int ok, const char *cell, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

static void
check(int ok, const char *cell, const char *fmt,...)
{
	va_list		ap;

	if (ok)
	{
		n_passed++;
		printf("ok   %s\n", cell);
		return;
	}
	n_failed++;
	printf("FAIL %s: ", cell);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *
name_of(const bounce_result *r)
{
	return bounce_category_name(r->category);
}

/* A valid explanation of r naming its category. */
static int
explains(const bounce_result *r, const char *diag, size_t dlen, char *json)
{
	size_t		n = bounce_explain_json(r, diag, dlen, json, BOUNCE_EXPLAIN_MAX),
				at = 0,
				len = 0;

	return n < BOUNCE_EXPLAIN_MAX && json_explanation(json, n, &at, &len) &&
		len == strlen(name_of(r)) && memcmp(json + at, name_of(r), len) == 0;
}

/* ---- pcre2 limits ---- */

static void
limit_cells(bounce_matcher *m)
{
	/* nested quantifiers: exponential backtracking on a run of letters */
	static const bounce_rule_spec specs[] = {
		{"matrix.catastrophic", BOUNCE_FULL_MAILBOX, BOUNCE_WHEN_ANY,
		"mailbox(?:(?:\\s*a+)+)+\\d", "core_matrix.c"},
		{"matrix.plain", BOUNCE_POLICY_RELATED, BOUNCE_WHEN_ANY,
		"\\bmailbox\\b", "core_matrix.c"},
	};
	static const char *const modes[] = {"1", "0"};
	char	   *text = malloc(BOUNCE_SCAN_LIMIT);
	size_t		i,
				k;

	if (text == NULL)
	{
		check(0, "limits", "out of memory");
		return;
	}
	memcpy(text, "mailbox ", 8);
	memset(text + 8, 'a', BOUNCE_SCAN_LIMIT - 8);
	for (k = 0; k < 2; k++)
	{
		bounce_ruleset *both,
				   *alone;
		int			err;
		char		cell[160];

		/* the JIT choice is made when a rule set is compiled */
		setenv("BOUNCE_NO_JIT", modes[k], 1);
		both = bounce_ruleset_compile(specs, 2, &err, NULL, 0);
		alone = bounce_ruleset_compile(specs, 1, &err, NULL, 0);
		if (both == NULL || alone == NULL)
		{
			check(0, "limits", "cannot compile the test rules");
			bounce_ruleset_free(both);
			bounce_ruleset_free(alone);
			continue;
		}
		for (i = 0; i < 2; i++)
		{
			bool		prefilter = i == 0;
			const char *how = prefilter ? "prefilter" : "reference";
			const char *jit = k == 0 ? "interpreter" : "JIT";
			size_t		lens[] = {40, 4096, BOUNCE_SCAN_LIMIT};
			size_t		l;

			for (l = 0; l < 3; l++)
			{
				bounce_result r;
				double		t0 = now(),
							t;
				int			rc;

				rc = bounce_classify_with(both, prefilter, m, NULL, 0,
										  text, lens[l], &r);
				t = now() - t0;
				snprintf(cell, sizeof(cell),
						 "limit hit (%s, %s, %zu bytes): no match, the next rule decides (%.1f ms)",
						 jit, how, lens[l], t * 1e3);
				check(rc == BOUNCE_OK && r.limit_hit &&
					  r.rule_id != NULL && strcmp(r.rule_id, "matrix.plain") == 0 &&
					  r.category == BOUNCE_POLICY_RELATED && t < 2.0, cell,
					  "rc %d limit_hit %d rule %s, %.3f s", rc, (int) r.limit_hit,
					  r.rule_id ? r.rule_id : "-", t);

				rc = bounce_classify_with(alone, prefilter, m, "552", 3,
										  text, lens[l], &r);
				snprintf(cell, sizeof(cell),
						 "limit hit (%s, %s, %zu bytes), no other rule: the reply code decides",
						 jit, how, lens[l]);
				check(rc == BOUNCE_OK && r.limit_hit && r.rule_id == NULL &&
					  r.signal == BOUNCE_SIGNAL_REPLY &&
					  r.category == BOUNCE_FULL_MAILBOX, cell,
					  "rc %d limit_hit %d category %s signal %s", rc,
					  (int) r.limit_hit, name_of(&r), bounce_signal_name(r.signal));
			}
		}
		/* a text the pattern matches quickly: no limit, a match */
		{
			bounce_result r;
			int			rc = bounce_classify_with(alone, true, m, NULL, 0,
												  "mailbox aaa7", 12, &r);

			snprintf(cell, sizeof(cell), "limit (%s): a quick match is a match, limit_hit false",
					 k == 0 ? "interpreter" : "JIT");
			check(rc == BOUNCE_OK && !r.limit_hit && r.rule_id != NULL &&
				  strcmp(r.rule_id, "matrix.catastrophic") == 0, cell,
				  "rc %d limit_hit %d rule %s", rc, (int) r.limit_hit,
				  r.rule_id ? r.rule_id : "-");
		}
		bounce_ruleset_free(both);
		bounce_ruleset_free(alone);
	}
	unsetenv("BOUNCE_NO_JIT");
	free(text);
}

/* ---- statuses ---- */

static void
status_cells(bounce_matcher *m)
{
	static const char *const numbers[] = {
		"-550", "-1", "0", "-2147483648", "2147483647", "4294967296",
		"9223372036854775807", "-9223372036854775808",
		"99999999999999999999999999999999", "+550", "550.0",
		"5.5e2", "1e999", "NaN", "-Inf",
	};
	char	   *big = malloc(10000);
	bounce_result r;
	size_t		i;
	int			rc;

	if (big == NULL)
	{
		check(0, "status", "out of memory");
		return;
	}
	memset(big, ' ', 10000);
	memcpy(big, "5.1.1", 5);
	rc = bounce_classify(m, big, 10000, NULL, 0, &r);
	check(rc == BOUNCE_OK && r.category == BOUNCE_INVALID_MAILBOX && r.hard,
		  "status of 10,000 bytes, code first: the code decides",
		  "rc %d category %s", rc, name_of(&r));
	memset(big, 'x', 10000);
	memcpy(big + 9000, "5.1.1", 5);
	rc = bounce_classify(m, big, 10000, NULL, 0, &r);
	check(rc == BOUNCE_OK && r.category == BOUNCE_OTHER && r.enhanced[0] == 0,
		  "status of 10,000 bytes, code at byte 9000: not read, other",
		  "rc %d category %s", rc, name_of(&r));
	rc = bounce_classify(m, big, 10000, "smtp; 552 5.2.2 quota exceeded", 30, &r);
	check(rc == BOUNCE_OK && r.category == BOUNCE_FULL_MAILBOX,
		  "status of 10,000 bytes of junk: the diagnostic still decides",
		  "rc %d category %s", rc, name_of(&r));
	free(big);

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
	{
		char		cell[96];

		rc = bounce_classify(m, numbers[i], strlen(numbers[i]), NULL, 0, &r);
		snprintf(cell, sizeof(cell), "integer-like status \"%s\": no code, other",
				 numbers[i]);
		check(rc == BOUNCE_OK && r.category == BOUNCE_OTHER &&
			  r.reply_code == 0 && r.enhanced[0] == 0, cell,
			  "rc %d category %s reply %d", rc, name_of(&r), r.reply_code);
	}
}

/* ---- white space, huge and cut texts, JSON quoting ---- */

static void
text_cells(bounce_matcher *m)
{
	size_t		huge_len = (size_t) 100 * 1024 * 1024;
	char	   *huge = malloc(huge_len);
	char		json[BOUNCE_EXPLAIN_MAX];
	bounce_result r;
	int			rc;
	size_t		i,
				at;
	double		t0,
				t;
	#define SPAN(s) {s, sizeof(s) - 1}
	static const struct
	{
		const char *text;
		size_t		len;
	}			spans[] = {
		SPAN("user \x01\x02\x1b[0m does not exist"),
		SPAN("user \xff\xfe\x80 does not exist"),
		SPAN("user \xc3 does not exist"),
		SPAN("user \"quoted\" \\ back\\slash does not exist"),
		SPAN("user a\0b does not exist"),
	};
#undef SPAN

	if (huge == NULL)
	{
		check(0, "text", "out of memory");
		return;
	}

	/* white space only */
	for (i = 0; i < BOUNCE_SCAN_LIMIT + 10; i++)
		huge[i] = " \t\r\n\v\f"[i % 6];
	rc = bounce_classify(m, huge, 6, huge, 6, &r);
	check(rc == BOUNCE_OK && r.category == BOUNCE_OTHER && r.signal == BOUNCE_SIGNAL_NONE,
		  "white space status and text: other", "rc %d category %s", rc, name_of(&r));
	rc = bounce_classify(m, NULL, 0, huge, BOUNCE_SCAN_LIMIT + 10, &r);
	check(rc == BOUNCE_OK && r.category == BOUNCE_OTHER && r.truncated &&
		  explains(&r, huge, BOUNCE_SCAN_LIMIT + 10, json),
		  "64 KiB + 10 bytes of white space: other, truncated, valid JSON",
		  "rc %d category %s truncated %d", rc, name_of(&r), (int) r.truncated);

	/* 100 MB: a match ending exactly at the 64 KiB cut counts ... */
	memset(huge, 'z', huge_len);
	for (i = 0; i < huge_len; i += 4096)
		huge[i] = ' ';
	at = BOUNCE_SCAN_LIMIT - strlen(" no such user");
	memcpy(huge + at, " no such user", strlen(" no such user"));
	t0 = now();
	rc = bounce_classify(m, "550", 3, huge, huge_len, &r);
	t = now() - t0;
	check(rc == BOUNCE_OK && r.truncated && r.category == BOUNCE_INVALID_MAILBOX &&
		  r.match_start + r.match_len == BOUNCE_SCAN_LIMIT &&
		  explains(&r, huge, huge_len, json) && strstr(json, "\"no such user\"") &&
		  t < 2.0,
		  "100 MB text, a match ending at byte 65536: found, quoted, valid JSON",
		  "rc %d category %s match %zu+%zu %.3f s %s", rc, name_of(&r),
		  r.match_start, r.match_len, t, json);
	/* ... one cut by it does not */
	memmove(huge + at + 2, huge + at, strlen(" no such user"));
	huge[at] = huge[at + 1] = 'z';
	rc = bounce_classify(m, "550", 3, huge, huge_len, &r);
	check(rc == BOUNCE_OK && r.truncated && r.rule_id == NULL &&
		  r.category == BOUNCE_OTHER && explains(&r, huge, huge_len, json),
		  "100 MB text, a match cut by byte 65536: not seen, other",
		  "rc %d category %s rule %s", rc, name_of(&r), r.rule_id ? r.rule_id : "-");

	/* a multi-byte character cut by the limit */
	memset(huge, 'z', BOUNCE_SCAN_LIMIT + 16);
	memcpy(huge, "user foo does not exist ", 24);
	for (i = 24; i + 3 <= BOUNCE_SCAN_LIMIT + 16; i += 3)
		memcpy(huge + i, "\xe2\x82\xac", 3);	/* the euro sign */
	rc = bounce_classify(m, NULL, 0, huge, BOUNCE_SCAN_LIMIT + 16, &r);
	check(rc == BOUNCE_OK && r.truncated && r.category == BOUNCE_INVALID_MAILBOX &&
		  explains(&r, huge, BOUNCE_SCAN_LIMIT + 16, json),
		  "a 3-byte character cut at byte 65536: defined, valid JSON",
		  "rc %d category %s", rc, name_of(&r));
	free(huge);

	/* matched spans with odd bytes are quoted as valid JSON */
	for (i = 0; i < sizeof(spans) / sizeof(spans[0]); i++)
	{
		char		cell[96];

		rc = bounce_classify(m, NULL, 0, spans[i].text, spans[i].len, &r);
		snprintf(cell, sizeof(cell), "matched span with odd bytes (case %zu): valid JSON", i + 1);
		check(rc == BOUNCE_OK && r.rule_id != NULL &&
			  explains(&r, spans[i].text, spans[i].len, json), cell,
			  "rc %d rule %s json %s", rc, r.rule_id ? r.rule_id : "-", json);
	}
}

/* ---- category names ---- */

static void
name_cells(void)
{
	static const struct
	{
		const char *name;
		size_t		len;
		int			want;
	}			names[] = {
		{"\xc2\xa0invalid-mailbox", 17, -1},	/* no-break space */
		{"invalid-mailbox\xc2\xa0", 17, -1},
		{"\xe2\x80\x83other", 8, -1},	/* em space */
		{"\xef\xbb\xbfother", 8, -1},	/* byte order mark */
		{"\xc4\xb0nvalid-mailbox", 16, -1},	/* capital I with dot */
		{"invalid\xe2\x80\x90mailbox", 17, -1},	/* Unicode hyphen */
		{"\xe2\x84\xaaull-mailbox", 14, -1},	/* Kelvin sign, not K or F */
		{"invalid-mailbox\0", 16, -1},
		{"\0invalid-mailbox", 16, -1},
		{"INVALID-DOMAIN", 14, BOUNCE_INVALID_DOMAIN},
		{"\v\fMessage-Expired\r\n", 19, BOUNCE_MESSAGE_EXPIRED},
	};
	size_t		i;
	size_t		pad = 1024 * 1024;
	char	   *big = malloc(2 * pad + 16);
	bounce_category c;
	double		t0,
				t;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		char		cell[96];
		bool		found = bounce_category_from_name(names[i].name, names[i].len, &c);

		snprintf(cell, sizeof(cell), "category name case %zu: %s", i + 1,
				 names[i].want < 0 ? "unknown" : bounce_category_name(names[i].want));
		check(names[i].want < 0 ? !found : (found && (int) c == names[i].want), cell,
			  "found %d category %d", (int) found, found ? (int) c : -1);
	}
	if (big == NULL)
	{
		check(0, "names", "out of memory");
		return;
	}
	memset(big, ' ', 2 * pad + 16);
	memcpy(big + pad, "Full-Mailbox", 12);
	t0 = now();
	c = BOUNCE_OTHER;
	i = bounce_category_from_name(big, 2 * pad + 12, &c);
	t = now() - t0;
	check(i && c == BOUNCE_FULL_MAILBOX && t < 1.0,
		  "category name inside 2 MB of spaces: found",
		  "found %d category %d in %.3f s", (int) i, (int) c, t);
	free(big);
}

int
main(void)
{
	bounce_matcher *m = bounce_matcher_new();

	if (m == NULL || bounce_init() != BOUNCE_OK)
	{
		printf("FAIL core_matrix: cannot initialise\n0 passed, 1 failed\n");
		return 1;
	}
	limit_cells(m);
	status_cells(m);
	text_cells(m);
	name_cells();
	bounce_matcher_free(m);
	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}
