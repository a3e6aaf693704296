/*
 * internal.h: declarations shared by the core's source files; not installed.
 */
#ifndef BOUNCE_INTERNAL_H
#define BOUNCE_INTERNAL_H

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "bounce.h"

/*
 * Code conditions a rule may carry besides its pattern (the "when" column of
 * rules files in core/rules/). WHEN(enum suffix, name in the files).
 */
#define BOUNCE_WHEN_LIST \
	WHEN(ANY, "any")				/* always */ \
	WHEN(TRANSIENT, "transient")	/* a 4xx reply or 4.x.x status */ \
	WHEN(PERMANENT, "permanent")	/* no 4xx / 4.x.x code */ \
	WHEN(GREYCODE, "greycode")		/* only codes: 450/451 and/or 4.7.1 */ \
	WHEN(X41, "x41")				/* enhanced status X.4.1 */ \
	WHEN(NOX41, "nox41")			/* no enhanced status X.4.1 */ \
	WHEN(DBEBCODE, "dbebcode")		/* enhanced X.4.1, or 5.7.504: the codes
									 * Microsoft sends its unknown-recipient
									 * "Access denied" with */ \
	WHEN(SENDERCODE, "sendercode")	/* enhanced X.1.7 or X.1.8: the sender */ \
	WHEN(NOMAILBOXCODE, "nomailboxcode")	/* no enhanced code that names the
											 * mailbox's state (X.1.1, X.1.2,
											 * X.1.3, X.1.6, X.1.10, X.2.1,
											 * X.2.2): generic wording defers
											 * to such a code */ \
	WHEN(NOCODE, "nocode")			/* no code that decides a category by
									 * itself (an enhanced code the contract
									 * maps, 421, 451, 552, 521, 556): a
									 * wrapper's own words defer to what
									 * the reply it wraps says */ \
	WHEN(TEMPORNOCODE, "tempornocode")	/* transient or nocode: a temporary
											 * reply whatever its enhanced code,
											 * a permanent one only when no code
											 * decides */ \
	WHEN(ASIDE, "aside")			/* decides nothing: its match (a sentence
									 * that lists possible causes) is blanked
									 * and the rules read the text again */

typedef enum bounce_when
{
#define WHEN(id, name) BOUNCE_WHEN_##id,
	BOUNCE_WHEN_LIST
#undef WHEN
	BOUNCE_WHEN_COUNT
} bounce_when;

/* One rule as written in the rules files. */
typedef struct bounce_rule_spec
{
	const char *id;				/* stable id, e.g. "mailbox.user-unknown" */
	bounce_category category;
	bounce_when when;
	const char *pattern;		/* pcre2 syntax; matched caseless, UTF,
								 * dot-all */
	const char *origin;			/* "core/rules/file.rules:line" */
} bounce_rule_spec;

extern const bounce_rule_spec bounce_builtin_specs[];
extern const size_t bounce_builtin_spec_count;

/* The provider patterns (core/providers.rules); ids are provider names. */
extern const bounce_rule_spec bounce_provider_specs[];
extern const size_t bounce_provider_spec_count;

/* ---- status codes (status.c) ---- */

typedef struct bounce_codes
{
	int			reply;			/* 0, or 200..599 */
	int			enh[3];			/* class 0 when absent */
} bounce_codes;

/* Parse a status argument: reply and/or enhanced code anywhere in it. */
void		bounce_parse_status(const char *s, size_t len, bounce_codes *codes);

/* Codes at the start of a diagnostic ("smtp; 550 5.1.1 ..."). */
void		bounce_parse_leading(const char *s, size_t len, bounce_codes *codes);

/* Codes anywhere in a diagnostic (first plausible ones). */
void		bounce_parse_inside(const char *s, size_t len, bounce_codes *codes);

/*
 * The enhanced codes of a diagnostic one at a time: the next one from *at
 * on (start at 0); false when there is none left. Moves *at past it.
 */
bool		bounce_next_enhanced(const char *s, size_t len, size_t *at,
								 int enh[3]);

/* ---- literal factors (factor.c) ---- */

/*
 * The literals a pattern needs: every match of the pattern contains at
 * least one of them (an OR-set). Stored ASCII-folded (byte | 0x20).
 */
#define BOUNCE_FACTOR_MAX	64	/* at most this many alternatives */
#define BOUNCE_FACTOR_LEN	32	/* bytes per literal kept */
#define BOUNCE_LITERAL_MIN	3	/* shortest literal the scan indexes */

