/*
 * ruleset.c: compile rules and find the first one that matches a text.
 *
 * A rule set is an ordered list of pcre2 patterns (order = precedence).
 * Trying every pattern in turn costs one regex search per rule; instead the
 * literals each rule requires (factor.c) go into one automaton
 * (Aho-Corasick), which reads the text once, folding case and white space
 * as it goes, and reports every literal occurring in it; each marks its
 * rule as a candidate. The candidates' regexes then run in precedence order
 * and the first that matches wins, exactly as trying every rule in order
 * would decide, because a rule none of whose required literals occurs
 * cannot match. The scan costs one step per byte whatever the number of
 * rules; the regex work is a handful of confirmations.
 *
 * Rules are mostly long lists of phrasings ("a|b|c|..."). A regex engine
 * searching such an alternation tries every phrasing at every position,
 * so each rule is also compiled as its separate top-level alternatives
 * ("branches"), each with its own literals: a literal hit runs only its
 * branch, which pcre2 can search with its first-character skips. Among a
 * rule's matching branches the leftmost match (the lowest branch on a tie)
 * is the one the whole alternation would have found. The whole patterns
 * are kept for the reference path (every rule tried in order).
 *
 * Most branches are plain phrases: ASCII words joined by \s+ (optional
 * words, alternatives, a \b at either end). For those the literal found by
 * the scan is the match itself, so no regex runs at all: the occurrence is
 * checked for its word boundaries, where it starts found by walking back.
 *
 * Branches without a usable literal (all literals shorter than 3 bytes)
 * are always candidates; "make lint-rules" lists them.
 *
 * A caller's rules are tried before the built-in ones. Their set is
 * compiled over the built-in set (bounce_ruleset_compile_over): its
 * automaton holds the built-in literals as well, whose branches it marks
 * past its own in the same bitsets (from base_branch(), a word boundary),
 * so one scan serves both sets and adding rules of one's own costs about
 * what adding them to the built-in set would, not a second pass over the
 * text. The built-in set then reads its part of the bitsets.
 *
 * After compilation a rule set is read-only and may be shared by threads;
 * per-call scratch lives in a bounce_matcher, one per thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

#define TEXT_KEEP	16384		/* text bytes a matcher's buffers stay sized for */
/*
 * States given a full row of transitions. 2048 rather than 1024 took 4.4%
 * fewer instructions a row and about 5% less time on the bench's rows, for
 * 0.25 MB more of rows; rows_end stays below 2^18 (class_recip) since the
 * folded ASCII bytes make at most 103 classes.
 */
#define DENSE_MAX	2048
#define NO_STATE	UINT32_MAX

/*
 * A branch's form is JIT-compiled once it has searched JIT_AFTER_SEARCHES
 * texts (branch_code); until then the interpreter runs it. Most branches
 * search no text at all, or a handful: on the bench's 200,000 rows, 345 of
 * 1,183 regex branches never searched and 154 searched fewer than ten
 * times, and their machine code would be 1.2 MB of the rules' 3.1 MB.
 */
#define JIT_AFTER_SEARCHES 16

/*
 * A text this long JIT-compiles the form it needs at once: the
 * interpreter's time grows with the text, the compilation's does not (64
 * KiB of a Russian rule's words took 10.4 ms interpreted, against 1.3 ms
 * compiled).
 */
#define JIT_AT_ONCE_BYTES 4096

/*
 * The most JIT code (pcre2's JITSIZE) a rule set compiles; past it the
 * interpreter runs every form not yet compiled. It bounds the rules'
 * memory however many rules there are (pcre2 maps about 1.5 times its
 * JITSIZE: `make bench` measures the mappings). 200,000 bench rows spend
 * any budget up to 2.5 MB, mostly on forms searched a few dozen times: a
 * budget of 1.5 MB classified them as fast as 2.5 MB (ASCII and non-ASCII
 * rows alike), 1 MB about 3% slower. 1.25 MB cost 0.9% more instructions
 * than 1.5 MB over those rows and gave the 8 MB budget 0.4 MB for rules;
 * when the rules had grown into that, 1200 KB cost 0.28% more instructions
 * than 1.25 MB (callgrind, 50,000 bench rows) and gave back 0.14 MB.
 */
#define JIT_BUDGET		(1200 * 1024)

/* pcre2 limits: no rule needs more; a hit is treated as "no match". */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	2000

/*
 * A literal in 8 bytes rather than 12 (0.14 MB less for the built-in
 * set's 36,000): a set refuses to index more branches or literal text
 * than the fields hold (build_index, add_literal).
 */
#define LIT_BRANCH_BITS 28
#define LIT_TEXT_BITS	24

typedef struct literal
{
	uint32_t	branch:LIT_BRANCH_BITS;	/* index of the branch it belongs to */
	uint32_t	second:1;		/* of the branch's second requirement */
	uint32_t	phrase:1;		/* an occurrence is the branch's match ... */
	uint32_t	bound_start:1;	/* ... given a word boundary before it */
	uint32_t	bound_end:1;	/* ... and after it */
	uint32_t	text_at:LIT_TEXT_BITS;	/* its folded bytes: lit_text +
										 * text_at, a pool of them all end
										 * to end (once the automaton is
										 * built, a phrase's only) */
	uint32_t	len:8;
} literal;

/*
 * The literal automaton (Aho-Corasick, made deterministic where it pays).
 * Its states are the prefixes of the literals, numbered breadth first, so
 * the shallow ones, where a scan spends most of its time, come first; the
 * first DENSE_MAX of them get a row of transitions by byte class (the
 * ASCII classes in rows, the others apart: high_rows). A
 * deeper state keeps its own edges and a failure link to its longest
 * proper suffix that is a state, which a byte without an edge follows.
 * A transition is where the next step reads: for a state with a row, the
 * row's offset in rows (so a step is one load), for another its number
 * with DEEP_BIT; OUT_BIT is set when a literal ends in the state.
 *
 * A deeper state's record is one word, its link (links): its failure
 * state, and, for the four in five that have one edge, that edge's class.
 * The edge needs no target: deeper states are numbered depth first, so a
 * state's one child is the next state. A state with several edges, or with
 * one elsewhere (a space's back to itself), keeps a list of them
 * (LINK_LIST), where its link points instead of naming its failure state:
 * the entry before the edges holds that.
 */
#define NO_CLASS	255			/* more classes than folded bytes exist */
#define LINK_CLASS	0xFFu		/* the one edge's class, or NO_CLASS */
#define LINK_OUT	0x100u		/* with an edge: its target has OUT_BIT */
#define LINK_LIST	0x100u		/* with NO_CLASS: the edges are in a list */
#define LINK_FAIL_SHIFT 9		/* the failure state, or where the list
								 * starts, from this bit on */
#define NODE_ID_LIMIT (1u << (32 - LINK_FAIL_SHIFT))	/* states and list
														 * entries a link can
														 * name (8 million) */
#define OUT_BIT		0x80000000u
#define DEEP_BIT	0x40000000u /* a transition to a state without a row (its
								 * number below: above any row offset) */
#if LINK_OUT << 23 != OUT_BIT
#error "sparse_step shifts LINK_OUT into place"
#endif

typedef bounce_out_word out_word;

typedef struct automaton
{
	unsigned char cls[256];		/* text byte -> class; 0: in no literal */
	uint32_t	nclasses;
	uint32_t	row_classes;	/* the classes a row has a column for: those
								 * of ASCII bytes, numbered first (rows of
								 * all 100 would be twice the size, for
								 * bytes most texts never hold) */
	uint64_t	class_recip;	/* 2^32 / row_classes + 1: a row offset times it,
								 * >> 32, is the row's state, without a
								 * division (exact for offsets below 2^24,
								 * and rows_end < 2^18) */
	uint32_t	nstates;
	uint32_t	ndense;
	uint32_t	rows_end;		/* ndense * row_classes */
	uint32_t   *rows;			/* ndense * row_classes transitions */
	/*
	 * The moves of the states with rows on the other classes (nhigh of
	 * them), in high_rows: the root has a row, and so has each state with
	 * an edge of such a class; any other state moves as its failure state
	 * does, so high_row_of gives it that state's row (DENSE_MAX keeps row
	 * numbers within 16 bits).
	 */
	uint32_t	nhigh;
	uint32_t	nhigh_rows;
	uint16_t   *high_row_of;
	uint32_t   *high_rows;
	uint32_t   *links;			/* per state (read for the deeper ones) */
	unsigned char *edge_cls;	/* the edges of the states with LINK_LIST, */
	uint32_t   *edge_to;		/* each state's after an entry of class
								 * NO_CLASS that holds its failure state
								 * (and ends the list before) */
	uint32_t	nedges;			/* entries of the two */
	/*
	 * The states a transition marks with OUT_BIT (a literal ends there or
	 * in a suffix) are numbered by rank, so that the tables below hold
	 * only them (about one state in six). A word's bits lie with the rank
	 * before it. A state's marks are those of the literals ending there
	 * and then its suffixes', copied end to end, so that a hit reads one
	 * run rather than walking suffix links (flatten_marks); where copying
	 * would take too much memory, each state keeps its own marks and
	 * out_next links it to its suffix.
	 */
	out_word   *out_words;		/* per 64 states */
	uint32_t   *out_first;		/* by rank, into out_mark; one past the
								 * last */
	uint32_t   *out_next;		/* by rank, the suffix state whose marks a
								 * hit reads next (NO_STATE: none); NULL
								 * when the marks are copied together */
	/*
	 * What each marks (mark_of): two bytes a mark when every number a
	 * mark holds fits (the built-in rules': 0.23 MB less), else four.
	 * One of the two is NULL.
	 */
	uint16_t   *out_mark16;
	uint32_t   *out_mark;
} automaton;

typedef struct branch
{
	pcre2_code *code;			/* the UTF form; NULL until a text needs it
								 * for a phrase branch and for the
								 * built-in rules' (branch_code) */
	pcre2_code *ascii_code;		/* the same without UTF, for ASCII texts:
								 * NULL until such a text needs it */
	pcre2_code *jit[2];			/* a JIT-compiled copy of code [0] and of
								 * ascii_code [1], made once the form has
								 * searched JIT_AFTER_SEARCHES texts (or a
								 * long one), or the form itself when JIT
								 * failed for it (branch_code) */
	uint32_t	searches[2];	/* texts each form searched before then */
	uint32_t	rule;
	uint32_t	src_at;			/* its source: src_len bytes of its rule's
								 * pattern from src_at */
	uint32_t	src_len;
	bool		phrase;			/* decided by the scan alone */
	bool		ascii_form;		/* searches ASCII texts with ascii_code (its
								 * source is ASCII; cleared, atomically,
								 * when pcre2 refuses it without UTF) */
	bool		has_second;		/* also needs a literal of a second set */
	bool		from_build;		/* a built-in branch the build split and
								 * analysed from the same source
								 * (builtin_split): its factors are the
								 * build's entry, read without checking */
} branch;

struct bounce_ruleset
{
	size_t		count;
	const bounce_rule_spec *specs;
	pcre2_code **codes;			/* whole patterns, compiled on first use
								 * by the reference path (whole_code); at
								 * [count + i], rule i's JIT-compiled for
								 * long texts */
	branch	   *branches;		/* rule by rule, in order */
	size_t		nbranches;
	uint32_t   *first_branch;	/* per rule; [count] == nbranches */
	pcre2_match_context *mctx;
	bool		jit;			/* pcre2 JIT-compiles (jit_wanted) */
	size_t		jit_bytes;		/* JIT code of the branches' forms so far
								 * (atomic; none is compiled once it
								 * reaches JIT_BUDGET) */
	size_t		ascii_bytes;	/* compiled ASCII forms so far (atomic;
								 * none is compiled once it reaches
								 * BOUNCE_ASCII_FORM_BUDGET) */
	unsigned char fold[256];	/* bounce_fold as a table */
	/*
	 * The literals while the index is built; after it, the phrases' alone
	 * (keep_phrases), in the same order: a phrase's mark numbers it here.
	 */
	literal    *literals;
	size_t		nliterals;		/* indexed (the automaton's identity), not
								 * kept */
	unsigned char *lit_text;	/* the literals' bytes, end to end */
	size_t		lit_text_len;
	automaton	ac;
	uint32_t   *always;			/* branches without a usable literal */
	size_t		nalways;
	size_t		nwords;			/* candidate bitset words (per branch) */
	/*
	 * A second requirement's literals are mostly common words ("mail",
	 * "user", "address"), each in the second set of dozens of branches:
	 * marking every such branch on every occurrence was nine marks in ten.
	 * Instead a state where second literals end has one "seen" bit, and a
	 * branch lists the seen bits of its second literals, read only when
	 * its first requirement occurred. Indexed by the scan's branch numbers
	 * (a set compiled over a base lists the base's branches too, from
	 * base_branch()).
	 */
	uint32_t   *second_first;	/* per branch, into second_seen */
	uint32_t   *second_seen;
	size_t		nseen_words;	/* seen bitset words a scan needs */
	uint64_t	literal_hash;	/* its literals' identity (index_caps) */
	bool		tables_mapped;	/* the automaton and the second lists are
								 * the library's (bounce_builtin_automaton),
								 * never written nor freed */
	const bounce_ruleset *base;	/* whose literals the automaton holds too */
};

/* Where a set compiled over a base numbers the base's branches. */
static inline uint32_t
base_branch(const bounce_ruleset *set)
{
	return (uint32_t) set->nwords * 64;
}

