/*
 * bounce.h: name the cause of an email bounce.
 *
 * Input: an SMTP status (reply code and/or RFC 3463 enhanced status code, in
 * any of the shapes bounce tables hold) and the receiving server's diagnostic
 * text. Output: one of the 15 categories of the contract
 * (docs/categories.md), whether it is a hard bounce, and why.
 *
 *     bounce_matcher *m = bounce_matcher_new();
 *     bounce_result r;
 *     if (bounce_classify(m, "550 5.1.1", 9, text, text_len, &r) == BOUNCE_OK)
 *         puts(bounce_category_name(r.category));
 *     bounce_matcher_free(m);
 *
 * The built-in rules are compiled once per process, on first use, and are
 * read-only afterwards. A matcher is the per-thread scratch space (pcre2
 * match data, candidate set): give each thread its own, and classification
 * allocates nothing. Inputs are byte ranges, never NUL-terminated strings;
 * any bytes are accepted.
 */
#ifndef BOUNCE_H
#define BOUNCE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bounce_category
{
#define CATEGORY(id, name, hard, description) BOUNCE_##id,
#include "categories.def"
	BOUNCE_CATEGORY_COUNT
} bounce_category;

/* Which signal decided the category (the contract's decision order). */
typedef enum bounce_signal
{
	BOUNCE_SIGNAL_NONE,			/* nothing recognisable: "other" */
	BOUNCE_SIGNAL_RULE,			/* a text rule matched the diagnostic */
	BOUNCE_SIGNAL_ENHANCED,		/* the RFC 3463 enhanced status code */
	BOUNCE_SIGNAL_REPLY,		/* the RFC 5321 basic reply code */
	BOUNCE_SIGNAL_CUSTOM		/* one of the caller's own rules matched */
} bounce_signal;

/* Return codes. */
#define BOUNCE_OK			0
#define BOUNCE_NULL_INPUT	1	/* both inputs NULL: the answer is SQL NULL */
#define BOUNCE_ENOMEM		(-1)	/* out of memory */
#define BOUNCE_ERULES		(-2)	/* the rule set failed to compile */
#define BOUNCE_EINVAL		(-3)	/* bad argument (NULL matcher or result) */

typedef struct bounce_result
{
	bounce_category category;
	bool		hard;			/* hard bounce (contract: invalid-mailbox or
								 * invalid-domain, and neither reply_code
								 * nor enhanced below is 4xx / 4.x.x) */
	bounce_signal signal;
	const char *rule_id;		/* static id of the deciding rule, or NULL */
	size_t		match_start;	/* byte offset of the rule's match in the */
	size_t		match_len;		/* diagnostic; both 0 without a rule */
	int			reply_code;		/* basic reply code (e.g. 550), 0 if none */
	int			enhanced[3];	/* enhanced code (e.g. 5,7,509): the text's
								 * code that decided, when one did; else the
								 * status argument's, else the text's first;
								 * all 0 if none */
	bool		truncated;		/* only the first BOUNCE_SCAN_LIMIT bytes of
								 * the diagnostic were examined */
	bool		limit_hit;		/* a rule hit a pcre2 match limit and was
								 * treated as not matching */
	size_t		aside_start;	/* the first sentence the rules read the */
	size_t		aside_len;		/* text without (one that lists possible
								 * causes, or a quoted greeting's warning),
								 * in the diagnostic; both 0 if none */
} bounce_result;

/*
 * How much of a diagnostic is examined. Real diagnostics are a few hundred
 * bytes, whole DSN bodies a few KiB; the cap keeps the cost of one call
 * bounded whatever the input's size.
 */
#define BOUNCE_SCAN_LIMIT	(64 * 1024)
/* How much of a status argument is examined. */
#define BOUNCE_STATUS_LIMIT	256

typedef struct bounce_matcher bounce_matcher;

/* Library version, e.g. "0.1.0". */
const char *bounce_version(void);

/* Compile the built-in rules now (otherwise done on first classify). */
int			bounce_init(void);

/* A matcher for the calling thread; NULL when out of memory. */
bounce_matcher *bounce_matcher_new(void);
void		bounce_matcher_free(bounce_matcher *matcher);

/*
 * Classify one bounce. status/diagnostic may be NULL (absent) or empty.
 * Returns BOUNCE_OK with *result filled, BOUNCE_NULL_INPUT when both are
 * NULL (result filled as "other"), or a negative error.
 */