typedef struct bounce_factors
{
	int			count;			/* 0: the pattern needs no literal */
	unsigned char text[BOUNCE_FACTOR_MAX][BOUNCE_FACTOR_LEN];
	int			len[BOUNCE_FACTOR_MAX];

	/*
	 * phrase: the pattern matches exactly where one of the literals occurs
	 * in the folded, collapsed text (with, when bound_start/bound_end, a
	 * word boundary before/after it), and its match is that occurrence.
	 * The literals are then the complete strings, none a prefix of another,
	 * none starting or ending with a space.
	 */
	bool		phrase;
	bool		bound_start;
	bool		bound_end;

	/* a second requirement, met by every match too (0: none) */
	int			count2;
	unsigned char text2[BOUNCE_FACTOR_MAX][BOUNCE_FACTOR_LEN];
	int			len2[BOUNCE_FACTOR_MAX];
} bounce_factors;

void		bounce_pattern_factors(const char *pattern, bounce_factors *out);

/*
 * The built-in rules' factors, worked out when the library is built
 * (build/factorgen writes core/factors_builtin.c), so that bounce_init does
 * not analyse three thousand branches again in every process. Rule r's
 * branches are entries rule_first[r] to rule_first[r + 1] - 1, each known
 * by its source's length and hash (bounce_branch_hash): a branch whose
 * source differs is analysed as any other.
 */
typedef struct bounce_branch_factors
{
	uint64_t	src_hash;
	uint32_t	src_len;
	uint32_t	first_len;		/* its literals' lengths from here in
								 * bounce_builtin_factor_lens (the first
								 * requirement's, then the second's) ... */
	uint32_t	pool_at;		/* ... and their bytes, end to end, from
								 * here in bounce_builtin_factor_pool */
	uint8_t		count;
	uint8_t		count2;
	uint8_t		flags;			/* BOUNCE_FACTORS_* */
} bounce_branch_factors;

#define BOUNCE_FACTORS_PHRASE		1
#define BOUNCE_FACTORS_BOUND_START	2
#define BOUNCE_FACTORS_BOUND_END	4

extern const size_t bounce_builtin_factor_rule_count;
extern const uint32_t bounce_builtin_factor_rule_first[];
extern const bounce_branch_factors bounce_builtin_branch_factors[];
extern const uint8_t bounce_builtin_factor_lens[];
extern const unsigned char bounce_builtin_factor_pool[];

/*
 * Branch k of built-in rule r, whose source is src, as the build analysed
 * it: *f's counts, flags and the literals they number as
 * bounce_pattern_factors(src, f) makes them (the arrays past the counts,
 * which nothing reads, are not written). False when the table holds no
 * such branch (then *f is untouched).
 */
bool		bounce_builtin_factors(size_t r, size_t k, const char *src,
								   bounce_factors *f);

/* h mixed with len bytes of data, eight at a time (not for hostile input) */
uint64_t	bounce_hash_bytes(uint64_t h, const void *data, size_t len);

/* A branch's identity in that table: its source's bytes, hashed. */
uint64_t	bounce_branch_hash(const char *src, size_t len);

/*
 * A rule set's literal automaton (ruleset.c) as plain arrays. Building the
 * built-in rules' was three quarters of bounce_init, the same in every
 * process, so the build makes it once (build/automatongen writes
 * core/automaton_builtin.c) and a set whose literals are the ones the
 * tables were made for (literal_hash, nliterals, nscan) reads them from
 * the library, read-only and shared between processes, instead of
 * building its own. The arrays' lengths: bounce_automaton_arrays.
 */
typedef struct bounce_out_word
{
	uint64_t	bits;			/* a bit per state with OUT_BIT */
	uint32_t	rank;			/* bits set in the words before */
} bounce_out_word;

