/*
 * unit_test.c: unit tests of the classifier core (the sources in core/).
 *
 * usage: unit_test [-v]      (-v also prints the name of each group)
 *
 * The built-in rules (core/rules/) change often, so tests against them only
 * assert what the contract (docs: shared/spec/categories.md) fixes whatever
 * the rule wording: answers decided by codes alone, and that every input
 * gets a defined answer. The rule engine itself is tested with small rule
 * sets defined here. Ends with "N passed, N failed"; exits 1 on a failure.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../../core/internal.h"
#include "check.h"
#include "unwrap_check.h"

/* ================================================================ */
/* The harness (check.h) and its typed checks.                      */
/* ================================================================ */

static void
check_int(long long got, long long want, const char *file, int line,
		  const char *got_expr, const char *want_expr)
{
	report(got == want, file, line, "%s == %s: got %lld, want %lld",
		   got_expr, want_expr, got, want);
}

static void
check_str(const char *got, const char *want, const char *file, int line,
		  const char *got_expr, const char *want_expr)
{
	bool		same = (got == NULL || want == NULL) ? got == want
		: strcmp(got, want) == 0;

	report(same, file, line, "%s == %s: got \"%s\", want \"%s\"",
		   got_expr, want_expr, got ? got : "(null)", want ? want : "(null)");
}