int			bounce_classify(bounce_matcher *matcher,
							const char *status, size_t status_len,
							const char *diagnostic, size_t diagnostic_len,
							bounce_result *result);

/* Category names. */
const char *bounce_category_name(bounce_category category);
const char *bounce_category_description(bounce_category category);
bool		bounce_category_is_hard(bounce_category category);

/*
 * Look up a category by name: ASCII case-insensitive, surrounding white
 * space ignored, and the seed's heading spellings "greylisting" and
 * "routing-errors" accepted. Returns false for an unknown name.
 */
bool		bounce_category_from_name(const char *name, size_t len,
									  bounce_category *category);

/* "rule", "custom", "enhanced", "reply" or "none". */
const char *bounce_signal_name(bounce_signal signal);

/* A short English text for a return code. */
const char *bounce_strerror(int code);

/*
 * Write the result as a JSON object into buf (always NUL-terminated when
 * bufsize > 0). diagnostic must be the text given to bounce_classify; the
 * matched span is quoted from it. Returns the length the full JSON needs,
 * excluding the NUL, like snprintf. BOUNCE_EXPLAIN_MAX suffices for the
 * built-in rules; a caller's rule id has no length limit, so grow the
 * buffer to the returned length when it does not fit.
 */
#define BOUNCE_EXPLAIN_MAX	4096
size_t		bounce_explain_json(const bounce_result *result,
								const char *diagnostic, size_t diagnostic_len,
								char *buf, size_t bufsize);

/*
 * Users' own rules. A rule set is compiled from definitions (copied), is
 * read-only afterwards and may be shared by threads. bounce_classify_custom
 * tries its rules first, in the order given, then the built-in ones; the
 * first that matches decides (result.signal is BOUNCE_SIGNAL_CUSTOM and
 * result.rule_id the rule's id, valid while the rule set lives).
 */
typedef struct bounce_rules bounce_rules;

typedef struct bounce_rule_def
{
	const char *id;				/* the rule's name, NUL-terminated */
	const char *pattern;		/* pcre2 syntax, matched caseless */
	size_t		pattern_len;
	bounce_category category;
} bounce_rule_def;

/* Longest pattern accepted, in bytes. */
#define BOUNCE_PATTERN_MAX	4096

/*
 * Compile definitions into *rules. On a bad pattern (or an empty one, one
 * with a NUL byte, or one longer than BOUNCE_PATTERN_MAX) returns
 * BOUNCE_ERULES with errbuf naming the rule and the problem.
 */
int			bounce_rules_compile(const bounce_rule_def *defs, size_t count,
								 bounce_rules **rules,
								 char *errbuf, size_t errlen);
void		bounce_rules_free(bounce_rules *rules);

/*
 * Check one pattern as bounce_rules_compile would: BOUNCE_OK, or
 * BOUNCE_ERULES with the problem alone in errbuf ("empty pattern",
 * "missing closing parenthesis at offset 3"), or BOUNCE_ENOMEM.
 */
int			bounce_pattern_check(const char *pattern, size_t len,
								 char *errbuf, size_t errlen);

/* bounce_classify with the caller's rules first (rules may be NULL). */
int			bounce_classify_custom(bounce_matcher *matcher,
								   const bounce_rules *rules,
								   const char *status, size_t status_len,
								   const char *diagnostic,
								   size_t diagnostic_len,
								   bounce_result *result);

/*
 * A fingerprint of a diagnostic for grouping: lower case, white space
 * collapsed, and what varies between bounces of one kind replaced by a
 * placeholder ({email}, {ip}, {host}, {url}, {id}, {q} for a short quoted
 * value, # for a digit run); reply and enhanced status codes are kept.
 * Writes at most BOUNCE_FINGERPRINT_MAX bytes plus a NUL into buf (when
 * bufsize > 0) and returns the fingerprint's length.
 */
#define BOUNCE_FINGERPRINT_MAX	256
size_t		bounce_fingerprint(const char *text, size_t len,
							   char *buf, size_t bufsize);

/*
 * The receiving provider or filter a diagnostic gives away ("google",
 * "microsoft", "yahoo", "proofpoint", "spamhaus", ...), or NULL in *name
 * when it names none. Returns BOUNCE_OK or a negative error.
 */
int			bounce_provider(bounce_matcher *matcher, const char *text,
							size_t len, const char **name);

#ifdef __cplusplus
}
#endif

#endif							/* BOUNCE_H */