typedef struct bounce_automaton_tables
{
	uint64_t	literal_hash;	/* of the literals they were built over */
	uint32_t	nliterals;
	uint32_t	nscan;			/* branches the scan marks */
	uint32_t	nstates;
	uint32_t	nclasses;
	uint32_t	row_classes;
	uint32_t	ndense;
	uint32_t	nhigh_rows;
	uint32_t	nedges;
	uint32_t	nout;
	uint32_t	nseen_words;
	unsigned char cls[256];
	const uint32_t *rows;
	const uint16_t *high_row_of;
	const uint32_t *high_rows;
	const uint32_t *links;
	const unsigned char *edge_cls;
	const uint32_t *edge_to;
	const bounce_out_word *out_words;
	const uint32_t *out_first;
	const uint32_t *out_next;	/* NULL when the marks are copied together */
	const uint16_t *out_mark16; /* the marks, in two bytes or in four: */
	const uint32_t *out_mark;	/* one of the two is NULL */
	const uint32_t *second_first;
	const uint32_t *second_seen;
} bounce_automaton_tables;

/*
 * One array of a tables struct: its field's name, where it is (NULL: absent,
 * as out_next may be), the bytes of an element and how many there are.
 */
typedef struct bounce_table_array
{
	const char *name;
	const void *data;
	size_t		width;
	size_t		count;
} bounce_table_array;

#define BOUNCE_TABLE_ARRAYS 13

/*
 * t's arrays in one order, with their lengths: what the generator writes,
 * what bounce_ruleset_mapped_bytes counts and what the tests compare.
 * Returns how many it filled (BOUNCE_TABLE_ARRAYS).
 */
size_t		bounce_automaton_arrays(const bounce_automaton_tables *t,
									bounce_table_array out[BOUNCE_TABLE_ARRAYS]);

/*
 * The built-in rules' tables, made by the build; build/automatongen, which
 * makes them from the library's own code, links NULL here instead.
 */
extern const bounce_automaton_tables *const bounce_builtin_automaton;

/*
 * How the library compiles every pattern (pcre2 options; needs pcre2.h
 * where used), and how the build tool checks the built-in ones. Patterns
 * are UTF-8 and caseless; texts are always valid UTF-8 by the time they
 * are matched (see bounce_ruleset_match), so no pcre2 UTF check runs.
 */
#define BOUNCE_COMPILE_OPTIONS (PCRE2_CASELESS | PCRE2_UTF | PCRE2_DOTALL | \
								PCRE2_NO_AUTO_CAPTURE | PCRE2_NEVER_BACKSLASH_C)

/*
 * Did pcre2_compile fail for want of memory? It says so with a compile
 * error code of its own, not PCRE2_ERROR_NOMEMORY (a match-time code).
 */
#define BOUNCE_COMPILE_OUT_OF_MEMORY(code) ((code) == PCRE2_ERROR_HEAP_FAILED)

/*
 * The most compiled code (pcre2's size) a rule set spends on forms without
 * UTF, the faster ones for ASCII texts (branch_code in ruleset.c); past it
 * a branch whose ASCII form is not compiled yet searches ASCII texts with
 * its UTF form, which matches them the same. The branches texts need first
 * get them: after 150,000 bench rows, classifying 30,000 of them again cost
 * 0.0004% more instructions than with no limit (256 KB: 0.24%), and the
 * most the built-in rules can hold in use fell by 0.26 MB (an ASCII form
 * for every branch is 1.0 MB). The test reads it (late_compile_test.c).
 */
#define BOUNCE_ASCII_FORM_BUDGET (512 * 1024)

/*
 * In how many of the sample texts behind core/frequent_grams.def the 4
 * folded bytes at s occur, if they are among the most frequent; else 0.
 */
int			bounce_gram_frequency(const unsigned char *s);

/* Whether every 4-byte window of a literal (len bytes) is a frequent one. */
bool		bounce_literal_is_frequent(const unsigned char *s, int len);

/* ---- compiled rule sets (ruleset.c) ---- */

typedef struct bounce_ruleset bounce_ruleset;

/*
 * Compile specs into a rule set (copies nothing: specs must outlive it).
 * On a bad pattern returns NULL, sets *err to BOUNCE_ERULES and, when
 * errbuf is given, describes the rule and the pcre2 error.
 */
bounce_ruleset *bounce_ruleset_compile(const bounce_rule_spec *specs,
									   size_t count, int *err,
									   char *errbuf, size_t errlen);

/*
 * The same, for a set matched just before base (the caller's rules before
 * the built-in ones): its scan of a text also finds base's candidates, so
 * that base is matched next without a scan of its own (see
 * bounce_ruleset_match). base must outlive the set.
 */
bounce_ruleset *bounce_ruleset_compile_over(const bounce_rule_spec *specs,
											size_t count,
											const bounce_ruleset *base,
											int *err, char *errbuf,
											size_t errlen);