/*
 * What the scan found for one rule set's branches: a bit per branch.
 */
typedef struct candidates
{
	uint64_t   *bits;			/* candidates (a literal occurs) */
	uint64_t   *seen;			/* states where second literals end, seen
								 * (the scanning set's numbers) */
	const uint32_t *second_first;	/* the scanning set's lists, from this
									 * part's branch 0 */
	const uint32_t *second_seen;
	uint64_t   *found;			/* phrase branches seen in the text, ... */
	uint32_t   *found_at;		/* ... their leftmost occurrence ... */
	uint32_t   *found_len;		/* ... and its length (in the text) */
} candidates;

struct bounce_matcher
{
	pcre2_match_data *md;
	candidates	found_by_scan;	/* the scanned set's, then its base's */
	const bounce_ruleset *scanned_over;	/* the set compiled over a base whose
										 * scan filled found_by_scan last */
	bool		scanned_phrases;	/* ... and whether phrases were found */
	size_t		nwords;			/* bitset words each holds room for */
	size_t		nseen_words;	/* seen words found_by_scan holds room for */
	char	   *clean;			/* copy of an invalid UTF-8 text, repaired, */
	bounce_stretch *clean_stretches;	/* ... mapped back to the text */
	size_t		clean_size;		/* the texts the two hold room for */
	unsigned char *view;		/* the text unwrapped (unwrap.c) ... */
	bounce_stretch *stretches;	/* ... and where its stretches came from */
	size_t		view_size;
	size_t		nfound;			/* entries in found_at / found_len */
	unsigned long searches;		/* regex searches run (for benchmarks) */
};

/* pcre2's complaint about a pattern: "missing closing parenthesis at offset 3". */
static void
describe_pcre2_error(char *buf, size_t len, int code, size_t offset)
{
	PCRE2_UCHAR msg[160];

	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		strcpy((char *) msg, "unknown pcre2 error");
	snprintf(buf, len, "%s at offset %zu", (const char *) msg, offset);
}

static void
describe_error(char *errbuf, size_t errlen, const bounce_rule_spec *spec,
			   int code, size_t offset)
{
	char		problem[200];

	if (errbuf == NULL || errlen == 0)
		return;
	describe_pcre2_error(problem, sizeof(problem), code, offset);
	snprintf(errbuf, errlen, "rule \"%s\"%s%s: %s",
			 spec->id ? spec->id : "?",
			 spec->origin ? " at " : "", spec->origin ? spec->origin : "",
			 problem);
}

static bool
jit_wanted(void)
{
	uint32_t	jit = 0;
	const char *off = getenv("BOUNCE_NO_JIT");

	if (off != NULL && *off != '\0' && *off != '0')
		return false;
	return pcre2_config(PCRE2_CONFIG_JIT, &jit) == 0 && jit == 1;
}

/* The folded bytes of a literal. */
static inline const unsigned char *
literal_text(const bounce_ruleset *set, const literal *lit)
{
	return set->lit_text + lit->text_at;
}

/*
 * Where the index's arrays stand while it grows (by doubling): literals,
 * and bytes of the text pool. A set without a base hashes its literals as
 * they come (literal_hash); one that expects tables made for them keeps
 * only its phrases' texts, the only ones read once the automaton is
 * mapped (0.7 MB of the built-in set's that were copied, hashed and
 * dropped), and indexes again, keeping them all, if the tables turn out
 * to be for other literals.
 */
typedef struct index_caps
{
	size_t		literals;
	size_t		text;
	bool		hashing;
	bool		phrase_texts_only;
	uint64_t	hash;
} index_caps;

/* Append a literal and its text to the index; false when out of memory. */
static bool
add_literal(bounce_ruleset *set, literal *lit, const unsigned char *text,
			index_caps *cap)
{
	if (set->nliterals == cap->literals)
	{
		size_t		ncap = cap->literals ? cap->literals * 2 : 256;
		literal    *grown = realloc(set->literals, ncap * sizeof(literal));

		if (grown == NULL)
			return false;
		set->literals = grown;
		cap->literals = ncap;
	}
	if (cap->hashing)
	{
		uint64_t	fields = (uint64_t) lit->branch |
			(uint64_t) lit->len << 32 |
			(uint64_t) (lit->second | lit->phrase << 1 |
						lit->bound_start << 2 | lit->bound_end << 3) << 40;

		/* the fields mixed in as one more eight-byte step (no call) */
		cap->hash = (cap->hash ^ fields) * 0x9e3779b97f4a7c15ULL;
		cap->hash = bounce_hash_bytes(cap->hash ^ (cap->hash >> 29), text,
									  lit->len);
	}
	if (cap->phrase_texts_only && !lit->phrase)
	{
		lit->text_at = 0;		/* not read again (keep_phrases) */
		set->literals[set->nliterals++] = *lit;
		return true;
	}
	if (set->lit_text_len + lit->len > ((size_t) 1 << LIT_TEXT_BITS))
		return false;			/* more than text_at can point into */
	if (set->lit_text_len + lit->len > cap->text)
	{
		size_t		ncap = cap->text ? cap->text * 2 : 4096;
		unsigned char *grown = realloc(set->lit_text, ncap);

		if (grown == NULL)
			return false;
		set->lit_text = grown;
		cap->text = ncap;
	}
	memcpy(set->lit_text + set->lit_text_len, text, lit->len);
	lit->text_at = (uint32_t) set->lit_text_len;
	set->lit_text_len += lit->len;
	set->literals[set->nliterals++] = *lit;
	return true;
}

/*
 * A branch whose analysis found a second requirement (both must occur)
 * also indexes that set, so it only runs when the two meet. Literals of
 * fewer than four bytes are not worth it there; the set is then dropped.
 */
static bool
index_second(bounce_ruleset *set, const bounce_factors *f, uint32_t b,
			 bool phrase, branch *own, index_caps *cap)
{
	int			k;

	if (f->count2 == 0 || phrase)
		return true;
	for (k = 0; k < f->count2; k++)
		if (f->len2[k] < BOUNCE_LITERAL_MIN + 1)
			return true;
	for (k = 0; k < f->count2; k++)
	{
		literal		lit;

		memset(&lit, 0, sizeof(lit));
		lit.branch = b;
		lit.second = true;
		lit.len = (uint8_t) f->len2[k];
		if (!add_literal(set, &lit, f->text2[k], cap))
			return false;
	}
	if (own != NULL)
		own->has_second = true;
	return true;
}

/*
 * A branch's literals, as its analysis f found them, under the number the
 * scan marks (b); own is the set's record of it, NULL for a base's branch
 * (the base's record says it already). False when out of memory.
 */
static bool
index_branch(bounce_ruleset *set, const bounce_factors *f, uint32_t b,
			 bool phrase, branch *own, index_caps *cap)
{
	int			k;

	for (k = 0; k < f->count; k++)
	{
		literal		lit;

		memset(&lit, 0, sizeof(lit));
		lit.branch = b;
		lit.len = (uint8_t) f->len[k];
		lit.phrase = phrase;
		lit.bound_start = f->bound_start;
		lit.bound_end = f->bound_end;
		if (!add_literal(set, &lit, f->text[k], cap))
			return false;
	}
	return index_second(set, f, b, phrase, own, cap);
}

/*
 * The trie of the literals while the automaton is built: children as
 * sibling lists, found by a walk (a build-time cost only), except the
 * root's, which are looked up by byte: every literal starts there, most
 * failure links end there, and its list is the longest.
 */
typedef struct trie
{
	uint32_t	n,
				cap;
	uint32_t   *child;			/* first child, NO_STATE: none */
	uint32_t   *sibling;
	unsigned char *byte;		/* the folded byte leading into the node */
	uint32_t	root_child[256];	/* by byte; 0 (the root): none */
} trie;

static uint32_t
trie_child(const trie *tr, uint32_t node, unsigned char c)
{
	uint32_t	k;

	if (node == 0)
		return tr->root_child[c] != 0 ? tr->root_child[c] : NO_STATE;
	for (k = tr->child[node]; k != NO_STATE; k = tr->sibling[k])
		if (tr->byte[k] == c)
			return k;
	return NO_STATE;
}

static uint32_t
trie_add_node(trie *tr, uint32_t parent, unsigned char c)
{
	uint32_t	k = tr->n;

	if (tr->n == tr->cap)
	{
		uint32_t	ncap = tr->cap ? tr->cap * 2 : 1024;
		uint32_t   *child = realloc(tr->child, ncap * sizeof(uint32_t));
		uint32_t   *sibling = child ? realloc(tr->sibling, ncap * sizeof(uint32_t)) : NULL;
		unsigned char *byte = sibling ? realloc(tr->byte, ncap) : NULL;

		if (child)
			tr->child = child;
		if (sibling)
			tr->sibling = sibling;
		if (byte == NULL)
			return NO_STATE;
		tr->byte = byte;
		tr->cap = ncap;
	}
	tr->n++;
	tr->child[k] = NO_STATE;
	tr->byte[k] = c;
	if (parent != NO_STATE)
	{
		tr->sibling[k] = tr->child[parent];
		tr->child[parent] = k;
		if (parent == 0)
			tr->root_child[c] = k;
	}
	else
		tr->sibling[k] = NO_STATE;
	return k;
}

static void
trie_free(trie *tr)
{
	free(tr->child);
	free(tr->sibling);
	free(tr->byte);
}

static void
automaton_free(automaton *a)
{
	free(a->rows);
	free(a->high_row_of);
	free(a->high_rows);
	free(a->links);
	free(a->edge_cls);
	free(a->edge_to);
	free(a->out_words);
	free(a->out_first);
	free(a->out_next);
	free(a->out_mark16);
	free(a->out_mark);
}