#define CHECK(cond) \
	report((cond) ? true : false, __FILE__, __LINE__, "%s", #cond)
#define CHECK_MSG(cond, ...) \
	report((cond) ? true : false, __FILE__, __LINE__, __VA_ARGS__)
#define CHECK_EQ_INT(got, want) \
	check_int((long long) (got), (long long) (want), __FILE__, __LINE__, \
			  #got, #want)
#define CHECK_EQ_STR(got, want) \
	check_str((got), (want), __FILE__, __LINE__, #got, #want)

static void
group(const char *name)
{
	if (verbose)
		printf("-- %s\n", name);
}

/* A printable copy of a byte range, for messages (main thread only). */
static const char *
esc(const char *s, size_t n)
{
	static char bufs[4][400];
	static int	which;
	char	   *b = bufs[which++ & 3];
	size_t		i,
				o = 0;

	if (s == NULL)
		return "(null)";
	for (i = 0; i < n && o + 8 < sizeof(bufs[0]); i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"')
			b[o++] = (char) c;
		else
			o += (size_t) sprintf(b + o, "\\x%02X", c);
	}
	if (i < n)
		o += (size_t) sprintf(b + o, "...");
	b[o] = '\0';
	return b;
}

static const char *
escz(const char *s)
{
	return esc(s, s ? strlen(s) : 0);
}

static size_t
zlen(const char *s)
{
	return s ? strlen(s) : 0;
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Every field of two results equal (rule ids compared as pointers). */
static bool
same_result(const bounce_result *a, const bounce_result *b)
{
	return a->category == b->category && a->hard == b->hard &&
		a->signal == b->signal && a->rule_id == b->rule_id &&
		a->match_start == b->match_start && a->match_len == b->match_len &&
		a->reply_code == b->reply_code &&
		a->enhanced[0] == b->enhanced[0] && a->enhanced[1] == b->enhanced[1] &&
		a->enhanced[2] == b->enhanced[2] && a->truncated == b->truncated &&
		a->limit_hit == b->limit_hit;
}

static const char *
describe(const bounce_result *r)
{
	static char bufs[2][200];
	static int	which;
	char	   *b = bufs[which++ & 1];

	snprintf(b, sizeof(bufs[0]),
			 "%s hard=%d signal=%s rule=%s span=%zu+%zu reply=%d enh=%d.%d.%d%s",
			 bounce_category_name(r->category) ? bounce_category_name(r->category) : "?",
			 r->hard, bounce_signal_name(r->signal),
			 r->rule_id ? r->rule_id : "-", r->match_start, r->match_len,
			 r->reply_code, r->enhanced[0], r->enhanced[1], r->enhanced[2],
			 r->truncated ? " truncated" : "");
	return b;
}

/* ================================================================ */
/* 1. Status parsing: the shapes of the status column, codes at the */
/*    start of a diagnostic and inside it, garbage ignored.         */
/* ================================================================ */

typedef void (*parse_fn) (const char *, size_t, bounce_codes *);

static void
expect_codes(parse_fn fn, const char *fname, const char *s, size_t len,
			 int reply, int e0, int e1, int e2, const char *file, int line)
{
	bounce_codes c;

	memset(&c, 0, sizeof(c));
	fn(s, len, &c);
	report(c.reply == reply && c.enh[0] == e0 && c.enh[1] == e1 &&
		   c.enh[2] == e2, file, line,
		   "%s(\"%s\"): got reply %d, enhanced %d.%d.%d; want %d, %d.%d.%d",
		   fname, esc(s, len), c.reply, c.enh[0], c.enh[1], c.enh[2],
		   reply, e0, e1, e2);
}

#define STATUS(s, reply, e0, e1, e2) \
	expect_codes(bounce_parse_status, "bounce_parse_status", (s), zlen(s), \
				 (reply), (e0), (e1), (e2), __FILE__, __LINE__)
#define LEADING(s, reply, e0, e1, e2) \
	expect_codes(bounce_parse_leading, "bounce_parse_leading", (s), zlen(s), \
				 (reply), (e0), (e1), (e2), __FILE__, __LINE__)
#define INSIDE(s, reply, e0, e1, e2) \
	expect_codes(bounce_parse_inside, "bounce_parse_inside", (s), zlen(s), \
				 (reply), (e0), (e1), (e2), __FILE__, __LINE__)

static void
test_status_parsing(void)
{
	char	   *big;
	bounce_codes c;
	size_t		i;

	group("status parsing");

	/* the status column's shapes */
	STATUS("550", 550, 0, 0, 0);
	STATUS("5.1.1", 0, 5, 1, 1);
	STATUS("550 5.1.1", 550, 5, 1, 1);
	STATUS("550-5.1.1", 550, 5, 1, 1);
	STATUS("Status: 5.1.1", 0, 5, 1, 1);
	STATUS("smtp; 550 5.1.1 text", 550, 5, 1, 1);
	STATUS("  550  ", 550, 0, 0, 0);
	STATUS("\t5.2.2\r\n", 0, 5, 2, 2);
	STATUS("5.1.1 550", 550, 5, 1, 1);
	STATUS("421", 421, 0, 0, 0);
	STATUS("250 2.0.0", 250, 2, 0, 0);

	/* multi-digit subject / detail parts */
	STATUS("5.7.509", 0, 5, 7, 509);
	STATUS("4.7.28", 0, 4, 7, 28);
	STATUS("5.1.10", 0, 5, 1, 10);
	STATUS("550 5.7.509 Access denied", 550, 5, 7, 509);

	/* garbage is ignored, never an error */
	STATUS("abc", 0, 0, 0, 0);
	STATUS("9.9.9.9", 0, 0, 0, 0);
	STATUS("5.1.1.1", 0, 0, 0, 0);
	STATUS("192.0.2.550", 0, 0, 0, 0);
	STATUS("v5.1.1", 0, 0, 0, 0);
	STATUS("99999", 0, 0, 0, 0);
	STATUS("-550", 0, 0, 0, 0);
	STATUS("5.1.1234", 0, 0, 0, 0);
	STATUS("1.2.3", 0, 0, 0, 0);
	STATUS("5501", 0, 0, 0, 0);
	STATUS("650", 0, 0, 0, 0);
	STATUS("560", 0, 0, 0, 0);
	STATUS("5.1.1a", 0, 0, 0, 0);
	STATUS("x550", 0, 0, 0, 0);
	STATUS("550x", 0, 0, 0, 0);
	STATUS("", 0, 0, 0, 0);
	STATUS(NULL, 0, 0, 0, 0);

	/* a byte range, not a C string: the length bounds the scan */
	expect_codes(bounce_parse_status, "bounce_parse_status", "550 5.1.1", 3,
				 550, 0, 0, 0, __FILE__, __LINE__);
	expect_codes(bounce_parse_status, "bounce_parse_status", "5.1.1", 3,
				 0, 0, 0, 0, __FILE__, __LINE__);
	expect_codes(bounce_parse_status, "bounce_parse_status", "5.1.10", 5,
				 0, 5, 1, 1, __FILE__, __LINE__);

	/* codes already known are kept (the status argument comes first) */
	memset(&c, 0, sizeof(c));
	c.reply = 552;
	bounce_parse_status("550 5.1.1", 9, &c);
	CHECK_EQ_INT(c.reply, 552);
	CHECK_EQ_INT(c.enh[0], 5);
	CHECK_EQ_INT(c.enh[2], 1);

	/* a 10,000-byte status: only the first BOUNCE_STATUS_LIMIT bytes count */
	big = malloc(10000);
	CHECK(big != NULL);
	if (big != NULL)
	{
		memset(big, ' ', 10000);
		memcpy(big + 300, "550 5.1.1", 9);
		expect_codes(bounce_parse_status, "bounce_parse_status (code at 300)",
					 big, 10000, 0, 0, 0, 0, __FILE__, __LINE__);
		memcpy(big + BOUNCE_STATUS_LIMIT - 5, "5.1.1", 5);
		expect_codes(bounce_parse_status, "bounce_parse_status (code ending at limit)",
					 big, 10000, 0, 5, 1, 1, __FILE__, __LINE__);
		memset(big, ' ', 10000);
		memcpy(big + BOUNCE_STATUS_LIMIT - 3, "5.1.1", 5);
		expect_codes(bounce_parse_status, "bounce_parse_status (code across limit)",
					 big, 10000, 0, 0, 0, 0, __FILE__, __LINE__);
		for (i = 0; i < 10000; i++)
			big[i] = "5.1 0-9;"[i % 8];
		memset(&c, 0, sizeof(c));
		bounce_parse_status(big, 10000, &c);	/* no crash, defined */
		bounce_parse_leading(big, 10000, &c);
		bounce_parse_inside(big, 10000, &c);
		CHECK(c.reply == 0 || (c.reply >= 200 && c.reply <= 599));
		free(big);
	}

	/* a code inside a text, at every offset around the eight-byte steps
	 * the search for its first digit takes, after digits that start none */
	for (i = 0; i < 20; i++)
	{
		char		text[64];
		size_t		k;

		for (k = 0; k < i; k++)
			text[k] = "a2b4 5x"[k % 7];
		strcpy(text + i, "said: 451 4.7.1 try later");
		memset(&c, 0, sizeof(c));
		bounce_parse_inside(text, strlen(text), &c);
		CHECK_MSG(c.reply == 451 && c.enh[0] == 4 && c.enh[1] == 7 &&
				  c.enh[2] == 1, "code after %zu bytes: %d %d.%d.%d", i,
				  c.reply, c.enh[0], c.enh[1], c.enh[2]);
	}

	/* codes at the start of a diagnostic */
	LEADING("smtp; 550-5.1.1 The email account that you tried to reach does not exist",
			550, 5, 1, 1);
	LEADING("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", 550, 5, 1, 1);
	LEADING("Diagnostic-Code: smtp; 421 4.4.2 connection dropped", 421, 4, 4, 2);
	LEADING("550 5.1.1 <a@b>: Recipient address rejected", 550, 5, 1, 1);
	LEADING("  550 user unknown", 550, 0, 0, 0);
	LEADING("5.2.2 mailbox full", 0, 5, 2, 2);
	LEADING("Status: 4.4.7", 0, 4, 4, 7);
	LEADING("X-Postfix; 554 5.7.1 rejected", 554, 5, 7, 1);
	LEADING("550-5.7.509 Access denied", 550, 5, 7, 509);
	LEADING("host said: 550 5.1.1 user unknown", 0, 0, 0, 0);
	LEADING("user unknown 550 5.1.1", 0, 0, 0, 0);
	LEADING("192.0.2.1 550 5.1.1", 0, 0, 0, 0);
	LEADING("5.1.1.1 is an address", 0, 0, 0, 0);
	LEADING("", 0, 0, 0, 0);
	LEADING(NULL, 0, 0, 0, 0);
	/* no-break spaces (U+00A0) separate like spaces */
	LEADING("smtp;\xC2\xA0" "550\xC2\xA0" "5.1.1 user unknown", 550, 5, 1, 1);
	INSIDE("said:\xC2\xA0" "552\xC2\xA0Too much mail data", 552, 0, 0, 0);
	INSIDE("said: 550\xC2\xA0" "5.7.1 denied", 550, 5, 7, 1);
	INSIDE("said: x\xC2\xA1" "550 denied", 0, 0, 0, 0);

	/* codes inside a diagnostic, after a wrapper */
	INSIDE("host x[192.0.2.1] said: 550 5.1.1 <a@b>: Recipient address rejected: User unknown",
		   550, 5, 1, 1);
	INSIDE("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
		   550, 5, 1, 1);
	INSIDE("Diagnostic-Code: smtp; 421 4.4.2 connection dropped", 421, 4, 4, 2);
	/* an IP address is not a code */
	INSIDE("connect to 192.0.2.55[192.0.2.55]:25: Connection timed out",
		   0, 0, 0, 0);
	INSIDE("relay 10.250.1.1 refused", 0, 0, 0, 0);
	INSIDE("from [203.0.113.250] (port 25): 4.4.1 no answer", 0, 4, 4, 1);
	INSIDE("client 198.51.100.5 blocked, said: 554 5.7.1", 554, 5, 7, 1);
	/* a version number is not a code */
	INSIDE("Postfix 3.5.18 (v5.1.1) build 5.1.1.4", 0, 0, 0, 0);
	/*
	 * A version number shaped like class.subject.detail (Exim 4.92.3) is
	 * not a code either: RFC 3463 subjects are 0..7. FAILS at the time of
	 * writing: status.c takes "4.92.3" as the enhanced code, which also
	 * hides the real 5.1.1 and makes the bounce look transient.
	 */
	INSIDE("host mx.example.com running Exim 4.92.3 said: 550 5.1.1 no such user",
		   550, 5, 1, 1);
	/* a bare number in prose is not a reply code, one before a code is */
	INSIDE("quota of 500 messages exceeded", 0, 0, 0, 0);
	INSIDE("sent 550 5.2.2 over quota", 550, 5, 2, 2);
	INSIDE("port 550_x", 0, 0, 0, 0);
}

/* ================================================================ */
/* 2. Names: category names and aliases, hardness, signal names,    */
/*    error texts.                                                  */
/* ================================================================ */

static void
expect_name(const char *name, size_t len, int want, const char *file, int line)
{
	bounce_category cat = BOUNCE_CATEGORY_COUNT;
	bool		found = bounce_category_from_name(name, len, &cat);

	if (want < 0)
		report(!found, file, line, "bounce_category_from_name(\"%s\") accepted an unknown name",
			   esc(name, len));
	else
		report(found && (int) cat == want, file, line,
			   "bounce_category_from_name(\"%s\"): found=%d category=%d, want %d",
			   esc(name, len), found, (int) cat, want);
}

#define NAME(s, want) expect_name((s), zlen(s), (want), __FILE__, __LINE__)

static void
test_names(void)
{
	static const char *const contract[BOUNCE_CATEGORY_COUNT] = {
		"invalid-mailbox", "invalid-domain", "inactive-mailbox",
		"full-mailbox", "dmarc-issues", "reputation-issues",
		"greylisting-issues", "blocklisting-issues", "relaying-issues",
		"routing-issues", "recipient-server-error", "connection-error",
		"policy-related", "message-expired", "other",
	};
	static const int codes[] = {
		BOUNCE_OK, BOUNCE_NULL_INPUT, BOUNCE_ENOMEM, BOUNCE_ERULES,
		BOUNCE_EINVAL,
	};
	int			i,
				j;
	bounce_category cat;

	group("names");

	CHECK_EQ_INT(BOUNCE_CATEGORY_COUNT, 15);
	for (i = 0; i < BOUNCE_CATEGORY_COUNT; i++)
	{
		const char *name = bounce_category_name((bounce_category) i);
		char		upper[64];
		size_t		k;

		CHECK_EQ_STR(name, contract[i]);
		if (name == NULL)
			continue;
		expect_name(name, strlen(name), i, __FILE__, __LINE__);
		for (k = 0; name[k] && k < sizeof(upper) - 1; k++)
			upper[k] = (name[k] >= 'a' && name[k] <= 'z') ?
				(char) (name[k] - 'a' + 'A') : name[k];
		upper[k] = '\0';
		expect_name(upper, k, i, __FILE__, __LINE__);
		CHECK_MSG(bounce_category_description((bounce_category) i) != NULL &&
				  bounce_category_description((bounce_category) i)[0] != '\0',
				  "no description for %s", name);
		CHECK_MSG(bounce_category_is_hard((bounce_category) i) ==
				  (i == BOUNCE_INVALID_MAILBOX || i == BOUNCE_INVALID_DOMAIN),
				  "bounce_category_is_hard(%s)", name);
	}
	NAME("  Invalid-Mailbox\t", BOUNCE_INVALID_MAILBOX);
	NAME("\r\nOTHER \n", BOUNCE_OTHER);
	NAME("greylisting", BOUNCE_GREYLISTING_ISSUES);
	NAME(" GreyListing ", BOUNCE_GREYLISTING_ISSUES);
	NAME("routing-errors", BOUNCE_ROUTING_ISSUES);
	NAME("ROUTING-ERRORS", BOUNCE_ROUTING_ISSUES);
	NAME("", -1);
	NAME("   ", -1);
	NAME("invalid mailbox", -1);
	NAME("invalid_mailbox", -1);
	NAME("bogus", -1);
	NAME("invalid-mailboxes", -1);
	NAME("invalid-mailbo", -1);
	NAME("greylist", -1);
	NAME("routing-error", -1);
	NAME("in valid-mailbox", -1);
	CHECK(!bounce_category_from_name(NULL, 0, &cat));
	CHECK(!bounce_category_from_name(NULL, 5, &cat));
	/* a byte range: only len bytes are the name */
	expect_name("otherwise", 5, BOUNCE_OTHER, __FILE__, __LINE__);
	expect_name("other\0", 6, -1, __FILE__, __LINE__);
	/* the output pointer may be NULL */
	CHECK(bounce_category_from_name("other", 5, NULL));

	/* out of range */
	CHECK(bounce_category_name(BOUNCE_CATEGORY_COUNT) == NULL);
	CHECK(bounce_category_name((bounce_category) -1) == NULL);
	CHECK(bounce_category_name((bounce_category) 1000) == NULL);
	CHECK(bounce_category_description(BOUNCE_CATEGORY_COUNT) == NULL);
	CHECK(!bounce_category_is_hard(BOUNCE_CATEGORY_COUNT));
	CHECK(!bounce_category_is_hard((bounce_category) -1));

	/* signals */
	CHECK_EQ_STR(bounce_signal_name(BOUNCE_SIGNAL_NONE), "none");
	CHECK_EQ_STR(bounce_signal_name(BOUNCE_SIGNAL_RULE), "rule");
	CHECK_EQ_STR(bounce_signal_name(BOUNCE_SIGNAL_ENHANCED), "enhanced");
	CHECK_EQ_STR(bounce_signal_name(BOUNCE_SIGNAL_REPLY), "reply");
	CHECK_EQ_STR(bounce_signal_name((bounce_signal) 99), "none");

	/* error texts: one per code, distinct, and one for unknown codes */
	for (i = 0; i < (int) (sizeof(codes) / sizeof(codes[0])); i++)
	{
		const char *t = bounce_strerror(codes[i]);

		CHECK_MSG(t != NULL && t[0] != '\0', "bounce_strerror(%d) empty", codes[i]);
		CHECK_MSG(t != NULL && strcmp(t, bounce_strerror(12345)) != 0,
				  "bounce_strerror(%d) is the unknown-code text", codes[i]);
		for (j = 0; j < i; j++)
			CHECK_MSG(t != NULL && strcmp(t, bounce_strerror(codes[j])) != 0,
					  "bounce_strerror(%d) == bounce_strerror(%d)", codes[i], codes[j]);
	}
	CHECK_EQ_STR(bounce_strerror(BOUNCE_OK), "success");
	CHECK_EQ_STR(bounce_strerror(BOUNCE_EINVAL), "invalid argument");
	CHECK(bounce_strerror(-99) != NULL);

	CHECK(bounce_version() != NULL && bounce_version()[0] != '\0');
}

/* ================================================================ */
/* 3. Classification by codes alone (built-in rules, no text): the   */
/*    contract's RFC 3463 table and reply codes fix the answer.     */
/* ================================================================ */

static void
expect_class(bounce_matcher *m, const char *status, const char *diag,
			 int cat, int hard, int signal, const char *file, int line)
{
	bounce_result r;
	int			rc = bounce_classify(m, status, zlen(status), diag, zlen(diag), &r);

	report(rc == BOUNCE_OK, file, line, "bounce_classify(\"%s\", \"%s\") returned %d",
		   escz(status), escz(diag), rc);
	report((int) r.category == cat && (hard < 0 || (int) r.hard == hard) &&
		   (signal < 0 || (int) r.signal == signal), file, line,
		   "bounce_classify(\"%s\", \"%s\"): got %s; want %s%s%s",
		   escz(status), escz(diag), describe(&r),
		   bounce_category_name((bounce_category) cat),
		   hard < 0 ? "" : hard ? " hard" : " not hard",
		   signal < 0 ? "" : signal == BOUNCE_SIGNAL_ENHANCED ? " by enhanced" :
		   signal == BOUNCE_SIGNAL_REPLY ? " by reply" :
		   signal == BOUNCE_SIGNAL_NONE ? " by none" : " by rule");
}

#define CODES(status, cat, hard, signal) \
	expect_class(m, (status), NULL, (cat), (hard), (signal), __FILE__, __LINE__)

enum
{
	ANY = -1, ENH = BOUNCE_SIGNAL_ENHANCED, REP = BOUNCE_SIGNAL_REPLY,
	NONE = BOUNCE_SIGNAL_NONE
};

static void
test_classify_codes(void)
{
	bounce_matcher *m = bounce_matcher_new();
	bounce_result r;
	int			rc;

	group("classification by codes");
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK_EQ_INT(bounce_init(), BOUNCE_OK);

	CODES("5.1.1", BOUNCE_INVALID_MAILBOX, 1, ENH);
	CODES("550 5.1.1", BOUNCE_INVALID_MAILBOX, 1, ENH);
	CODES("4.1.1", BOUNCE_INVALID_MAILBOX, 0, ENH);
	CODES("550 4.1.1", BOUNCE_INVALID_MAILBOX, 0, ENH);
	CODES("450 5.1.1", BOUNCE_INVALID_MAILBOX, 0, ENH);
	CODES("5.1.3", BOUNCE_INVALID_MAILBOX, 1, ENH);
	CODES("5.1.10", BOUNCE_INVALID_MAILBOX, 1, ENH);
	CODES("5.1.2", BOUNCE_INVALID_DOMAIN, 1, ENH);
	CODES("4.1.2", BOUNCE_INVALID_DOMAIN, 0, ENH);
	CODES("5.1.6", BOUNCE_INACTIVE_MAILBOX, 0, ENH);
	CODES("5.2.1", BOUNCE_INACTIVE_MAILBOX, 0, ENH);
	CODES("5.1.7", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.1.8", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.2.2", BOUNCE_FULL_MAILBOX, 0, ENH);
	CODES("4.2.2", BOUNCE_FULL_MAILBOX, 0, ENH);
	CODES("5.2.3", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.3.4", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.3.0", BOUNCE_RECIPIENT_SERVER_ERROR, 0, ENH);
	CODES("4.3.2", BOUNCE_RECIPIENT_SERVER_ERROR, 0, ENH);
	CODES("4.3.1", BOUNCE_RECIPIENT_SERVER_ERROR, 0, ENH);
	CODES("4.4.5", BOUNCE_RECIPIENT_SERVER_ERROR, 0, ENH);
	CODES("4.4.1", BOUNCE_CONNECTION_ERROR, 0, ENH);
	CODES("4.4.2", BOUNCE_CONNECTION_ERROR, 0, ENH);
	CODES("5.4.1", BOUNCE_OTHER, 0, NONE);
	CODES("550 5.4.1", BOUNCE_OTHER, 0, NONE);
	CODES("5.4.3", BOUNCE_ROUTING_ISSUES, 0, ENH);
	CODES("5.4.4", BOUNCE_ROUTING_ISSUES, 0, ENH);
	CODES("4.4.6", BOUNCE_ROUTING_ISSUES, 0, ENH);
	CODES("4.4.7", BOUNCE_MESSAGE_EXPIRED, 0, ENH);
	CODES("5.4.7", BOUNCE_MESSAGE_EXPIRED, 0, ENH);
	CODES("5.6.1", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.6.0", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.7.1", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.7.509", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.7.19", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.7.20", BOUNCE_DMARC_ISSUES, 0, ENH);
	CODES("5.7.25", BOUNCE_DMARC_ISSUES, 0, ENH);
	CODES("5.7.26", BOUNCE_DMARC_ISSUES, 0, ENH);
	CODES("5.7.27", BOUNCE_POLICY_RELATED, 0, ENH);
	CODES("5.0.0", BOUNCE_OTHER, 0, NONE);
	CODES("4.0.0", BOUNCE_OTHER, 0, NONE);
	CODES("5.1.0", BOUNCE_OTHER, 0, NONE);
	CODES("5.2.0", BOUNCE_OTHER, 0, NONE);
	CODES("5.5.0", BOUNCE_OTHER, 0, NONE);
	CODES("5.5.2", BOUNCE_OTHER, 0, NONE);
	CODES("4.4.0", BOUNCE_OTHER, 0, NONE);
	CODES("2.0.0", BOUNCE_OTHER, 0, NONE);

	/* the basic reply code where the enhanced one says nothing */
	CODES("552", BOUNCE_FULL_MAILBOX, 0, REP);
	CODES("552 5.0.0", BOUNCE_FULL_MAILBOX, 0, REP);
	CODES("421", BOUNCE_RECIPIENT_SERVER_ERROR, 0, REP);
	CODES("451", BOUNCE_RECIPIENT_SERVER_ERROR, 0, REP);
	CODES("550", BOUNCE_OTHER, 0, NONE);
	CODES("450", BOUNCE_OTHER, 0, NONE);
	CODES("553", BOUNCE_OTHER, 0, NONE);
	CODES("554", BOUNCE_OTHER, 0, NONE);
	/* the enhanced code beats the reply code */
	CODES("552 5.1.1", BOUNCE_INVALID_MAILBOX, 1, ENH);
	CODES("421 4.4.2", BOUNCE_CONNECTION_ERROR, 0, ENH);
	/* 521 / 556 win over the enhanced code */
	CODES("521 5.3.2", BOUNCE_INVALID_DOMAIN, 1, REP);
	CODES("556 5.1.10", BOUNCE_INVALID_DOMAIN, 1, REP);
	CODES("521", BOUNCE_INVALID_DOMAIN, 1, REP);
	CODES("556", BOUNCE_INVALID_DOMAIN, 1, REP);
	/* garbage statuses say nothing */
	CODES("abc", BOUNCE_OTHER, 0, NONE);
	CODES("9.9.9.9", BOUNCE_OTHER, 0, NONE);
	CODES("5.1.1.1", BOUNCE_OTHER, 0, NONE);

	/* both NULL: the SQL NULL answer, result still filled as "other" */
	memset(&r, 0x5A, sizeof(r));
	rc = bounce_classify(m, NULL, 0, NULL, 0, &r);
	CHECK_EQ_INT(rc, BOUNCE_NULL_INPUT);
	CHECK_EQ_INT(r.category, BOUNCE_OTHER);
	CHECK(!r.hard);
	CHECK(r.rule_id == NULL);
	/* any non-NULL input: one of the 15 names */
	expect_class(m, "", NULL, BOUNCE_OTHER, 0, NONE, __FILE__, __LINE__);
	expect_class(m, NULL, "", BOUNCE_OTHER, 0, NONE, __FILE__, __LINE__);
	expect_class(m, "", "", BOUNCE_OTHER, 0, NONE, __FILE__, __LINE__);
	expect_class(m, "   ", "", BOUNCE_OTHER, 0, NONE, __FILE__, __LINE__);

	/* the result's fields */
	memset(&r, 0x5A, sizeof(r));
	rc = bounce_classify(m, "550 5.1.1", 9, NULL, 0, &r);
	CHECK_EQ_INT(rc, BOUNCE_OK);
	CHECK_EQ_INT(r.reply_code, 550);
	CHECK_EQ_INT(r.enhanced[0], 5);
	CHECK_EQ_INT(r.enhanced[1], 1);
	CHECK_EQ_INT(r.enhanced[2], 1);
	CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_ENHANCED);
	CHECK(r.rule_id == NULL);
	CHECK_EQ_INT(r.match_start, 0);
	CHECK_EQ_INT(r.match_len, 0);
	CHECK(!r.truncated);
	CHECK(!r.limit_hit);

	rc = bounce_classify(m, "552", 3, NULL, 0, &r);
	CHECK_EQ_INT(rc, BOUNCE_OK);
	CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_REPLY);
	CHECK_EQ_INT(r.reply_code, 552);
	CHECK_EQ_INT(r.enhanced[0], 0);
	CHECK(r.rule_id == NULL);

	rc = bounce_classify(m, "5.7.509", 7, NULL, 0, &r);
	CHECK_EQ_INT(r.reply_code, 0);
	CHECK_EQ_INT(r.enhanced[2], 509);

	rc = bounce_classify(m, "550", 3, NULL, 0, &r);
	CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_NONE);
	CHECK_EQ_INT(r.reply_code, 550);
	CHECK(r.rule_id == NULL);

	bounce_matcher_free(m);
}

/* ================================================================ */
/* 4. Bad inputs: NUL bytes, invalid UTF-8, control characters,     */
/*    huge buffers, the scan limit, NULL arguments.                 */
/* ================================================================ */

/* rc OK and a defined answer */
static void
expect_defined(bounce_matcher *m, const char *status, size_t slen,
			   const char *diag, size_t dlen, bounce_result *r,
			   const char *file, int line)
{
	int			rc = bounce_classify(m, status, slen, diag, dlen, r);

	report(rc == BOUNCE_OK && bounce_category_name(r->category) != NULL &&
		   r->match_start + r->match_len <= (dlen < BOUNCE_SCAN_LIMIT ? dlen : BOUNCE_SCAN_LIMIT) &&
		   (r->rule_id != NULL) == (r->signal == BOUNCE_SIGNAL_RULE),
		   file, line, "bounce_classify(\"%s\", \"%s\"): rc %d, %s",
		   esc(status, slen), esc(diag, dlen), rc, describe(r));
}

#define DEFINED(status, diag, dlen, r) \
	expect_defined(m, (status), zlen(status), (diag), (dlen), (r), __FILE__, __LINE__)

static void
test_bad_inputs(void)
{
	static const char *const weird[] = {
		"\xFF\xFE user unknown",
		"\x80\x80\x80 mailbox full \x80",
		"abc \xC3",					/* truncated 2-byte sequence */
		"abc \xE2\x82",				/* truncated 3-byte sequence */
		"\xF0\x9F\x98",				/* truncated 4-byte sequence */
		"\xC0\xAF \xE0\x80\xAF \xC1\xBF",	/* overlong forms */
		"\xED\xA0\x80 surrogate",
		"\xF4\x90\x80\x80 beyond U+10FFFF",
		"\xF8\x88\x80\x80\x80 5-byte form",
		"\x01\x02\x03\x1B[31m\x7F\b\f\v 550 5.1.1",
		"smtp; 550 5.1.1 \xFF user \xFE unknown",
		"\xE2\x84\xAA\xC5\xBF\xE2\x84\xAA\xC5\xBF",
		"\xEF\xBB\xBFsmtp; 550 5.2.2 quota",
	};
	bounce_matcher *m = bounce_matcher_new();
	bounce_result r,
				r2;
	char	   *huge;
	size_t		huge_len = (size_t) 100 * 1024 * 1024,
				i;
	double		t0,
				t1;
	static const char nul_text[] = "smtp; 550 5.1.1 user\0unknown\0\0 <a@b>";

	group("bad inputs");
	CHECK(m != NULL);
	if (m == NULL)
		return;

	/* NUL bytes in the middle, invalid UTF-8, control characters */
	DEFINED("550 5.1.1", nul_text, sizeof(nul_text) - 1, &r);
	CHECK_EQ_INT(r.reply_code, 550);
	for (i = 0; i < sizeof(weird) / sizeof(weird[0]); i++)
	{
		DEFINED(NULL, weird[i], strlen(weird[i]), &r);
		DEFINED("550", weird[i], strlen(weird[i]), &r);
		DEFINED("4.7.1", weird[i], strlen(weird[i]), &r);
		/* the status column may hold the same bytes */
		expect_defined(m, weird[i], strlen(weird[i]), weird[i],
					   strlen(weird[i]), &r, __FILE__, __LINE__);
	}
	/* every single byte value, alone and around a code */
	for (i = 0; i < 256; i++)
	{
		char		b[12];

		b[0] = (char) i;
		DEFINED(NULL, b, 1, &r);
		memcpy(b, "550\0005.1.1 ", 10);
		b[3] = (char) i;
		expect_defined(m, b, 10, b, 10, &r, __FILE__, __LINE__);
	}

	/* NULL arguments */
	CHECK_EQ_INT(bounce_classify(NULL, "550", 3, "x", 1, &r), BOUNCE_EINVAL);
	CHECK_EQ_INT(bounce_classify(m, "550", 3, "x", 1, NULL), BOUNCE_EINVAL);
	CHECK_EQ_INT(bounce_classify(NULL, NULL, 0, NULL, 0, NULL), BOUNCE_EINVAL);
	/* a NULL pointer with a length is absent; a length of 0 is empty */
	CHECK_EQ_INT(bounce_classify(m, NULL, 9, NULL, 7, &r), BOUNCE_NULL_INPUT);
	CHECK_EQ_INT(bounce_classify(m, NULL, 9, "", 0, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.category, BOUNCE_OTHER);
	CHECK_EQ_INT(bounce_classify(m, NULL, 9, "5.2.2", 0, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.category, BOUNCE_OTHER);
	CHECK_EQ_INT(r.enhanced[0], 0);
	CHECK_EQ_INT(bounce_classify(m, "5.2.2", 5, NULL, 12, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.category, BOUNCE_FULL_MAILBOX);
	/* diagnostic non-NULL with length 0: the text is empty, codes decide */
	CHECK_EQ_INT(bounce_classify(m, "5.2.2", 5, "user unknown", 0, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.category, BOUNCE_FULL_MAILBOX);
	CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_ENHANCED);
	CHECK(r.rule_id == NULL);
	CHECK_EQ_INT(bounce_classify(m, "", 0, "user unknown", 0, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.category, BOUNCE_OTHER);
	/* inputs are byte ranges: bytes past the length are not read */
	CHECK_EQ_INT(bounce_classify(m, "5.1.1", 3, NULL, 0, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.category, BOUNCE_OTHER);
	CHECK_EQ_INT(bounce_classify(m, "550 5.1.1", 3, NULL, 0, &r), BOUNCE_OK);
	CHECK_EQ_INT(r.reply_code, 550);
	CHECK_EQ_INT(r.enhanced[0], 0);

	/* text exactly BOUNCE_SCAN_LIMIT bytes, and one more */
	huge = malloc(huge_len);
	CHECK(huge != NULL);
	if (huge == NULL)
	{
		bounce_matcher_free(m);
		return;
	}
	memset(huge, 'a', huge_len);
	DEFINED("550", huge, BOUNCE_SCAN_LIMIT, &r);
	CHECK(!r.truncated);
	DEFINED("550", huge, BOUNCE_SCAN_LIMIT + 1, &r2);
	CHECK(r2.truncated);
	r2.truncated = false;
	CHECK_MSG(same_result(&r, &r2), "limit: %s vs limit+1: %s",
			  describe(&r), describe(&r2));
	DEFINED("550", huge, BOUNCE_SCAN_LIMIT - 1, &r);
	CHECK(!r.truncated);

	/* 100 MB of 'a': truncated, defined, quick */
	t0 = now_seconds();
	DEFINED("550 5.1.1", huge, huge_len, &r);
	t1 = now_seconds();
	CHECK(r.truncated);
	CHECK_EQ_INT(r.reply_code, 550);
	CHECK_MSG(t1 - t0 < 5.0, "100 MB of 'a' took %.2f s", t1 - t0);
	DEFINED("550 5.1.1", huge, BOUNCE_SCAN_LIMIT, &r2);
	r2.truncated = true;
	CHECK_MSG(same_result(&r, &r2), "100 MB: %s vs first 64 KiB: %s",
			  describe(&r), describe(&r2));

	/* 100 MB of "user ": the rules' worst case */
	for (i = 0; i < huge_len; i++)
		huge[i] = "user "[i % 5];
	t0 = now_seconds();
	DEFINED(NULL, huge, huge_len, &r);
	t1 = now_seconds();
	CHECK(r.truncated);
	CHECK_MSG(t1 - t0 < 5.0, "100 MB of \"user \" took %.2f s", t1 - t0);
	DEFINED(NULL, huge, BOUNCE_SCAN_LIMIT, &r2);
	r2.truncated = true;
	CHECK_MSG(same_result(&r, &r2), "100 MB: %s vs first 64 KiB: %s",
			  describe(&r), describe(&r2));
	DEFINED("4.7.1", huge, huge_len, &r);
	DEFINED("550 5.4.1", huge, huge_len, &r);

	/* 64 KiB of every UTF-8 oddity repeated */
	for (i = 0; i + 4 <= BOUNCE_SCAN_LIMIT + 8; i += 4)
		memcpy(huge + i, "\xC3\xE2\x84\xFF", 4);
	DEFINED("550", huge, BOUNCE_SCAN_LIMIT + 8, &r);
	CHECK(r.truncated);

	/*
	 * The buffers that text needed (repaired, unwrapped: about 1 MB) go
	 * with the next ordinary text. mallinfo2 reads 0 under valgrind and
	 * the sanitizers, whose allocators it does not see: checked only
	 * where it measures.
	 */
	{
		size_t		after_huge = mallinfo2().uordblks,
					after_short;

		DEFINED("550", "550 5.1.1 user unknown", 22, &r);
		after_short = mallinfo2().uordblks;
		if (after_huge > 0)
			CHECK_MSG(after_short + 512 * 1024 < after_huge,
					  "heap in use %zu after the 64 KiB text, %zu after a short one",
					  after_huge, after_short);
	}
	free(huge);
	bounce_matcher_free(m);
}

/* ================================================================ */
/* 5. Engine mechanics with rule sets defined here: precedence,     */
/*    rules without literals, prefilter/reference parity, compile   */
/*    errors, when-conditions, match spans, the scan limit.         */
/* ================================================================ */

#define SPEC(id, cat, when, pattern) \
	{(id), BOUNCE_##cat, BOUNCE_WHEN_##when, (pattern), "unit_test.c"}

static bounce_ruleset *
compile_or_report(const bounce_rule_spec *specs, size_t n, const char *file,
				  int line)
{
	int			err = 12345;
	char		errbuf[256];
	bounce_ruleset *set = bounce_ruleset_compile(specs, n, &err, errbuf,
												 sizeof(errbuf));

	report(set != NULL && err == BOUNCE_OK, file, line,
		   "bounce_ruleset_compile: err %d: %s", err, errbuf);
	return set;
}

#define COMPILE(specs, n) compile_or_report((specs), (n), __FILE__, __LINE__)

/* Classify with both paths; report a disagreement; the prefilter's answer. */
static int
classify_both(const bounce_ruleset *set, bounce_matcher *m,
			  const char *status, size_t slen, const char *text, size_t tlen,
			  bounce_result *r, const char *file, int line)
{
	bounce_result ref;
	int			rc = bounce_classify_with(set, true, m, status, slen, text, tlen, r),
				rc_ref = bounce_classify_with(set, false, m, status, slen, text,
											  tlen, &ref);

	report(rc == rc_ref && same_result(r, &ref), file, line,
		   "prefilter/reference disagree on (\"%s\", \"%s\"): rc %d %s / rc %d %s",
		   esc(status, slen), esc(text, tlen), rc, describe(r), rc_ref,
		   describe(&ref));
	return rc;
}

/* The rule that decides (both paths), or NULL for none. */
static void
expect_rule(const bounce_ruleset *set, bounce_matcher *m, const char *status,
			const char *text, size_t tlen, const char *want,
			const char *file, int line)
{
	bounce_result r;
	int			rc = classify_both(set, m, status, zlen(status), text, tlen, &r,
								   file, line);

	report(rc == BOUNCE_OK && (want == NULL ? r.rule_id == NULL :
							   r.rule_id != NULL && strcmp(r.rule_id, want) == 0),
		   file, line, "(\"%s\", \"%s\"): rc %d, rule %s, want %s",
		   escz(status), esc(text, tlen), rc,
		   r.rule_id ? r.rule_id : "(none)", want ? want : "(none)");
	if (want != NULL && r.rule_id != NULL)
		report(r.signal == BOUNCE_SIGNAL_RULE, file, line, "signal %s for a rule",
			   bounce_signal_name(r.signal));
}

#define RULE(set, status, text, want) \
	expect_rule((set), m, (status), (text), zlen(text), (want), __FILE__, __LINE__)

static const bounce_rule_spec order_specs[] = {
	SPEC("o.zebra", FULL_MAILBOX, ANY, "\\bzebra\\b"),
	SPEC("o.apple", INACTIVE_MAILBOX, ANY, "\\bapple\\b"),
	SPEC("o.digits", ROUTING_ISSUES, ANY, "\\d{3}x"),	/* no usable literal */
	SPEC("o.short", RELAYING_ISSUES, ANY, "\\bok\\b"),	/* literal < 4 bytes */
	SPEC("o.apple2", POLICY_RELATED, ANY, "apple"),
};

static const bounce_rule_spec bad_specs[] = {
	SPEC("b.good", OTHER, ANY, "fine"),
	SPEC("b.broken-paren", OTHER, ANY, "user(unknown"),
};

static const bounce_rule_spec bad_specs2[] = {
	SPEC("b.backslash-c", OTHER, ANY, "a\\Cb"),	/* refused: NEVER_BACKSLASH_C */
};

static const bounce_rule_spec bad_specs3[] = {
	SPEC("b.quantifier", OTHER, ANY, "*oops"),
};

/* For each when-condition: the conditional rule, then a fallback. */
static const bounce_rule_spec when_specs[] = {
	SPEC("w.any", POLICY_RELATED, ANY, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.transient", POLICY_RELATED, TRANSIENT, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.permanent", POLICY_RELATED, PERMANENT, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.greycode", POLICY_RELATED, GREYCODE, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.x41", POLICY_RELATED, X41, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.nox41", POLICY_RELATED, NOX41, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.dbebcode", POLICY_RELATED, DBEBCODE, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.sendercode", POLICY_RELATED, SENDERCODE, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.nomailboxcode", POLICY_RELATED, NOMAILBOXCODE, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.nocode", POLICY_RELATED, NOCODE, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
	SPEC("w.tempornocode", POLICY_RELATED, TEMPORNOCODE, "needle"),
	SPEC("w.fallback", OTHER, ANY, "needle"),
};

typedef struct when_case
{
	bounce_when when;
	const char *status;
	const char *text;
	bool		holds;
} when_case;

static const when_case when_cases[] = {
	{BOUNCE_WHEN_ANY, NULL, "needle", true},
	{BOUNCE_WHEN_ANY, "550 5.1.1", "needle", true},

	{BOUNCE_WHEN_TRANSIENT, "450", "needle", true},
	{BOUNCE_WHEN_TRANSIENT, "4.2.2", "needle", true},
	{BOUNCE_WHEN_TRANSIENT, "550 4.2.2", "needle", true},
	{BOUNCE_WHEN_TRANSIENT, "450 5.2.2", "needle", true},
	{BOUNCE_WHEN_TRANSIENT, NULL, "smtp; 451 needle", true},
	{BOUNCE_WHEN_TRANSIENT, NULL, "host x said: 451 needle", true},
	{BOUNCE_WHEN_TRANSIENT, NULL, "needle 4.4.1", true},
	{BOUNCE_WHEN_TRANSIENT, "550", "needle", false},
	{BOUNCE_WHEN_TRANSIENT, "550 5.1.1", "needle", false},
	{BOUNCE_WHEN_TRANSIENT, NULL, "needle", false},
	{BOUNCE_WHEN_TRANSIENT, NULL, "needle from 192.0.2.4", false},

	{BOUNCE_WHEN_PERMANENT, "550", "needle", true},
	{BOUNCE_WHEN_PERMANENT, "5.1.1", "needle", true},
	{BOUNCE_WHEN_PERMANENT, NULL, "needle", true},
	{BOUNCE_WHEN_PERMANENT, "450", "needle", false},
	{BOUNCE_WHEN_PERMANENT, "5.1.1", "host said: 421 needle", false},

	{BOUNCE_WHEN_GREYCODE, "450", "needle", true},
	{BOUNCE_WHEN_GREYCODE, "451", "needle", true},
	{BOUNCE_WHEN_GREYCODE, "4.7.1", "needle", true},
	{BOUNCE_WHEN_GREYCODE, "450 4.7.1", "needle", true},
	{BOUNCE_WHEN_GREYCODE, "451 4.7.1", "needle", true},
	{BOUNCE_WHEN_GREYCODE, NULL, "smtp; 450 4.7.1 needle", true},
	{BOUNCE_WHEN_GREYCODE, "450 4.2.0", "needle", false},
	{BOUNCE_WHEN_GREYCODE, "450 5.7.1", "needle", false},
	{BOUNCE_WHEN_GREYCODE, "421", "needle", false},
	{BOUNCE_WHEN_GREYCODE, "550", "needle", false},
	{BOUNCE_WHEN_GREYCODE, "5.7.1", "needle", false},
	{BOUNCE_WHEN_GREYCODE, "4.7.10", "needle", false},
	{BOUNCE_WHEN_GREYCODE, "421 4.7.1", "needle", false},
	{BOUNCE_WHEN_GREYCODE, NULL, "needle", false},
	{BOUNCE_WHEN_GREYCODE, "", "needle", false},

	{BOUNCE_WHEN_X41, "5.4.1", "needle", true},
	{BOUNCE_WHEN_X41, "4.4.1", "needle", true},
	{BOUNCE_WHEN_X41, "550 5.4.1", "needle", true},
	{BOUNCE_WHEN_X41, NULL, "550 5.4.1 needle", true},
	{BOUNCE_WHEN_X41, NULL, "relay said: 5.4.1 needle", true},
	{BOUNCE_WHEN_X41, "5.4.10", "needle", false},
	{BOUNCE_WHEN_X41, "5.1.1", "needle", false},
	{BOUNCE_WHEN_X41, "550", "needle", false},
	{BOUNCE_WHEN_X41, NULL, "needle", false},

	{BOUNCE_WHEN_DBEBCODE, "5.4.1", "needle", true},
	{BOUNCE_WHEN_DBEBCODE, "550 5.7.504", "needle", true},
	{BOUNCE_WHEN_DBEBCODE, NULL, "550 5.7.504 needle", true},
	{BOUNCE_WHEN_DBEBCODE, "4.7.504", "needle", false},
	{BOUNCE_WHEN_DBEBCODE, "5.7.505", "needle", false},
	{BOUNCE_WHEN_DBEBCODE, "5.7.50", "needle", false},
	{BOUNCE_WHEN_DBEBCODE, "5.7.1", "needle", false},
	{BOUNCE_WHEN_DBEBCODE, NULL, "needle", false},

	{BOUNCE_WHEN_NOX41, "5.4.1", "needle", false},
	{BOUNCE_WHEN_NOX41, NULL, "550 5.4.1 needle", false},
	{BOUNCE_WHEN_NOX41, "5.7.1", "needle", true},
	{BOUNCE_WHEN_NOX41, NULL, "needle", true},

	{BOUNCE_WHEN_SENDERCODE, "5.1.7", "needle", true},
	{BOUNCE_WHEN_SENDERCODE, "4.1.8", "needle", true},
	{BOUNCE_WHEN_SENDERCODE, "553 5.1.8", "needle", true},
	{BOUNCE_WHEN_SENDERCODE, NULL, "smtp; 553 5.1.7 needle", true},
	{BOUNCE_WHEN_SENDERCODE, "5.1.1", "needle", false},
	{BOUNCE_WHEN_SENDERCODE, "5.7.1", "needle", false},
	{BOUNCE_WHEN_SENDERCODE, "553", "needle", false},
	{BOUNCE_WHEN_SENDERCODE, NULL, "needle", false},

	{BOUNCE_WHEN_NOMAILBOXCODE, NULL, "needle", true},
	{BOUNCE_WHEN_NOMAILBOXCODE, "550 5.7.1", "needle", true},
	{BOUNCE_WHEN_NOMAILBOXCODE, "550 5.1.0", "needle", true},
	{BOUNCE_WHEN_NOMAILBOXCODE, "550 5.1.1", "needle", false},
	{BOUNCE_WHEN_NOMAILBOXCODE, "552 5.2.2", "needle", false},
	{BOUNCE_WHEN_NOMAILBOXCODE, NULL, "smtp; 550 5.2.1 needle", false},

	{BOUNCE_WHEN_NOCODE, NULL, "needle", true},
	{BOUNCE_WHEN_NOCODE, "550", "needle", true},
	{BOUNCE_WHEN_NOCODE, "554 5.0.0", "needle", true},
	{BOUNCE_WHEN_NOCODE, "450", "needle", true},
	{BOUNCE_WHEN_NOCODE, "554 5.7.1", "needle", false},
	{BOUNCE_WHEN_NOCODE, "451 4.7.1", "needle", false},
	{BOUNCE_WHEN_NOCODE, "421", "needle", false},
	{BOUNCE_WHEN_NOCODE, "556", "needle", false},
	{BOUNCE_WHEN_NOCODE, NULL, "smtp; 550 5.1.1 needle", false},

	/* transient or nocode: a 4xx whatever its enhanced code */
	{BOUNCE_WHEN_TEMPORNOCODE, NULL, "needle", true},
	{BOUNCE_WHEN_TEMPORNOCODE, "554", "needle", true},
	{BOUNCE_WHEN_TEMPORNOCODE, "451 4.7.1", "needle", true},
	{BOUNCE_WHEN_TEMPORNOCODE, "421 4.3.2", "needle", true},
	{BOUNCE_WHEN_TEMPORNOCODE, NULL, "host said: 421 4.7.0 needle", true},
	{BOUNCE_WHEN_TEMPORNOCODE, "554 5.7.1", "needle", false},
	{BOUNCE_WHEN_TEMPORNOCODE, "550 5.1.1", "needle", false},
	{BOUNCE_WHEN_TEMPORNOCODE, "556", "needle", false},
	{BOUNCE_WHEN_TEMPORNOCODE, NULL, "smtp; 552 needle", false},
};

static const bounce_rule_spec span_specs[] = {
	SPEC("s.unknown", INVALID_MAILBOX, ANY, "u\\w+r\\s+unknown"),
};

static const bounce_rule_spec span_specs2[] = {
	SPEC("s.keep", OTHER, ANY, "said:\\s*\\K\\w+"),
};

static const bounce_rule_spec span_specs3[] = {
	SPEC("s.accent", OTHER, ANY, "(?<=x)é+s"),
};

static const bounce_rule_spec needle_specs[] = {
	SPEC("n.needle", OTHER, ANY, "needle"),
};

/* A rule that never matches but asks for the codes (TRANSIENT). */
static const bounce_rule_spec lazy_specs[] = {
	SPEC("l.never", POLICY_RELATED, TRANSIENT, "zzzzqqqq"),
};

/* Compare a rule's span with pcre2 run directly on the same pattern. */
static void
expect_span(const bounce_ruleset *set, bounce_matcher *m, const char *pattern,
			const char *text, const char *file, int line)
{
	int			err;
	PCRE2_SIZE	off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
									 PCRE2_CASELESS | PCRE2_UTF |
									 PCRE2_MATCH_INVALID_UTF | PCRE2_DOTALL,
									 &err, &off, NULL);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	bounce_result r;
	int			rc;

	if (code == NULL || md == NULL)
	{
		report(false, file, line, "pcre2 cannot compile %s", pattern);
		pcre2_code_free(code);
		pcre2_match_data_free(md);
		return;
	}
	rc = pcre2_match(code, (PCRE2_SPTR) text, strlen(text), 0, 0, md, NULL);
	classify_both(set, m, NULL, 0, text, strlen(text), &r, file, line);
	if (rc < 0)
		report(r.rule_id == NULL, file, line, "\"%s\": rule fired without a pcre2 match",
			   escz(text));
	else
	{
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

		report(r.rule_id != NULL && r.match_start == ov[0] &&
			   r.match_len == ov[1] - ov[0], file, line,
			   "\"%s\": span %zu+%zu, pcre2 says %zu+%zu", escz(text),
			   r.match_start, r.match_len, (size_t) ov[0], (size_t) (ov[1] - ov[0]));
	}
	pcre2_code_free(code);
	pcre2_match_data_free(md);
}

#define SPAN(set, pattern, text) \
	expect_span((set), m, (pattern), (text), __FILE__, __LINE__)

static const bounce_rule_spec short_specs[] = {
	SPEC("x.spf", DMARC_ISSUES, ANY, "\\bspf\\b"),
	SPEC("x.dkim-or-arc", DMARC_ISSUES, ANY, "\\b(?:dkim|arc)\\b"),
};

static const struct
{
	const char *pattern;
	const char *text;
	bool		fires;
}			constructs[] = {
	{"def|abc", "abc def", true},
	{"ab|abcd", "xabcd", true},
	{"abc|", "xxabc", true},
	{"a\\|b|cdef", "a|b", true},
	{"[|]x|yyyy", "|x", true},
	{"[]|]x|yyyy", "|x", true},
	{"\\Qa|b\\E|zzzz", "a|b", true},
	{"(?#a|b)abc|def", "def", true},
	{"abc(?#x(y)?|write", "write", true},	/* the comment ends at its first ')' */
	{"abc|(?-i)DEF", "def", false},
	{"(?i:abc)|def", "DEF", true},
	{"(?:user|recipient)\\s+unknown|no\\s+such\\s+user", "no such user", true},
	{"(?<w>user|recipient)\\s+unknown|unknown\\s+(?&w)", "unknown recipient", true},
	{"(?<q>ab)c|\\k<q>d", "abc", true},
	{"(*UCP)xyzw|\\b\\w+rangers\\b", "\xC3\xA9trangers", true},
	{"zz\\Kq|zq", "zzq", true},
	{"(?x) user unknown | foo", "userunknown", true},
	{"a(*ACCEPT)zzzz|yyyy", "abc", true},
	{"(*UCP)user\\s+unknown", "user\xC2\xA0unknown", true},
	/* the rules read U+00A0 as a space (unwrap.c), though \s is ASCII */
	{"user\\s+unknown", "user\xC2\xA0unknown", true},
};

/* ---- generated texts for the parity test ---- */

static uint32_t rng_state = 12345;

static uint32_t
rnd(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static const bounce_rule_spec parity_specs[] = {
	SPEC("p.expired", MESSAGE_EXPIRED, ANY, "\\bretry\\s+timeout\\s+exceeded\\b"),
	SPEC("p.grey", GREYLISTING_ISSUES, GREYCODE, "\\btry\\s+again\\s+later\\b"),
	SPEC("p.sender", POLICY_RELATED, SENDERCODE, "\\bsender\\b"),
	SPEC("p.dbeb", INVALID_MAILBOX, X41, "\\baccess\\s+denied\\b"),
	SPEC("p.unknown", INVALID_MAILBOX, ANY,
		 "\\b(?:user|recipient|benutzer)\\s+(?:is\\s+)?(?:unknown|unbekannt)\\b"),
	SPEC("p.german", INVALID_MAILBOX, ANY, "empf(?:ä|ae)nger\\s+unbekannt"),
	SPEC("p.full", FULL_MAILBOX, ANY,
		 "(?:mailbox|inbox)\\s+(?:is\\s+)?full|über\\s+(?:dem\\s+)?quota"),
	SPEC("p.quota", FULL_MAILBOX, NOX41, "quota(?!\\s+ok)"),
	SPEC("p.found", INVALID_MAILBOX, PERMANENT, "(?<!not\\s)found\\b"),
	SPEC("p.cyrillic", INVALID_MAILBOX, ANY,
		 "ящик\\s+не\\s+существует|пользователь\\s+не\\s+найден"),
	SPEC("p.japanese", INVALID_MAILBOX, ANY, "宛先が見つかりません|ユーザー不明"),
	SPEC("p.kelvin", OTHER, ANY, "kelvin\\b"),
	SPEC("p.spam", REPUTATION_ISSUES, ANY, "spam"),
	SPEC("p.mass", REPUTATION_ISSUES, TRANSIENT, "mass\\s+mail"),
	SPEC("p.askme", OTHER, ANY, "askme"),
	SPEC("p.digits", ROUTING_ISSUES, ANY, "\\d{3}x"),
	SPEC("p.short", RELAYING_ISSUES, ANY, "\\bok\\b"),
	SPEC("p.rejected", POLICY_RELATED, PERMANENT, "rejected"),
	SPEC("p.accent", OTHER, ANY, "caf[eé]\\s+noir|naïve"),
	SPEC("p.class", CONNECTION_ERROR, ANY, "[ck]onnection\\s+refused"),
	/* escapes: \x{212a} (KELVIN SIGN, caseless k) exists only in UTF mode,
	 * so its ASCII texts too go through the UTF form of the pattern */
	SPEC("p.escape", OTHER, ANY, "\\x{212a}\\s*scale\\b|\\bd\\x{e9}j\\x{e0}\\s+vu\\b"),
};

static const char *const fragments[] = {
	"user unknown", "USER UNKNOWN", "User\r\n Unknown", "recipient is unknown",
	"Benutzer unbekannt", "BENUTZER UNBEKANNT", "Empfänger unbekannt",
	"EMPFÄNGER UNBEKANNT", "empfaenger unbekannt",
	"mailbox full", "INBOX IS FULL", "inbox\tfull", "ÜBER QUOTA", "über dem quota",
	"Über Quota", "quota ok", "QUOTA", "quota", "not found", "found", "NOT FOUND",
	"ЯЩИК НЕ СУЩЕСТВУЕТ", "ящик не существует", "Пользователь не найден",
	"ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН", "ユーザー不明", "宛先が見つかりません",
	"\xE2\x84\xAA" "ELVIN", "\xE2\x84\xAA" "elvin", "kelvin", "KELVIN",
	"\xC5\xBF" "pam", "SPAM", "spam", "ma\xC5\xBF\xC5\xBF mail", "MASS MAIL",
	"a\xC5\xBFkme", "as\xE2\x84\xAA" "me", "ASKME", "123x", "12x", "999X",
	"OK", "ok.", "rejected", "REJECTED", "try again later", "TRY AGAIN\nLATER",
	"sender", "SENDER", "access denied", "Access  Denied",
	"retry timeout exceeded", "RETRY TIMEOUT\r\nEXCEEDED",
	"café noir", "CAFÉ NOIR", "cafe noir", "naïve", "NAÏVE",
	"connection refused", "Konnection Refused", "KONNECTION REFUSED",
	"k scale", "K  SCALE", "déjà vu", "DÉJÀ VU", "deja vu",
	"550 ", "5.1.1 ", "4.4.1 ", "said: 421 ", "smtp; 451 4.7.1 ", "5.4.1",
	"553 5.1.7 ", "4.7.1", "\xFF\xFE", "\x80", "\xC3", "\xE2\x84", "\xC0\xAF",
	"\t", "ü", "é", "Ü", "日本", "Ω", "ǅ", "ſ", "K", "\xE1\xB2\x80",
	"the", "mail", "host", "[192.0.2.1]", "<a@b.example>", ";", ":",
};

static const char *const parity_statuses[] = {
	NULL, "", "550", "450", "451", "4.7.1", "450 4.7.1", "5.1.7", "5.4.1",
	"550 5.4.1", "421 4.4.2", "4.2.2",
};

/* A random text of fragments, separators and case flips; returns its length. */
static size_t
gen_text(char *buf, size_t cap)
{
	static const char *const seps[] = {" ", "", "\n", ", ", "  ", "\r\n"};
	size_t		len = 0,
				k,
				nfrag = 1 + rnd() % 8,
				i;
	bool		flip = rnd() % 3 == 0;

	/* pcre2's JIT may read ahead within the buffer: keep it defined */
	memset(buf, 0, cap);
	for (k = 0; k < nfrag; k++)
	{
		const char *f = fragments[rnd() % (sizeof(fragments) / sizeof(fragments[0]))];
		const char *s = seps[rnd() % (sizeof(seps) / sizeof(seps[0]))];
		size_t		fl = strlen(f),
					sl = strlen(s);

		if (len + fl + sl + 1 >= cap)
			break;
		memcpy(buf + len, f, fl);
		len += fl;
		memcpy(buf + len, s, sl);
		len += sl;
	}
	if (flip)
		for (i = 0; i < len; i++)
		{
			unsigned char c = (unsigned char) buf[i];

			if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && rnd() % 2)
				buf[i] = (char) (c ^ 0x20);
		}
	buf[len] = '\0';
	return len;
}

static void
test_engine(void)
{
	bounce_matcher *m = bounce_matcher_new();
	bounce_ruleset *set,
			   *lazy,
			   *empty;
	bounce_result r,
				r2;
	int			err,
				i,
				mismatches;
	char		errbuf[256];
	char	   *text;
	size_t		k;
	static bounce_rule_spec big_specs[130];
	static char big_patterns[130][32];
	static char big_ids[130][16];

	group("engine");
	CHECK(m != NULL);
	if (m == NULL)
		return;

	/* first matching rule in table order wins, wherever its match is */
	set = COMPILE(order_specs, sizeof(order_specs) / sizeof(order_specs[0]));
	if (set != NULL)
	{
		CHECK_EQ_INT(bounce_ruleset_size(set), 5);
		CHECK(bounce_ruleset_spec(set, 0) == &order_specs[0]);
		CHECK(bounce_ruleset_spec(set, 5) == NULL);
		RULE(set, NULL, "apple apple zebra", "o.zebra");
		RULE(set, NULL, "an APPLE a day", "o.apple");
		RULE(set, NULL, "pineapple", "o.apple2");
		RULE(set, NULL, "nothing here", NULL);
		/* a rule whose pattern has no usable literal still fires */
		RULE(set, NULL, "error 123x", "o.digits");
		RULE(set, NULL, "error 123X and apple", "o.apple");
		RULE(set, NULL, "it is OK", "o.short");
		RULE(set, NULL, "ok", "o.short");
		RULE(set, NULL, "", NULL);
		/* the rule's category and the match span */
		classify_both(set, m, "5.1.1", 5, "xx apple zebra", 14, &r, __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_FULL_MAILBOX);
		CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_RULE);
		CHECK_EQ_INT(r.match_start, 9);
		CHECK_EQ_INT(r.match_len, 5);
		CHECK(!r.hard);			/* the rule's category is not a hard one */
		CHECK_EQ_INT(r.reply_code, 0);
		CHECK_EQ_INT(r.enhanced[0], 5);
		/* NUL bytes and invalid UTF-8 before a match do not hide it */
		expect_rule(set, m, NULL, "\0\0zebra", 7, "o.zebra", __FILE__, __LINE__);
		expect_rule(set, m, NULL, "\xFF\xFE zebra \xC3", 10, "o.zebra", __FILE__, __LINE__);
		expect_rule(set, m, NULL, "abc\0def zebra", 13, "o.zebra", __FILE__, __LINE__);
		/* the length bounds the text */
		expect_rule(set, m, NULL, "apple zebra", 5, "o.apple", __FILE__, __LINE__);
		/* no rule: the codes decide */
		classify_both(set, m, "5.2.2", 5, "nothing", 7, &r, __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_FULL_MAILBOX);
		CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_ENHANCED);
		CHECK(r.rule_id == NULL);
		CHECK_EQ_INT(bounce_classify_with(set, true, NULL, "550", 3, "x", 1, &r),
					 BOUNCE_EINVAL);
		CHECK_EQ_INT(bounce_classify_with(set, true, m, "550", 3, "x", 1, NULL),
					 BOUNCE_EINVAL);
		CHECK_EQ_INT(bounce_classify_with(NULL, true, m, "550", 3, "x", 1, &r),
					 BOUNCE_EINVAL);
		CHECK_EQ_INT(bounce_classify_with(set, false, m, NULL, 0, NULL, 0, &r),
					 BOUNCE_NULL_INPUT);
		bounce_ruleset_free(set);
	}

	/* codes found in the text decide when no rule matches */
	empty = COMPILE(order_specs, 0);
	if (empty != NULL)
	{
		CHECK_EQ_INT(bounce_ruleset_size(empty), 0);
		classify_both(empty, m, NULL, 0, "smtp; 550 5.1.1 whatever", 24, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_INVALID_MAILBOX);
		CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_ENHANCED);
		CHECK(r.hard);
		classify_both(empty, m, NULL, 0, "host said: 450 4.1.1 whatever", 29, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_INVALID_MAILBOX);
		CHECK(!r.hard);
		CHECK_EQ_INT(r.reply_code, 450);
		/* the status argument's enhanced code comes first */
		classify_both(empty, m, "5.1.1", 5, "smtp; 552 5.2.2 x", 17, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_INVALID_MAILBOX);
		/* ... unless it says too little */
		classify_both(empty, m, "5.0.0", 5, "smtp; 550 5.2.2 x", 17, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_FULL_MAILBOX);
		/* the text's code that decided is the one reported */
		CHECK_EQ_INT(r.enhanced[0] * 100 + r.enhanced[1] * 10 + r.enhanced[2], 522);
		/* ... and so does a later code in the text that says more */
		classify_both(empty, m, "554 5.4.0", 9, "554 5.4.0 <mx.example.net #4.4.1>",
					  33, &r, __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_CONNECTION_ERROR);
		CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_ENHANCED);
		CHECK_EQ_INT(r.enhanced[0] * 100 + r.enhanced[1] * 10 + r.enhanced[2], 441);
		CHECK(!r.hard);
		classify_both(empty, m, NULL, 0, "550 5.0.0 x; 5.5.1 y; 5.1.1 z", 29, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_INVALID_MAILBOX);
		CHECK(r.hard);
		/* hard or not by the codes reported: the reply and the deciding code */
		classify_both(empty, m, "550", 3, "x 4.5.0 y (#5.1.1)", 18, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_INVALID_MAILBOX);
		CHECK_EQ_INT(r.enhanced[0] * 100 + r.enhanced[1] * 10 + r.enhanced[2], 511);
		CHECK(r.hard);
		classify_both(empty, m, NULL, 0, "550 5.0.0 x; 5.5.1 y", 20, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_OTHER);
		CHECK_EQ_INT(r.enhanced[0] * 100 + r.enhanced[1] * 10 + r.enhanced[2], 500);
		/* 521 at the start of the text */
		classify_both(empty, m, NULL, 0, "smtp; 521 5.3.2 no mail here", 28, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.category, BOUNCE_INVALID_DOMAIN);
		CHECK_EQ_INT(r.signal, BOUNCE_SIGNAL_REPLY);
	}

	/*
	 * The answer must not depend on rules that do not match. The codes
	 * are completed lazily (bounce_codectx), so a reply code found only
	 * inside the text ("said: 421") once counted only when some rule with
	 * a when-condition had been evaluated first (always on the reference
	 * path, only for candidates on the prefilter path).
	 */
	lazy = COMPILE(lazy_specs, 1);
	if (lazy != NULL && empty != NULL)
	{
		static const char *const texts[] = {
			"mx.example.com said: 421 service busy",
			"host said: 552 too much mail",
			"Remote server returned '451 temporary problem'",
		};

		for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++)
		{
			classify_both(lazy, m, NULL, 0, texts[k], strlen(texts[k]), &r,
						  __FILE__, __LINE__);
			classify_both(empty, m, NULL, 0, texts[k], strlen(texts[k]), &r2,
						  __FILE__, __LINE__);
			CHECK_MSG(r.category == r2.category && r.signal == r2.signal,
					  "\"%s\": %s with a non-matching rule, %s without rules",
					  texts[k], describe(&r), describe(&r2));
			CHECK_MSG(r.reply_code != 0, "\"%s\": reply code not found", texts[k]);
		}
	}
	bounce_ruleset_free(lazy);
	bounce_ruleset_free(empty);

	/* a bad pattern: NULL, BOUNCE_ERULES, the rule named */
	err = 0;
	set = bounce_ruleset_compile(bad_specs, 2, &err, errbuf, sizeof(errbuf));
	CHECK(set == NULL);
	CHECK_EQ_INT(err, BOUNCE_ERULES);
	CHECK_MSG(strstr(errbuf, "b.broken-paren") != NULL, "error text: %s", errbuf);
	CHECK_MSG(strstr(errbuf, "unit_test.c") != NULL, "error text: %s", errbuf);
	CHECK_MSG(strstr(errbuf, "b.good") == NULL, "error text: %s", errbuf);
	bounce_ruleset_free(set);
	err = 0;
	set = bounce_ruleset_compile(bad_specs2, 1, &err, errbuf, sizeof(errbuf));
	CHECK(set == NULL);
	CHECK_EQ_INT(err, BOUNCE_ERULES);
	CHECK_MSG(strstr(errbuf, "b.backslash-c") != NULL, "error text: %s", errbuf);
	bounce_ruleset_free(set);
	err = 0;
	set = bounce_ruleset_compile(bad_specs3, 1, &err, NULL, 0);
	CHECK(set == NULL);
	CHECK_EQ_INT(err, BOUNCE_ERULES);
	err = 0;
	memset(errbuf, 'X', sizeof(errbuf));
	set = bounce_ruleset_compile(bad_specs, 2, &err, errbuf, 8);
	CHECK(set == NULL);
	CHECK(memchr(errbuf, '\0', 8) != NULL);
	CHECK(errbuf[8] == 'X');

	/* when-conditions */
	for (k = 0; k < sizeof(when_cases) / sizeof(when_cases[0]); k++)
	{
		const when_case *c = &when_cases[k];

		set = COMPILE(&when_specs[2 * c->when], 2);
		if (set == NULL)
			continue;
		expect_rule(set, m, c->status, c->text, strlen(c->text),
					c->holds ? when_specs[2 * c->when].id : "w.fallback",
					__FILE__, __LINE__);
		bounce_ruleset_free(set);
	}

	/* match spans equal pcre2's */
	set = COMPILE(span_specs, 1);
	if (set != NULL)
	{
		SPAN(set, span_specs[0].pattern, "xx User   Unknown yy");
		SPAN(set, span_specs[0].pattern, "Übermäßig: USER unknown");
		SPAN(set, span_specs[0].pattern, "\xFF\xFE users unknown \xC3");
		SPAN(set, span_specs[0].pattern, "user\r\nunknown");
		SPAN(set, span_specs[0].pattern, "usr unknown");
		SPAN(set, span_specs[0].pattern, "user user user unknown");
		bounce_ruleset_free(set);
	}
	set = COMPILE(span_specs2, 1);
	if (set != NULL)
	{
		SPAN(set, span_specs2[0].pattern, "host x said:   whatever else");
		bounce_ruleset_free(set);
	}
	set = COMPILE(span_specs3, 1);
	if (set != NULL)
	{
		SPAN(set, span_specs3[0].pattern, "日本 xééés ÉS");
		SPAN(set, span_specs3[0].pattern, "XÉÉS");
		bounce_ruleset_free(set);
	}

	/* the scan limit: a match must lie within the first 64 KiB */
	set = COMPILE(needle_specs, 1);
	text = malloc(BOUNCE_SCAN_LIMIT + 16);
	if (set != NULL && text != NULL)
	{
		memset(text, ' ', BOUNCE_SCAN_LIMIT + 16);
		memcpy(text + BOUNCE_SCAN_LIMIT - 6, "needle", 6);
		classify_both(set, m, NULL, 0, text, BOUNCE_SCAN_LIMIT, &r, __FILE__, __LINE__);
		CHECK(r.rule_id != NULL && !r.truncated);
		CHECK_EQ_INT(r.match_start, BOUNCE_SCAN_LIMIT - 6);
		classify_both(set, m, NULL, 0, text, BOUNCE_SCAN_LIMIT + 16, &r, __FILE__, __LINE__);
		CHECK(r.rule_id != NULL && r.truncated);
		memset(text, ' ', BOUNCE_SCAN_LIMIT + 16);
		memcpy(text + BOUNCE_SCAN_LIMIT - 5, "needle", 6);
		classify_both(set, m, NULL, 0, text, BOUNCE_SCAN_LIMIT + 16, &r, __FILE__, __LINE__);
		CHECK(r.rule_id == NULL && r.truncated);
		/* a code past the limit is not seen either */
		memset(text, ' ', BOUNCE_SCAN_LIMIT + 16);
		memcpy(text + BOUNCE_SCAN_LIMIT + 2, ": 5.1.1", 7);
		classify_both(set, m, NULL, 0, text, BOUNCE_SCAN_LIMIT + 16, &r, __FILE__, __LINE__);
		CHECK_EQ_INT(r.enhanced[0], 0);
		CHECK_EQ_INT(r.category, BOUNCE_OTHER);
	}
	free(text);
	bounce_ruleset_free(set);

	/* more than 64 rules: candidates in later bitset words */
	for (i = 0; i < 130; i++)
	{
		snprintf(big_patterns[i], sizeof(big_patterns[i]), "\\bkw%03dz\\b", i);
		snprintf(big_ids[i], sizeof(big_ids[i]), "big.%03d", i);
		big_specs[i].id = big_ids[i];
		big_specs[i].category = (bounce_category) (i % BOUNCE_CATEGORY_COUNT);
		big_specs[i].when = BOUNCE_WHEN_ANY;
		big_specs[i].pattern = big_patterns[i];
		big_specs[i].origin = NULL;
	}
	set = COMPILE(big_specs, 130);
	if (set != NULL)
	{
		RULE(set, NULL, "kw120z then KW070Z", "big.070");
		RULE(set, NULL, "kw129z", "big.129");
		RULE(set, NULL, "kw128z kw127z", "big.127");
		RULE(set, NULL, "kw000z kw129z", "big.000");
		RULE(set, NULL, "kw1290z", NULL);
		/* the same matcher with a smaller set, then the big one again */
		lazy = COMPILE(order_specs, 2);
		if (lazy != NULL)
			RULE(lazy, NULL, "zebra", "o.zebra");
		RULE(set, NULL, "kw100z", "big.100");
		bounce_ruleset_free(lazy);
		bounce_ruleset_free(set);
	}

	/* short literals (3 bytes) anywhere in the text, on both paths */
	set = COMPILE(short_specs, sizeof(short_specs) / sizeof(short_specs[0]));
	if (set != NULL)
	{
		RULE(set, NULL, "SPF", "x.spf");
		RULE(set, NULL, "spf fail", "x.spf");
		RULE(set, NULL, "fail: Spf", "x.spf");
		RULE(set, NULL, "xspf", NULL);
		RULE(set, NULL, "sp", NULL);
		RULE(set, NULL, "the dkim", "x.dkim-or-arc");
		RULE(set, NULL, "ARC", "x.dkim-or-arc");
		RULE(set, NULL, "arc spf", "x.spf");
		bounce_ruleset_free(set);
	}

	/*
	 * Rules are valid pcre2 patterns, whatever constructs they use: each
	 * must compile and get the same answer (rule and span) on both paths.
	 * FAIL at the time of writing (the prefilter splits a rule at its
	 * top-level '|' and compiles the branches separately, and factor.c
	 * misreads some constructs):
	 *  - a named group used from another branch: bounce_ruleset_compile
	 *    returns NULL with BOUNCE_ENOMEM and no error text;
	 *  - (*UCP) at the start only reaches the first branch;
	 *  - \K: the branch with the leftmost reported start is not always the
	 *    branch the alternation takes;
	 *  - (?x), (*ACCEPT) and (*UCP) with \\s: factor.c derives literals the
	 *    match does not need, so the prefilter never tries the rule.
	 */
	for (k = 0; k < sizeof(constructs) / sizeof(constructs[0]); k++)
	{
		bounce_rule_spec one[1];

		one[0].id = "c.construct";
		one[0].category = BOUNCE_POLICY_RELATED;
		one[0].when = BOUNCE_WHEN_ANY;
		one[0].pattern = constructs[k].pattern;
		one[0].origin = NULL;
		err = 0;
		set = bounce_ruleset_compile(one, 1, &err, errbuf, sizeof(errbuf));
		CHECK_MSG(set != NULL && err == BOUNCE_OK,
				  "valid pattern %s: err %d (%s) \"%s\"", constructs[k].pattern,
				  err, bounce_strerror(err), errbuf);
		if (set == NULL)
			continue;
		expect_rule(set, m, NULL, constructs[k].text, strlen(constructs[k].text),
					constructs[k].fires ? "c.construct" : NULL, __FILE__, __LINE__);
		bounce_ruleset_free(set);
	}

	/* prefilter and reference agree on generated texts */
	set = COMPILE(parity_specs, sizeof(parity_specs) / sizeof(parity_specs[0]));
	if (set != NULL)
	{
		char		buf[512];
		int			fired = 0;

		mismatches = 0;
		for (i = 0; i < 600; i++)
		{
			size_t		len = gen_text(buf, sizeof(buf));
			const char *st = parity_statuses[rnd() % (sizeof(parity_statuses) /
													 sizeof(parity_statuses[0]))];
			bounce_result ref;
			int			rc = bounce_classify_with(set, true, m, st, zlen(st), buf, len, &r),
						rc_ref = bounce_classify_with(set, false, m, st, zlen(st), buf,
													  len, &ref);

			if (rc != rc_ref || !same_result(&r, &ref))
			{
				if (++mismatches <= 5)
					report(false, __FILE__, __LINE__,
						   "parity: (\"%s\", \"%s\"): prefilter %s, reference %s",
						   escz(st), esc(buf, len), describe(&r), describe(&ref));
			}
			if (ref.rule_id != NULL)
				fired++;
		}
		CHECK_MSG(mismatches == 0, "%d of 600 generated texts disagree", mismatches);
		CHECK_MSG(fired > 300, "only %d of 600 generated texts fired a rule", fired);

		/* the case-folding exceptions, one by one */
		RULE(set, NULL, "\xE2\x84\xAA" "elvin", "p.kelvin");
		RULE(set, NULL, "KELVIN", "p.kelvin");
		RULE(set, NULL, "\xC5\xBF" "pam", "p.spam");
		RULE(set, NULL, "a\xC5\xBF" "kme", "p.askme");
		RULE(set, NULL, "as\xE2\x84\xAA" "me", "p.askme");
		RULE(set, "450", "ma\xC5\xBF\xC5\xBF mail", "p.mass");
		RULE(set, NULL, "EMPFÄNGER UNBEKANNT", "p.german");
		RULE(set, NULL, "ÜBER QUOTA", "p.full");
		RULE(set, NULL, "ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН", "p.cyrillic");
		RULE(set, NULL, "ユーザー不明", "p.japanese");
		RULE(set, NULL, "NAÏVE", "p.accent");
		RULE(set, NULL, "CAFÉ NOIR", "p.accent");
		RULE(set, NULL, "quota ok", "p.short");	/* the lookahead vetoes p.quota */
		RULE(set, NULL, "quota exceeded", "p.quota");
		RULE(set, NULL, "not found", NULL);
		RULE(set, NULL, "Found", "p.found");
		RULE(set, NULL, "k scale", "p.escape");
		RULE(set, NULL, "the K  SCALE", "p.escape");
		RULE(set, NULL, "\xE2\x84\xAA scale", "p.escape");
		RULE(set, NULL, "DÉJÀ VU", "p.escape");
		RULE(set, NULL, "deja vu", NULL);
		bounce_ruleset_free(set);
	}
	bounce_matcher_free(m);
}

/* ================================================================ */
/* 6. bounce_pattern_factors: the literals a pattern needs.         */
/* ================================================================ */

/*
 * Does literal k occur in the text as the prefilter sees it (internal.h):
 * every byte folded with bounce_fold, white-space runs collapsed to one?
 */
static bool
literal_occurs(const unsigned char *lit, int lit_len, const char *text,
			   size_t len)
{
	unsigned char *seen = malloc(len + 1);
	size_t		i,
				j,
				n = 0;
	bool		found = false;

	if (lit_len == 0)
		found = true;
	for (i = 0; seen != NULL && i < len; i++)
	{
		unsigned char c = bounce_fold((unsigned char) text[i]);

		if (c == ' ' && n > 0 && seen[n - 1] == ' ')
			continue;
		seen[n++] = c;
	}
	for (i = 0; seen != NULL && !found && i + (size_t) lit_len <= n; i++)
	{
		for (j = 0; j < (size_t) lit_len; j++)
			if (seen[i + j] != lit[j])
				break;
		found = j == (size_t) lit_len;
	}
	free(seen);
	return found;
}

static bool
factor_occurs(const bounce_factors *f, int k, const char *text, size_t len)
{
	return literal_occurs(f->text[k], f->len[k], text, len);
}

/* Is every literal a usable piece (4+ bytes) of one of the phrases? */
static bool
factors_within(const bounce_factors *f, const char *const *phrases)
{
	int			k;

	if (f->count == 0)
		return false;
	for (k = 0; k < f->count; k++)
	{
		size_t		p;
		bool		in = false;

		for (p = 0; phrases[p] != NULL && !in; p++)
			in = factor_occurs(f, k, phrases[p], strlen(phrases[p]));
		if (!in || f->len[k] < 4)
			return false;
	}
	return true;
}

#define WITHIN(f, ...) \
	factors_within((f), (const char *const[]) {__VA_ARGS__, NULL})

static bool
has_factor(const bounce_factors *f, const char *lit)
{
	int			k;

	for (k = 0; k < f->count; k++)
		if ((size_t) f->len[k] == strlen(lit) && memcmp(f->text[k], lit, f->len[k]) == 0)
			return true;
	return false;
}

static const char *
factor_list(const bounce_factors *f)
{
	static char buf[600];
	size_t		o = 0;
	int			k;

	buf[0] = '\0';
	for (k = 0; k < f->count && o + 80 < sizeof(buf); k++)
		o += (size_t) snprintf(buf + o, sizeof(buf) - o, "%s\"%s\"", k ? ", " : "",
							   esc((const char *) f->text[k], (size_t) f->len[k]));
	return buf;
}

/*
 * Soundness: each text must match the pattern (checked with pcre2, as the
 * rule engine compiles it), and every match contains one of the literals,
 * and one of the second requirement's literals when the pattern has one.
 */
static void
expect_sound(const char *pattern, const char *const *texts, const char *file,
			 int line)
{
	bounce_factors f;
	int			err;
	PCRE2_SIZE	off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
									 PCRE2_CASELESS | PCRE2_UTF |
									 PCRE2_MATCH_INVALID_UTF | PCRE2_DOTALL |
									 PCRE2_NO_AUTO_CAPTURE, &err, &off, NULL);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	size_t		i;
	int			k;

	bounce_pattern_factors(pattern, &f);
	report(f.count >= 0 && f.count <= BOUNCE_FACTOR_MAX, file, line,
		   "%s: count %d", pattern, f.count);
	for (k = 0; k < f.count; k++)
	{
		int			j;

		report(f.len[k] > 0 && f.len[k] <= BOUNCE_FACTOR_LEN, file, line,
			   "%s: literal %d has length %d", pattern, k, f.len[k]);
		for (j = 0; j < f.len[k]; j++)
			if (f.text[k][j] != bounce_fold(f.text[k][j]))
				break;
		report(j == f.len[k], file, line, "%s: literal \"%s\" is not folded",
			   pattern, esc((const char *) f.text[k], (size_t) f.len[k]));
	}
	if (code == NULL || md == NULL)
		report(false, file, line, "pcre2 cannot compile %s", pattern);
	else
		for (i = 0; texts[i] != NULL; i++)
		{
			bool		any = f.count == 0;

			report(pcre2_match(code, (PCRE2_SPTR) texts[i], strlen(texts[i]), 0, 0,
							   md, NULL) >= 0, file, line,
				   "test mistake: %s does not match \"%s\"", pattern, escz(texts[i]));
			/* a text the prefilter cannot fold goes to the regexes alone */
			any = any || bounce_has_fold_exceptions((const unsigned char *) texts[i],
													strlen(texts[i]));
			for (k = 0; k < f.count && !any; k++)
				any = factor_occurs(&f, k, texts[i], strlen(texts[i]));
			report(any, file, line, "%s: \"%s\" contains none of {%s}", pattern,
				   escz(texts[i]), factor_list(&f));
			/* and one of the second requirement's, when there is one */
			any = f.count2 == 0 ||
				bounce_has_fold_exceptions((const unsigned char *) texts[i],
										   strlen(texts[i]));
			for (k = 0; k < f.count2 && !any; k++)
				any = literal_occurs(f.text2[k], f.len2[k], texts[i], strlen(texts[i]));
			report(any, file, line, "%s: \"%s\" contains none of its %d second literals",
				   pattern, escz(texts[i]), f.count2);
		}
	pcre2_code_free(code);
	pcre2_match_data_free(md);
}

#define SOUND(pattern, ...) \
	do { \
		static const char *const texts_[] = {__VA_ARGS__, NULL}; \
		expect_sound((pattern), texts_, __FILE__, __LINE__); \
	} while (0)

static int
factor_count(const char *pattern)
{
	bounce_factors f;

	memset(&f, 0x5A, sizeof(f));
	bounce_pattern_factors(pattern, &f);
	return f.count;
}

/* The longest literal a pattern yields (0: none). */
static int
longest_factor(const char *pattern)
{
	bounce_factors f;
	int			k,
				best = 0;

	bounce_pattern_factors(pattern, &f);
	for (k = 0; k < f.count; k++)
		if (f.len[k] > best)
			best = f.len[k];
	return best;
}

/* ---- the text the rules read (unwrap.c) ---- */

/* The unwrapped copy of text, or NULL when it reads as it is; each byte
 * of the copy is checked against the byte its offset names. */
static const char *
unwrapped(const char *text, const char *file, int line)
{
	static unsigned char out[512];
	static bounce_stretch stretches[257];
	size_t		n = strlen(text),
				ns = 0,
				len;
	const char *wrong;


	len = bounce_unwrap((const unsigned char *) text, n, out, stretches, &ns);
	if (len == SIZE_MAX)
		return NULL;
	wrong = unwrap_check((const unsigned char *) text, n, out, len, stretches, ns);
	report(wrong == NULL, file, line, "unwrap of \"%s\": %s", esc(text, n),
		   wrong ? wrong : "");
	out[len] = '\0';
	return (const char *) out;
}

#define UNWRAP_SAME(text) \
	report(unwrapped((text), __FILE__, __LINE__) == NULL, __FILE__, __LINE__, \
		   "\"%s\" should read as it is", esc((text), strlen(text)))
#define UNWRAP(text, want) \
	check_str(unwrapped((text), __FILE__, __LINE__), (want), __FILE__, __LINE__, \
			  #text, #want)

/*
 * Unwrap len bytes of text from an exact-size copy (so that a sanitizer
 * build sees any byte read or written past it) and check what must hold
 * of the result (unwrap_check). NULL when it holds or nothing was
 * rewritten, else what does not hold; "out of memory" when a buffer could
 * not be had.
 */
static const char *
unwrap_exact(const char *text, size_t len)
{
	size_t		ns = 0,
				got;
	unsigned char *copy = malloc(len ? len : 1),
			   *out = malloc(len + 1);
	bounce_stretch *st = malloc(sizeof(bounce_stretch) * (len / 2 + 1));
	const char *why = "out of memory";

	if (copy != NULL && out != NULL && st != NULL)
	{
		memcpy(copy, text, len);
		got = bounce_unwrap(copy, len, out, st, &ns);
		why = got == SIZE_MAX ? NULL :
			unwrap_check(copy, len, out, got, st, ns);
	}
	free(copy);
	free(out);
	free(st);
	return why;
}

/*
 * Built-in rules whose words end (or start) with a letter above ASCII,
 * where \b sees no word edge: each must match at the end of the text,
 * before punctuation and before a space (word_bounds.py checks the rule
 * files for the trap itself).
 */
static const struct
{
	const char *text;
	const char *rule;
}			word_edges[] = {
	{"Schr\xC3\xA1nka je pln\xC3\xA1", "full.intl-dutch-polish-czech"},
	{"schr\xC3\xA1nka je p\xC5\x99" "epln\xC4\x9Bn\xC3\xA1", "full.intl-dutch-polish-czech"},
	{"przekroczony limit pojemno\xC5\x9B\xC4\x87", "full.intl-dutch-polish-czech"},
	{"\xC3\x9A\xC4\x8D" "et je zablokov\xC3\xA1n", "inactive.intl-latin"},
	{"Le compte du destinataire est bloqu\xC3\xA9", "inactive.intl-latin"},
	{"compte d\xC3\xA9sactiv\xC3\xA9", "inactive.intl-latin"},
	{"d\xC3\xA9lai de remise expir\xC3\xA9", "expired.intl"},
	{"quota d\xC3\xA9pass\xC3\xA9", "full.intl-french"},
	{"bo\xC3\xAEte aux lettres satur\xC3\xA9" "e", "full.intl-french"},
	{"espace de stockage satur\xC3\xA9", "full.intl-french"},
};

static void
test_word_edges(void)
{
	bounce_matcher *m = bounce_matcher_new();
	static const char *const tails[] = {"", ".", " (x@example.com)"};
	size_t		k,
				t;

	group("word edges beyond ASCII");
	for (k = 0; m != NULL && k < sizeof(word_edges) / sizeof(word_edges[0]); k++)
		for (t = 0; t < sizeof(tails) / sizeof(tails[0]); t++)
		{
			char		text[160];
			bounce_result r;

			snprintf(text, sizeof(text), "550 %s%s", word_edges[k].text, tails[t]);
			CHECK_EQ_INT(bounce_classify(m, NULL, 0, text, strlen(text), &r), BOUNCE_OK);
			CHECK_MSG(r.rule_id != NULL && strcmp(r.rule_id, word_edges[k].rule) == 0,
					  "\"%s\": rule %s, want %s", text,
					  r.rule_id ? r.rule_id : "(none)", word_edges[k].rule);
		}
	bounce_matcher_free(m);
}

/* Bytes that are not UTF-8 are read as Windows-1252 (utf8.c). */
static const bounce_rule_spec legacy_specs[] = {
	SPEC("l.boite", FULL_MAILBOX, ANY, "bo\xC3\xAEte\\s+pleine"),
	SPEC("l.quote", INVALID_MAILBOX, ANY, "doesn't\\s+exist"),
	SPEC("l.euro", OTHER, ANY, "\xE2\x82\xAC\\d+"),
};

/* in (n bytes) repaired: the copy is want (when given), valid UTF-8,
 * and each of its characters maps back to the bytes it came from */
static void
expect_repair(const char *in, size_t n, const char *want, const char *file,
			  int line)
{
	unsigned char out[3 * 16];
	bounce_stretch stretches[3 * 16];
	size_t		len,
				nstretches,
				i;

	if (n > 16)
		return;
	len = bounce_utf8_repair((const unsigned char *) in, n, out, stretches,
							 &nstretches);
	if (want != NULL)
		report(len == strlen(want) && memcmp(out, want, len) == 0, file, line,
			   "repair(\"%s\") = \"%s\", want \"%s\"", esc(in, n),
			   esc((const char *) out, len), escz(want));
	report(bounce_utf8_first_invalid(out, len, NULL) == len, file, line,
		   "repair(\"%s\") is not valid UTF-8", esc(in, n));
	report(nstretches <= len, file, line, "%zu stretches for %zu bytes",
		   nstretches, len);
	/* each character of the copy maps to the bytes it came from */
	for (i = 0; i < len;)
	{
		size_t		k = bounce_utf8_char(out + i, len - i),
					start = i,
					span = k;

		if (k == 0)
			break;
		bounce_unwrap_span(stretches, nstretches, &start, &span);
		report(start < n && span >= 1 && start + span <= n &&
			   (span == 1 || memcmp(in + start, out + i, k) == 0),
			   file, line, "repair(\"%s\"): character at %zu maps to %zu+%zu",
			   esc(in, n), i, start, span);
		i += k;
	}
}

#define REPAIR(in, want) \
	expect_repair((in), sizeof(in) - 1, (want), __FILE__, __LINE__)

static void
test_legacy_bytes(void)
{
	bounce_matcher *m = bounce_matcher_new();
	bounce_ruleset *set;
	bounce_result r;
	unsigned	b;

	group("legacy bytes");
	REPAIR("bo\xEEte", "bo\xC3\xAEte");
	REPAIR("\x80", "\xE2\x82\xAC");	/* the euro sign */
	REPAIR("\x92", "\xE2\x80\x99");	/* a right single quote */
	REPAIR("\x81\x8D\x8F\x90\x9D", "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
	REPAIR("\xA0\xFF", "\xC2\xA0\xC3\xBF");
	REPAIR("\xC3\xA9\xE9", "\xC3\xA9\xC3\xA9");	/* valid UTF-8 stays */
	REPAIR("x\xE2\x82", "x\xC3\xA2\xE2\x80\x9A");	/* a character cut short */
	REPAIR("\xC0\xAF", "\xC3\x80\xC2\xAF");	/* an overlong form */
	REPAIR("\xED\xA0\x80", "\xC3\xAD\xC2\xA0\xE2\x82\xAC");	/* a surrogate */
	/* every byte that cannot be UTF-8 here is one character */
	for (b = 0x80; b <= 0xFF; b++)
	{
		char		in[3] = {'a', (char) b, 'z'};
		unsigned char out[9];
		bounce_stretch stretches[9];
		size_t		nstretches,
					len = bounce_utf8_repair((const unsigned char *) in, 3, out,
											 stretches, &nstretches),
					start = 1,
					span = len - 2;

		expect_repair(in, 3, NULL, __FILE__, __LINE__);
		CHECK_MSG(len >= 4 && len <= 5 && bounce_utf8_char(out + 1, len - 1) == len - 2,
				  "byte 0x%02X: %zu bytes", b, len);
		bounce_unwrap_span(stretches, nstretches, &start, &span);
		CHECK_MSG(start == 1 && span == 1, "byte 0x%02X maps to %zu+%zu", b,
				  start, span);
	}

	/* rules written in UTF-8 match the same words written in Windows-1252,
	 * and the match is quoted in the caller's bytes; its right single
	 * quote is an apostrophe (unwrap.c) */
	set = COMPILE(legacy_specs, sizeof(legacy_specs) / sizeof(legacy_specs[0]));
	if (set != NULL && m != NULL)
	{
		RULE(set, NULL, "552 Bo\xEEte pleine", "l.boite");
		RULE(set, NULL, "552 BO\xCETE  PLEINE", "l.boite");
		RULE(set, NULL, "552 Bo\xC3\xAEte pleine \xFF", "l.boite");
		RULE(set, NULL, "552 Bo?te pleine", NULL);
		RULE(set, NULL, "the address doesn\x92t exist", "l.quote");
		RULE(set, NULL, "price \x80" "42", "l.euro");
		classify_both(set, m, NULL, 0, "552 Bo\xEEte pleine.", 17, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.match_start, 4);
		CHECK_EQ_INT(r.match_len, 12);
		classify_both(set, m, NULL, 0, "\x93x\x94 doesn\x92t  exist", 18, &r,
					  __FILE__, __LINE__);
		CHECK_EQ_INT(r.match_start, 4);
		CHECK_EQ_INT(r.match_len, 14);
	}
	bounce_ruleset_free(set);

	/* the built-in rules: Brazilian Portuguese from a Latin-1 server */
	if (m != NULL)
	{
		CHECK_EQ_INT(bounce_classify(m, "550", 3, "550 Usu\xE1rio desconhecido",
									 24, &r), BOUNCE_OK);
		CHECK_EQ_STR(bounce_category_name(r.category), "invalid-mailbox");
		CHECK_EQ_INT(r.match_start, 4);
		CHECK_EQ_INT(r.match_len, 20);
	}
	bounce_matcher_free(m);
}

/* bounce_classify gives text the category and quotes want from it. */
static void
expect_quoted(bounce_matcher *m, const char *status, const char *text,
			  const char *category, const char *want, const char *file,
			  int line)
{
	bounce_result r;
	int			rc = bounce_classify(m, status, zlen(status), text, strlen(text), &r);
	bool		inside = rc == BOUNCE_OK && r.match_start + r.match_len <= strlen(text);

	report(rc == BOUNCE_OK && strcmp(bounce_category_name(r.category), category) == 0,
		   file, line, "\"%s\": rc %d, %s, want %s", escz(text), rc,
		   bounce_category_name(r.category), category);
	report(inside && r.match_len == strlen(want) &&
		   memcmp(text + r.match_start, want, r.match_len) == 0, file, line,
		   "\"%s\": quotes \"%s\", want \"%s\"", escz(text),
		   inside ? esc(text + r.match_start, r.match_len) : "(none)", escz(want));
}

#define QUOTED(m, status, text, category, want) \
	expect_quoted((m), (status), (text), (category), (want), __FILE__, __LINE__)

static void
test_unwrap(void)
{
	bounce_matcher *m = bounce_matcher_new();
	bounce_result r;
	char		text[128],
				want[128];
	const char *wrapped;
	int			k;

	group("unwrap");
	/* nothing to rewrite */
	UNWRAP_SAME("");
	UNWRAP_SAME("a");
	UNWRAP_SAME(" ");
	UNWRAP_SAME("550 5.1.1 <a@example.org>: Recipient address rejected: User unknown");
	UNWRAP_SAME("host mx.example.net[192.0.2.1] said: 550 5.1.1 user unknown");
	UNWRAP_SAME("line one\nline two");
	UNWRAP_SAME("line one\r\nline two\r\n");
	UNWRAP_SAME("a\r\n\r\nb");
	UNWRAP_SAME("a \r\nb");
	UNWRAP_SAME("a\001b");
	/* a code seen once, or a code that only looks like one */
	UNWRAP_SAME("451 4.7.1 try later; then: 550-5.1.1 unknown");
	UNWRAP_SAME("450 4.7.1 greylisted\r\n550 5.7.1 refused");
	UNWRAP_SAME("550 5.1.1 from 192.0.2.55 550");
	UNWRAP_SAME("550 5.1.1 id 1550-2 and x5501 550x");
	/* a code after ':' or ';' is a reply being quoted, not a continuation */
	UNWRAP_SAME("553 host x said: 553 example.com does not exist");
	UNWRAP_SAME("550 5.1.1 a; 550 5.1.1 b");
	UNWRAP("550 5.4.1 Recipient address rejected: 550-5.4.1 Access denied",
		   "550 5.4.1 Recipient address rejected: Access denied");
	UNWRAP("550 5.4.1 Recipient address rejected:\r\n550 5.4.1 Access denied",
		   "550 5.4.1 Recipient address rejected: Access denied");

	/* white space */
	UNWRAP("does not\r\n\texist", "does not exist");
	UNWRAP("does not\n exist", "does not exist");
	UNWRAP("a  b\t\tc", "a b c");
	UNWRAP("a \t b", "a b");
	UNWRAP("  a", " a");
	UNWRAP("a  ", "a ");
	/* U+00A0, which \s does not match; not other bytes of its kind */
	UNWRAP("user\xC2\xA0unknown", "user unknown");
	UNWRAP("user \xC2\xA0\r\n\tunknown", "user unknown");
	UNWRAP("said:\xC2\xA0" "550 5.1.1 a\xC2\xA0" "550-5.1.1 b", "said: 550 5.1.1 a b");
	UNWRAP_SAME("caf\xC3\xA0 \xC2\xA1 \xE2\x80\xA0");

	/* typographic apostrophes: "'"; typographic double quotes: '"' (other
	 * quotes and dashes stay) */
	UNWRAP("doesn\xE2\x80\x99t", "doesn't");
	UNWRAP("\xE2\x80\x98x\xE2\x80\x99 isn\xCA\xBCt", "'x' isn't");
	UNWRAP("a\xE2\x80\x99\xE2\x80\x99  b", "a'' b");
	UNWRAP("\xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x9Ey\xE2\x80\x9C", "\"x\" \"y\"");
	UNWRAP("Required header \xE2\x80\x9CMessage-ID\xE2\x80\x9D  missing",
		   "Required header \"Message-ID\" missing");
	UNWRAP_SAME("\xE2\x80\x94 \xE2\x80\xA6 \xCA\xBB \xE2\x80\x9A \xE2\x80\x9B \xE2\x80\x9F");
	UNWRAP_SAME("\xE2\x80");
	UNWRAP_SAME("x\xCA");

	/* a text stored still escaped: a JSON string's white-space escapes read
	 * as white space (a reply's lines joined by them unwrap), its escaped
	 * quotes, slashes and backslashes and HTML's entities as the characters;
	 * other backslashes and ampersands stay */
	UNWRAP("does not\\nexist", "does not exist");
	UNWRAP("550-5.1.1 The account does not\\r\\n550-5.1.1 exist",
		   "550-5.1.1 The account does not exist");
	UNWRAP("a\\tb \\\"c\\\" https:\\/\\/x\\/y c:\\\\d", "a b \"c\" https://x/y c:\\d");
	UNWRAP("doesn&#39;t &lt;a@b&gt; &quot;x&quot; &amp; doesn&apos;t &#x27;y&#x27;",
		   "doesn't <a@b> \"x\" & doesn't 'y'");
	UNWRAP("user&nbsp;unknown&#160;here", "user unknown here");
	UNWRAP_SAME("a \\x b \\ & c &amp d &#40; e &lt");
	UNWRAP_SAME("\\");
	UNWRAP_SAME("&");

	/* an escaped backslash before "n", "r" or "t" and a run of spaces: the
	 * run starts after the escape, never inside it (the run reached back
	 * over the escape's second backslash, and the copy before it was given
	 * a negative length: a heap overflow on "x \\n  y") */
	UNWRAP("x \\\\n  y", "x \\n y");
	UNWRAP("c:\\\\new  folder", "c:\\new folder");
	UNWRAP("\\\\r\\\\t  ", "\\r\\t ");
	UNWRAP("a\\\\\\n  b", "a\\ b");

	/* spaces written as underscores (qmail-send's log): every underscore a
	 * space, byte for byte; identifiers in an ordinary reply stay */
	UNWRAP("192.0.2.1_does_not_like_recipient./Remote_host_said:_550_No_such_user/",
		   "192.0.2.1 does not like recipient./Remote host said: 550 No such user/");
	UNWRAP("Remote_host_said:_/ _Zdalny_host:_500_No_such_user/",
		   "Remote host said: /  Zdalny host: 500 No such user/");
	UNWRAP("said:_550_x\r\n\t_user_unknown", "said: 550 x  user unknown");
	UNWRAP_SAME("550 5.1.1 OFR_417 reject_rbl_client a_b_c");
	UNWRAP_SAME("err=relay_domain_not_allowed");
	UNWRAP("a_b_c_d_e  f", "a_b_c_d_e f");
	/* a short one at the end of a log line: the reply closes with a slash */
	UNWRAP("deferral: maildrop:_Timeout_quota_exceeded./",
		   "deferral: maildrop: Timeout quota exceeded./");
	UNWRAP("deferral: a_b_c/ \r\n", "deferral: a b c/ \r\n");
	UNWRAP_SAME("see http://example.com/user_unknown_x/");
	UNWRAP_SAME("error: email_address_not_authorized");
	UNWRAP_SAME("deferral: a_b/");
	for (k = 0; k < 40; k++)
	{
		snprintf(text, sizeof(text), "%.*sdoesn\xE2\x80\x99t", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		snprintf(want, sizeof(want), "%.*sdoesn't", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		UNWRAP(text, want);
	}

	/* multi-line replies, as received and as MTAs join them */
	UNWRAP("550-5.1.1 The email account that you tried to\r\n"
		   "550-5.1.1 reach does not exist.",
		   "550-5.1.1 The email account that you tried to reach does not exist.");
	UNWRAP("said: 550-5.1.1 The email account that you tried to reach does "
		   "not exist. Please try 550-5.1.1 double-checking the recipient's "
		   "email address for typos or 550-5.1.1 unnecessary spaces. Learn "
		   "more at 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser",
		   "said: 550-5.1.1 The email account that you tried to reach does "
		   "not exist. Please try double-checking the recipient's email "
		   "address for typos or unnecessary spaces. Learn more at "
		   "https://support.google.com/mail/?p=NoSuchUser");
	UNWRAP("553-you are trying to use me\r\n553-as a relay\r\n553 and I refuse",
		   "553-you are trying to use me as a relay and I refuse");
	UNWRAP("smtp; 421-4.7.0 try\n421-4.7.0 again\n421 4.7.0 later",
		   "smtp; 421-4.7.0 try again later");
	/* an enhanced code of another class is the text's, not the prefix's */
	UNWRAP("550-5.1.1 a 550 4.2.2 b", "550-5.1.1 a 4.2.2 b");
	/*
	 * A reply has one last line: a second "550 " on the same line starts
	 * another reply (a text written twice, or a second recipient's) and
	 * stays; after a line break it is a line of a server that writes them
	 * all so.
	 */
	UNWRAP_SAME("550 Recipient domain has expired 550 Recipient domain has expired");
	UNWRAP_SAME("550 5.1.1 <a@example.com> unknown 550 5.1.1 <b@example.com> unknown");
	UNWRAP("550 5.1.1 a\n550 5.1.1 b", "550 5.1.1 a b");
	UNWRAP("550-5.1.1 a 550-5.1.1 b 550 5.1.1 c", "550-5.1.1 a b c");
	UNWRAP("550 5.1.1 a\r\n550-5.1.1\r\n550-5.1.1 b", "550 5.1.1 a b");
	/* lines that lost their reply codes keep their enhanced codes */
	UNWRAP("550 5.7.1 [192.0.2.1] this message does not 5.7.1 meet the "
		   "guidelines regarding PTR 5.7.1 records. Review 5.7.1  https://x",
		   "550 5.7.1 [192.0.2.1] this message does not meet the "
		   "guidelines regarding PTR records. Review https://x");
	UNWRAP("4.7.28 Gmail has detected an unusual rate 4.7.28 from your IP",
		   "4.7.28 Gmail has detected an unusual rate from your IP");
	UNWRAP("5.1.1 a\n5.1.1 b", "5.1.1 a b");
	/* ... but not a code seen first, another one, one inside a number, nor
	 * one after a number (a reply's own "550 5.7.1") */
	UNWRAP_SAME("see 5.7.1 a");
	UNWRAP_SAME("5.7.1 a 5.7.10 b 4.7.1 c 5.7.1.2 d");
	UNWRAP_SAME("15.7.1 a 5.7.1 b");
	UNWRAP_SAME("5.7.1 a 550 5.7.1 b");
	UNWRAP_SAME("5.7.1 a x5.7.1 b");
	/* white space at the very end: nothing past the text is read (an
	 * exact-size copy, so that a sanitizer build sees a stray read: the
	 * clang one, make test-sanitize SAN_CC=clang, reports the read of the
	 * byte after "a \t" that the fuzzers found; gcc's -O1 drops it) */
	{
		static const char *const ends[] = {"5.7.1 a ", "5.7.1 a 5.7.1", "a \t",
		"550 5.1.1 x  ", "5.1.1 x\n", " "};
		size_t		e;

		for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++)
		{
			const char *why = unwrap_exact(ends[e], strlen(ends[e]));

			report(why == NULL, __FILE__, __LINE__, "unwrap of \"%s\": %s",
				   esc(ends[e], strlen(ends[e])), why ? why : "");
		}
	}
	/*
	 * Texts made at random of the pieces unwrap rewrites (escapes, escaped
	 * backslashes, entities, U+00A0, quotation marks, reply and enhanced
	 * codes, runs of white space), each in an exact-size copy: what must
	 * hold of the copy holds, and a sanitizer build sees any stray byte.
	 * Seeded, so the same texts every run; it found at once the escaped
	 * backslash before "n" and two spaces that the fuzzers had not.
	 */
	{
		static const char *const pieces[] = {
			"\\", "n", "r", "t", " ", "  ", "\t", "\n", "\r\n", "&", "&nbsp;",
			"&#160;", "&lt;", "&amp;", "\xC2\xA0", "\xE2\x80\x99", "\xE2\x80\x9C",
			"\xCA\xBC", "550", "550-", "550 ", "5.1.1", " 5.1.1 ", "-", ".", "_",
			"/", "x", ":", ";", "'", "\"", "##rfc822;", "\\\\", "\\n",
			"\\r\\n", "\\t", "\\\"", "\xC2", "\xE2\x80"};
		uint32_t	seed = 20261207;
		int			round,
					wrong = 0;

		for (round = 0; round < 200000; round++)
		{
			char		made[400];
			size_t		len = 0;
			int			piece,
						npieces;
			const char *why;

			seed = seed * 1103515245u + 12345u;
			npieces = 1 + (int) ((seed >> 16) % 24);
			for (piece = 0; piece < npieces; piece++)
			{
				const char *p;
				size_t		plen;

				seed = seed * 1103515245u + 12345u;
				p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
				plen = strlen(p);
				memcpy(made + len, p, plen);
				len += plen;
			}
			why = unwrap_exact(made, len);
			if (why != NULL && wrong++ < 3)
				report(false, __FILE__, __LINE__, "unwrap of \"%s\": %s",
					   esc(made, len), why);
		}
		report(wrong == 0, __FILE__, __LINE__,
			   "unwrap of 200,000 texts made of its pieces: %d wrong", wrong);
	}

	/* a text of more than 32 different enhanced codes: none read so after */
	for (k = 31; k <= 33; k++)
	{
		char		many[400],
					want_many[400];
		size_t		o = 0;
		int			c;

		for (c = 1; c <= k; c++)
			o += (size_t) snprintf(many + o, sizeof(many) - o, "5.0.%d x ", c);
		memcpy(want_many, many, o);
		snprintf(many + o, sizeof(many) - o, "5.0.1 y");
		snprintf(want_many + o, sizeof(want_many) - o, "y");
		if (k <= 32)
			UNWRAP(many, want_many);
		else
			UNWRAP_SAME(many);
	}

	/* at every offset: the sixteen-byte steps and the last bytes */
	for (k = 0; k < 40; k++)
	{
		snprintf(text, sizeof(text), "%.*s  b", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		snprintf(want, sizeof(want), "%.*s b", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		UNWRAP(text, want);
		snprintf(text, sizeof(text), "550 %.*s 550-5.1.1 tail", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		/* (with no x, the two spaces and the prefix are one run) */
		snprintf(want, sizeof(want), k ? "550 %.*s tail" : "550 tail", k,
				 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		UNWRAP(text, want);
		snprintf(text, sizeof(text), "%.*s\r\n\tb", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		snprintf(want, sizeof(want), "%.*s b", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		UNWRAP(text, want);
		snprintf(text, sizeof(text), "%.*s\xC2\xA0" "b", k, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		UNWRAP(text, want);
	}

	/* a rule spelling "doesn't" matches "doesn’t", quoted as written */
	CHECK(m != NULL);
	QUOTED(m, "554", "554 delivery error: dd This user doesn\xE2\x80\x99t have a "
		   "yahoo.com account (x@yahoo.com) [0]", "invalid-mailbox",
		   "user doesn\xE2\x80\x99t have a yahoo.com account");

	/* a match is reported in the caller's text, prefix and all */
	QUOTED(m, "550", "550-5.1.1 The email account that you tried to\r\n"
		   "550-5.1.1 reach does not exist.", "invalid-mailbox",
		   "email account that you tried to\r\n550-5.1.1 reach does not exist");
	wrapped = "a\r\n\tb said: 550-5.1.1 The email account that you tried to\r\n"
		"\t550-5.1.1 reach does\r\n\tnot exist.";
	CHECK_EQ_INT(bounce_classify(m, NULL, 0, wrapped, strlen(wrapped), &r), BOUNCE_OK);
	CHECK_EQ_STR(bounce_category_name(r.category), "invalid-mailbox");
	CHECK(r.match_start + r.match_len <= strlen(wrapped));
	CHECK(strncmp(wrapped + r.match_start, "email account", 13) == 0);
	CHECK(strncmp(wrapped + r.match_start + r.match_len - 5, "exist", 5) == 0);
	bounce_matcher_free(m);
}

/*
 * Do two analyses agree on everything a reader of them reads: the counts,
 * the flags, and each literal the counts number?
 */
static bool
factors_same(const bounce_factors *a, const bounce_factors *b)
{
	int			j;

	if (a->count != b->count || a->count2 != b->count2 ||
		a->phrase != b->phrase || a->bound_start != b->bound_start ||
		a->bound_end != b->bound_end)
		return false;
	for (j = 0; j < a->count; j++)
		if (a->len[j] != b->len[j] ||
			memcmp(a->text[j], b->text[j], (size_t) a->len[j]) != 0)
			return false;
	for (j = 0; j < a->count2; j++)
		if (a->len2[j] != b->len2[j] ||
			memcmp(a->text2[j], b->text2[j], (size_t) a->len2[j]) != 0)
			return false;
	return true;
}

/*
 * The build's analysis of the built-in rules (core/factors_builtin.c) is
 * what the library would work out: every branch, every literal of the
 * factors. A changed source is not taken from the table.
 */
static void
test_builtin_factors(void)
{
	bounce_factors *want = malloc(sizeof(*want)),
			   *got = malloc(sizeof(*got));
	size_t		r,
				k,
				nparts,
				found = 0,
				differ = 0;

	group("built-in factors");
	CHECK(want != NULL && got != NULL);
	if (want == NULL || got == NULL)
		return;
	CHECK_EQ_INT(bounce_builtin_factor_rule_count, bounce_builtin_spec_count);
	for (r = 0; r < bounce_builtin_spec_count; r++)
	{
		char	  **parts = bounce_split_branches(bounce_builtin_specs[r].pattern,
												  &nparts);

		/* a rule whose branches do not compile apart is one, its pattern */
		bool		whole = parts != NULL &&
			bounce_builtin_factor_rule_first[r + 1] -
			bounce_builtin_factor_rule_first[r] != nparts;

		CHECK(parts != NULL);
		for (k = 0; parts != NULL && k < (whole ? 1 : nparts); k++)
		{
			const char *src = whole ? bounce_builtin_specs[r].pattern : parts[k];

			bounce_pattern_factors(src, want);
			memset(got, 0x5a, sizeof(*got));
			if (bounce_builtin_factors(r, k, src, got))
			{
				found++;
				if (!factors_same(got, want))
				{
					differ++;
					CHECK_MSG(false, "%s branch %zu: the table's factors differ",
							  bounce_builtin_specs[r].id, k);
				}
			}
			else
				CHECK_MSG(false, "%s branch %zu: not in the table",
						  bounce_builtin_specs[r].id, k);
		}
		for (k = 0; parts != NULL && k < nparts; k++)
			free(parts[k]);
		free(parts);
	}
	CHECK_MSG(found > 3000 && differ == 0, "%zu branches found, %zu differ",
			  found, differ);

	/* a source the build did not see, or past the table's end */
	{
		char	  **parts = bounce_split_branches(bounce_builtin_specs[0].pattern,
												  &nparts);

		CHECK(parts != NULL && nparts > 0);
		if (parts != NULL && nparts > 0)
		{
			size_t		len = strlen(parts[0]);

			memset(got, 0x5a, sizeof(*got));
			parts[0][len - 1] ^= 1;
			CHECK(!bounce_builtin_factors(0, 0, parts[0], got));
			CHECK(((unsigned char *) got)[0] == 0x5a);
			parts[0][len - 1] ^= 1;
			CHECK(bounce_builtin_factors(0, 0, parts[0], got));
			CHECK(!bounce_builtin_factors(0, nparts, parts[0], got));
			CHECK(!bounce_builtin_factors(bounce_builtin_spec_count, 0, parts[0], got));
		}
		for (k = 0; parts != NULL && k < nparts; k++)
			free(parts[k]);
		free(parts);
	}
	free(want);
	free(got);
}

/* Do two tables hold the same automaton, array for array? */
static bool
same_tables(const bounce_automaton_tables *a, const bounce_automaton_tables *b)
{
	bounce_table_array arrays_a[BOUNCE_TABLE_ARRAYS],
				arrays_b[BOUNCE_TABLE_ARRAYS];
	size_t		n = bounce_automaton_arrays(a, arrays_a),
				k;

	if (n != BOUNCE_TABLE_ARRAYS || bounce_automaton_arrays(b, arrays_b) != n ||
		a->literal_hash != b->literal_hash || a->nliterals != b->nliterals ||
		a->nscan != b->nscan || a->nstates != b->nstates ||
		a->nclasses != b->nclasses || a->row_classes != b->row_classes ||
		a->ndense != b->ndense || a->nhigh_rows != b->nhigh_rows ||
		a->nedges != b->nedges || a->nout != b->nout ||
		a->nseen_words != b->nseen_words ||
		memcmp(a->cls, b->cls, sizeof(a->cls)) != 0)
		return false;
	for (k = 0; k < n; k++)
	{
		const bounce_table_array *x = &arrays_a[k],
				   *y = &arrays_b[k];

		if ((x->data == NULL) != (y->data == NULL) || x->count != y->count ||
			(x->data != NULL &&
			 memcmp(x->data, y->data, x->width * x->count) != 0))
			return false;
	}
	return true;
}

/*
 * The built-in rules' automaton, made when the library was built
 * (build/automatongen): the built-in set reads it, it is the automaton
 * the set would build, and a set with other literals builds its own.
 */
static void
test_builtin_automaton(void)
{
	int			err;
	const bounce_ruleset *builtin = bounce_builtin_ruleset(&err);
	bounce_ruleset *built,
			   *copied,
			   *fewer;
	bounce_rule_spec *specs = malloc(sizeof(*specs) * bounce_builtin_spec_count);
	bounce_automaton_tables got;
	const bounce_automaton_tables *made = bounce_builtin_automaton;

	group("built-in automaton");
	CHECK(builtin != NULL && made != NULL && specs != NULL);
	if (builtin == NULL || made == NULL || specs == NULL)
	{
		free(specs);
		return;
	}
	CHECK_MSG(bounce_ruleset_mapped_bytes(builtin) > 1000000,
			  "the built-in set reads %zu bytes of the build's tables",
			  bounce_ruleset_mapped_bytes(builtin));

	/* built now, by the same code, offered no tables */
	built = bounce_ruleset_compile_tables(bounce_builtin_specs,
										  bounce_builtin_spec_count, NULL, &err);
	CHECK(built != NULL && err == BOUNCE_OK);
	if (built != NULL)
	{
		CHECK(bounce_ruleset_mapped_bytes(built) == 0);
		CHECK(bounce_ruleset_tables(built, &got));
		CHECK_MSG(same_tables(&got, made),
				  "the build's tables differ from the automaton built now "
				  "(%u states built, %u in the tables)", got.nstates,
				  made->nstates);
		CHECK(bounce_ruleset_tables(builtin, &got) && same_tables(&got, made));
		bounce_ruleset_free(built);
	}

	/*
	 * The same rules from a copy of the table, so that their branches are
	 * analysed now rather than read from the build's: the same literals,
	 * so the tables serve them. Without the last rule they do not.
	 */
	memcpy(specs, bounce_builtin_specs, sizeof(*specs) * bounce_builtin_spec_count);
	copied = bounce_ruleset_compile(specs, bounce_builtin_spec_count, &err,
									NULL, 0);
	CHECK(copied != NULL &&
		  bounce_ruleset_mapped_bytes(copied) == bounce_ruleset_mapped_bytes(builtin));
	bounce_ruleset_free(copied);
	fewer = bounce_ruleset_compile(specs, bounce_builtin_spec_count - 1, &err,
								   NULL, 0);
	CHECK(fewer != NULL && bounce_ruleset_mapped_bytes(fewer) == 0);
	if (fewer != NULL)
	{
		bounce_automaton_tables alone;

		CHECK(bounce_ruleset_tables(fewer, &got));
		CHECK(got.literal_hash != made->literal_hash && got.nstates > 0);
		/*
		 * Offered the build's tables, it indexed with its phrases' texts
		 * only, found them made for other literals and indexed again: the
		 * same automaton and hash as a set offered none.
		 */
		built = bounce_ruleset_compile_tables(specs,
											  bounce_builtin_spec_count - 1,
											  NULL, &err);
		CHECK(built != NULL && bounce_ruleset_tables(built, &alone) &&
			  same_tables(&got, &alone) &&
			  got.literal_hash == alone.literal_hash);
		bounce_ruleset_free(built);
	}
	bounce_ruleset_free(fewer);
	free(specs);
}

static void
test_factors(void)
{
	bounce_factors f;
	size_t		i;

	group("pattern factors");

	/*
	 * The literals come from the pattern, folded. Which ones is a
	 * selectivity heuristic (length, words common in bounces, \\s+ kept
	 * as one space), so only that they are pieces of the phrase is fixed.
	 */
	bounce_pattern_factors("user\\s+unknown", &f);
	CHECK_MSG(f.count == 1 && WITHIN(&f, "user unknown"), "user\\s+unknown: {%s}",
			  factor_list(&f));
	bounce_pattern_factors("USER\\s+UNKNOWN", &f);
	CHECK_MSG(f.count == 1 && WITHIN(&f, "user unknown"), "USER\\s+UNKNOWN: {%s}",
			  factor_list(&f));
	bounce_pattern_factors("\\bquota\\s+\\d+\\s+exceeded", &f);
	CHECK_MSG(f.count == 1 && WITHIN(&f, "quota ", " exceeded"), "{%s}", factor_list(&f));
	bounce_pattern_factors("Mailbox Full", &f);
	CHECK_MSG(f.count == 1 && has_factor(&f, "mailbox full"), "{%s}", factor_list(&f));
	bounce_pattern_factors("rcpt\\.to\\(none\\)", &f);
	CHECK_MSG(f.count == 1 && has_factor(&f, "rcpt.to(none)"), "{%s}", factor_list(&f));
	/* a literal too short to index never wins over one that is not: the
	 * "." of a dotted quad against the words around it */
	bounce_pattern_factors("\\b(?:e-?mail|mail|messages?)\\s+from\\s+\\[?\\d{1,3}"
						   "(?:\\.\\d{1,3}){3}\\]?\\s+(?:is\\s+|has\\s+been\\s+)?"
						   "(?:currently\\s+)?blocked\\b", &f);
	CHECK_MSG(f.count > 0 && f.len[0] >= BOUNCE_LITERAL_MIN,
			  "dotted quad: {%s}", factor_list(&f));
	/*
	 * An alternation whose strings overflow the sets (4 x 10 + 12 + 12)
	 * still requires a piece of each branch, as a second requirement next
	 * to "spf " (without it, "spf " alone held the pattern, and its regex
	 * ran at every "spf" of a text); SOUND checks every text holds one.
	 */
	{
		static const char *const overflow =
			"\\bspf\\s+(?:(?:not|isn't|aren't|wasn't)\\s+(?:pass|passed|allowed|"
			"accepted|valid|aligned|authorized|permitted|designated|listed)|"
			"(?:failed|failing|rejected)\\s+(?:check|validation|alignment|verification)|"
			"(?:hard|soft)\\s*fail(?:ure|ed)?)\\b";

		bounce_pattern_factors(overflow, &f);
		CHECK_MSG(f.count == 1 && has_factor(&f, "spf ") && f.count2 > 0,
				  "overflowing alternation: {%s}, %d second", factor_list(&f), f.count2);
		SOUND(overflow, "SPF isn't pass", "spf not designated", "SPF aren't listed",
			  "spf failed verification", "spf rejected check", "SPF softfail",
			  "spf hard failure", "spf  wasn't   aligned");
	}
	bounce_pattern_factors("a@B", &f);	/* folded as bounce_fold does */
	{
		char		want[4];

		want[0] = (char) bounce_fold('a');
		want[1] = (char) bounce_fold('@');
		want[2] = (char) bounce_fold('B');
		want[3] = '\0';
		CHECK(want[2] == 'b');
		CHECK_MSG(f.count == 1 && has_factor(&f, want), "{%s}", factor_list(&f));
	}
	SOUND("user\\s+unknown", "User Unknown", "USER\r\n\tUNKNOWN", "xuser  unknownx");

	/* alternations */
	bounce_pattern_factors("(?:mailbox|inbox)\\s+full", &f);
	CHECK_MSG(WITHIN(&f, "mailbox full", "inbox full"), "{%s}", factor_list(&f));
	SOUND("(?:mailbox|inbox)\\s+full", "mailbox full", "INBOX   FULL", "Inbox\tFull");
	SOUND("quota\\s+exceeded|over\\s+quota|mailbox\\s+full",
		  "QUOTA EXCEEDED", "over  quota", "mailbox\nfull");
	SOUND("(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)xyz", "acegixyz", "BDFHJXYZ");
	SOUND("(?|user|recipient)\\s+(?>unknown|invalid)", "user invalid", "RECIPIENT UNKNOWN");
	SOUND("(?<name>user|recipient) (?i:unknown)", "user unknown", "Recipient UNKNOWN");

	/* optional parts, quantifiers */
	SOUND("colou?r\\s+blind", "color blind", "COLOUR BLIND");
	SOUND("mail(?:box)?\\s+full", "mail full", "Mailbox Full");
	SOUND("(?:over\\s+)?quota", "quota", "over quota");
	SOUND("no+\\s+such\\s+user", "nooo such user", "no such user");
	SOUND("(?:abc){2,}d", "abcabcd", "ABCABCABCD");
	SOUND("x{3}yz", "xxxyz");
	SOUND("a{2}bcdefg?", "aabcdef", "AABCDEFG");
	SOUND("unknown(?:\\s+user)*", "unknown", "unknown user user");
	SOUND("user(?:name)??\\s+unknown", "user unknown", "username unknown");
	SOUND("mailbox\\s+(?:is\\s+)?(?:currently\\s+)?full", "mailbox full",
		  "mailbox is currently full");

	/* classes */
	SOUND("[ck]onnection\\s+refused", "connection refused", "KONNECTION REFUSED");
	SOUND("[^a]bcdef", "xbcdef", "BBCDEF");
	SOUND("[a-c]ddddd", "addddd", "CDDDDD");
	SOUND("[]x]yyyy", "]yyyy", "xyyyy");
	SOUND("[\\d.]+\\s*quota", "1.5 quota", ".QUOTA");
	SOUND("[[:alpha:]]+ unknown", "user unknown");
	SOUND("[üÜ]ber", "über", "ÜBER");

	/* escapes */
	SOUND("\\x41bcd", "Abcd", "abcd");
	SOUND("\\x{41}bcd", "Abcd");
	SOUND("\\o{101}bcd", "Abcd");
	SOUND("\\Qa.b\\E\\s+cdef", "a.b cdef");
	SOUND("user\\tunknown", "user\tunknown");
	SOUND("\\p{Lu}ser unknown", "User unknown");
	SOUND("\\buser\\b.{0,20}\\bunknown\\b", "user is unknown", "user unknown");
	SOUND("\\Auser\\z", "user");
	SOUND("said:\\s*\\K\\d{3}", "said: 550");
	SOUND("(?i)user(?-i) unknown", "USER unknown");

	/* white space: \\s, \\s+ and spaces, against runs of any white space */
	SOUND("mailbox\\s?full", "mailboxfull", "mailbox full", "MAILBOX\tFULL");
	SOUND("mailbox\\s\\s+full", "mailbox  full", "mailbox\r\n\tfull");
	SOUND("mailbox \\sfull", "mailbox \nfull");
	SOUND("mailbox\tfull", "mailbox\tfull");
	SOUND("mailbox[ ]full", "mailbox full");
	SOUND("\\s+unknown\\s+", " unknown\n", "\t\tunknown \r");
	SOUND("user\\s+unknown", "user\x0Bunknown", "user\x0C\x0Cunknown");

	/* lookarounds consume nothing */
	SOUND("(?<!not\\s)found", "found", "was found");
	SOUND("quota(?!\\s+ok)", "quota", "quota exceeded");
	SOUND("(?=user)\\w+\\s+unknown", "user unknown", "username unknown");
	SOUND("(?<=said: )\\d{3} unknown", "said: 550 unknown");
	SOUND("(?!x)abcd", "abcd");

	/* non-ASCII literals and their other case */
	SOUND("benutzer\\s+unbekannt", "Benutzer unbekannt", "BENUTZER UNBEKANNT");
	SOUND("über\\s+quota", "über quota", "ÜBER QUOTA", "Über Quota");
	SOUND("empf(?:ä|ae)nger", "Empfänger", "EMPFÄNGER", "empfaenger");
	SOUND("ящик\\s+переполнен", "ЯЩИК ПЕРЕПОЛНЕН", "Ящик переполнен");
	SOUND("пользователь", "ПОЛЬЗОВАТЕЛЬ", "Пользователь");
	SOUND("ユーザー不明", "ユーザー不明です");
	SOUND("naïve|café", "NAÏVE", "CAFÉ", "Café");
	SOUND("straße", "STRASSE straße", "Straße");
	SOUND("größe", "GRÖSSE größe", "Größe");
	SOUND("σφάλμα", "ΣΦΆΛΜΑ", "σφάλμα");
	SOUND("µs delay", "µs delay", "μs delay", "Μs delay");
	SOUND("ångström", "ÅNGSTRÖM", "\xE2\x84\xAB" "ngström");
	SOUND("ÿes", "Ÿes");
	SOUND("gråliste", "GRÅLISTE", "Gråliste");
	SOUND("straße\\s+gesperrt", "STRAẞE GESPERRT", "Straße gesperrt");
	SOUND("მისამართის\\s+არასწორი", "ᲛᲘᲡᲐᲛᲐᲠᲗᲘᲡ ᲐᲠᲐᲡᲬᲝᲠᲘ", "მისამართის არასწორი");
	SOUND("вход\\s+запрещен", "ВХОД ЗАПРЕЩЕН", "Вход запрещен", "ᲀход запрещен");
	/* their letters have a third case form the prefilter leaves to pcre2 */
	CHECK_EQ_INT(longest_factor("gråliste"), (int) strlen("gråliste"));
	CHECK_EQ_INT(longest_factor("straße"), (int) strlen("straße"));
	CHECK_EQ_INT(longest_factor("მისამართის"), (int) strlen("მისამართის"));
	CHECK_EQ_INT(longest_factor("вниманием"), (int) strlen("вниманием"));
	CHECK_EQ_INT(longest_factor("θεμα"), (int) strlen("θεμα"));
	/* and the letters whose capitals' first byte differs: Cyrillic from
	 * "р", Greek from "π" */
	CHECK_EQ_INT(longest_factor("пользователь"), (int) strlen("пользователь"));
	CHECK_EQ_INT(longest_factor("πρωτοκολλο"), (int) strlen("πρωτοκολλο"));
	SOUND("превышен\\s+лимит", "ПРЕВЫШЕН ЛИМИТ", "Превышен лимит");
	SOUND("πρωτοκολλο", "ΠΡΩΤΟΚΟΛΛΟ", "Πρωτοκολλο", "ϖρωτοκολλο");
	/* and the letter pairs of Latin Extended-A and Additional */
	CHECK_EQ_INT(longest_factor("šedý seznam"), (int) strlen("šedý seznam"));
	CHECK_EQ_INT(longest_factor("địa chỉ"), (int) strlen("địa chỉ"));
	SOUND("šedý\\s+seznam", "ŠEDÝ SEZNAM", "Šedý seznam");
	SOUND("địa\\s+chỉ", "ĐỊA CHỈ", "Địa chỉ");
	/* Greek with its accents, and the letters with a third partner; Thai
	 * and Devanagari have no case, and are indexed (a branch without a
	 * literal would be searched on every text) */
	SOUND("όριο\\s+αποστολής", "ΌΡΙΟ ΑΠΟΣΤΟΛΉΣ", "Όριο Αποστολής", "όριο αποστολής");
	SOUND("αλληλογραφία", "ΑΛΛΗΛΟΓΡΑΦΊΑ", "Αλληλογραφία");
	SOUND("θέμα\\s+επίπεδο", "ϑέμα ϵπίπεδο", "ΘΈΜΑ ΕΠΊΠΕΔΟ");
	SOUND("ϊδιο ϋλη", "ΪΔΙΟ ΫΛΗ");
	SOUND("ส่งอีเมล", "คุณส่งอีเมลถึง");
	SOUND("मौजूद\\s+नहीं", "वह मौजूद नहीं है");
	CHECK(factor_count("όριο\\s+αποστολής") > 0);
	CHECK(factor_count("ส่งอีเมล(?:ถึง|ครบ)จำนวน") > 0);
	CHECK(factor_count("ईमेल\\s+पत(?:े|ा)") > 0);

	/* constructs that need no literal at all */
	CHECK_EQ_INT(factor_count(".*"), 0);
	CHECK_EQ_INT(factor_count("\\w+"), 0);
	CHECK_EQ_INT(factor_count("(?:a|)"), 0);
	CHECK_EQ_INT(factor_count("(?:user|)"), 0);
	CHECK_EQ_INT(factor_count("a*"), 0);
	CHECK_EQ_INT(factor_count("x?"), 0);
	CHECK_EQ_INT(factor_count("(?:abc)?"), 0);
	CHECK_EQ_INT(factor_count("\\d{3}"), 0);
	CHECK_EQ_INT(factor_count("\\b"), 0);
	CHECK_EQ_INT(factor_count("(?=abc)"), 0);
	CHECK_EQ_INT(factor_count(""), 0);
	CHECK_EQ_INT(factor_count(NULL), 0);
	CHECK_EQ_INT(factor_count("abc|.*"), 0);
	CHECK_EQ_INT(factor_count("(?:abc){0,3}"), 0);
	CHECK_EQ_INT(factor_count("user)unknown"), 0);	/* stray ')' */
	CHECK(longest_factor("\\d{3}x") < 4);	/* no usable literal */
	CHECK(longest_factor("\\bok\\b") < 4);

	/* limits: many alternatives, long literals, deep nesting */
	bounce_pattern_factors("a1|a2|a3|a4|a5|a6|a7|a8|a9|b1|b2|b3|b4|b5|b6|b7|b8", &f);
	CHECK(f.count == 0 || f.count <= BOUNCE_FACTOR_MAX);
	SOUND("a1|a2|a3|a4|a5|a6|a7|a8|a9|b1|b2|b3|b4|b5|b6|b7|b8", "b8", "A1");
	SOUND("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789",
		  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	{
		char		deep[128];

		memset(deep, '(', 30);
		memcpy(deep + 30, "user", 4);
		memset(deep + 34, ')', 30);
		strcpy(deep + 64, " unknown");
		SOUND(deep, "user unknown");
	}
	SOUND("(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:a|b)))))))))))))))))))))))))) cdef",
		  "a cdef", "b cdef");

	/*
	 * Constructs the analyser does not understand must count as "anything"
	 * (count 0 or still sound). FAIL at the time of writing, each for the
	 * reason given; no built-in rule uses them yet, but the prefilter would
	 * silently skip such a rule where it should match.
	 */
	SOUND("(?x)user unknown", "userunknown");	/* (?x): pattern white space ignored */
	SOUND("\\cAbcde", "\x01" "bcde");			/* \cA is one character */
	SOUND("\\101bcd", "Abcd");					/* octal escape */
	SOUND("\\012abcd", "\nabcd");				/* octal escape */
	SOUND("\\N{U+41}bcdef", "Abcdef");			/* \N{U+hh} */
	SOUND("foo(*ACCEPT)barbaz", "foo");			/* (*ACCEPT) ends the match */
	SOUND("(*UCP)user\\s+unknown", "user\xC2\xA0unknown");	/* Unicode \\s */
	/* a comment ends at its first ')', and a quantifier after it applies to
	 * the item before it (both found by fuzz_custom) */
	SOUND("spam %-tr(?#nn(?:ion)?|read|write", "write");
	SOUND("xyzab(?#c)?", "xyza");
	SOUND("(?:xyzab)(?#c)?", "");
	/* a huge {n} count in what pcre2 takes as a literal brace */
	SOUND("[a-z]{5555555555555x|abc", "abc");

	/* every literal stays within the advertised bounds */
	{
		static const char *const patterns[] = {
			"(?:mailbox|inbox|postfach|boîte)\\s+(?:is\\s+)?(?:full|voll|pleine)",
			"[ab][cd][ef][gh][ij]klmnop",
			"\\b(?:user|recipient|addressee|mailbox|local\\s+user|account|alias)\\s+unknown\\b",
		};

		for (i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++)
		{
			int			k;

			bounce_pattern_factors(patterns[i], &f);
			CHECK(f.count >= 0 && f.count <= BOUNCE_FACTOR_MAX);
			for (k = 0; k < f.count; k++)
				CHECK(f.len[k] > 0 && f.len[k] <= BOUNCE_FACTOR_LEN);
		}
	}
}

/* ================================================================ */
/* 7. bounce_explain_json: shape, escaping, character offsets, the  */
/*    snprintf-like size contract.                                  */
/* ================================================================ */

/* A small strict JSON checker: one flat object, keys collected in order. */
typedef struct json_check
{
	const unsigned char *p;
	const unsigned char *end;
	int			nkeys;
	char		keys[16][32];
} json_check;

static void
json_ws(json_check *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' ||
							 *j->p == '\r'))
		j->p++;
}

/* A string (valid UTF-8, no raw control characters); copies up to cap-1. */
static bool
json_string(json_check *j, char *out, size_t cap)
{
	size_t		o = 0;

	if (j->p >= j->end || *j->p != '"')
		return false;
	j->p++;
	while (j->p < j->end && *j->p != '"')
	{
		unsigned char c = *j->p;
		size_t		need = 0,
					k;

		if (c < 0x20)
			return false;
		if (c == '\\')
		{
			j->p++;
			if (j->p >= j->end || strchr("\"\\/bfnrtu", *j->p) == NULL)
				return false;
			if (*j->p == 'u')
			{
				for (k = 1; k <= 4; k++)
					if (j->p + k >= j->end || strchr("0123456789abcdefABCDEF", j->p[k]) == NULL ||
						j->p[k] == 0)
						return false;
				j->p += 4;
			}
			j->p++;
			continue;
		}
		if (c >= 0x80)
		{
			unsigned	cp;

			if (c >= 0xC2 && c <= 0xDF)
				need = 1, cp = c & 0x1F;
			else if (c >= 0xE0 && c <= 0xEF)
				need = 2, cp = c & 0x0F;
			else if (c >= 0xF0 && c <= 0xF4)
				need = 3, cp = c & 0x07;
			else
				return false;
			for (k = 1; k <= need; k++)
			{
				if (j->p + k >= j->end || (j->p[k] & 0xC0) != 0x80)
					return false;
				cp = (cp << 6) | (j->p[k] & 0x3F);
			}
			if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
				(need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
				return false;
		}
		for (k = 0; k <= need; k++)
		{
			if (out != NULL && o + 1 < cap)
				out[o++] = (char) j->p[k];
		}
		j->p += need + 1;
	}
	if (j->p >= j->end)
		return false;
	j->p++;
	if (out != NULL && cap > 0)
		out[o] = '\0';
	return true;
}

static bool
json_value(json_check *j)
{
	if (j->p >= j->end)
		return false;
	if (*j->p == '"')
		return json_string(j, NULL, 0);
	if (j->end - j->p >= 4 && memcmp(j->p, "true", 4) == 0)
		return j->p += 4, true;
	if (j->end - j->p >= 5 && memcmp(j->p, "false", 5) == 0)
		return j->p += 5, true;
	if (j->end - j->p >= 4 && memcmp(j->p, "null", 4) == 0)
		return j->p += 4, true;
	if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
	{
		if (*j->p == '-')
			j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return false;
		if (*j->p == '0' && j->p + 1 < j->end && j->p[1] >= '0' && j->p[1] <= '9')
			return false;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
		return true;
	}
	return false;
}

static bool
json_object(const char *s, json_check *j)
{
	j->p = (const unsigned char *) s;
	j->end = j->p + strlen(s);
	j->nkeys = 0;
	json_ws(j);
	if (j->p >= j->end || *j->p != '{')
		return false;
	j->p++;
	json_ws(j);
	if (j->p < j->end && *j->p == '}')
		return j->p++, json_ws(j), j->p == j->end;
	for (;;)
	{
		char		key[32];

		json_ws(j);
		if (!json_string(j, key, sizeof(key)))
			return false;
		if (j->nkeys < 16)
			strcpy(j->keys[j->nkeys++], key);
		json_ws(j);
		if (j->p >= j->end || *j->p != ':')
			return false;
		j->p++;
		json_ws(j);
		if (!json_value(j))
			return false;
		json_ws(j);
		if (j->p < j->end && *j->p == ',')
		{
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == '}')
		{
			j->p++;
			json_ws(j);
			return j->p == j->end;
		}
		return false;
	}
}

static const char *const explain_keys[] = {
	"category", "hard", "signal", "rule", "matched", "match_start",
	"match_length", "set_aside", "reply_code", "enhanced_code", "truncated",
};

/* Explain r; check the JSON is valid, has the keys in order, and that the
 * size contract holds for every smaller buffer. Returns the JSON (static). */
static const char *
explain_checked(const bounce_result *r, const char *diag, size_t dlen,
				const char *file, int line)
{
	static char buf[BOUNCE_EXPLAIN_MAX + 64];
	char		small[BOUNCE_EXPLAIN_MAX + 64];
	json_check j;
	size_t		n,
				size,
				k,
				i;
	bool		keys_ok;

	memset(buf, 'X', sizeof(buf));
	n = bounce_explain_json(r, diag, dlen, buf, sizeof(buf));
	report(n < BOUNCE_EXPLAIN_MAX && buf[n] == '\0' && strlen(buf) == n, file, line,
		   "explain returned %zu, strlen %zu (max %d)", n, strlen(buf), BOUNCE_EXPLAIN_MAX);
	if (n >= sizeof(buf))
		return "";
	report(json_object(buf, &j), file, line, "invalid JSON: %s",
		   esc(buf, strlen(buf)));
	/* set_aside only when a sentence was set aside */
	keys_ok = j.nkeys == (int) (sizeof(explain_keys) / sizeof(explain_keys[0])) -
		(r->aside_len > 0 ? 0 : 1);
	for (k = 0, i = 0; keys_ok && k < (size_t) j.nkeys; k++, i++)
	{
		if (strcmp(explain_keys[i], "set_aside") == 0 && r->aside_len == 0)
			i++;
		keys_ok = strcmp(j.keys[k], explain_keys[i]) == 0;
	}
	report(keys_ok, file, line, "keys of %s", esc(buf, strlen(buf)));

	/* too small a buffer: the size needed, a NUL-terminated prefix */
	for (size = 0; size <= n + 1; size += (size < 40 || size + 40 > n) ? 1 : 37)
	{
		size_t		got;

		memset(small, 'Y', sizeof(small));
		got = bounce_explain_json(r, diag, dlen, size ? small : NULL, size);
		if (got != n)
		{
			report(false, file, line, "bufsize %zu: returned %zu, want %zu", size, got, n);
			break;
		}
		if (size == 0)
			continue;
		k = n < size ? n : size - 1;
		if (small[k] != '\0' || memcmp(small, buf, k) != 0 || small[size] != 'Y')
		{
			report(false, file, line, "bufsize %zu: not a NUL-terminated prefix", size);
			break;
		}
	}
	report(true, file, line, "size contract");
	return buf;
}

#define EXPLAIN(r, diag, dlen) explain_checked((r), (diag), (dlen), __FILE__, __LINE__)

static const bounce_rule_spec explain_specs[] = {
	SPEC("e.unknown", INVALID_MAILBOX, ANY, "us.r\\s+unknown"),
	SPEC("e.angle", POLICY_RELATED, ANY, "<[^>]*>"),
};

static void
test_explain(void)
{
	bounce_matcher *m = bounce_matcher_new();
	bounce_ruleset *set = COMPILE(explain_specs, 2);
	bounce_result r;
	const char *json;
	char	   *long_text;
	static const char diag1[] = "smtp; 550 5.1.1 user unknown";
	static const char diag2[] = "Übermäßig: usér unknown";
	static const char diag3[] = "x <a\"b\\c\x01\n\t\x1F\x7F\0z> y";
	char		tiny[4];
	size_t		n,
				i;

	group("explain");
	CHECK(m != NULL && set != NULL);
	if (m == NULL || set == NULL)
	{
		bounce_matcher_free(m);
		bounce_ruleset_free(set);
		return;
	}

	/* a rule result, byte for byte */
	bounce_classify_with(set, true, m, NULL, 0, diag1, sizeof(diag1) - 1, &r);
	json = EXPLAIN(&r, diag1, sizeof(diag1) - 1);
	CHECK_EQ_STR(json,
				 "{\"category\":\"invalid-mailbox\",\"hard\":true,\"signal\":\"rule\","
				 "\"rule\":\"e.unknown\",\"matched\":\"user unknown\","
				 "\"match_start\":17,\"match_length\":12,\"reply_code\":550,"
				 "\"enhanced_code\":\"5.1.1\",\"truncated\":false}");

	/* a code-only result */
	bounce_classify_with(set, true, m, "552", 3, NULL, 0, &r);
	json = EXPLAIN(&r, NULL, 0);
	CHECK_EQ_STR(json,
				 "{\"category\":\"full-mailbox\",\"hard\":false,\"signal\":\"reply\","
				 "\"rule\":null,\"matched\":null,\"match_start\":null,"
				 "\"match_length\":null,\"reply_code\":552,"
				 "\"enhanced_code\":null,\"truncated\":false}");
	bounce_classify_with(set, true, m, "", 0, "", 0, &r);
	json = EXPLAIN(&r, "", 0);
	CHECK_EQ_STR(json,
				 "{\"category\":\"other\",\"hard\":false,\"signal\":\"none\","
				 "\"rule\":null,\"matched\":null,\"match_start\":null,"
				 "\"match_length\":null,\"reply_code\":null,"
				 "\"enhanced_code\":null,\"truncated\":false}");
	bounce_classify_with(set, true, m, "4.7.509", 7, NULL, 0, &r);
	json = EXPLAIN(&r, NULL, 0);
	CHECK_MSG(strstr(json, "\"enhanced_code\":\"4.7.509\"") != NULL, "%s", json);

	/* match_start and match_length count characters, 1-based */
	bounce_classify_with(set, true, m, NULL, 0, diag2, sizeof(diag2) - 1, &r);
	CHECK_EQ_INT(r.match_start, 14);	/* bytes */
	CHECK_EQ_INT(r.match_len, 13);
	json = EXPLAIN(&r, diag2, sizeof(diag2) - 1);
	CHECK_MSG(strstr(json, "\"matched\":\"usér unknown\",\"match_start\":12,"
					 "\"match_length\":12,") != NULL, "%s", json);

	/* escaping: quotes, backslashes, control characters, NUL */
	bounce_classify_with(set, true, m, NULL, 0, diag3, sizeof(diag3) - 1, &r);
	CHECK(r.rule_id != NULL && strcmp(r.rule_id, "e.angle") == 0);
	json = EXPLAIN(&r, diag3, sizeof(diag3) - 1);
	CHECK_MSG(strstr(json, "\"matched\":\"<a\\\"b\\\\c\\u0001\\n\\t\\u001f\x7F"
					 "\xEF\xBF\xBDz>\"") != NULL, "%s", esc(json, strlen(json)));

	/* invalid UTF-8 in a span becomes U+FFFD (a hand-made result) */
	{
		static const char bad[] = "ab\xFF\xFE\x80\xC3(\xE2\x82)\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80ok\xC3\xA9";
		bounce_result h;

		memset(&h, 0, sizeof(h));
		h.category = BOUNCE_OTHER;
		h.signal = BOUNCE_SIGNAL_RULE;
		h.rule_id = "hand.\"made\\";
		h.match_start = 2;
		h.match_len = sizeof(bad) - 1 - 2;
		json = EXPLAIN(&h, bad, sizeof(bad) - 1);
		CHECK_MSG(strstr(json, "\"rule\":\"hand.\\\"made\\\\\"") != NULL, "%s",
				  esc(json, strlen(json)));
		CHECK_MSG(strstr(json, "\"matched\":\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
						 "\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD)") != NULL, "%s",
				  esc(json, strlen(json)));
		CHECK_MSG(strstr(json, "ok\xC3\xA9\"") != NULL, "%s", esc(json, strlen(json)));
		CHECK_MSG(strstr(json, "\"match_start\":3,") != NULL, "%s", esc(json, strlen(json)));

		/* a span outside the text is not quoted */
		h.match_start = 100;
		json = EXPLAIN(&h, bad, sizeof(bad) - 1);
		CHECK_MSG(strstr(json, "\"matched\":null") != NULL, "%s", json);

		/* the worst case still fits BOUNCE_EXPLAIN_MAX */
		long_text = malloc(5000);
		if (long_text != NULL)
		{
			memset(long_text, 0x01, 5000);
			h.rule_id = "some.rule-id-of-ordinary-length";
			h.match_start = 0;
			h.match_len = 5000;
			h.reply_code = 550;
			h.enhanced[0] = 5;
			h.enhanced[1] = 7;
			h.enhanced[2] = 509;
			h.truncated = true;
			h.category = BOUNCE_RECIPIENT_SERVER_ERROR;
			h.aside_start = 0;	/* and a sentence set aside as long */
			h.aside_len = 5000;
			EXPLAIN(&h, long_text, 5000);
			memset(long_text, '"', 5000);
			EXPLAIN(&h, long_text, 5000);
			memset(long_text, 0xFF, 5000);
			EXPLAIN(&h, long_text, 5000);
			for (i = 0; i < 5000; i++)
				long_text[i] = "\xE6\x97\xA5"[i % 3];
			h.match_start = 1;	/* starts mid-character */
			h.match_len = 4000;
			json = EXPLAIN(&h, long_text, 5000);
			CHECK_MSG(strstr(json, "\"match_length\":1333,") != NULL, "%s",
					  esc(json, strlen(json)));
			free(long_text);
		}
	}

	/* bufsize 0 leaves the buffer alone; tiny buffers stay terminated */
	memset(tiny, 'Z', sizeof(tiny));
	n = bounce_explain_json(&r, diag3, sizeof(diag3) - 1, tiny, 0);
	CHECK(tiny[0] == 'Z');
	CHECK(n > 0);
	n = bounce_explain_json(&r, diag3, sizeof(diag3) - 1, tiny, 1);
	CHECK(tiny[0] == '\0' && tiny[1] == 'Z');

	/* a truncated result says so */
	long_text = malloc(BOUNCE_SCAN_LIMIT + 10);
	if (long_text != NULL)
	{
		memset(long_text, 'q', BOUNCE_SCAN_LIMIT + 10);
		memcpy(long_text + 100, " user unknown ", 14);
		bounce_classify_with(set, true, m, "550", 3, long_text, BOUNCE_SCAN_LIMIT + 10, &r);
		json = EXPLAIN(&r, long_text, BOUNCE_SCAN_LIMIT + 10);
		CHECK_MSG(strstr(json, "\"match_start\":102,\"match_length\":12,") != NULL &&
				  strstr(json, "\"truncated\":true}") != NULL, "%s", json);
		free(long_text);
	}

	/* generated texts: always valid JSON */
	for (i = 0; i < 200; i++)
	{
		char		text[512];
		size_t		len = gen_text(text, sizeof(text));

		bounce_classify_with(set, true, m, "550 5.1.1", 9, text, len, &r);
		EXPLAIN(&r, text, len);
	}

	bounce_ruleset_free(set);
	bounce_matcher_free(m);
}

/* ================================================================ */
/* 8. Threads: one matcher per thread, the built-in rules shared;   */
/*    run first, so the lazy compilation of the rules races too.    */
/* ================================================================ */

#define THREADS 8
#define THREAD_INPUTS 2000

typedef struct input
{
	const char *status;
	char		text[400];
	size_t		len;
} input;

typedef struct worker
{
	const input *inputs;
	bounce_result *results;
	int			bad_rc;
	int			ref_differ;		/* the reference path disagreed */
} worker;

/* bounce_pattern_check says what is wrong with the pattern, nothing else. */
/*
 * "aside" rules: what they match (a sentence listing possible causes) is
 * blanked and every rule reads the text again; the span is reported in the
 * caller's text, through the unwrapping and the repair of bytes.
 */
static const bounce_rule_spec aside_specs[] = {
	SPEC("a.hedge", OTHER, ASIDE, "\\bmaybe\\b[^.]*\\bor\\b[^.]*"),
	SPEC("a.full", FULL_MAILBOX, ANY, "\\binbox\\s+is\\s+full\\b"),
	SPEC("a.unknown", INVALID_MAILBOX, ANY, "\\buser\\s+unknown\\b"),
};

static const bounce_rule_spec aside_custom_specs[] = {
	SPEC("c.perhaps", OTHER, ASIDE, "\\bperhaps\\b[^.]*"),
	SPEC("c.inbox", POLICY_RELATED, ANY, "\\binbox\\b"),
};

static void
aside_case(const bounce_ruleset *set, bounce_matcher *m, const char *text,
		   size_t len, int cat, const char *rule, const char *aside,
		   const char *file, int line)
{
	bounce_result r;
	size_t		alen = aside ? strlen(aside) : 0;

	classify_both(set, m, NULL, 0, text, len, &r, file, line);
	report((int) r.category == cat &&
		   (rule == NULL ? r.rule_id == NULL :
			r.rule_id != NULL && strcmp(r.rule_id, rule) == 0), file, line,
		   "(\"%s\"): got %s", esc(text, len), describe(&r));
	report(r.aside_len == alen && (alen == 0 || (r.aside_start + alen <= len &&
				memcmp(text + r.aside_start, aside, alen) == 0)), file, line,
		   "(\"%s\"): set aside %zu+%zu, want \"%s\"", esc(text, len),
		   r.aside_start, r.aside_len, aside ? aside : "");
}

#define ASIDE(set, text, cat, rule, aside) \
	aside_case((set), m, (text), sizeof(text) - 1, BOUNCE_##cat, (rule), \
			   (aside), __FILE__, __LINE__)

static void
test_asides(void)
{
	bounce_matcher *m = bounce_matcher_new();
	bounce_ruleset *set = COMPILE(aside_specs, 3);
	int			err;
	bounce_ruleset *custom = set ? bounce_ruleset_compile_over(aside_custom_specs,
															   2, set, &err,
															   NULL, 0) : NULL;
	bounce_result r;
	const char *json;
	static const char hedged[] = "maybe the inbox is full or gone. 550 user unknown";

	group("asides");
	CHECK(m != NULL && set != NULL && custom != NULL);
	if (m == NULL || set == NULL || custom == NULL)
	{
		bounce_matcher_free(m);
		bounce_ruleset_free(set);
		bounce_ruleset_free(custom);
		return;
	}
	/* the hedge's cause would win; read past, the reply decides */
	ASIDE(set, "maybe the inbox is full or gone. 550 user unknown",
		  INVALID_MAILBOX, "a.unknown", "maybe the inbox is full or gone");
	/* nothing else: no rule, and the span is still reported */
	ASIDE(set, "maybe the inbox is full or gone.", OTHER, NULL,
		  "maybe the inbox is full or gone");
	/* no hedge: nothing set aside */
	ASIDE(set, "the inbox is full.", FULL_MAILBOX, "a.full", NULL);
	/* a reply's continuation lines: the unwrapped copy, mapped back */
	ASIDE(set, "550-maybe the inbox\r\n550-is full or gone.\r\n550 user unknown",
		  INVALID_MAILBOX, "a.unknown", "maybe the inbox\r\n550-is full or gone");
	/* bytes that are not UTF-8: the repaired copy, mapped back */
	ASIDE(set, "\xff\xfe maybe the inbox is full or gone. \xff user unknown",
		  INVALID_MAILBOX, "a.unknown", "maybe the inbox is full or gone");
	/* four are set aside at most, then such rules are off: the fifth reads */
	ASIDE(set, "maybe a or b. maybe c or d. maybe e or f. maybe g or h. "
		  "maybe the inbox is full or gone. user unknown",
		  FULL_MAILBOX, "a.full", "maybe a or b");
	ASIDE(set, "maybe a or b. maybe c or d. maybe e or f. "
		  "maybe the inbox is full or gone. user unknown",
		  INVALID_MAILBOX, "a.unknown", "maybe a or b");

	/*
	 * A caller's rules come first and read the text as given; an aside
	 * rule of theirs sets its match aside for both sets.
	 */
	CHECK(bounce_classify_sets(custom, set, true, m, NULL, 0, hedged,
							   sizeof(hedged) - 1, &r) == BOUNCE_OK);
	CHECK(r.rule_id != NULL && strcmp(r.rule_id, "c.inbox") == 0);
	CHECK(bounce_classify_sets(custom, set, true, m, NULL, 0,
							   "perhaps the inbox. user unknown", 31,
							   &r) == BOUNCE_OK);
	CHECK(r.rule_id != NULL && strcmp(r.rule_id, "a.unknown") == 0 &&
		  r.aside_start == 0 && r.aside_len == 17);

	/* explain quotes the sentence set aside; the key only then */
	bounce_classify_with(set, true, m, NULL, 0, hedged, sizeof(hedged) - 1, &r);
	json = EXPLAIN(&r, hedged, sizeof(hedged) - 1);
	CHECK_MSG(strstr(json, "\"match_length\":12,\"set_aside\":"
					 "\"maybe the inbox is full or gone\",\"reply_code\":")
			  != NULL, "%s", json);
	bounce_classify_with(set, true, m, NULL, 0, "user unknown", 12, &r);
	json = EXPLAIN(&r, "user unknown", 12);
	CHECK_MSG(strstr(json, "set_aside") == NULL, "%s", json);

	bounce_ruleset_free(custom);
	bounce_ruleset_free(set);
	bounce_matcher_free(m);
}

static void
test_pattern_check(void)
{
	char		errbuf[256];

	group("pattern check");
	CHECK_EQ_INT(bounce_pattern_check("\\bfull\\b", 8, errbuf, sizeof(errbuf)),
				 BOUNCE_OK);
	CHECK_EQ_INT(bounce_pattern_check("(abc", 4, errbuf, sizeof(errbuf)),
				 BOUNCE_ERULES);
	CHECK_EQ_STR(errbuf, "missing closing parenthesis at offset 4");
	CHECK_EQ_INT(bounce_pattern_check("", 0, errbuf, sizeof(errbuf)),
				 BOUNCE_ERULES);
	CHECK_EQ_STR(errbuf, "empty pattern");
	CHECK_EQ_INT(bounce_pattern_check("a\0b", 3, errbuf, sizeof(errbuf)),
				 BOUNCE_ERULES);
	CHECK_EQ_STR(errbuf, "pattern contains a NUL byte");
	/* the same pattern as a rule: the message names the rule */
	{
		bounce_rule_def def = {"mine", "(abc", 4, BOUNCE_OTHER};
		bounce_rules *rules;

		CHECK_EQ_INT(bounce_rules_compile(&def, 1, &rules, errbuf,
										  sizeof(errbuf)), BOUNCE_ERULES);
		CHECK_EQ_STR(errbuf, "rule \"mine\": missing closing parenthesis at offset 4");
	}
}

static void
many_word(int i, char word[8])
{
	int			k;

	word[0] = 'z';
	word[1] = 'q';
	for (k = 2; k < 6; k++, i /= 26)
		word[k] = (char) ('a' + i % 26);
	word[6] = '\0';
}

/*
 * A user rule set far larger than the built-in one, each rule with its own
 * word: compilation must cope (a fixed-size table of the former index once
 * made it spin) and every rule must still be found by its word.
 */
static void
test_many_rules(void)
{
	enum
	{
		NRULES = 12000
	};
	bounce_rule_def *defs = calloc(NRULES, sizeof(bounce_rule_def));
	char	  (*ids)[24] = calloc(NRULES, sizeof(*ids));
	char	  (*patterns)[32] = calloc(NRULES, sizeof(*patterns));
	bounce_matcher *m = bounce_matcher_new();
	bounce_rules *rules = NULL;
	bounce_result r;
	char		errbuf[256],
				word[8],
				text[64];
	int			i,
				rc,
				found = 0,
				missed = 0;

	group("many rules");
	CHECK(defs != NULL && ids != NULL && patterns != NULL && m != NULL);
	if (defs == NULL || ids == NULL || patterns == NULL || m == NULL)
		goto done;
	for (i = 0; i < NRULES; i++)
	{
		many_word(i, word);
		snprintf(ids[i], sizeof(ids[i]), "many.%d", i);
		snprintf(patterns[i], sizeof(patterns[i]), "\\b%s\\b", word);
		defs[i].id = ids[i];
		defs[i].pattern = patterns[i];
		defs[i].pattern_len = strlen(patterns[i]);
		defs[i].category = (bounce_category) (i % BOUNCE_CATEGORY_COUNT);
	}
	rc = bounce_rules_compile(defs, NRULES, &rules, errbuf, sizeof(errbuf));
	CHECK_MSG(rc == BOUNCE_OK, "compile: %s", errbuf);
	if (rc != BOUNCE_OK)
		goto done;
	/* every tenth rule, found by its own word and nothing else */
	for (i = 0; i < NRULES; i += 10)
	{
		many_word(i, word);
		snprintf(text, sizeof(text), "550 a %s b", word);
		rc = bounce_classify_custom(m, rules, NULL, 0, text, strlen(text), &r);
		if (rc == BOUNCE_OK && r.signal == BOUNCE_SIGNAL_CUSTOM &&
			strcmp(r.rule_id, ids[i]) == 0)
			found++;
		else if (missed++ == 0)
			CHECK_MSG(false, "rule %d not found in \"%s\"", i, text);
	}
	CHECK_EQ_INT(found, NRULES / 10);
	/* a word one letter off is no rule's */
	rc = bounce_classify_custom(m, rules, NULL, 0, "zqzzzzz", 7, &r);
	CHECK(rc == BOUNCE_OK && r.signal != BOUNCE_SIGNAL_CUSTOM);

done:
	bounce_rules_free(rules);
	bounce_matcher_free(m);
	free(defs);
	free(ids);
	free(patterns);
}

/*
 * A set with more phrases than a two-byte mark can number (MARK16_LIMIT,
 * 16,384) keeps its marks in four bytes: the scan must find every phrase,
 * the last ones too, as the reference path does.
 */
static void
test_wide_marks(void)
{
	enum
	{
		NRULES = 17000
	};
	bounce_rule_spec *specs = calloc(NRULES, sizeof(bounce_rule_spec));
	char	  (*ids)[24] = calloc(NRULES, sizeof(*ids));
	char	  (*patterns)[32] = calloc(NRULES, sizeof(*patterns));
	bounce_matcher *m = bounce_matcher_new();
	bounce_ruleset *set = NULL;
	bounce_automaton_tables tables;
	char		word[8],
				other[8],
				text[64];
	int			i;

	group("four-byte marks");
	CHECK(specs != NULL && ids != NULL && patterns != NULL && m != NULL);
	if (specs == NULL || ids == NULL || patterns == NULL || m == NULL)
		goto done;
	for (i = 0; i < NRULES; i++)
	{
		many_word(i, word);
		snprintf(ids[i], sizeof(ids[i]), "wide.%d", i);
		snprintf(patterns[i], sizeof(patterns[i]), "\\b%s\\b", word);
		specs[i].id = ids[i];
		specs[i].pattern = patterns[i];
		specs[i].category = (bounce_category) (i % BOUNCE_CATEGORY_COUNT);
		specs[i].when = BOUNCE_WHEN_ANY;
	}
	set = COMPILE(specs, NRULES);
	if (set == NULL)
		goto done;
	CHECK(bounce_ruleset_tables(set, &tables) && tables.out_mark16 == NULL &&
		  tables.out_mark != NULL);
	/* the last phrases (numbers past two bytes), the first, and order */
	for (i = NRULES - 1; i >= 0; i -= 1231)
	{
		many_word(i, word);
		many_word(NRULES - 1 - i, other);
		snprintf(text, sizeof(text), "550 %s or %s", word, other);
		expect_rule(set, m, NULL, text, strlen(text),
					ids[i < NRULES - 1 - i ? i : NRULES - 1 - i],
					__FILE__, __LINE__);
		snprintf(text, sizeof(text), "550 %s.", word);
		expect_rule(set, m, NULL, text, strlen(text), ids[i], __FILE__, __LINE__);
		snprintf(text, sizeof(text), "550 x%s", word);
		expect_rule(set, m, NULL, text, strlen(text), NULL, __FILE__, __LINE__);
	}

done:
	bounce_ruleset_free(set);
	bounce_matcher_free(m);
	free(specs);
	free(ids);
	free(patterns);
}

/*
 * Every caseless pair of letters: a rule that spells a word with one of
 * them decides the word spelt with the other alike with and without the
 * prefilter. The prefilter folds case its own way (bounce_fold, factor.c's
 * other_case, ruleset.c's list of texts it leaves to the regexes); this
 * checks that against pcre2's folding for every letter up to U+2FFFF. The
 * pairs are the letters glibc's C.UTF-8 maps into one another (grouped by
 * towlower(towupper(c))), where pcre2 matches one against the other.
 */
typedef struct
{
	unsigned	key;
	unsigned	cp;
} cased_letter;

static int
cased_letter_cmp(const void *a, const void *b)
{
	const cased_letter *x = a,
			   *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

#define CASE_BATCH 200

static void
test_caseless_pairs(void)
{
	cased_letter *letters = calloc(0x30000, sizeof(cased_letter));
	size_t		nletters = 0,
				first,
				i,
				j;
	unsigned	cp;
	int			pairs = 0,
				fired = 0;
	bounce_matcher *m = bounce_matcher_new();

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
	{
		CHECK_MSG(false, "caseless pairs: no C.UTF-8 locale for the case maps");
		free(letters);
		bounce_matcher_free(m);
		return;
	}
	for (cp = 'A'; cp < 0x30000; cp++)
	{
		unsigned	key;

		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		key = (unsigned) towlower(towupper((wint_t) cp));
		if (key != cp || towlower((wint_t) cp) != (wint_t) cp ||
			towupper((wint_t) cp) != (wint_t) cp)
		{
			letters[nletters].key = key;
			letters[nletters].cp = cp;
			nletters++;
		}
	}
	qsort(letters, nletters, sizeof(cased_letter), cased_letter_cmp);

	/* rules in batches of whole groups, each word tried with its group */
	for (first = 0; first < nletters;)
	{
		bounce_rule_spec specs[CASE_BATCH + 64];
		char		patterns[CASE_BATCH + 64][16];
		char		ids[CASE_BATCH + 64][16];
		size_t		n = 0;
		bounce_ruleset *set;
		int			err = 0;
		char		errbuf[256];

		while (first + n < nletters && (n < CASE_BATCH ||
										letters[first + n].key == letters[first + n - 1].key))
		{
			unsigned char u[4];
			int			len = bounce_utf8_encode(letters[first + n].cp, u);

			snprintf(patterns[n], sizeof(patterns[n]), "zq%.*sqz", len, (char *) u);
			snprintf(ids[n], sizeof(ids[n]), "u.%04X", letters[first + n].cp);
			specs[n].id = ids[n];
			specs[n].category = BOUNCE_POLICY_RELATED;
			specs[n].when = BOUNCE_WHEN_ANY;
			specs[n].pattern = patterns[n];
			specs[n].origin = NULL;
			n++;
		}
		set = bounce_ruleset_compile(specs, n, &err, errbuf, sizeof(errbuf));
		CHECK_MSG(set != NULL, "caseless pairs: batch at U+%04X: %s",
				  letters[first].cp, errbuf);
		for (j = 0; set != NULL && j < n; j++)
		{
			bounce_result r;
			int			others = 0;

			for (i = 0; i < n; i++)
				others += i != j && letters[first + i].key == letters[first + j].key;
			if (others == 0)
				continue;
			pairs += others;
			/* the word with letter j, against the rules with its group's */
			classify_both(set, m, NULL, 0, patterns[j], strlen(patterns[j]),
						  &r, __FILE__, __LINE__);
			if (r.rule_id != NULL && strcmp(r.rule_id, ids[j]) != 0)
				fired++;
		}
		bounce_ruleset_free(set);
		first += n;
	}
	/* a first rule spelt with another letter of the group decides it */
	CHECK_MSG(pairs > 2000 && fired > 1000,
			  "caseless pairs: %d pairs, %d decided by another letter's rule",
			  pairs, fired);
	free(letters);
	bounce_matcher_free(m);
}

/*
 * A caller's rule set compiled over the built-in one finds the built-in
 * candidates in its own scan, for the built-in set to use next. They are
 * the text's: a matcher that moves to another text, through any set
 * (one without rules, the built-in one alone, one compiled apart), must
 * not see them.
 */
static void
test_scan_over(void)
{
	static const bounce_rule_spec specs[] = {
		{"over.quota", BOUNCE_OTHER, BOUNCE_WHEN_ANY, "\\bover\\s+quota\\b",
		"unit_test.c"},
		{"over.never", BOUNCE_OTHER, BOUNCE_WHEN_ANY, "\\bzqzqzq\\b",
		"unit_test.c"},
	};
	static const char *const texts[] = {
		"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown",
		"452 4.2.2 The email account that you tried to reach is over quota",
		"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred",
		"554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org",
		"",
		"552 5.2.2 Mailbox full; user is over quota",
		"550 5.7.26 Unauthenticated email from example.com is not accepted",
	};
	enum
	{
		NTEXTS = sizeof(texts) / sizeof(texts[0])
	};
	int			err;
	const bounce_ruleset *builtin = bounce_builtin_ruleset(&err);
	bounce_ruleset *over = bounce_ruleset_compile_over(specs, 2, builtin,
													   &err, NULL, 0);
	bounce_ruleset *none = bounce_ruleset_compile_over(specs, 0, builtin,
													   &err, NULL, 0);
	bounce_ruleset *apart = bounce_ruleset_compile(specs, 2, &err, NULL, 0);
	bounce_matcher *m = bounce_matcher_new(),
			   *fresh = bounce_matcher_new();
	bounce_result want[NTEXTS],
				got;
	int			i,
				j,
				how;

	group("one scan for the caller's and the built-in rules");
	CHECK(builtin != NULL && over != NULL && none != NULL && apart != NULL &&
		  m != NULL && fresh != NULL);
	if (!(builtin && over && none && apart && m && fresh))
		goto done;
	for (i = 0; i < NTEXTS; i++)
		bounce_classify_with(builtin, true, fresh, NULL, 0, texts[i],
							 strlen(texts[i]), &want[i]);
	/* every pair: a custom hit (or not) on i, then j through each set */
	for (i = 0; i < NTEXTS; i++)
		for (j = 0; j < NTEXTS; j++)
			for (how = 0; how < 4; how++)
			{
				const bounce_ruleset *custom = how == 0 ? none :
					how == 1 ? NULL : how == 2 ? apart : over;

				bounce_classify_sets(over, builtin, true, m, NULL, 0, texts[i],
									 strlen(texts[i]), &got);
				bounce_classify_sets(custom, builtin, true, m, NULL, 0,
									 texts[j], strlen(texts[j]), &got);
				if (how < 2)
					CHECK_MSG(got.category == want[j].category &&
							  got.rule_id == want[j].rule_id &&
							  got.match_start == want[j].match_start,
							  "after \"%s\", set %d on \"%s\": %s (%s), "
							  "want %s (%s)", texts[i], how, texts[j],
							  bounce_category_name(got.category),
							  got.rule_id ? got.rule_id : "-",
							  bounce_category_name(want[j].category),
							  want[j].rule_id ? want[j].rule_id : "-");
				else
				{
					bounce_result ref;

					bounce_classify_sets(custom, builtin, false, fresh, NULL, 0,
										 texts[j], strlen(texts[j]), &ref);
					CHECK_MSG(got.category == ref.category &&
							  got.rule_id == ref.rule_id &&
							  got.match_start == ref.match_start,
							  "after \"%s\", set %d on \"%s\": %s (%s), "
							  "reference %s (%s)", texts[i], how, texts[j],
							  bounce_category_name(got.category),
							  got.rule_id ? got.rule_id : "-",
							  bounce_category_name(ref.category),
							  ref.rule_id ? ref.rule_id : "-");
				}
			}
	/* the caller's rule decides where it matches */
	bounce_classify_sets(over, builtin, true, m, NULL, 0, texts[1],
						 strlen(texts[1]), &got);
	CHECK_EQ_STR(got.rule_id ? got.rule_id : "-", "over.quota");

done:
	bounce_ruleset_free(over);
	bounce_ruleset_free(none);
	bounce_ruleset_free(apart);
	bounce_matcher_free(m);
	bounce_matcher_free(fresh);
}

/*
 * A literal that many branches hold, the suffix of many other literals:
 * copying each state's suffix marks would grow with the product (a caller's
 * rules, 600 and 600 here: 360,000 copies), so such a set keeps the suffix
 * links, and answers as the reference does.
 */
static void
test_shared_suffix(void)
{
	enum
	{
		NRULES = 1200
	};
	static const char *const texts[] = {
		"550 qabczorbq here", "zorbqxyz", "550 5.1.1 zorbqab qzzazorbq",
		"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown",
		"552 5.2.2 Mailbox full; user is over quota", "qzorbq zorbq",
	};
	bounce_rule_spec *specs = calloc(NRULES, sizeof(*specs));
	char	  (*pat)[48] = calloc(NRULES, sizeof(*pat));
	char	  (*ids)[16] = calloc(NRULES, sizeof(*ids));
	int			err,
				i;
	const bounce_ruleset *builtin = bounce_builtin_ruleset(&err);
	bounce_ruleset *over = NULL;
	bounce_matcher *m = bounce_matcher_new();

	group("a literal many branches share, the suffix of many others");
	CHECK(specs != NULL && pat != NULL && ids != NULL && builtin != NULL &&
		  m != NULL);
	if (!(specs && pat && ids && builtin && m))
		goto done;
	CHECK(bounce_ruleset_marks_copied(builtin));
	for (i = 0; i < NRULES; i++)
	{
		if (i < NRULES / 2)
			snprintf(pat[i], sizeof(pat[i]), "\\bzorbq\\w{%d}", i % 40 + 1);
		else
			snprintf(pat[i], sizeof(pat[i]), "\\bq%c%c%czorbq\\b",
					 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676 % 26);
		snprintf(ids[i], sizeof(ids[i]), "s%d", i);
		specs[i].id = ids[i];
		specs[i].category = i % 2 ? BOUNCE_OTHER : BOUNCE_POLICY_RELATED;
		specs[i].when = BOUNCE_WHEN_ANY;
		specs[i].pattern = pat[i];
		specs[i].origin = "unit_test.c";
	}
	over = bounce_ruleset_compile_over(specs, NRULES, builtin, &err, NULL, 0);
	CHECK(over != NULL);
	if (over == NULL)
		goto done;
	CHECK(!bounce_ruleset_marks_copied(over));
	for (i = 0; i < (int) (sizeof(texts) / sizeof(texts[0])); i++)
	{
		bounce_result got,
					ref;

		bounce_classify_sets(over, builtin, true, m, NULL, 0, texts[i],
							 strlen(texts[i]), &got);
		bounce_classify_sets(over, builtin, false, m, NULL, 0, texts[i],
							 strlen(texts[i]), &ref);
		CHECK_MSG(got.category == ref.category && got.rule_id == ref.rule_id &&
				  got.match_start == ref.match_start,
				  "\"%s\": %s (%s), reference %s (%s)", texts[i],
				  bounce_category_name(got.category),
				  got.rule_id ? got.rule_id : "-",
				  bounce_category_name(ref.category),
				  ref.rule_id ? ref.rule_id : "-");
	}

done:
	bounce_ruleset_free(over);
	bounce_matcher_free(m);
	free(specs);
	free(pat);
	free(ids);
}

static void *
work(void *arg)
{
	worker	   *w = arg;
	bounce_matcher *m = bounce_matcher_new();
	size_t		i;
	int			err;
	const bounce_ruleset *builtin;

	if (m == NULL)
	{
		w->bad_rc = THREAD_INPUTS;
		return NULL;
	}
	for (i = 0; i < THREAD_INPUTS; i++)
	{
		const input *in = &w->inputs[i];
		int			rc = bounce_classify(m, in->status, zlen(in->status),
										 in->text, in->len, &w->results[i]);

		if (rc != BOUNCE_OK)
			w->bad_rc++;
	}
	/* the reference path compiles its whole patterns on first use: race it */
	builtin = bounce_builtin_ruleset(&err);
	for (i = 0; builtin != NULL && i < THREAD_INPUTS; i += 16)
	{
		const input *in = &w->inputs[i];
		bounce_result ref;

		if (bounce_classify_with(builtin, false, m, in->status, zlen(in->status),
								 in->text, in->len, &ref) != BOUNCE_OK)
			w->bad_rc++;
		else if (ref.category != w->results[i].category ||
				 ref.rule_id != w->results[i].rule_id)
			w->ref_differ++;
	}
	bounce_matcher_free(m);
	return NULL;
}

static void
test_threads(void)
{
	static const char *const realistic[] = {
		"smtp; 550-5.1.1 The email account that you tried to reach does not exist.",
		"host mx.example.com[192.0.2.1] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command)",
		"550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org",
		"451 4.7.1 Greylisted, see http://postgrey.schweikert.ch/help/example.com.html",
		"Remote Server returned '550 5.4.1 Recipient address rejected: Access denied'",
		"retry timeout exceeded",
		"connect to mx.example.com[192.0.2.1]:25: Connection timed out",
		"550 5.7.26 This message does not have authentication information",
		/*
		 * Not ASCII, for the UTF forms. Each text here recurs about 45
		 * times among the inputs, so threads race to JIT-compile the forms
		 * they search (branch_code).
		 */
		"550 5.1.1 <j\xc3\xb6rg@example.de>: Recipient address rejected: User unknown in virtual mailbox table",
		"552 5.2.2 \xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5: quota exceeded for user",
		"451 4.3.0 Temporary lookup failure \xe2\x80\x94 please retry",
		/*
		 * A KELVIN SIGN: no prefilter, so every branch before the match
		 * searches, and threads race to compile the phrase branches' UTF
		 * forms, which wait until such a text needs them.
		 */
		"552 5.2.2 Mailbox full: 20 \xe2\x84\xaa over quota",
	};
	static const char *const statuses[] = {
		NULL, "", "550", "5.1.1", "450 4.7.1", "4.4.7", "552", "521 5.3.2",
	};
	input	   *inputs = calloc(THREAD_INPUTS, sizeof(input));
	bounce_result *results = calloc((size_t) THREADS * THREAD_INPUTS, sizeof(bounce_result));
	worker		workers[THREADS];
	pthread_t	tids[THREADS];
	bool		started[THREADS];
	bounce_matcher *m;
	size_t		i;
	int			t,
				differ = 0;

	group("threads");
	CHECK(inputs != NULL && results != NULL);
	if (inputs == NULL || results == NULL)
	{
		free(inputs);
		free(results);
		return;
	}
	for (i = 0; i < THREAD_INPUTS; i++)
	{
		input	   *in = &inputs[i];

		in->status = statuses[rnd() % (sizeof(statuses) / sizeof(statuses[0]))];
		if (i % 4 == 0)
		{
			const char *s = realistic[rnd() % (sizeof(realistic) / sizeof(realistic[0]))];

			in->len = strlen(s);
			memcpy(in->text, s, in->len + 1);
		}
		else
			in->len = gen_text(in->text, sizeof(in->text));
	}

	for (t = 0; t < THREADS; t++)
	{
		workers[t].inputs = inputs;
		workers[t].results = results + (size_t) t * THREAD_INPUTS;
		workers[t].bad_rc = 0;
		workers[t].ref_differ = 0;
		started[t] = pthread_create(&tids[t], NULL, work, &workers[t]) == 0;
		CHECK_MSG(started[t], "pthread_create %d", t);
	}
	for (t = 0; t < THREADS; t++)
		if (started[t])
			pthread_join(tids[t], NULL);

	/* every thread agrees with a sequential run */
	m = bounce_matcher_new();
	CHECK(m != NULL);
	for (i = 0; m != NULL && i < THREAD_INPUTS; i++)
	{
		bounce_result seq;

		bounce_classify(m, inputs[i].status, zlen(inputs[i].status),
						inputs[i].text, inputs[i].len, &seq);
		for (t = 0; t < THREADS; t++)
			if (started[t] && !same_result(&seq, &results[(size_t) t * THREAD_INPUTS + i]))
			{
				if (++differ <= 3)
					report(false, __FILE__, __LINE__,
						   "thread %d, input %zu (\"%s\"): %s, sequential %s", t, i,
						   esc(inputs[i].text, inputs[i].len),
						   describe(&results[(size_t) t * THREAD_INPUTS + i]),
						   describe(&seq));
			}
	}
	CHECK_MSG(differ == 0, "%d thread results differ from the sequential run", differ);
	for (t = 0; t < THREADS; t++)
	{
		CHECK_MSG(workers[t].bad_rc == 0, "thread %d: %d calls failed", t,
				  workers[t].bad_rc);
		CHECK_MSG(workers[t].ref_differ == 0,
				  "thread %d: the reference path differs on %d inputs", t,
				  workers[t].ref_differ);
	}
	bounce_matcher_free(m);
	free(inputs);
	free(results);
}

/* ================================================================ */
/* The built-in rule table: well formed whatever its wording.       */
/* ================================================================ */

static void
test_builtin_table(void)
{
	int			err;
	const bounce_ruleset *set = bounce_builtin_ruleset(&err);
	size_t		i,
				j;

	group("built-in table");
	CHECK(set != NULL && err == BOUNCE_OK);
	CHECK(bounce_builtin_spec_count > 0);
	if (set == NULL)
		return;
	CHECK_EQ_INT(bounce_ruleset_size(set), bounce_builtin_spec_count);
	CHECK(bounce_builtin_ruleset(&err) == set);
	for (i = 0; i < bounce_builtin_spec_count; i++)
	{
		const bounce_rule_spec *s = &bounce_builtin_specs[i];

		CHECK_MSG(s->id != NULL && s->id[0] != '\0' && s->pattern != NULL &&
				  (unsigned) s->category < BOUNCE_CATEGORY_COUNT &&
				  (unsigned) s->when < BOUNCE_WHEN_COUNT,
				  "built-in rule %zu is malformed", i);
		for (j = 0; s->id != NULL && j < i; j++)
			if (bounce_builtin_specs[j].id != NULL &&
				strcmp(bounce_builtin_specs[j].id, s->id) == 0)
				report(false, __FILE__, __LINE__, "rule id %s appears twice", s->id);
		/* a branch without a literal for the scan is searched on every
		 * text: the one-pass design's cost would grow with such rules */
		CHECK_MSG(bounce_ruleset_unindexed(set, i) == 0,
				  "built-in rule %s has %zu branches searched on every text "
				  "(make lint-rules)", s->id, bounce_ruleset_unindexed(set, i));
	}
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		verbose = true;

	test_threads();				/* first: races the lazy rule compilation */
	test_status_parsing();
	test_names();
	test_classify_codes();
	test_bad_inputs();
	test_engine();
	test_pattern_check();
	test_many_rules();
	test_wide_marks();
	test_scan_over();
	test_caseless_pairs();
	test_shared_suffix();
	test_factors();
	test_builtin_factors();
	test_builtin_automaton();
	test_unwrap();
	test_legacy_bytes();
	test_word_edges();
	test_explain();
	test_asides();
	test_builtin_table();

	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed > 0 ? 1 : 0;
}