void		bounce_ruleset_free(bounce_ruleset *set);

/*
 * Whether pcre2 accepts a pattern (NUL-terminated) as the rule sets compile
 * it: BOUNCE_OK, BOUNCE_ENOMEM, or BOUNCE_ERULES with pcre2's complaint in
 * errbuf.
 */
int			bounce_pattern_compiles(const char *pattern,
									char *errbuf, size_t errlen);

/*
 * A pattern split at its top-level '|' into *n branch copies (malloc'd,
 * each and the array); one copy when it sets options at top level. NULL
 * when out of memory.
 */
char	  **bounce_split_branches(const char *pattern, size_t *n);

size_t		bounce_ruleset_size(const bounce_ruleset *set);

/*
 * How many branches of rule i have no literal the scan can index: they are
 * tried on every text (the rule linter reports them).
 */
size_t		bounce_ruleset_unindexed(const bounce_ruleset *set, size_t i);

/*
 * Whether a hit reads its state's marks and its suffixes' as one copied
 * run (true), or walks suffix links because copying them would have taken
 * too much memory (for the tests).
 */
bool		bounce_ruleset_marks_copied(const bounce_ruleset *set);
const bounce_rule_spec *bounce_ruleset_spec(const bounce_ruleset *set,
											size_t i);

/*
 * bounce_ruleset_compile offering these tables (NULL: none, the set builds
 * its automaton); they serve only the literals they were made for. Tests
 * compare the build's tables with ones built so.
 */
bounce_ruleset *bounce_ruleset_compile_tables(const bounce_rule_spec *specs,
											  size_t count,
											  const bounce_automaton_tables *tables,
											  int *err);

/* A set's tables, pointing into it; false for a set compiled over a base. */
bool		bounce_ruleset_tables(const bounce_ruleset *set,
								  bounce_automaton_tables *out);

/* Bytes of a set's tables read from the library (0: built in its heap). */
size_t		bounce_ruleset_mapped_bytes(const bounce_ruleset *set);

/*
 * The rule set in *slot, compiled from specs by the first caller (under
 * lock) and kept for the process; NULL with *err on failure, when a later
 * call tries again.
 */
const bounce_ruleset *bounce_ruleset_once(bounce_ruleset **slot,
										  pthread_mutex_t *lock,
										  const bounce_rule_spec *specs,
										  size_t count, int *err);

/* The built-in rules, compiled once per process; NULL on failure. */
const bounce_ruleset *bounce_builtin_ruleset(int *err);

/*
 * JIT-compile every branch's forms now, as their searches would in time, as
 * far as the set's budget goes: the most its memory can grow in use
 * (bench/core_bench -U measures it).
 */
void		bounce_ruleset_jit_all(const bounce_ruleset *set);

/* Match context given to the rule matcher: the codes, computed lazily. */
typedef struct bounce_codectx
{
	bounce_codes codes;
	const char *text;
	size_t		text_len;
	bool		inside_done;	/* bounce_parse_inside already merged */
	int			asides;			/* sentences set aside ("aside" rules are off
								 * at classify.c's ASIDE_LIMIT) */
} bounce_codectx;

bool		bounce_when_holds(bounce_when when, bounce_codectx *ctx);
void		bounce_codectx_complete(bounce_codectx *ctx);

/* How many regex searches a matcher has run (benchmarks, tests). */
unsigned long bounce_matcher_searches(const bounce_matcher *matcher);

/* Where a stretch copied from the text starts, in the copy and the text. */
typedef struct bounce_stretch
{
	uint32_t	view;
	uint32_t	text;
} bounce_stretch;

/*
 * The text the rules read: valid UTF-8 (pcre2 runs without its UTF check),
 * with what maps a match in it back to the caller's text.
 */
typedef struct bounce_subject
{
	const char *text;			/* NULL when the caller's text is */
	size_t		len;
	bool		ascii;			/* every byte ASCII (false: perhaps not) */
	bool		unfoldable;		/* holds a letter the scan cannot fold
								 * (bounce_has_fold_exceptions): every
								 * branch runs its regex */
	const bounce_stretch *repaired;	/* back through the repair of bytes */
	size_t		nrepaired;		/* that were not UTF-8 (utf8.c), */
	const bounce_stretch *unwrapped;	/* ... and through the unwrapping */
	size_t		nunwrapped;		/* (unwrap.c); none: the same text */
} bounce_subject;