/* Bits set in x, inline (without -mpopcnt the builtin is a libgcc call). */
static inline uint32_t
bits_set(uint64_t x)
{
	x -= (x >> 1) & UINT64_C(0x5555555555555555);
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	return (uint32_t) ((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* Is state t one a transition marks with OUT_BIT? */
static inline bool
is_out_state(const automaton *a, uint32_t t)
{
	return (a->out_words[t >> 6].bits >> (t & 63)) & 1;
}

/* The rank of state t among the states with OUT_BIT (it must be one). */
static inline uint32_t
out_rank_of(const automaton *a, uint32_t t)
{
	const out_word *w = &a->out_words[t >> 6];

	return w->rank + bits_set(w->bits & (((uint64_t) 1 << (t & 63)) - 1));
}

/*
 * What a literal's occurrence marks, as the scan reads it: a number and
 * what it numbers (the low MARK_SHIFT bits). Most literals only set their
 * branch's bit, which the mark holds, so that the scan need not read
 * their records; a phrase's mark is its place among the phrases
 * (keep_phrases), for the occurrence's bounds. The second literals ending
 * in a state share one mark, the state's seen bit.
 */
#define MARK_BRANCH		0u
#define MARK_SEEN		1u
#define MARK_PHRASE		2u
#define MARK_KIND		3u
#define MARK_SHIFT		2
#define MARK16_LIMIT	(1u << (16 - MARK_SHIFT))	/* numbers a two-byte mark
													 * holds */

static inline uint32_t
make_mark(uint32_t number, uint32_t kind)
{
	return number << MARK_SHIFT | kind;
}

/* The transition into state t (see automaton). */
static uint32_t
transition_to(const automaton *a, uint32_t t)
{
	bool		out = is_out_state(a, t);
	uint32_t	at = t < a->ndense ? t * a->row_classes : DEEP_BIT | t;

	return at | (out ? OUT_BIT : 0);
}

/* The state a transition leads into. */
static inline uint32_t
transition_state(const automaton *a, uint32_t s)
{
	uint32_t	at = s & ~OUT_BIT;

	return at < a->rows_end ? (uint32_t) ((at * a->class_recip) >> 32) :
		at & ~DEEP_BIT;
}

/* Does a link point to a list of edges? */
static inline bool
is_list(uint32_t link)
{
	return (link & (LINK_CLASS | LINK_LIST)) == (NO_CLASS | LINK_LIST);
}

/*
 * The links of the states past the rows (see automaton): the one edge of a
 * state in its link when it leads to the next state, else a list
 * (keep_other_edges makes the link point to it); false when out of memory.
 */
static bool
build_links(automaton *a, const uint32_t *edge_first, const uint32_t *fail,
			uint32_t nstates)
{
	uint32_t	s;

	a->links = malloc(sizeof(uint32_t) * (nstates ? nstates : 1));
	if (a->links == NULL)
		return false;
	for (s = 0; s < nstates; s++)
	{
		uint32_t	e = edge_first[s],
					link = fail[s] << LINK_FAIL_SHIFT | NO_CLASS;

		if (s >= a->ndense && edge_first[s + 1] == e + 1 && s + 1 < nstates &&
			a->edge_to[e] == transition_to(a, s + 1))
			link = fail[s] << LINK_FAIL_SHIFT | a->edge_cls[e] |
				(a->edge_to[e] & OUT_BIT ? LINK_OUT : 0);
		else if (s >= a->ndense && edge_first[s + 1] > e)
			link |= LINK_LIST;
		a->links[s] = link;
	}
	return true;
}

/*
 * Once the rows and links are built, the edge arrays need only the edges
 * of the states with lists, each after an entry of class NO_CLASS with the
 * state's failure state, where its link then points (read as the edges
 * are, not after them), and which ends the list before; the last list ends
 * with one more. A state with rows has all its moves there. False when
 * out of memory or past NODE_ID_LIMIT.
 */
static bool
keep_other_edges(automaton *a, const uint32_t *edge_first, uint32_t nstates)
{
	uint32_t	s,
				e,
				n = 0;
	unsigned char *cls;
	uint32_t   *to;

	for (s = a->ndense; s < nstates; s++)
		if (is_list(a->links[s]))
			n += edge_first[s + 1] - edge_first[s] + 1;
	if (++n >= NODE_ID_LIMIT)	/* and the last end */
		return false;
	cls = malloc(n ? n : 1);
	to = malloc(sizeof(uint32_t) * (n ? n : 1));
	if (cls == NULL || to == NULL)
	{
		free(cls);
		free(to);
		return false;
	}
	for (s = a->ndense, n = 0; s < nstates; s++)
	{
		uint32_t	link = a->links[s];

		if (!is_list(link))
			continue;
		a->links[s] = n << LINK_FAIL_SHIFT | (link & ~(~0u << LINK_FAIL_SHIFT));
		cls[n] = NO_CLASS;
		to[n++] = link >> LINK_FAIL_SHIFT;	/* its failure state */
		for (e = edge_first[s]; e < edge_first[s + 1]; e++, n++)
		{
			cls[n] = a->edge_cls[e];
			to[n] = a->edge_to[e];
		}
	}
	cls[n] = NO_CLASS;
	to[n] = 0;
	a->nedges = n + 1;
	free(a->edge_cls);
	free(a->edge_to);
	a->edge_cls = cls;
	a->edge_to = to;
	return true;
}

/*
 * The high rows (see automaton), breadth first so that a state's fail,
 * shallower, has its row already; false when out of memory.
 */
static bool
build_high_rows(automaton *a, const uint32_t *edge_first, const uint32_t *fail)
{
	uint32_t	nrows = 0,
				s,
				c,
				k;

	a->nhigh = a->nclasses - a->row_classes;
	a->high_row_of = malloc(sizeof(uint16_t) * (a->ndense ? a->ndense : 1));
	if (a->high_row_of == NULL)
		return false;
	for (s = 0; s < a->ndense; s++)
	{
		bool		own = s == 0;

		for (k = edge_first[s]; !own && k < edge_first[s + 1]; k++)
			own = a->edge_cls[k] >= a->row_classes;
		a->high_row_of[s] = own ? (uint16_t) nrows++ : a->high_row_of[fail[s]];
	}
	a->nhigh_rows = nrows;
	/* zeroed: the spare last entry too, which the build's tables copy */
	a->high_rows = calloc((size_t) nrows * a->nhigh + 1, sizeof(uint32_t));
	if (a->high_rows == NULL)
		return false;
	for (s = 0; s < a->ndense; s++)
	{
		uint32_t   *row = a->high_rows + (size_t) a->high_row_of[s] * a->nhigh;

		if (s != 0 && a->high_row_of[s] == a->high_row_of[fail[s]])
			continue;			/* its fail's row */
		for (c = 0; c < a->nhigh; c++)
			row[c] = s == 0 ? transition_to(a, 0) :
				a->high_rows[(size_t) a->high_row_of[fail[s]] * a->nhigh + c];
		for (k = edge_first[s]; k < edge_first[s + 1]; k++)
			if (a->edge_cls[k] >= a->row_classes)
				row[a->edge_cls[k] - a->row_classes] = a->edge_to[k];
	}
	return true;
}

/*
 * Build the automaton over set->literals; false when out of memory.
 *
 * Scanning the text, not a folded copy, the automaton folds through its
 * byte classes and collapses white space itself: a state entered by a
 * space stays put on another one, as if the run were a single space.
 */
/*
 * Each ranked state's marks, its own (out_mark from state_first) and then
 * those of its suffixes with literals (state_next), end to end in a new
 * out_mark. The copies grow with how many states share a suffix whose
 * literal many branches hold (the built-in rules: 19,979 marks copied to
 * 57,726); past FLAT_MARKS_MAX times the marks (a caller's rules, say,
 * with one literal in thousands of them), each state keeps its own marks
 * and a link to its suffix instead (out_next). False when out of memory.
 */
#define FLAT_MARKS_MAX	8

static bool
flatten_marks(automaton *a, const uint32_t *state_first,
			  const uint32_t *state_next, uint32_t nstates, uint32_t nout)
{
	uint32_t	s,
				u,
				r = 0;
	uint64_t	total = 0;
	uint32_t   *flat;

	a->out_first = malloc(sizeof(uint32_t) * (nout + 1));
	if (a->out_first == NULL)
		return false;
	for (s = 0; s < nstates; s++)
		if (is_out_state(a, s))
			for (u = s; u != NO_STATE; u = state_next[u])
				total += state_first[u + 1] - state_first[u];
	if (total > (uint64_t) FLAT_MARKS_MAX * state_first[nstates] + 4096)
	{
		a->out_next = malloc(sizeof(uint32_t) * (nout + 1));
		if (a->out_next == NULL)
			return false;
		for (s = 0; s < nstates; s++)
			if (is_out_state(a, s))
			{
				a->out_first[r] = state_first[s];
				a->out_next[r++] = state_next[s] == NO_STATE ? NO_STATE :
					out_rank_of(a, state_next[s]);
			}
		a->out_first[nout] = state_first[nstates];
		a->out_next[nout] = NO_STATE;
		return true;
	}
	for (s = 0, total = 0; s < nstates; s++)
		if (is_out_state(a, s))
		{
			a->out_first[r++] = (uint32_t) total;
			for (u = s; u != NO_STATE; u = state_next[u])
				total += state_first[u + 1] - state_first[u];
		}
	a->out_first[nout] = (uint32_t) total;
	flat = malloc(sizeof(uint32_t) * (total ? total : 1));
	if (flat == NULL)
		return false;
	for (s = 0, r = 0; s < nstates; s++)
		if (is_out_state(a, s))
		{
			uint32_t	at = a->out_first[r++];

			for (u = s; u != NO_STATE; u = state_next[u])
			{
				memcpy(flat + at, a->out_mark + state_first[u],
					   sizeof(uint32_t) * (state_first[u + 1] - state_first[u]));
				at += state_first[u + 1] - state_first[u];
			}
		}
	free(a->out_mark);
	a->out_mark = flat;
	return true;
}

/* The branches a set's scan numbers: a base's too, after its own. */
static size_t
scan_branches(const bounce_ruleset *set)
{
	return set->base != NULL ? base_branch(set) + set->base->nbranches :
		set->nbranches;
}

/* The marks in two bytes each (they fit); false when out of memory. */
static bool
narrow_marks(automaton *a, uint32_t nout)
{
	uint32_t	n = a->out_first[nout],
				k;

	a->out_mark16 = malloc(sizeof(uint16_t) * (n ? n : 1));
	if (a->out_mark16 == NULL)
		return false;
	for (k = 0; k < n; k++)
		a->out_mark16[k] = (uint16_t) a->out_mark[k];
	free(a->out_mark);
	a->out_mark = NULL;
	return true;
}

/*
 * Each branch's second requirement as the seen bits of the states its
 * literals end in (second_first, second_seen); false when out of memory.
 */
static bool
list_seconds(bounce_ruleset *set, const uint32_t *lit_node,
			 const uint32_t *renum, const uint32_t *seen_of, uint32_t nseen)
{
	size_t		nscan = scan_branches(set),
				i,
				b;
	uint32_t   *first = calloc(nscan + 2, sizeof(uint32_t));

	if (first == NULL)
		return false;
	for (i = 0; i < set->nliterals; i++)
		if (set->literals[i].second)
			first[set->literals[i].branch + 2]++;
	for (b = 0; b < nscan; b++)
		first[b + 2] += first[b + 1];
	set->second_first = first;
	set->second_seen = calloc(first[nscan + 1] + 1, sizeof(uint32_t));
	if (set->second_seen == NULL)
		return false;
	/* first[b + 1] runs through branch b's entries, ending at its end */
	for (i = 0; i < set->nliterals; i++)
		if (set->literals[i].second)
			set->second_seen[first[set->literals[i].branch + 1]++] =
				seen_of[renum[lit_node[i]]];
	set->nseen_words = (nseen + 63) / 64;
	return true;
}

static bool
build_automaton(bounce_ruleset *set)
{
	automaton  *a = &set->ac;
	trie		tr;
	uint32_t   *lit_node = NULL,
			   *order = NULL,	/* breadth first: rank -> node */
			   *renum = NULL,	/* node -> new id */
			   *tfail = NULL,	/* failure links, by node */
			   *own = NULL,		/* literals ending at a node */
			   *byid = NULL,	/* new id -> node */
			   *stack = NULL,
			   *fail = NULL,	/* per state (new ids from here on) */
			   *edge_first = NULL,	/* per state, into edge_cls / edge_to */
			   *state_first = NULL, /* per state, into out_mark */
			   *state_next = NULL,	/* per state, a suffix state with literals */
			   *seen_of = NULL;	/* per state, its seen bit (NO_STATE: none) */
	unsigned char class_of[256];
	uint32_t	head,
				tail,
				s,
				k,
				c,
				nedges,
				next_id,
				nwords,
				nout,
				nseen,
				nphrases,
				r;
	size_t		i;
	bool		ok = false;

	memset(&tr, 0, sizeof(tr));
	/* a mark (make_mark) holds a branch, a phrase or a seen bit in 30 bits */
	if (set->nliterals >= (1u << (32 - MARK_SHIFT)))
		return false;
	if (trie_add_node(&tr, NO_STATE, 0) == NO_STATE)
		goto done;				/* the root: what it grew is freed there */

	/* byte classes: one per folded byte some literal holds, ASCII first */
	memset(class_of, 0, sizeof(class_of));
	a->nclasses = 1;
	for (r = 0; r < 2; r++)
	{
		for (i = 0; i < set->nliterals; i++)
		{
			const unsigned char *text = literal_text(set, &set->literals[i]);

			for (k = 0; k < set->literals[i].len; k++)
				if (class_of[text[k]] == 0 && (text[k] >= 0x80) == (r == 1))
					class_of[text[k]] = (unsigned char) a->nclasses++;
		}
		if (r == 0)
			a->row_classes = a->nclasses;
	}
	for (c = 0; c < 256; c++)
		a->cls[c] = class_of[set->fold[c]];

	lit_node = malloc(sizeof(uint32_t) * (set->nliterals ? set->nliterals : 1));
	if (lit_node == NULL)
		goto done;
	for (i = 0; i < set->nliterals; i++)
	{
		const literal *lit = &set->literals[i];
		const unsigned char *text = literal_text(set, lit);
		uint32_t	node = 0;

		for (k = 0; k < lit->len; k++)
		{
			uint32_t	next = trie_child(&tr, node, text[k]);

			if (next == NO_STATE &&
				(next = trie_add_node(&tr, node, text[k])) == NO_STATE)
				goto done;
			node = next;
		}
		lit_node[i] = node;
	}

	/* breadth first: the order, the failure links */
	order = malloc(sizeof(uint32_t) * tr.n);
	renum = malloc(sizeof(uint32_t) * tr.n);
	tfail = malloc(sizeof(uint32_t) * tr.n);
	own = calloc(tr.n + 1, sizeof(uint32_t));
	if (order == NULL || renum == NULL || tfail == NULL || own == NULL)
		goto done;
	head = tail = 0;
	order[tail++] = 0;
	tfail[0] = 0;
	while (head < tail)
	{
		uint32_t	u = order[head++],
					v;

		for (v = tr.child[u]; v != NO_STATE; v = tr.sibling[v])
		{
			uint32_t	f = tfail[u],
						to = NO_STATE;

			if (u != 0)
				for (;;)
				{
					to = trie_child(&tr, f, tr.byte[v]);
					if (to != NO_STATE || f == 0)
						break;
					f = tfail[f];
				}
			tfail[v] = to == NO_STATE ? 0 : to;
			order[tail++] = v;
		}
	}

	/*
	 * Numbers: the shallow states breadth first (they get rows), the rest
	 * depth first, so that a walk down a literal reads neighbouring records.
	 */
	a->nstates = tr.n;
	a->ndense = tr.n < DENSE_MAX ? tr.n : DENSE_MAX;
	a->rows_end = a->ndense * a->row_classes;
	a->class_recip = (UINT64_C(1) << 32) / a->row_classes + 1;
	byid = malloc(sizeof(uint32_t) * tr.n);
	stack = malloc(sizeof(uint32_t) * tr.n);
	if (byid == NULL || stack == NULL)
		goto done;
	for (s = 0; s < tr.n; s++)
		renum[order[s]] = s;	/* breadth-first rank, for now */
	next_id = a->ndense;
	head = 0;
	stack[head++] = 0;
	while (head > 0)
	{
		uint32_t	u = stack[--head],
					v;

		if (renum[u] >= a->ndense)
			renum[u] = next_id++;
		for (v = tr.child[u]; v != NO_STATE; v = tr.sibling[v])
			stack[head++] = v;
	}
	for (s = 0; s < tr.n; s++)
		byid[renum[s]] = s;
	/*
	 * Scratch is freed once dead, here and below, so that what is
	 * allocated after reuses its pages: a caller's set (whose automaton
	 * holds the built-in literals too) faults in 2 MB less.
	 */
	free(stack);
	stack = NULL;
	fail = malloc(sizeof(uint32_t) * tr.n);
	state_first = calloc(tr.n + 1, sizeof(uint32_t));
	a->out_mark = malloc(sizeof(uint32_t) * (set->nliterals ? set->nliterals : 1));
	state_next = malloc(sizeof(uint32_t) * tr.n);
	edge_first = calloc(tr.n + 1, sizeof(uint32_t));
	seen_of = malloc(sizeof(uint32_t) * tr.n);
	if (fail == NULL || state_first == NULL || a->out_mark == NULL ||
		state_next == NULL || edge_first == NULL || seen_of == NULL)
		goto done;
	for (s = 0; s < tr.n; s++)
		fail[s] = renum[tfail[byid[s]]];
	free(tfail);
	tfail = NULL;

	/* the states second literals end in, numbered: their seen bits */
	for (s = 0; s < tr.n; s++)
		seen_of[s] = NO_STATE;
	for (i = 0; i < set->nliterals; i++)
		if (set->literals[i].second)
			seen_of[renum[lit_node[i]]] = 0;
	for (s = 0, nseen = 0; s < tr.n; s++)
		if (seen_of[s] != NO_STATE)
			seen_of[s] = nseen++;

	/* marks by the state they end in: the others' literals, a seen bit */
	for (i = 0; i < set->nliterals; i++)
		if (!set->literals[i].second)
			state_first[renum[lit_node[i]] + 1]++;
	for (s = 0; s < tr.n; s++)
		state_first[s + 1] += state_first[s] + (seen_of[s] != NO_STATE);
	for (s = 0; s <= tr.n; s++)
		own[s] = state_first[s];
	for (i = 0, nphrases = 0; i < set->nliterals; i++)
	{
		const literal *lit = &set->literals[i];

		/* phrases numbered in order, as keep_phrases keeps them */
		if (lit->phrase)
			nphrases++;
		if (!lit->second)
			a->out_mark[own[renum[lit_node[i]]]++] = lit->phrase ?
				make_mark(nphrases - 1, MARK_PHRASE) :
				make_mark(lit->branch, MARK_BRANCH);
	}
	for (s = 0; s < tr.n; s++)
		if (seen_of[s] != NO_STATE)
			a->out_mark[own[s]++] = make_mark(seen_of[s], MARK_SEEN);
	if (!list_seconds(set, lit_node, renum, seen_of, nseen))
		goto done;
	free(lit_node);
	free(own);
	lit_node = own = NULL;
	/* breadth first, a failure link (shallower) is done before */
	state_next[0] = NO_STATE;
	for (k = 1; k < tr.n; k++)
	{
		uint32_t	v = renum[order[k]],
					f = fail[v];

		state_next[v] = state_first[f + 1] > state_first[f] ? f :
			state_next[f];
	}

	/*
	 * The same by rank. Between two ranked states no literal ends, so a
	 * ranked state's literals run to the next one's first.
	 */
	nwords = (tr.n + 63) / 64;
	a->out_words = calloc(nwords, sizeof(out_word));
	if (a->out_words == NULL)
		goto done;
	for (s = 0; s < tr.n; s++)
		if (state_first[s + 1] > state_first[s] || state_next[s] != NO_STATE)
			a->out_words[s >> 6].bits |= (uint64_t) 1 << (s & 63);
	for (k = 0, nout = 0; k < nwords; k++)
	{
		a->out_words[k].rank = nout;
		nout += bits_set(a->out_words[k].bits);
	}
	if (!flatten_marks(a, state_first, state_next, tr.n, nout))
		goto done;
	if (nphrases < MARK16_LIMIT && nseen < MARK16_LIMIT &&
		scan_branches(set) <= MARK16_LIMIT && !narrow_marks(a, nout))
		goto done;

	/* edges: the trie's, plus a state entered by a space keeps the next */
	nedges = 0;
	for (s = 0; s < tr.n; s++)
	{
		uint32_t	node = byid[s],
					v;

		for (v = tr.child[node]; v != NO_STATE; v = tr.sibling[v])
			nedges++;
		if (s != 0 && tr.byte[node] == ' ')
			nedges++;
		edge_first[s + 1] = nedges;
	}
	a->edge_cls = malloc(nedges ? nedges : 1);
	a->edge_to = malloc(sizeof(uint32_t) * (nedges ? nedges : 1));
	if (a->edge_cls == NULL || a->edge_to == NULL)
		goto done;
	for (s = 0; s < tr.n; s++)
	{
		uint32_t	node = byid[s],
					e = edge_first[s],
					v;

		for (v = tr.child[node]; v != NO_STATE; v = tr.sibling[v], e++)
		{
			a->edge_cls[e] = class_of[tr.byte[v]];
			a->edge_to[e] = transition_to(a, renum[v]);
		}
		if (s != 0 && tr.byte[node] == ' ')
		{
			a->edge_cls[e] = class_of[' '];
			a->edge_to[e] = transition_to(a, s);
		}
	}

	/*
	 * The deeper states' links: a failure state shares a word with a class
	 * and a flag, so state numbers must fit in 23 bits (8 million: a
	 * rule set that large fails as out of memory).
	 */
	if (tr.n >= NODE_ID_LIMIT || !build_links(a, edge_first, fail, tr.n))
		goto done;

	/* rows for the shallow states: a missing edge is the fail's move */
	a->rows = malloc(sizeof(uint32_t) * a->ndense * a->row_classes);
	if (a->rows == NULL)
		goto done;
	for (s = 0; s < a->ndense; s++)
	{
		uint32_t   *row = a->rows + (size_t) s * a->row_classes;

		if (s == 0)
			for (c = 0; c < a->row_classes; c++)
				row[c] = transition_to(a, 0);
		else
			memcpy(row, a->rows + (size_t) fail[s] * a->row_classes,
				   sizeof(uint32_t) * a->row_classes);
		for (k = edge_first[s]; k < edge_first[s + 1]; k++)
			if (a->edge_cls[k] < a->row_classes)
				row[a->edge_cls[k]] = a->edge_to[k];
	}
	if (!build_high_rows(a, edge_first, fail))
		goto done;
	if (!keep_other_edges(a, edge_first, tr.n))
		goto done;
	ok = true;

done:
	free(lit_node);
	free(order);
	free(renum);
	free(tfail);
	free(own);
	free(byid);
	free(stack);
	free(fail);
	free(edge_first);
	free(state_first);
	free(state_next);
	free(seen_of);
	trie_free(&tr);
	return ok;
}

/*
 * Take the automaton and the second lists from tables made for exactly
 * these literals (the build's, for the built-in rules); false, taking
 * nothing, when they were made for others. The arrays stay the library's:
 * the scan only reads them, and bounce_ruleset_free leaves them.
 */
static bool
map_tables(bounce_ruleset *set, const bounce_automaton_tables *t)
{
	automaton  *a = &set->ac;

	if (t == NULL || set->base != NULL || t->nliterals != set->nliterals ||
		t->nscan != set->nbranches || t->literal_hash != set->literal_hash)
		return false;
	memcpy(a->cls, t->cls, sizeof(a->cls));
	a->nclasses = t->nclasses;
	a->row_classes = t->row_classes;
	a->class_recip = (UINT64_C(1) << 32) / t->row_classes + 1;
	a->nstates = t->nstates;
	a->ndense = t->ndense;
	a->rows_end = t->ndense * t->row_classes;
	a->nhigh = t->nclasses - t->row_classes;
	a->nhigh_rows = t->nhigh_rows;
	a->nedges = t->nedges;
	/* const in the library; the casts only fit the built sets' fields */
	a->rows = (uint32_t *) t->rows;
	a->high_row_of = (uint16_t *) t->high_row_of;
	a->high_rows = (uint32_t *) t->high_rows;
	a->links = (uint32_t *) t->links;
	a->edge_cls = (unsigned char *) t->edge_cls;
	a->edge_to = (uint32_t *) t->edge_to;
	a->out_words = (out_word *) t->out_words;
	a->out_first = (uint32_t *) t->out_first;
	a->out_next = (uint32_t *) t->out_next;
	a->out_mark16 = (uint16_t *) t->out_mark16;
	a->out_mark = (uint32_t *) t->out_mark;
	set->second_first = (uint32_t *) t->second_first;
	set->second_seen = (uint32_t *) t->second_seen;
	set->nseen_words = t->nseen_words;
	set->tables_mapped = true;
	return true;
}

bool
bounce_ruleset_tables(const bounce_ruleset *set, bounce_automaton_tables *out)
{
	const automaton *a = &set->ac;

	if (set->base != NULL)
		return false;
	memset(out, 0, sizeof(*out));
	out->literal_hash = set->literal_hash;
	out->nliterals = (uint32_t) set->nliterals;
	out->nscan = (uint32_t) set->nbranches;
	out->nstates = a->nstates;
	out->nclasses = a->nclasses;
	out->row_classes = a->row_classes;
	out->ndense = a->ndense;
	out->nhigh_rows = a->nhigh_rows;
	out->nedges = a->nedges;
	out->nout = a->out_words[(a->nstates - 1) >> 6].rank +
		bits_set(a->out_words[(a->nstates - 1) >> 6].bits);
	out->nseen_words = (uint32_t) set->nseen_words;
	memcpy(out->cls, a->cls, sizeof(out->cls));
	out->rows = a->rows;
	out->high_row_of = a->high_row_of;
	out->high_rows = a->high_rows;
	out->links = a->links;
	out->edge_cls = a->edge_cls;
	out->edge_to = a->edge_to;
	out->out_words = a->out_words;
	out->out_first = a->out_first;
	out->out_next = a->out_next;
	out->out_mark16 = a->out_mark16;
	out->out_mark = a->out_mark;
	out->second_first = set->second_first;
	out->second_seen = set->second_seen;
	return true;
}

size_t
bounce_automaton_arrays(const bounce_automaton_tables *t,
						bounce_table_array out[BOUNCE_TABLE_ARRAYS])
{
	size_t		n = 0;

#define TABLE_ARRAY(field, len) \
	(out[n].name = #field, out[n].data = t->field, \
	 out[n].width = sizeof(*t->field), out[n++].count = (len))
	TABLE_ARRAY(rows, (size_t) t->ndense * t->row_classes);
	TABLE_ARRAY(high_row_of, t->ndense);
	/* the last entry is spare (build_high_rows) */
	TABLE_ARRAY(high_rows,
				(size_t) t->nhigh_rows * (t->nclasses - t->row_classes) + 1);
	TABLE_ARRAY(links, t->nstates);
	TABLE_ARRAY(edge_cls, t->nedges);
	TABLE_ARRAY(edge_to, t->nedges);
	TABLE_ARRAY(out_words, (t->nstates + 63) / 64);
	TABLE_ARRAY(out_first, t->nout + 1);
	TABLE_ARRAY(out_next, t->out_next != NULL ? t->nout + 1 : 0);
	TABLE_ARRAY(out_mark16, t->out_mark16 != NULL ? t->out_first[t->nout] : 0);
	TABLE_ARRAY(out_mark, t->out_mark != NULL ? t->out_first[t->nout] : 0);
	TABLE_ARRAY(second_first, t->nscan + 2);
	TABLE_ARRAY(second_seen, t->second_first[t->nscan + 1] + 1);
#undef TABLE_ARRAY
	return n;
}

size_t
bounce_ruleset_mapped_bytes(const bounce_ruleset *set)
{
	bounce_automaton_tables t;
	bounce_table_array arrays[BOUNCE_TABLE_ARRAYS];
	size_t		k,
				bytes = 0;

	if (!set->tables_mapped || !bounce_ruleset_tables(set, &t))
		return 0;
	for (k = bounce_automaton_arrays(&t, arrays); k-- > 0;)
		bytes += arrays[k].width * arrays[k].count;
	return bytes;
}

/* Is this the built-in rule table, whose analysis the build did? */
static bool
is_builtin(const bounce_rule_spec *specs, size_t count)
{
	return specs == bounce_builtin_specs &&
		count == bounce_builtin_factor_rule_count;
}

/*
 * The build's entry for branch k of built-in rule r when its source was
 * the len bytes at src, else NULL.
 */
static const bounce_branch_factors *
builtin_branch(size_t r, size_t k, const char *src, size_t len)
{
	const bounce_branch_factors *bf;

	if (r >= bounce_builtin_factor_rule_count ||
		k >= bounce_builtin_factor_rule_first[r + 1] -
		bounce_builtin_factor_rule_first[r])
		return NULL;
	bf = &bounce_builtin_branch_factors[bounce_builtin_factor_rule_first[r] + k];
	return bf->src_len == len && bf->src_hash == bounce_branch_hash(src, len) ?
		bf : NULL;
}

/*
 * *f as the build's entry bf describes it (bounce_builtin_factors). The
 * arrays past the counts are left as they were: nothing reads them, and
 * clearing all 4.6 kB for each of 3,500 branches was a tenth of
 * bounce_init.
 */
static void
fill_factors(const bounce_branch_factors *bf, bounce_factors *f)
{
	size_t		n = bf->first_len,
				at = bf->pool_at;
	int			j;

	f->count = bf->count;
	f->count2 = bf->count2;
	f->phrase = (bf->flags & BOUNCE_FACTORS_PHRASE) != 0;
	f->bound_start = (bf->flags & BOUNCE_FACTORS_BOUND_START) != 0;
	f->bound_end = (bf->flags & BOUNCE_FACTORS_BOUND_END) != 0;
	for (j = 0; j < f->count; j++, n++)
	{
		f->len[j] = bounce_builtin_factor_lens[n];
		memcpy(f->text[j], bounce_builtin_factor_pool + at, f->len[j]);
		at += f->len[j];
	}
	for (j = 0; j < f->count2; j++, n++)
	{
		f->len2[j] = bounce_builtin_factor_lens[n];
		memcpy(f->text2[j], bounce_builtin_factor_pool + at, f->len2[j]);
		at += f->len2[j];
	}
}

bool
bounce_builtin_factors(size_t r, size_t k, const char *src, bounce_factors *f)
{
	const bounce_branch_factors *bf = builtin_branch(r, k, src, strlen(src));

	if (bf == NULL)
		return false;
	fill_factors(bf, f);
	return true;
}

/* Can the scan find every match of a branch with these factors? */
static bool
factors_usable(const bounce_factors *f)
{
	int			k;

	for (k = 0; k < f->count; k++)
		if (f->len[k] < BOUNCE_LITERAL_MIN)
			return false;
	return f->count > 0;
}

/*
 * Built-in rule r's branches as the build split them, when pattern is the
 * source the build saw (each branch's length and hash, a bar between
 * two): in *out, copies as bounce_split_branches makes them, at the cost
 * of a hash a branch instead of a parse. *out is NULL when the source
 * differs (split it as any other); false when out of memory. The build
 * compiled each branch alone (build/factorgen), so the library need not
 * compile one before a text needs it (branch_code).
 */
static bool
builtin_split(size_t r, const char *pattern, char ***out, size_t *nparts)
{
	size_t		len = strlen(pattern),
				first,
				n,
				k,
				at = 0;
	char	  **parts;

	*out = NULL;
	if (r >= bounce_builtin_factor_rule_count)
		return true;
	first = bounce_builtin_factor_rule_first[r];
	n = bounce_builtin_factor_rule_first[r + 1] - first;
	for (k = 0; k < n; k++)
	{
		/* as long as the build's branch k, then a bar or the end */
		size_t		part_len = bounce_builtin_branch_factors[first + k].src_len;

		if (part_len > len - at ||
			pattern[at + part_len] != (k + 1 < n ? '|' : '\0') ||
			builtin_branch(r, k, pattern + at, part_len) == NULL)
			return true;
		at += part_len + 1;
	}
	if (n == 0)
		return true;
	if ((parts = calloc(n, sizeof(char *))) == NULL)
		return false;
	for (k = 0, at = 0; k < n; k++)
	{
		size_t		part_len = bounce_builtin_branch_factors[first + k].src_len;

		if ((parts[k] = malloc(part_len + 1)) == NULL)
		{
			while (k > 0)
				free(parts[--k]);
			free(parts);
			return false;
		}
		memcpy(parts[k], pattern + at, part_len);
		parts[k][part_len] = '\0';
		at += part_len + 1;
	}
	*nparts = n;
	*out = parts;
	return true;
}

/*
 * The factors of a set's branch b, whose source is src: the build's for
 * a branch it split the same (from_build; src is not read), else worked
 * out now.
 */
static void
branch_factors(const bounce_ruleset *set, size_t b, const char *src,
			   bounce_factors *f)
{
	uint32_t	r = set->branches[b].rule;

	if (set->branches[b].from_build)
		fill_factors(&bounce_builtin_branch_factors[bounce_builtin_factor_rule_first[r] +
													 b - set->first_branch[r]], f);
	else
		bounce_pattern_factors(src, f);
}

/*
 * The base set's literals in a set compiled over it, so that one scan
 * serves both (its own base's are not scanned for). The base keeps only
 * its phrases (keep_phrases), so each of its branches is analysed again,
 * as when the base was built, and indexed under the numbers this set's
 * scan gives the base's branches. False when out of memory.
 */
static bool
index_base(bounce_ruleset *set, bounce_factors *f, index_caps *cap)
{
	const bounce_ruleset *base = set->base;
	size_t		r;

	for (r = 0; r < base->count; r++)
	{
		size_t		first = base->first_branch[r],
					nbranches = base->first_branch[r + 1] - first,
					nparts = 0,
					b,
					k;
		char	  **parts = NULL;
		bool		ok = true;

		/* the build's branches need no source (from_build, all or none) */
		if (!base->branches[first].from_build)
			ok = (parts = bounce_split_branches(base->specs[r].pattern,
												&nparts)) != NULL;
		for (b = first; ok && b < first + nbranches; b++)
		{
			/* a rule not split is one branch */
			branch_factors(base, b, parts == NULL ? NULL :
						   nparts == nbranches ? parts[b - first] :
						   base->specs[r].pattern, f);
			if (factors_usable(f))
				ok = index_branch(set, f, base_branch(set) + (uint32_t) b,
								  base->branches[b].phrase, NULL, cap);
		}
		for (k = 0; k < nparts; k++)
			free(parts[k]);
		free(parts);
		if (!ok)
			return false;
	}
	return true;
}

/*
 * Once the automaton holds the literals, only a phrase's record and text
 * are read again (mark_occurrence): the index keeps those alone, in
 * order (the built-in set's 38,000 records and their 0.7 MB of text are
 * 5,500 records and 0.1 MB).
 */
static void
keep_phrases(bounce_ruleset *set)
{
	size_t		i,
				kept = 0,
				at = 0;
	unsigned char *text;
	literal    *fitted;

	for (i = 0; i < set->nliterals; i++)
	{
		literal		lit = set->literals[i];

		if (!lit.phrase)
			continue;
		memmove(set->lit_text + at, set->lit_text + lit.text_at, lit.len);
		lit.text_at = (uint32_t) at;
		at += lit.len;
		set->literals[kept++] = lit;
	}
	set->lit_text_len = at;
	text = realloc(set->lit_text, at ? at : 1);
	if (text != NULL)
		set->lit_text = text;
	fitted = realloc(set->literals, sizeof(literal) * (kept ? kept : 1));
	if (fitted != NULL)
		set->literals = fitted;
}

/*
 * Index the literals of every branch (and of the base set's), as cap says;
 * false when out of memory.
 */
static bool
index_literals(bounce_ruleset *set, char **patterns, index_caps *cap)
{
	size_t		i;
	bounce_factors *f = malloc(sizeof(*f));

	if (f == NULL)
		return false;
	set->always = malloc(sizeof(uint32_t) * (set->nbranches ? set->nbranches : 1));
	if (set->always == NULL)
		goto oom;
	for (i = 0; i < set->nbranches; i++)
	{
		bool		usable;

		branch_factors(set, i, patterns[i], f);
		usable = factors_usable(f);
		/* a phrase is decided by the scan, so it must be scanned for */
		set->branches[i].phrase = f->phrase && usable;
		if (!usable)
		{
			set->always[set->nalways++] = (uint32_t) i;
			continue;
		}
		if (!index_branch(set, f, (uint32_t) i, set->branches[i].phrase,
						  &set->branches[i], cap))
			goto oom;
	}
	/* the base set's literals, marking its branches (compile_over) */
	if (set->base != NULL && !index_base(set, f, cap))
		goto oom;
	free(f);
	/* the arrays grew by doubling: keep only what they hold, for the scans */
	if (set->nliterals > 0 && set->nliterals < cap->literals)
	{
		literal    *fitted = realloc(set->literals,
									 set->nliterals * sizeof(literal));

		if (fitted != NULL)
			set->literals = fitted;
	}
	return true;

oom:
	free(f);
	return false;
}

/* Start a set's index (index_caps) afresh. */
static void
index_start(bounce_ruleset *set, index_caps *cap, bool phrase_texts_only)
{
	free(set->always);
	free(set->literals);
	free(set->lit_text);
	set->always = NULL;
	set->literals = NULL;
	set->lit_text = NULL;
	set->nalways = 0;
	set->nliterals = 0;
	set->lit_text_len = 0;
	memset(cap, 0, sizeof(*cap));
	cap->hashing = set->base == NULL;
	cap->hash = 14695981039346656037ULL;
	cap->phrase_texts_only = phrase_texts_only && cap->hashing;
}

/*
 * Index the literals of every branch, taking the automaton from tables
 * when they were made for these literals; false when out of memory.
 */
static bool
build_index(bounce_ruleset *set, char **patterns,
			const bounce_automaton_tables *tables)
{
	index_caps	cap;
	int			c;

	/* a literal's branch field numbers its base's branches too */
	if (set->nwords * 64 + (set->base ? set->base->nbranches : 0) >=
		((size_t) 1 << LIT_BRANCH_BITS))
		return false;
	for (c = 0; c < 256; c++)
		set->fold[c] = bounce_fold((unsigned char) c);
	/*
	 * Only a set without a base can take tables (map_tables) or give them
	 * (bounce_ruleset_tables): its literals' identity is hashed as they
	 * are indexed.
	 */
	index_start(set, &cap, tables != NULL);
	if (!index_literals(set, patterns, &cap))
		return false;
	set->literal_hash = cap.hashing ? cap.hash : 0;
	if (!map_tables(set, tables))
	{
		if (cap.phrase_texts_only)
		{
			/* made for other literals: the automaton needs every text */
			index_start(set, &cap, false);
			if (!index_literals(set, patterns, &cap))
				return false;
		}
		if (!build_automaton(set))
			return false;
	}
	keep_phrases(set);
	return true;
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char) *s >= 0x80)
			return false;
	return true;
}

/*
 * Compile len bytes of a pattern (PCRE2_ZERO_TERMINATED: all of it) with
 * options (BOUNCE_COMPILE_OPTIONS, without PCRE2_UTF for an ASCII form);
 * JIT comes later, where wanted. NULL on failure.
 */
static pcre2_code *
compile_part(const char *pattern, size_t len, uint32_t options, int *code,
			 size_t *offset)
{
	pcre2_code *re;
	PCRE2_SIZE	off = 0;

	re = pcre2_compile((PCRE2_SPTR) pattern, len, options, code, &off, NULL);
	*offset = off;
	return re;
}

/* Compile one pattern; NULL on failure. */
static pcre2_code *
compile_one(const char *pattern, int *code, size_t *offset)
{
	return compile_part(pattern, PCRE2_ZERO_TERMINATED,
						BOUNCE_COMPILE_OPTIONS, code, offset);
}

int
bounce_pattern_compiles(const char *pattern, char *errbuf, size_t errlen)
{
	int			code;
	size_t		offset;
	pcre2_code *re = compile_one(pattern, &code, &offset);

	if (re != NULL)
	{
		pcre2_code_free(re);
		return BOUNCE_OK;
	}
	if (BOUNCE_COMPILE_OUT_OF_MEMORY(code))
		return BOUNCE_ENOMEM;
	if (errbuf != NULL && errlen > 0)
		describe_pcre2_error(errbuf, errlen, code, offset);
	return BOUNCE_ERULES;
}

static bounce_ruleset *compile_set(const bounce_rule_spec *specs,
								   size_t count, const bounce_ruleset *base,
								   const bounce_automaton_tables *tables,
								   int *err, char *errbuf, size_t errlen);

bounce_ruleset *
bounce_ruleset_compile(const bounce_rule_spec *specs, size_t count,
					   int *err, char *errbuf, size_t errlen)
{
	return compile_set(specs, count, NULL, bounce_builtin_automaton, err,
					   errbuf, errlen);
}

bounce_ruleset *
bounce_ruleset_compile_over(const bounce_rule_spec *specs, size_t count,
							const bounce_ruleset *base, int *err,
							char *errbuf, size_t errlen)
{
	return compile_set(specs, count, base, NULL, err, errbuf, errlen);
}

bounce_ruleset *
bounce_ruleset_compile_tables(const bounce_rule_spec *specs, size_t count,
							  const bounce_automaton_tables *tables, int *err)
{
	return compile_set(specs, count, NULL, tables, err, NULL, 0);
}

static bounce_ruleset *
compile_set(const bounce_rule_spec *specs, size_t count,
			const bounce_ruleset *base, const bounce_automaton_tables *tables,
			int *err, char *errbuf, size_t errlen)
{
	bounce_ruleset *set;
	size_t		i,
				cap = 0;
	bool		jit = jit_wanted();
	char	  **patterns = NULL;	/* every branch's source, for the index */

	*err = BOUNCE_ENOMEM;
	if (errbuf && errlen)
		errbuf[0] = '\0';
	set = calloc(1, sizeof(*set));
	if (set == NULL)
		return NULL;
	set->count = count;
	set->specs = specs;
	set->base = base;
	set->jit = jit;
	set->codes = calloc(count ? 2 * count : 1, sizeof(pcre2_code *));
	set->first_branch = calloc(count + 1, sizeof(uint32_t));
	set->mctx = pcre2_match_context_create(NULL);
	if (set->codes == NULL || set->first_branch == NULL || set->mctx == NULL)
		goto fail;
	pcre2_set_match_limit(set->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(set->mctx, DEPTH_LIMIT);
	for (i = 0; i < count; i++)
	{
		int			code;
		size_t		offset,
					nparts = 0,
					k,
					at;
		char	  **parts;
		pcre2_code *whole;
		bool		checked;

		/*
		 * The whole pattern is compiled to check it (its error offsets are
		 * the caller's), then let go: only the reference path, which tests
		 * and benchmarks take, runs it, and compiles it again there. The
		 * built-in rules were checked so when the library was built
		 * (build/factorgen); should one fail here all the same, its
		 * branches do and the whole pattern is compiled below.
		 */
		if (!is_builtin(specs, count))
		{
			whole = compile_one(specs[i].pattern, &code, &offset);
			if (whole == NULL)
			{
				if (BOUNCE_COMPILE_OUT_OF_MEMORY(code))
					goto fail;
				*err = BOUNCE_ERULES;
				describe_error(errbuf, errlen, &specs[i], code, offset);
				goto fail;
			}
			pcre2_code_free(whole);
		}
		parts = NULL;
		if (is_builtin(specs, count) &&
			!builtin_split(i, specs[i].pattern, &parts, &nparts))
			goto fail;
		checked = parts != NULL;
		if (parts == NULL &&
			(parts = bounce_split_branches(specs[i].pattern, &nparts)) == NULL)
			goto fail;
		set->first_branch[i] = (uint32_t) set->nbranches;
		if (set->nbranches + nparts > cap)
		{
			size_t		ncap = (set->nbranches + nparts) * 2;
			branch	   *grown = realloc(set->branches, ncap * sizeof(branch));
			char	  **grown_patterns = realloc(patterns, ncap * sizeof(char *));

			if (grown != NULL)
				set->branches = grown;
			if (grown_patterns != NULL)
				patterns = grown_patterns;
			if (grown == NULL || grown_patterns == NULL)
			{
				for (k = 0; k < nparts; k++)
					free(parts[k]);
				free(parts);
				goto fail;
			}
			cap = ncap;
		}
		for (k = 0, at = 0; k < nparts; k++)
		{
			branch	   *br = &set->branches[set->nbranches];

			memset(br, 0, sizeof(*br));
			br->rule = (uint32_t) i;
			/* the parts are the pattern's, end to end between bars */
			br->src_at = (uint32_t) at;
			br->src_len = (uint32_t) strlen(parts[k]);
			at += br->src_len + 1;
			patterns[set->nbranches++] = parts[k];
			br->from_build = checked;
			if (checked)
				continue;		/* compiled when a text needs it */
			br->code = compile_one(parts[k], &code, &offset);
			if (br->code != NULL)
				continue;
			/*
			 * The whole pattern compiled, so a branch fails only for lack
			 * of memory or because it needs another branch (a named group
			 * defined there): then the rule stays one branch.
			 */
			while (set->nbranches > set->first_branch[i])
			{
				set->nbranches--;
				pcre2_code_free(set->branches[set->nbranches].code);
				free(patterns[set->nbranches]);
			}
			for (k++; k < nparts; k++)
				free(parts[k]);
			if (BOUNCE_COMPILE_OUT_OF_MEMORY(code))
			{
				free(parts);
				goto fail;
			}
			br = &set->branches[set->nbranches];
			memset(br, 0, sizeof(*br));
			br->rule = (uint32_t) i;
			br->src_len = (uint32_t) strlen(specs[i].pattern);
			br->code = compile_one(specs[i].pattern, &code, &offset);
			patterns[set->nbranches] = strdup(specs[i].pattern);
			if (br->code == NULL || patterns[set->nbranches] == NULL)
			{
				if (br->code == NULL && !BOUNCE_COMPILE_OUT_OF_MEMORY(code))
				{
					*err = BOUNCE_ERULES;
					describe_error(errbuf, errlen, &specs[i], code, offset);
				}
				pcre2_code_free(br->code);
				free(patterns[set->nbranches]);
				free(parts);
				goto fail;
			}
			set->nbranches++;
			break;
		}
		free(parts);
	}
	set->first_branch[count] = (uint32_t) set->nbranches;
	set->nwords = (set->nbranches + 63) / 64;
	if (set->nbranches > 0 && set->nbranches < cap)
	{
		/* the rest of what the doubling reserved (0.1 MB for 200 rules) */
		branch	   *fitted = realloc(set->branches,
									 set->nbranches * sizeof(branch));

		if (fitted != NULL)
			set->branches = fitted;
	}
	if (!build_index(set, patterns, tables))
		goto fail;
	/*
	 * Machine code comes later, for the forms that search texts
	 * (branch_code). A phrase branch is decided by the scan and searched
	 * only in the rare texts whose case folding the scan cannot do, so it
	 * needs no ASCII form, and its UTF form is compiled again on the first
	 * such text (a fifth of the compiled forms' memory is phrases'). The
	 * built-in rules' branches were not compiled above at all
	 * (builtin_split): their UTF forms wait for a text too.
	 */
	for (i = 0; i < set->nbranches; i++)
	{
		branch	   *br = &set->branches[i];

		if (br->phrase)
		{
			pcre2_code_free(br->code);
			br->code = NULL;
			continue;
		}
		/*
		 * An ASCII pattern on an ASCII text matches byte for byte as it
		 * does character for character, and pcre2 runs it about a third
		 * faster without decoding UTF-8. That form too is compiled when a
		 * text first needs it (branch_code): most branches search no text
		 * or few, and compiling them all here took a third of bounce_init.
		 */
		br->ascii_form = is_ascii(patterns[i]);
	}
	for (i = 0; i < set->nbranches; i++)
		free(patterns[i]);
	free(patterns);
	*err = BOUNCE_OK;
	return set;

fail:
	if (patterns != NULL)
		for (i = 0; i < set->nbranches; i++)
			free(patterns[i]);
	free(patterns);
	bounce_ruleset_free(set);
	return NULL;
}

void
bounce_ruleset_free(bounce_ruleset *set)
{
	size_t		i;

	if (set == NULL)
		return;
	if (set->codes)
		for (i = 0; i < set->count; i++)
		{
			if (set->codes[set->count + i] != set->codes[i])
				pcre2_code_free(set->codes[set->count + i]);
			pcre2_code_free(set->codes[i]);
		}
	free(set->codes);
	if (set->branches)
		for (i = 0; i < set->nbranches; i++)
		{
			pcre2_code_free(set->branches[i].code);
			if (set->branches[i].jit[0] != set->branches[i].code)
				pcre2_code_free(set->branches[i].jit[0]);
			if (set->branches[i].jit[1] != set->branches[i].ascii_code)
				pcre2_code_free(set->branches[i].jit[1]);
			pcre2_code_free(set->branches[i].ascii_code);
		}
	free(set->branches);
	free(set->first_branch);
	pcre2_match_context_free(set->mctx);
	free(set->literals);
	free(set->lit_text);
	if (!set->tables_mapped)
	{
		automaton_free(&set->ac);
		free(set->second_first);
		free(set->second_seen);
	}
	free(set->always);
	free(set);
}

size_t
bounce_ruleset_size(const bounce_ruleset *set)
{
	return set ? set->count : 0;
}

bool
bounce_ruleset_marks_copied(const bounce_ruleset *set)
{
	return set->ac.out_next == NULL;
}

size_t
bounce_ruleset_unindexed(const bounce_ruleset *set, size_t i)
{
	size_t		k,
				n = 0;

	for (k = 0; k < set->nalways; k++)
		if (set->branches[set->always[k]].rule == i)
			n++;
	return n;
}

const bounce_rule_spec *
bounce_ruleset_spec(const bounce_ruleset *set, size_t i)
{
	return (set && i < set->count) ? &set->specs[i] : NULL;
}

/* ---- the built-in rules ---- */

static pthread_mutex_t builtin_lock = PTHREAD_MUTEX_INITIALIZER;
static bounce_ruleset *builtin;

const bounce_ruleset *
bounce_ruleset_once(bounce_ruleset **slot, pthread_mutex_t *lock,
					const bounce_rule_spec *specs, size_t count, int *err)
{
	bounce_ruleset *set = __atomic_load_n(slot, __ATOMIC_ACQUIRE);

	*err = BOUNCE_OK;
	if (set != NULL)
		return set;
	pthread_mutex_lock(lock);
	set = *slot;
	if (set == NULL)
	{
		/* on failure nothing is kept, so a later call tries again */
		set = bounce_ruleset_compile(specs, count, err, NULL, 0);
		__atomic_store_n(slot, set, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(lock);
	return set;
}

const bounce_ruleset *
bounce_builtin_ruleset(int *err)
{
	return bounce_ruleset_once(&builtin, &builtin_lock, bounce_builtin_specs,
							   bounce_builtin_spec_count, err);
}

/* ---- matchers ---- */

bounce_matcher *
bounce_matcher_new(void)
{
	bounce_matcher *m = calloc(1, sizeof(*m));

	if (m == NULL)
		return NULL;
	m->md = pcre2_match_data_create(1, NULL);
	if (m->md == NULL)
	{
		free(m);
		return NULL;
	}
	return m;
}

/* Free the buffers sized by the texts seen; they grow again on demand. */
static void
free_text_buffers(bounce_matcher *m)
{
	free(m->clean);
	free(m->clean_stretches);
	free(m->view);
	free(m->stretches);
	m->clean = NULL;
	m->clean_stretches = NULL;
	m->view = NULL;
	m->stretches = NULL;
	m->clean_size = 0;
	m->view_size = 0;
}

void
bounce_matcher_free(bounce_matcher *matcher)
{
	if (matcher == NULL)
		return;
	pcre2_match_data_free(matcher->md);
	free(matcher->found_by_scan.bits);	/* the block of candidates_grow */
	free_text_buffers(matcher);
	free(matcher);
}

unsigned long
bounce_matcher_searches(const bounce_matcher *matcher)
{
	return matcher->searches;
}

/* text (len bytes, not valid UTF-8) repaired into the matcher's buffers */
static int
repair(bounce_matcher *m, const char *text, size_t len, bounce_subject *subject)
{
	if (len > UINT32_MAX / 4)
		return BOUNCE_EINVAL;	/* stretches hold 32-bit offsets */
	if (m->clean_size < len)
	{
		/* pcre2's JIT may read a little past the subject's end */
		char	   *grown = realloc(m->clean, 3 * len + 64);
		bounce_stretch *stretches;

		if (grown == NULL)
			return BOUNCE_ENOMEM;
		m->clean = grown;
		stretches = realloc(m->clean_stretches, 3 * len * sizeof(*stretches));
		if (stretches == NULL)
			return BOUNCE_ENOMEM;
		m->clean_stretches = stretches;
		m->clean_size = len;
	}
	subject->text = m->clean;
	subject->len = bounce_utf8_repair((const unsigned char *) text, len,
									  (unsigned char *) m->clean,
									  m->clean_stretches, &subject->nrepaired);
	subject->repaired = m->clean_stretches;
	subject->ascii = false;
	return BOUNCE_OK;
}

/* Room in the matcher's view (and its stretches) for a text of len bytes. */
static int
reserve_view(bounce_matcher *m, size_t len)
{
	if (m->view_size < len)
	{
		/* pcre2's JIT may read a little past the subject's end */
		unsigned char *view = realloc(m->view, len + 64);
		bounce_stretch *grown;

		if (view == NULL)
			return BOUNCE_ENOMEM;
		m->view = view;
		grown = realloc(m->stretches, (len / 2 + 1) * sizeof(bounce_stretch));
		if (grown == NULL)
			return BOUNCE_ENOMEM;
		m->stretches = grown;
		m->view_size = len;
	}
	return BOUNCE_OK;
}

int
bounce_matcher_subject(bounce_matcher *matcher, const char *text, size_t len,
					   bool unwrap, bounce_subject *subject)
{
	size_t		view_len;
	int			rc;

	/*
	 * After a huge text (up to 64 KiB, several MB of buffers) the next
	 * ordinary one lets them go: a long-lived connection keeps only what
	 * ordinary texts need.
	 */
	if (len <= TEXT_KEEP &&
		(matcher->clean_size > TEXT_KEEP || matcher->view_size > TEXT_KEEP))
		free_text_buffers(matcher);
	memset(subject, 0, sizeof(*subject));
	subject->text = text;
	subject->len = text ? len : 0;
	if (text == NULL || len == 0)
	{
		subject->ascii = true;
		return BOUNCE_OK;
	}
	if (bounce_utf8_first_invalid((const unsigned char *) text, len,
								  &subject->ascii) < len &&
		(rc = repair(matcher, text, len, subject)) != BOUNCE_OK)
		return rc;
	/* once per text, not once per rule set it is matched against */
	subject->unfoldable = !subject->ascii &&
		bounce_has_fold_exceptions((const unsigned char *) subject->text,
								   subject->len);
	if (!unwrap)
		return BOUNCE_OK;
	text = subject->text;
	len = subject->len;
	if ((rc = reserve_view(matcher, len)) != BOUNCE_OK)
		return rc;
	view_len = bounce_unwrap((const unsigned char *) text, len, matcher->view,
							 matcher->stretches, &subject->nunwrapped);
	if (view_len != SIZE_MAX)
	{
		subject->text = (const char *) matcher->view;
		subject->len = view_len;
		subject->unwrapped = matcher->stretches;
	}
	else
		subject->nunwrapped = 0;
	return BOUNCE_OK;
}

int
bounce_matcher_blank(bounce_matcher *matcher, bounce_subject *subject,
					 size_t start, size_t len)
{
	int			rc;

	if (start > subject->len || len > subject->len - start)
		return BOUNCE_EINVAL;
	if (subject->text != (const char *) matcher->view)
	{
		/* not unwrapped, so no stretches to keep: the copy maps as it did */
		if ((rc = reserve_view(matcher, subject->len)) != BOUNCE_OK)
			return rc;
		memcpy(matcher->view, subject->text, subject->len);
		subject->text = (const char *) matcher->view;
	}
	memset(matcher->view + start, ' ', len);
	return BOUNCE_OK;
}

void
bounce_subject_span(const bounce_subject *subject, size_t *start, size_t *len)
{
	bounce_unwrap_span(subject->unwrapped, subject->nunwrapped, start, len);
	bounce_unwrap_span(subject->repaired, subject->nrepaired, start, len);
}

/*
 * Room in c for nwords bitset words, nseen seen words and nfound branches,
 * in one block: the bitsets, then the two arrays of offsets. false: no
 * memory.
 */
static bool
candidates_grow(candidates *c, size_t nwords, size_t nseen, size_t nfound)
{
	size_t		words = (2 * nwords + nseen) * sizeof(uint64_t);
	unsigned char *block = realloc(c->bits,
								   words + 2 * nfound * sizeof(uint32_t));

	if (block == NULL)
		return false;
	c->bits = (uint64_t *) block;
	c->found = c->bits + nwords;
	c->seen = c->found + nwords;
	c->found_at = (uint32_t *) (block + words);
	c->found_len = c->found_at + nfound;
	return true;
}

int
bounce_matcher_reserve(bounce_matcher *matcher, const bounce_ruleset *set)
{
	size_t		nwords = set->nwords,
				nseen = set->nseen_words,
				nfound = set->nbranches;

	if (set->base != NULL)
	{
		/* the base's branches come after the set's */
		nwords += set->base->nwords;
		nfound = base_branch(set) + set->base->nbranches;
		/* the base alone scans with its own automaton */
		if (set->base->nseen_words > nseen)
			nseen = set->base->nseen_words;
	}
	if (matcher->nwords >= nwords && matcher->nseen_words >= nseen &&
		matcher->nfound >= nfound)
		return BOUNCE_OK;
	nwords = nwords > matcher->nwords ? nwords : matcher->nwords;
	nseen = nseen > matcher->nseen_words ? nseen : matcher->nseen_words;
	nfound = nfound > matcher->nfound ? nfound : matcher->nfound;
	if (!candidates_grow(&matcher->found_by_scan, nwords, nseen, nfound))
		return BOUNCE_ENOMEM;
	matcher->nwords = nwords;
	matcher->nseen_words = nseen;
	matcher->nfound = nfound;
	return BOUNCE_OK;
}

/*
 * Characters pcre2 matches caselessly against letters the scan folds
 * without sharing their folded bytes: U+212A KELVIN SIGN (k), U+017F LONG S
 * (s), U+212B ANGSTROM SIGN (å), U+1E9E CAPITAL SHARP S (ß), U+00B5 MICRO
 * SIGN (μ), U+2126 OHM SIGN (ω), the Greek symbol forms U+0345, U+03D0,
 * U+03D1, U+03D5, U+03D6, U+03F0, U+03F1, U+03F4, U+03F5 and U+1FBE (ι, β,
 * θ, φ, π, κ, ρ, θ, ε, ι), the Cyrillic letters' rounded forms
 * U+1C80..U+1C88 and the Georgian capitals U+1C90..U+1CBF (the whole block
 * U+1C80..U+1CBF is taken). A text holding one is matched without the
 * prefilter, so the answer stays the reference one; factor.c's other_case
 * counts on this list, and unit_test.c checks it against pcre2.
 */
bool
bounce_has_fold_exceptions(const unsigned char *t, size_t n)
{
	size_t		i;

	for (i = 0; i + 1 < n; i++)
	{
		unsigned char b = t[i],
					c;

		/* ASCII, continuation bytes and most lead bytes: nothing to see */
		if (b < 0xC2 || (b > 0xCF && b < 0xE1) || b > 0xE2)
			continue;
		c = t[i + 1];
		switch (b)
		{
			case 0xC2:
				if (c == 0xB5)
					return true;
				break;
			case 0xC5:
				if (c == 0xBF)
					return true;
				break;
			case 0xCD:
				if (c == 0x85)
					return true;
				break;
			case 0xCF:
				if (c == 0x90 || c == 0x91 || c == 0x95 || c == 0x96 ||
					c == 0xB0 || c == 0xB1 || c == 0xB4 || c == 0xB5)
					return true;
				break;
			case 0xE1:
				if (i + 2 < n && (c == 0xB2 || (c == 0xBA && t[i + 2] == 0x9E) ||
								  (c == 0xBE && t[i + 2] == 0xBE)))
					return true;
				break;
			case 0xE2:
				if (i + 2 < n && c == 0x84 &&
					(t[i + 2] == 0xA6 || t[i + 2] == 0xAA || t[i + 2] == 0xAB))
					return true;
				break;
		}
	}
	return false;
}

/* A word character for \b (pcre2 without UCP); folding keeps them so. */
static inline bool
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		(c >= 'A' && c <= 'Z');
}

/*
 * Where in the text an occurrence ending at byte end (inclusive) starts:
 * the literal's bytes walked back, each space of it standing for a whole
 * run of white space.
 */
static size_t
occurrence_start(const bounce_ruleset *set, const literal *lit,
				 const unsigned char *t, size_t end)
{
	const unsigned char *text = literal_text(set, lit);
	size_t		p = end + 1;
	int			k;

	for (k = lit->len - 1; k >= 0 && p > 0; k--)
	{
		if (text[k] != ' ')
			p--;
		else
			while (p > 0 && set->fold[t[p - 1]] == ' ')
				p--;
	}
	return p;
}

/* A phrase literal occurs at [start, end): is it the branch's match? */
static inline bool
phrase_bounds_hold(const literal *lit, const unsigned char *t, size_t n,
				   size_t start, size_t end)
{
	if (lit->bound_start &&
		(start > 0 && is_word_byte(t[start - 1])) == is_word_byte(t[start]))
		return false;
	if (lit->bound_end &&
		is_word_byte(t[end - 1]) == (end < n && is_word_byte(t[end])))
		return false;
	return true;
}

/* A literal ends at byte end: its branch is a candidate (or a match). */
static inline __attribute__((always_inline)) void
mark_occurrence(const bounce_ruleset *set, bounce_matcher *m,
				uint32_t mark, const unsigned char *t, size_t n,
				size_t end)
{
	candidates *c = &m->found_by_scan;
	const literal *lit;
	uint32_t	b;
	uint64_t	bit;
	size_t		start;

	if ((mark & MARK_KIND) != MARK_PHRASE)
	{
		b = mark >> MARK_SHIFT;
		bit = (uint64_t) 1 << (b & 63);
		if ((mark & MARK_KIND) == MARK_SEEN)
			c->seen[b >> 6] |= bit;	/* b: a seen bit's number */
		else
			c->bits[b >> 6] |= bit;
		return;
	}
	lit = &set->literals[mark >> MARK_SHIFT];
	b = lit->branch;
	bit = (uint64_t) 1 << (b & 63);
	c->bits[b >> 6] |= bit;
	/* a phrase's leftmost occurrence with its word boundaries is its match */
	start = occurrence_start(set, lit, t, end);
	if (phrase_bounds_hold(lit, t, n, start, end + 1) &&
		(!(c->found[b >> 6] & bit) || start < c->found_at[b]))
	{
		c->found[b >> 6] |= bit;
		c->found_at[b] = (uint32_t) start;
		c->found_len[b] = (uint32_t) (end + 1 - start);
	}
}

/*
 * The automaton's move from a state without a full row, or on a class
 * without a column: its edges, else its failure link's, down to a row
 * that has the column or to the root.
 */
static uint32_t
sparse_step(const automaton *a, uint32_t state, uint32_t c)
{
	for (;;)
	{
		uint32_t	link;

		if (state < a->ndense)
		{
			uint32_t	high;

			if (c < a->row_classes)
				return a->rows[(size_t) state * a->row_classes + c];
			/*
			 * Most such states move as the root does (row 0): tested
			 * apart, the root's move is read on the branch's prediction,
			 * not after the row number (30% of the scan on CJK text).
			 */
			high = a->high_row_of[state];
			return a->high_rows[high == 0 ? c - a->row_classes :
								(size_t) high * a->nhigh + c - a->row_classes];
		}
		link = a->links[state];
		if ((link & LINK_CLASS) == c)	/* most deep states have one edge */
			return (state + 1) | DEEP_BIT | (link & LINK_OUT) << 23;
		if (is_list(link))
		{
			uint32_t	e = link >> LINK_FAIL_SHIFT;

			state = a->edge_to[e];	/* the failure state, before the edges */
			for (e++; a->edge_cls[e] != NO_CLASS; e++)
				if (a->edge_cls[e] == c)
					return a->edge_to[e];
		}
		else
			state = link >> LINK_FAIL_SHIFT;
	}
}

/* mark_state's walk where the marks are not copied together (out_next). */
static void __attribute__((noinline))
mark_chain(const bounce_ruleset *set, bounce_matcher *m, uint32_t r,
		   const unsigned char *text, size_t n, size_t i)
{
	const automaton *a = &set->ac;

	for (; r != NO_STATE; r = a->out_next[r])
	{
		uint32_t	k;

		for (k = a->out_first[r]; k < a->out_first[r + 1]; k++)
			mark_occurrence(set, m, a->out_mark16 != NULL ?
							a->out_mark16[k] : a->out_mark[k], text, n, i);
	}
}

/* The literals ending at byte i in state t (it has OUT_BIT), then those of
 * its suffixes: their branches are candidates. */
static void __attribute__((noinline))
mark_state(const bounce_ruleset *set, bounce_matcher *m, uint32_t t,
		   const unsigned char *text, size_t n, size_t i)
{
	const automaton *a = &set->ac;
	uint32_t	r = out_rank_of(a, t),
				k;

	if (a->out_next != NULL)
	{
		mark_chain(set, m, r, text, n, i);
		return;
	}
	if (a->out_mark16 != NULL)
		for (k = a->out_first[r]; k < a->out_first[r + 1]; k++)
			mark_occurrence(set, m, a->out_mark16[k], text, n, i);
	else
		for (k = a->out_first[r]; k < a->out_first[r + 1]; k++)
			mark_occurrence(set, m, a->out_mark[k], text, n, i);
}

/*
 * Mark every branch whose literal occurs in the text: one pass. While the
 * text follows a deep state's one edge, the step is that edge (the next
 * state) without a transition to build and take apart again.
 */
static void
scan_literals(const bounce_ruleset *set, bounce_matcher *m,
			  const unsigned char *t, size_t n)
{
	const automaton *a = &set->ac;
	uint32_t	s = 0;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		uint32_t	c = a->cls[t[i]],
					at = s & ~OUT_BIT;

		if (at < a->rows_end && c < a->row_classes)
			s = a->rows[at + c];
		else
		{
			uint32_t	state = transition_state(a, at),
						link;

			while (state >= a->ndense &&
				   ((link = a->links[state]) & LINK_CLASS) == c)
			{
				state++;
				if (link & LINK_OUT)
					mark_state(set, m, state, t, n, i);
				if (++i == n)
					return;
				c = a->cls[t[i]];
			}
			s = sparse_step(a, state, c);
		}
		if (s & OUT_BIT)
			mark_state(set, m, transition_state(a, s), t, n, i);
	}
}

/*
 * Publish code, compiled on first use, in *slot unless another thread was
 * first: returns the code *slot holds, and frees code when it lost (unless
 * it is keep, which is not this caller's to free).
 */
static pcre2_code *
publish_code(pcre2_code **slot, pcre2_code *code, const pcre2_code *keep)
{
	pcre2_code *none = NULL;

	if (__atomic_compare_exchange_n(slot, &none, code, false,
									__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return code;
	if (code != keep)
		pcre2_code_free(code);
	return none;				/* another thread's */
}

/*
 * A pattern compiled when a text first needs it compiled before (at set-up,
 * or when the library was built): failing now is for want of memory, or a
 * pcre2 at run time that refuses what the build's accepted.
 */
static int
late_compile_error(int pcre2_err)
{
	return BOUNCE_COMPILE_OUT_OF_MEMORY(pcre2_err) ? BOUNCE_ENOMEM :
		BOUNCE_ERULES;
}

/*
 * A JIT-compiled copy of original (other threads may be searching with
 * it): the copy, or original itself when JIT fails (pcre2 says "no
 * memory" also where the system never gives executable memory, so the
 * caller keeps original and does not try again), or NULL when no copy
 * could be made. *jit_size, when asked, is the copy's JIT code (0 for
 * original).
 */
static pcre2_code *
jit_copy(pcre2_code *original, size_t *jit_size)
{
	pcre2_code *code = pcre2_code_copy(original);
	size_t		size = 0;

	if (code == NULL)
		return NULL;
	if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0 ||
		pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size) != 0)
	{
		pcre2_code_free(code);
		code = original;
		size = 0;
	}
	if (jit_size != NULL)
		*jit_size = size;
	return code;
}

/*
 * Rule i's whole pattern, for the reference path: compiled on its first
 * use there (the set, or the build for the built-in rules, checked that
 * it compiles: NULL with *err set, see late_compile_error; *err is
 * BOUNCE_OK otherwise). Threads that race compile it each and keep the
 * first. For a text of JIT_AT_ONCE_BYTES or more (len), a JIT-compiled
 * copy when the set JITs: the interpreter takes seconds to run every
 * rule's whole pattern over 64 KiB of some texts, which only tests and
 * benchmarks ask of it (no JIT_BUDGET: no product path runs these). When
 * JIT fails, the original serves, not tried again.
 */
static pcre2_code *
whole_code(const bounce_ruleset *set, size_t i, size_t len, int *err)
{
	pcre2_code *code = __atomic_load_n(&set->codes[i], __ATOMIC_ACQUIRE),
			   *mine;
	int			pcre2_err;
	size_t		offset;

	*err = BOUNCE_OK;
	if (code == NULL)
	{
		if ((code = compile_one(set->specs[i].pattern, &pcre2_err,
								&offset)) == NULL)
		{
			*err = late_compile_error(pcre2_err);
			return NULL;
		}
		code = publish_code(&set->codes[i], code, NULL);
	}
	if (!set->jit || len < JIT_AT_ONCE_BYTES)
		return code;
	if ((mine = __atomic_load_n(&set->codes[set->count + i],
								__ATOMIC_ACQUIRE)) != NULL)
		return mine;
	if ((mine = jit_copy(code, NULL)) == NULL)
		return code;
	return publish_code(&set->codes[set->count + i], mine, code);
}

/*
 * The compiled form of branch br that searches a text, ASCII or not: its
 * ASCII form for an ASCII text where it has one (while it has none yet,
 * only if the set's BOUNCE_ASCII_FORM_BUDGET is not spent; threads racing
 * past it overshoot by a form each), else its UTF form. A form is
 * compiled when a text first needs it (the UTF form of a caller's
 * branch that is not a phrase was at set-up). A form is JIT-compiled once
 * it has searched JIT_AFTER_SEARCHES texts, or at once for a text of
 * JIT_AT_ONCE_BYTES or more (len), as a copy (other threads may be
 * searching with the original), and kept; threads
 * that race each compile one and keep the first. When JIT fails for it,
 * the original is kept in its place (not tried again); when the copy
 * cannot be made, or the set's JIT_BUDGET is spent, the interpreter runs
 * the original, as without JIT. NULL, with *err set, when a form compiled
 * late fails (*err is BOUNCE_OK otherwise).
 */
static pcre2_code *
branch_code(const bounce_ruleset *set, branch *br, bool ascii, size_t len,
			int *err)
{
	int			form = ascii &&
		__atomic_load_n(&br->ascii_form, __ATOMIC_RELAXED);
	pcre2_code *original,
			   *code,
			   *mine;
	size_t	   *budget_used,
				jit_size = 0;

	*err = BOUNCE_OK;
	/* past the budget a form not compiled yet stays so: UTF serves */
	if (form && __atomic_load_n(&br->ascii_code, __ATOMIC_ACQUIRE) == NULL &&
		__atomic_load_n(&set->ascii_bytes, __ATOMIC_RELAXED) >=
		BOUNCE_ASCII_FORM_BUDGET)
		form = 0;
	/* a form compiled late is published by whichever thread needs it */
	for (;;)
	{
		pcre2_code **slot = form ? &br->ascii_code : &br->code;
		int			pcre2_err;
		size_t		offset;

		if ((original = __atomic_load_n(slot, __ATOMIC_ACQUIRE)) != NULL)
			break;
		if ((mine = compile_part(set->specs[br->rule].pattern + br->src_at,
								 br->src_len,
								 form ? BOUNCE_COMPILE_OPTIONS & ~PCRE2_UTF :
								 BOUNCE_COMPILE_OPTIONS,
								 &pcre2_err, &offset)) != NULL)
		{
			original = publish_code(slot, mine, NULL);
			if (form && original == mine)
			{
				size_t		size = 0;

				(void) pcre2_pattern_info(mine, PCRE2_INFO_SIZE, &size);
				__atomic_fetch_add((size_t *) &set->ascii_bytes, size,
								   __ATOMIC_RELAXED);
			}
			break;
		}
		if (!form || BOUNCE_COMPILE_OUT_OF_MEMORY(pcre2_err))
		{
			*err = late_compile_error(pcre2_err);
			return NULL;
		}
		/* refused without UTF (\x{212A}, say): the UTF form serves */
		__atomic_store_n(&br->ascii_form, false, __ATOMIC_RELAXED);
		form = 0;
	}
	if (!set->jit)
		return original;
	code = __atomic_load_n(&br->jit[form], __ATOMIC_ACQUIRE);
	if (code != NULL)
		return code;
	budget_used = (size_t *) &set->jit_bytes;	/* the set's one counter */
	if (__atomic_load_n(budget_used, __ATOMIC_RELAXED) >= JIT_BUDGET ||
		(len < JIT_AT_ONCE_BYTES &&
		 __atomic_fetch_add(&br->searches[form], 1, __ATOMIC_RELAXED) <
		 JIT_AFTER_SEARCHES) ||
		(mine = jit_copy(original, &jit_size)) == NULL)
		return original;
	if ((code = publish_code(&br->jit[form], mine, original)) == mine)
		__atomic_fetch_add(budget_used, jit_size, __ATOMIC_RELAXED);
	return code;
}

void
bounce_ruleset_jit_all(const bounce_ruleset *set)
{
	size_t		i;
	int			form;

	/* as a long text would, at once */
	for (i = 0; i < set->nbranches; i++)
		for (form = 0; form < 2; form++)
		{
			int			err;

			(void) branch_code(set, &set->branches[i], form == 1,
							   JIT_AT_ONCE_BYTES, &err);
		}
}

/* The result of one regex search: 1 match, 0 none, or a BOUNCE_ error. */
static int
search(const bounce_ruleset *set, bounce_matcher *m, pcre2_code *code,
	   const char *text, size_t len, size_t *mstart, size_t *mlen,
	   bool *limit_hit)
{
	int			rc;

	m->searches++;
	rc = pcre2_match(code, (PCRE2_SPTR) text, len, 0, PCRE2_NO_UTF_CHECK,
					 m->md, set->mctx);

	if (rc >= 0)
	{
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);

		*mstart = ov[0];
		*mlen = ov[1] >= ov[0] ? ov[1] - ov[0] : 0;
		return 1;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_NOMEMORY)
		return BOUNCE_ENOMEM;
	/* match/depth/heap limit, JIT stack: a defined "no match" */
	*limit_hit = true;
	return 0;
}

/* The bits of bitset word w that stand for branches in [first, end). */
static inline uint64_t
word_range(size_t w, size_t first, size_t end)
{
	uint64_t	mask = ~(uint64_t) 0;

	if (w == first >> 6)
		mask &= ~(uint64_t) 0 << (first & 63);
	if (w == (end - 1) >> 6 && (end & 63) != 0)
		mask &= ((uint64_t) 1 << (end & 63)) - 1;
	return mask;
}

/* Does a literal of branch b's second requirement occur? */
static inline bool
second_met(const candidates *c, size_t b)
{
	uint32_t	k;

	for (k = c->second_first[b]; k < c->second_first[b + 1]; k++)
	{
		uint32_t	seen = c->second_seen[k];

		if ((c->seen[seen >> 6] >> (seen & 63)) & 1)
			return true;
	}
	return false;
}

/*
 * Run the candidate branches of rule r (bits set in [first, end)); the
 * leftmost match wins, the lowest branch on a tie, as in the alternation.
 * A phrase branch is decided by the scan (when it ran: phrases_found).
 */
static int
try_branches(const bounce_ruleset *set, bounce_matcher *m,
			 const candidates *c, size_t r, const char *text, size_t len,
			 bool ascii, bounce_codectx *ctx, bool phrases_found,
			 size_t *mstart, size_t *mlen, bool *limit_hit)
{
	size_t		first = set->first_branch[r],
				end = set->first_branch[r + 1],
				w;
	bool		found = false;

	if (!bounce_when_holds(set->specs[r].when, ctx))
		return 0;
	for (w = first >> 6; first < end && w <= (end - 1) >> 6; w++)
	{
		uint64_t	bits = c->bits[w] & word_range(w, first, end);

		for (; bits != 0; bits &= bits - 1)
		{
			size_t		b = w * 64 + (size_t) __builtin_ctzll(bits),
						s,
						l;
			int			rc;

			if (phrases_found && set->branches[b].phrase)
			{
				if (!((c->found[b >> 6] >> (b & 63)) & 1))
					continue;		/* its words occur, not as a phrase */
				s = c->found_at[b];
				l = c->found_len[b];
				rc = 1;
			}
			else if (phrases_found && set->branches[b].has_second &&
					 !second_met(c, b))
				continue;			/* its second requirement is missing */
			else
			{
				int			err;
				pcre2_code *code = branch_code(set, &set->branches[b],
											   ascii, len, &err);

				rc = code != NULL ? search(set, m, code, text, len, &s, &l,
										   limit_hit) : err;
			}
			if (rc < 0)
				return rc;
			if (rc > 0 && (!found || s < *mstart))
			{
				*mstart = s;
				*mlen = l;
				found = true;
			}
		}
	}
	return found ? 1 : 0;
}

/* The part of c from branch first on (a multiple of 64). */
static candidates
candidates_from(const candidates *c, uint32_t first)
{
	candidates	part;

	part.bits = c->bits + first / 64;
	part.seen = c->seen;		/* the scan's, whole */
	part.second_first = c->second_first + first;
	part.second_seen = c->second_seen;
	part.found = c->found + first / 64;
	part.found_at = c->found_at + first;
	part.found_len = c->found_len + first;
	return part;
}

/*
 * Before a scan: no candidate but the branches without a literal. The
 * seen bits are reset by the scanning set (scanner), whose they are.
 */
static void
candidates_reset(candidates *c, const bounce_ruleset *set, bool phrases_found,
				 bool scanner)
{
	size_t		i;

	if (!phrases_found)
	{
		/* every branch runs its regex */
		memset(c->bits, 0xFF, set->nwords * sizeof(uint64_t));
		return;
	}
	memset(c->bits, 0, set->nwords * sizeof(uint64_t));
	memset(c->found, 0, set->nwords * sizeof(uint64_t));
	if (scanner)
	{
		memset(c->seen, 0, set->nseen_words * sizeof(uint64_t));
		c->second_first = set->second_first;
		c->second_seen = set->second_seen;
	}
	for (i = 0; i < set->nalways; i++)
		c->bits[set->always[i] >> 6] |= (uint64_t) 1 << (set->always[i] & 63);
}

int
bounce_ruleset_match(const bounce_ruleset *set, bounce_matcher *m,
					 const bounce_subject *subject, bounce_codectx *ctx,
					 bool use_prefilter, bool scanned, long *index,
					 size_t *mstart, size_t *mlen, bool *limit_hit)
{
	const char *text = subject->text;
	const unsigned char *t = (const unsigned char *) text;
	size_t		len = subject->len,
				w,
				i;
	int			rc;
	bool		phrases_found,
				ascii = subject->ascii;
	candidates	c;			/* the scan's bitsets, from this set's branch 0 */
	const bounce_ruleset *over = m->scanned_over;

	/* what a scan found for a base set serves the very next call only */
	m->scanned_over = NULL;
	*index = -1;
	if (set->count == 0 || text == NULL)
		return BOUNCE_OK;
	if (!use_prefilter)
	{
		/* the reference: every rule's whole pattern, in order */
		for (i = 0; i < set->count; i++)
		{
			pcre2_code *code;
			int			err;
			bool		hit = false;

			if (!bounce_when_holds(set->specs[i].when, ctx))
				continue;
			if ((code = whole_code(set, i, len, &err)) == NULL)
				return err;
			rc = search(set, m, code, text, len, mstart, mlen, &hit);
			/* a limit of the JIT (its stack): the interpreter's decide */
			if (rc == 0 && hit && code != set->codes[i])
			{
				hit = false;
				rc = search(set, m, set->codes[i], text, len, mstart, mlen,
							&hit);
			}
			*limit_hit = *limit_hit || hit;
			if (rc < 0)
				return rc;
			if (rc > 0)
			{
				*index = (long) i;
				return BOUNCE_OK;
			}
		}
		return BOUNCE_OK;
	}
	if (scanned && over != NULL && over->base == set)
	{
		/* the scan of a set compiled over this one found its candidates */
		c = candidates_from(&m->found_by_scan, base_branch(over));
		phrases_found = m->scanned_phrases;
	}
	else
	{
		phrases_found = !subject->unfoldable;
		candidates_reset(&m->found_by_scan, set, phrases_found, true);
		c = m->found_by_scan;
		if (set->base != NULL)
		{
			candidates	base_part = candidates_from(&m->found_by_scan,
													base_branch(set));

			candidates_reset(&base_part, set->base, phrases_found, false);
			m->scanned_over = set;
			m->scanned_phrases = phrases_found;
		}
		if (phrases_found)
			scan_literals(set, m, t, len);
	}
	for (w = 0; w < set->nwords; w++)
	{
		while (c.bits[w] != 0)
		{
			size_t		b = w * 64 + (size_t) __builtin_ctzll(c.bits[w]);
			size_t		r,
						next,
						end;

			if (b >= set->nbranches)
				break;
			r = set->branches[b].rule;
			rc = try_branches(set, m, &c, r, text, len, ascii, ctx,
							  phrases_found, mstart, mlen, limit_hit);
			if (rc < 0)
				return rc;
			if (rc > 0)
			{
				*index = (long) r;
				return BOUNCE_OK;
			}
			/* the rule's branches are done: clear them and go on */
			end = set->first_branch[r + 1];
			for (next = b >> 6; next <= (end - 1) >> 6; next++)
				c.bits[next] &= ~word_range(next, b, end);
			w = b >> 6;
		}
	}
	return BOUNCE_OK;
}