/*
 * The subject for text (len bytes, may be NULL), in the matcher's buffers
 * when it differs from text: invalid UTF-8 repaired, then, if unwrap, the
 * copy unwrap.c describes. BOUNCE_ENOMEM when the buffers cannot grow.
 */
int			bounce_matcher_subject(bounce_matcher *matcher, const char *text,
								   size_t len, bool unwrap,
								   bounce_subject *subject);

/*
 * Blank [start, start + len) of the subject with spaces, in the matcher's
 * own copy of it (made first when the subject is the caller's text or the
 * repaired copy); offsets keep, so the subject maps back as before.
 * BOUNCE_ENOMEM when the copy cannot be made.
 */
int			bounce_matcher_blank(bounce_matcher *matcher, bounce_subject *subject,
								 size_t start, size_t len);

/*
 * An "aside" rule matched [start, start + len) of the subject: blank it
 * (bounce_matcher_blank) and count it in ctx, so the rules can read the
 * text again without it. BOUNCE_ENOMEM when the copy cannot be made.
 */
int			bounce_set_aside(bounce_matcher *matcher, bounce_subject *subject,
							 bounce_codectx *ctx, size_t start, size_t len);

/* A span of the subject [*start, *start + *len) made the caller's text's. */
void		bounce_subject_span(const bounce_subject *subject, size_t *start,
								size_t *len);

/*
 * Find the first rule (in precedence order) that matches the subject and
 * whose condition holds: *index is its number, or -1; the match span (in
 * the subject) is filled. use_prefilter false tries every rule in order
 * (the reference behaviour). scanned: the previous call with this matcher
 * matched a set compiled over this one (bounce_ruleset_compile_over) on
 * the same subject, whose scan found this set's candidates too; they are
 * used when that call did scan. Returns BOUNCE_OK or a negative error.
 */
int			bounce_ruleset_match(const bounce_ruleset *set,
								 bounce_matcher *matcher,
								 const bounce_subject *subject,
								 bounce_codectx *ctx, bool use_prefilter,
								 bool scanned, long *index,
								 size_t *match_start, size_t *match_len,
								 bool *limit_hit);

/* Scratch owned by a matcher (ruleset.c), sized for a given rule set. */
int			bounce_matcher_reserve(bounce_matcher *matcher,
								   const bounce_ruleset *set);

/* ---- classification (classify.c) ---- */

/*
 * bounce_classify against a given rule set; with use_prefilter false every
 * rule is tried in order (the reference the prefilter must agree with).
 */
int			bounce_classify_with(const bounce_ruleset *set, bool use_prefilter,
								 bounce_matcher *matcher,
								 const char *status, size_t status_len,
								 const char *diagnostic, size_t diagnostic_len,
								 bounce_result *result);

/* The same with a set of the caller's rules tried first (custom may be NULL). */
int			bounce_classify_sets(const bounce_ruleset *custom,
								 const bounce_ruleset *set, bool use_prefilter,
								 bounce_matcher *matcher,
								 const char *status, size_t status_len,
								 const char *diagnostic, size_t diagnostic_len,
								 bounce_result *result);

/* ---- UTF-8 (utf8.c) ---- */

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
size_t		bounce_utf8_char(const unsigned char *s, size_t n);

/*
 * The same, and the character's code point in *cp. Bytes are read in order
 * and reading stops at the first that does not continue the character, so
 * a NUL-terminated string may pass n = 4.
 */
size_t		bounce_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* cp (at most U+10FFFF) written as UTF-8 to out; returns its length, 1..4. */
int			bounce_utf8_encode(unsigned cp, unsigned char *out);

/* Does the text hold a letter the prefilter cannot fold (ruleset.c)? */
bool		bounce_has_fold_exceptions(const unsigned char *t, size_t n);

/*
 * Offset of the first invalid byte, or n when s is valid UTF-8; *ascii
 * (when given) tells whether every byte up to there was ASCII.
 */
size_t		bounce_utf8_first_invalid(const unsigned char *s, size_t n,
									  bool *ascii);

/*
 * Copy s (n bytes, not valid UTF-8) to out as valid UTF-8, each byte that is
 * not part of a UTF-8 character read as Windows-1252. Writes at
 * most 3 * n bytes to out and at most 3 * n stretches, which map the copy
 * back to s as bounce_unwrap_span reads them. Returns the copy's length.
 */
size_t		bounce_utf8_repair(const unsigned char *s, size_t n,
							   unsigned char *out, bounce_stretch *stretches,
							   size_t *nstretches);

/* ---- the text the rules read (unwrap.c) ---- */

/*
 * Rewrite t (n bytes) as the rules read it: continuation prefixes of a
 * multi-line reply removed, folds and runs of white space made one space,
 * underscores that stand for spaces made spaces (see unwrap.c). Writes at
 * most n bytes to out and at most n / 2 + 1
 * stretches. Returns the copy's length, or SIZE_MAX when the text reads as
 * it is (out and stretches are then not to be used).
 */
size_t		bounce_unwrap(const unsigned char *t, size_t n, unsigned char *out,
						  bounce_stretch *stretches, size_t *nstretches);

/* The offset in the text of byte at of the copy. */
size_t		bounce_unwrap_offset(const bounce_stretch *stretches,
								 size_t nstretches, size_t at);

/* A span of the copy [*start, *start + *len) made the text's (no stretches:
 * the copy is the text, the span stays). */
void		bounce_unwrap_span(const bounce_stretch *stretches,
							   size_t nstretches, size_t *start, size_t *len);

/* ---- helpers ---- */

/* Sixteen bytes as one vector (GCC and Clang: SSE2, NEON or plain code). */
typedef unsigned char bounce_bytes16 __attribute__((vector_size(16)));

/*
 * The first offset from i on, before end, holding a digit '2' to '5' (where
 * an SMTP reply or enhanced code can start; callers check the rest), or
 * end: sixteen bytes at a time while none of them does.
 */
static inline size_t
bounce_next_code_start(const unsigned char *s, size_t end, size_t i)
{
	for (; i + 16 <= end; i += 16)
	{
		bounce_bytes16 v,
					hit;
		uint64_t	half[2];

		memcpy(&v, s + i, 16);
		hit = (bounce_bytes16) ((bounce_bytes16) (v - '2') < 4);
		memcpy(half, &hit, 16);
		if (half[0] | half[1])
			break;
	}
	while (i < end && !(s[i] >= '2' && s[i] <= '5'))
		i++;
	return i;
}

/* A no-break space (U+00A0, from texts taken out of HTML) at t[i]? */
static inline bool
bounce_nbsp_at(const unsigned char *t, size_t n, size_t i)
{
	return i + 1 < n && t[i] == 0xC2 && t[i + 1] == 0xA0;
}

/*
 * An escape standing for white space ("\n", "\r", "\t"), as a text stored
 * still escaped (a JSON string) holds it, at t[i]?
 */
static inline bool
bounce_space_escape_at(const unsigned char *t, size_t n, size_t i)
{
	return i + 1 < n && t[i] == '\\' &&
		(t[i + 1] == 'n' || t[i + 1] == 'r' || t[i + 1] == 't');
}

/*
 * How the prefilter sees a byte: ASCII letters lower-cased, pcre2's \s
 * characters (space, HT, LF, VT, FF, CR) made a space, other ASCII kept,
 * and the bytes of multi-byte characters other than the lead bytes of
 * longer ones or'ed with 0x20 and stripped of their lowest bit: that makes
 * the Latin-1 and basic Cyrillic and Greek capitals equal to their small
 * letters (Cyrillic "Р".."Я", D0 A0.., meet "р".."я", D1 80..; Greek
 * "Π".."Ω", CE A0.., meet "π".."ω", CF 80..), and the letters that pair
 * an even code point with the next (Polish "ą", Czech "č", Romanian "ș",
 * Turkish "ş", Vietnamese, Ukrainian "ґ"). Folding more than case is
 * safe: it only lets the scan admit a branch its regex then rejects.
 * The scanned text also has every run of white space collapsed to one
 * space, so that a pattern's \s+ is a single space inside a literal.
 */
static inline unsigned char
bounce_fold(unsigned char c)
{
	if (c >= 0xE0)
		return c;
	if (c >= 0x80)
		return (unsigned char) ((c | 0x20) & 0xFE);
	if (c >= 'A' && c <= 'Z')
		return (unsigned char) (c + ('a' - 'A'));
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return ' ';
	return c;
}

#endif							/* BOUNCE_INTERNAL_H */
