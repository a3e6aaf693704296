/*
 * ruleset.c: compile rules and find the first one that matches a text.
 *
 * A rule set is an ordered list of pcre2 patterns (order = precedence).
 * Trying every pattern in turn costs one regex search per rule; instead each
 * rule's required literals (factor.c) are indexed by one 4-byte "gram" each
 * (3 bytes for three-letter literals such as "spf"), and one pass over the
 * text looks every window up in a 64 Kbit bitmap of those grams. Only on a
 * bitmap hit is the gram looked up in a hash table and the whole literal
 * compared, which marks its rule as a candidate. The candidates' regexes
 * then run in precedence order and the first that matches wins, exactly as
 * trying every rule in order would decide, because a rule none of whose
 * required literals occurs cannot match. The scan costs the same whatever
 * the number of rules; the regex work is a handful of confirmations.
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
 * checked for its word boundaries and mapped back to the original text.
 *
 * Branches without a usable literal (all literals shorter than 3 bytes)
 * are always candidates; "make lint-rules" lists them.
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

#define GRAM		4
#define GRAM_MIN	3			/* shortest literal indexed (see build_index) */
#define BLOOM_BITS	16			/* 64 Kbit = 8 KiB bitmap per gram length */

/* pcre2 limits: no rule needs more; a hit is treated as "no match". */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	2000

typedef struct literal
{
	uint32_t	gram;			/* the 4 folded bytes at gram_off */
	uint32_t	branch;			/* index of the branch it belongs to */
	uint16_t	gram_off;
	uint8_t		len;
	bool		second;			/* of the branch's second requirement */
	bool		phrase;			/* an occurrence is the branch's match ... */
	bool		bound_start;	/* ... given a word boundary before it */
	bool		bound_end;		/* ... and after it */
	unsigned char text[BOUNCE_FACTOR_LEN];	/* folded */
} literal;

/* A slot of the gram table: the gram itself, so a miss reads one slot. */
typedef struct gram_slot
{
	uint32_t	gram;
	uint32_t	first;			/* index + 1 of its first literal; 0: free */
} gram_slot;

typedef struct branch
{
	pcre2_code *code;
	uint32_t	rule;
	bool		phrase;			/* decided by the scan alone */
	bool		has_second;		/* also needs a literal of a second set */
} branch;

struct bounce_ruleset
{
	size_t		count;
	const bounce_rule_spec *specs;
	pcre2_code **codes;			/* whole patterns (reference path) */
	branch	   *branches;		/* rule by rule, in order */
	size_t		nbranches;
	uint32_t   *first_branch;	/* per rule; [count] == nbranches */
	pcre2_match_context *mctx;
	uint64_t	bloom[(1u << BLOOM_BITS) / 64];		/* 4-byte grams */
	literal    *tail3;			/* 3-byte literals, for the text's end */
	size_t		ntail3;
	unsigned char fold[256];	/* bounce_fold as a table */
	literal    *literals;		/* sorted by gram */
	size_t		nliterals;
	gram_slot  *slots;			/* open addressing over distinct grams */
	size_t		slot_mask;
	uint32_t   *always;			/* branches without a usable literal */
	size_t		nalways;
	size_t		nwords;			/* candidate bitset words (per branch) */
};

struct bounce_matcher
{
	pcre2_match_data *md;
	uint64_t   *bits;
	size_t		nwords;
	char	   *clean;			/* copy of an invalid UTF-8 text, repaired */
	size_t		clean_size;
	unsigned char *folded;		/* the text as the prefilter scans it */
	size_t		folded_size;
	uint64_t   *seconds;		/* branches whose second requirement holds */
	uint64_t   *found;			/* phrase branches seen in the text, ... */
	uint32_t   *found_at;		/* ... their leftmost occurrence ... */
	uint32_t   *found_len;		/* ... and its length (folded text) */
	size_t		nfound;			/* entries in found_at / found_len */
	unsigned long searches;		/* regex searches run (for benchmarks) */
};

static inline uint32_t
load_gram(const unsigned char *p)
{
	uint32_t	w;

	memcpy(&w, p, sizeof(w));
	return w;
}

static inline uint32_t
gram_hash(uint32_t w)
{
	return (w * 0x9E3779B1u) >> (32 - BLOOM_BITS);
}

/* How common a folded byte is in bounce texts (rough English letter
 * frequencies); a gram made of rare bytes makes a sharper filter. */
static int
byte_weight(unsigned char c)
{
	static const unsigned char letters[26] = {
		/* a  b  c  d   e  f  g  h  i  j  k  l  m  n  o  p  q  r  s  t  u  v  w  x  y  z */
		8, 2, 3, 4, 12, 2, 2, 6, 7, 1, 1, 4, 3, 7, 8, 2, 1, 6, 6, 9, 3, 1, 2, 1, 2, 1
	};

	if (c >= 'a' && c <= 'z')
		return letters[c - 'a'];
	if (c == ' ')
		return 40;				/* word boundaries are everywhere */
	return 1;
}

/*
 * Grams already chosen, counted, so that literals spread over many grams:
 * each bitmap hit then leads to one or two literal comparisons. An
 * open-addressing table used only while the index is built; it doubles
 * before it is half full, so a rule set of any size fits.
 */
typedef struct gram_count
{
	uint32_t   *keys;
	uint32_t   *counts;			/* 0: the slot is free */
	size_t		mask;
	size_t		used;
} gram_count;

#define GRAM_COUNT_MAX 64

static bool
gram_count_init(gram_count *gc)
{
	gc->mask = 8191;
	gc->used = 0;
	gc->keys = calloc(gc->mask + 1, sizeof(uint32_t));
	gc->counts = calloc(gc->mask + 1, sizeof(uint32_t));
	return gc->keys != NULL && gc->counts != NULL;
}

static void
gram_count_free(gram_count *gc)
{
	free(gc->keys);
	free(gc->counts);
}

static size_t
gram_count_find(const gram_count *gc, uint32_t gram)
{
	size_t		h = gram_hash(gram);

	/* the table is never more than half full, so a free slot ends this */
	while (gc->counts[h & gc->mask] != 0 && gc->keys[h & gc->mask] != gram)
		h++;
	return h & gc->mask;
}

static uint32_t
gram_count_get(const gram_count *gc, uint32_t gram)
{
	return gc->counts[gram_count_find(gc, gram)];
}

/* Count one more literal indexed under gram; false when out of memory. */
static bool
gram_count_add(gram_count *gc, uint32_t gram)
{
	size_t		i;

	if ((gc->used + 1) * 2 > gc->mask + 1)
	{
		gram_count	bigger;
		size_t		k;

		bigger.mask = gc->mask * 2 + 1;
		bigger.used = gc->used;
		bigger.keys = calloc(bigger.mask + 1, sizeof(uint32_t));
		bigger.counts = calloc(bigger.mask + 1, sizeof(uint32_t));
		if (bigger.keys == NULL || bigger.counts == NULL)
		{
			gram_count_free(&bigger);
			return false;
		}
		for (k = 0; k <= gc->mask; k++)
			if (gc->counts[k] != 0)
			{
				i = gram_count_find(&bigger, gc->keys[k]);
				bigger.keys[i] = gc->keys[k];
				bigger.counts[i] = gc->counts[k];
			}
		gram_count_free(gc);
		*gc = bigger;
	}
	i = gram_count_find(gc, gram);
	if (gc->counts[i] == 0)
	{
		gc->keys[i] = gram;
		gc->used++;
	}
	if (gc->counts[i] < GRAM_COUNT_MAX)
		gc->counts[i]++;
	return true;
}

/*
 * The window of a literal to index: rare letters, not part of a word found
 * in most bounce texts, and not yet taken by many other literals.
 */
static int
best_gram_offset(const unsigned char *text, int len, int gram,
				 gram_count *taken, const bounce_fragments *common)
{
	int			best = 0,
				best_weight = 1 << 30,
				i;

	for (i = 0; i + gram <= len; i++)
	{
		int			w = 0,
					k;
		uint32_t	key;

		for (k = 0; k < gram; k++)
			w += byte_weight(text[i + k]);
		if (bounce_common_fragment(common, text + i, gram))
			w += 100;
		w += bounce_gram_frequency(text + i) / 2;
		key = load_gram(text + i);
		w += 25 * (int) gram_count_get(taken, key);
		if (w < best_weight)
		{
			best_weight = w;
			best = i;
		}
	}
	return best;
}

static int
literal_cmp(const void *a, const void *b)
{
	const literal *x = a,
			   *y = b;

	if (x->gram != y->gram)
		return x->gram < y->gram ? -1 : 1;
	return x->branch < y->branch ? -1 : x->branch > y->branch;
}

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

/* Append a literal to the index; false when out of memory. */
static bool
add_literal(bounce_ruleset *set, const literal *lit, size_t *cap)
{
	if (set->nliterals == *cap)
	{
		size_t		ncap = *cap ? *cap * 2 : 256;
		literal    *grown = realloc(set->literals, ncap * sizeof(literal));

		if (grown == NULL)
			return false;
		set->literals = grown;
		*cap = ncap;
	}
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
			 size_t *cap, gram_count *taken, const bounce_fragments *common)
{
	int			k;

	if (f->count2 == 0 || set->branches[b].phrase)
		return true;
	for (k = 0; k < f->count2; k++)
		if (f->len2[k] < GRAM)
			return true;
	for (k = 0; k < f->count2; k++)
	{
		literal		lit;

		memset(&lit, 0, sizeof(lit));
		lit.branch = b;
		lit.second = true;
		lit.len = (uint8_t) f->len2[k];
		memcpy(lit.text, f->text2[k], f->len2[k]);
		lit.gram_off = (uint16_t) best_gram_offset(lit.text, lit.len, GRAM,
													taken, common);
		lit.gram = load_gram(lit.text + lit.gram_off);
		if (!add_literal(set, &lit, cap))
			return false;
	}
	set->branches[b].has_second = true;
	return true;
}

/* Index the literals of every branch; false when out of memory. */
static bool
build_index(bounce_ruleset *set, char **patterns)
{
	size_t		cap = 0,
				i,
				nslots;
	bounce_factors *f = malloc(sizeof(*f));
	gram_count	taken;
	bounce_fragments *common = bounce_fragments_new();
	bool		can_follow[256];	/* bytes a folded text can hold */
	int			c;

	memset(can_follow, 0, sizeof(can_follow));
	for (c = 0; c < 256; c++)
	{
		set->fold[c] = bounce_fold((unsigned char) c);
		can_follow[set->fold[c]] = true;
	}

	if (!gram_count_init(&taken) || f == NULL || common == NULL)
	{
		free(f);
		gram_count_free(&taken);
		bounce_fragments_free(common);
		return false;
	}
	set->always = malloc(sizeof(uint32_t) * (set->nbranches ? set->nbranches : 1));
	if (set->always == NULL)
	{
		free(f);
		gram_count_free(&taken);
		bounce_fragments_free(common);
		return false;
	}
	for (i = 0; i < set->nbranches; i++)
	{
		int			k;
		bool		usable;

		bounce_pattern_factors(patterns[i], f);
		usable = f->count > 0;
		for (k = 0; k < f->count; k++)
			usable = usable && f->len[k] >= GRAM_MIN;
		/* a phrase is decided by the scan, so it must be scanned for */
		set->branches[i].phrase = f->phrase && usable;
		if (!usable)
		{
			set->always[set->nalways++] = (uint32_t) i;
			continue;
		}
		for (k = 0; k < f->count; k++)
		{
			literal		lit;
			int			v;

			memset(&lit, 0, sizeof(lit));
			lit.branch = (uint32_t) i;
			lit.len = (uint8_t) f->len[k];
			lit.phrase = set->branches[i].phrase;
			lit.bound_start = f->bound_start;
			lit.bound_end = f->bound_end;
			memcpy(lit.text, f->text[k], f->len[k]);
			if (lit.len >= GRAM)
			{
				lit.gram_off = (uint16_t) best_gram_offset(lit.text, lit.len,
															GRAM, &taken,
															common);
				lit.gram = load_gram(lit.text + lit.gram_off);
				if (!gram_count_add(&taken, lit.gram) ||
					!add_literal(set, &lit, &cap))
					goto oom;
				continue;
			}

			/*
			 * A 3-byte literal is indexed under every 4-byte window it can
			 * start (one per byte the folded text can hold after it), so
			 * the scan tests one bitmap per position; at the very end of a
			 * text, where no fourth byte follows, tail3 is checked.
			 */
			for (v = 0; v < 256; v++)
			{
				unsigned char window[4];

				if (!can_follow[v])
					continue;
				memcpy(window, lit.text, 3);
				window[3] = (unsigned char) v;
				lit.gram = load_gram(window);
				if (!add_literal(set, &lit, &cap))
					goto oom;
			}
			{
				literal    *grown = realloc(set->tail3, (set->ntail3 + 1) *
											sizeof(literal));

				if (grown == NULL)
					goto oom;
				set->tail3 = grown;
				set->tail3[set->ntail3++] = lit;
			}
		}
		if (!index_second(set, f, (uint32_t) i, &cap, &taken, common))
			goto oom;
	}
	free(f);
	gram_count_free(&taken);
	bounce_fragments_free(common);
	f = NULL;
	if (set->nliterals > 0)
		qsort(set->literals, set->nliterals, sizeof(literal), literal_cmp);

	/* hash table over distinct grams: slot -> first literal with it */
	for (nslots = 64; nslots < set->nliterals * 2; nslots *= 2)
		;
	set->slots = calloc(nslots, sizeof(gram_slot));
	if (set->slots == NULL)
		return false;
	set->slot_mask = nslots - 1;
	for (i = 0; i < set->nliterals; i++)
	{
		uint32_t	h;

		if (i > 0 && set->literals[i].gram == set->literals[i - 1].gram)
			continue;
		h = gram_hash(set->literals[i].gram);
		set->bloom[h >> 6] |= (uint64_t) 1 << (h & 63);
		while (set->slots[h & set->slot_mask].first != 0)
			h++;
		set->slots[h & set->slot_mask].gram = set->literals[i].gram;
		set->slots[h & set->slot_mask].first = (uint32_t) (i + 1);
	}
	return true;

oom:
	free(f);
	gram_count_free(&taken);
	bounce_fragments_free(common);
	return false;
}

/*
 * Split a pattern at its top-level '|' into *n branch copies (malloc'd).
 * A pattern that sets options at top level ("(?i)...") stays whole, since
 * the setting would not reach the later branches once they are split.
 * Returns NULL when out of memory.
 */
static char **
split_branches(const char *pattern, size_t *n)
{
	size_t		len = strlen(pattern),
				count = 1,
				i,
				start = 0,
				k = 0;
	int			depth = 0;
	bool		in_class = false,
				quoted = false,
				whole = false;
	size_t	   *cuts;
	char	  **out;

	/* first pass: find the top-level bars */
	cuts = malloc(sizeof(size_t) * (len + 2));
	if (cuts == NULL)
		return NULL;
	for (i = 0; i < len; i++)
	{
		char		c = pattern[i];

		if (quoted)
		{
			if (c == '\\' && pattern[i + 1] == 'E')
				quoted = false, i++;
			continue;
		}
		if (c == '\\')
		{
			if (pattern[i + 1] == 'Q')
				quoted = true;
			i++;
			continue;
		}
		if (in_class)
		{
			if (c == '[' && pattern[i + 1] == ':')
			{
				const char *end = strstr(pattern + i + 2, ":]");

				if (end != NULL)
					i = (size_t) (end - pattern) + 1;
			}
			else if (c == ']')
				in_class = false;
			continue;
		}
		if (c == '[')
		{
			in_class = true;
			if (pattern[i + 1] == '^')
				i++;
			if (pattern[i + 1] == ']')
				i++;
		}
		else if (c == '(')
		{
			if (depth == 0 && pattern[i + 1] == '?' &&
				strchr("iJmnsxU-^", pattern[i + 2]) != NULL && pattern[i + 2])
				whole = true;	/* a top-level option setting */
			depth++;
		}
		else if (c == ')')
			depth--;
		else if (c == '|' && depth == 0)
			cuts[k++] = i;
	}
	/* a leading (*VERB) such as (*UCP) applies to the whole pattern, and
	 * \K moves a match's start, so the leftmost branch is no longer the
	 * one the alternation picks: keep such patterns whole */
	if (strncmp(pattern, "(*", 2) == 0 || strstr(pattern, "\\K") != NULL)
		whole = true;
	if (whole || depth != 0)
		k = 0;
	count = k + 1;
	out = calloc(count, sizeof(char *));
	if (out == NULL)
	{
		free(cuts);
		return NULL;
	}
	cuts[k] = len;
	for (i = 0; i < count; i++)
	{
		size_t		end = cuts[i];

		out[i] = malloc(end - start + 1);
		if (out[i] == NULL)
		{
			while (i > 0)
				free(out[--i]);
			free(out);
			free(cuts);
			return NULL;
		}
		memcpy(out[i], pattern + start, end - start);
		out[i][end - start] = '\0';
		start = end + 1;
	}
	free(cuts);
	*n = count;
	return out;
}

/*
 * Patterns are UTF-8 and caseless. Texts are always valid UTF-8 by the time
 * they are matched (see bounce_ruleset_match), so no pcre2 UTF check runs.
 */
#define COMPILE_OPTIONS (PCRE2_CASELESS | PCRE2_UTF | PCRE2_DOTALL | \
						 PCRE2_NO_AUTO_CAPTURE | PCRE2_NEVER_BACKSLASH_C)

/* Compile one pattern (JIT comes later, where wanted); NULL on failure. */
static pcre2_code *
compile_one(const char *pattern, int *code, size_t *offset)
{
	pcre2_code *re;
	PCRE2_SIZE	off = 0;

	re = pcre2_compile((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
					   COMPILE_OPTIONS, code, &off, NULL);
	*offset = off;
	return re;
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
	if (code == PCRE2_ERROR_NOMEMORY)
		return BOUNCE_ENOMEM;
	if (errbuf != NULL && errlen > 0)
		describe_pcre2_error(errbuf, errlen, code, offset);
	return BOUNCE_ERULES;
}

bounce_ruleset *
bounce_ruleset_compile(const bounce_rule_spec *specs, size_t count,
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
	set->codes = calloc(count ? count : 1, sizeof(pcre2_code *));
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
					k;
		char	  **parts;

		/* the whole pattern serves the reference path only: no JIT */
		set->codes[i] = compile_one(specs[i].pattern, &code, &offset);
		if (set->codes[i] == NULL)
		{
			if (code == PCRE2_ERROR_NOMEMORY)
				goto fail;
			*err = BOUNCE_ERULES;
			describe_error(errbuf, errlen, &specs[i], code, offset);
			goto fail;
		}
		if ((parts = split_branches(specs[i].pattern, &nparts)) == NULL)
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
		for (k = 0; k < nparts; k++)
		{
			branch	   *br = &set->branches[set->nbranches];

			memset(br, 0, sizeof(*br));
			br->rule = (uint32_t) i;
			br->code = compile_one(parts[k], &code, &offset);
			patterns[set->nbranches++] = parts[k];
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
			if (code == PCRE2_ERROR_NOMEMORY)
			{
				free(parts);
				goto fail;
			}
			br = &set->branches[set->nbranches];
			memset(br, 0, sizeof(*br));
			br->rule = (uint32_t) i;
			br->code = compile_one(specs[i].pattern, &code, &offset);
			patterns[set->nbranches] = strdup(specs[i].pattern);
			if (br->code == NULL || patterns[set->nbranches] == NULL)
			{
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
	if (!build_index(set, patterns))
		goto fail;
	/*
	 * JIT only where the regex runs: a phrase branch is decided by the scan
	 * and searched only in the rare texts whose case folding the scan
	 * cannot do, so its machine code would be memory for nothing. Without
	 * JIT the interpreter runs the same pattern, only slower.
	 */
	for (i = 0; jit && i < set->nbranches; i++)
		if (!set->branches[i].phrase)
			(void) pcre2_jit_compile(set->branches[i].code, PCRE2_JIT_COMPLETE);
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
			pcre2_code_free(set->codes[i]);
	free(set->codes);
	if (set->branches)
		for (i = 0; i < set->nbranches; i++)
			pcre2_code_free(set->branches[i].code);
	free(set->branches);
	free(set->first_branch);
	pcre2_match_context_free(set->mctx);
	free(set->literals);
	free(set->tail3);
	free(set->slots);
	free(set->always);
	free(set);
}

size_t
bounce_ruleset_size(const bounce_ruleset *set)
{
	return set ? set->count : 0;
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

void
bounce_matcher_free(bounce_matcher *matcher)
{
	if (matcher == NULL)
		return;
	pcre2_match_data_free(matcher->md);
	free(matcher->bits);
	free(matcher->clean);
	free(matcher->folded);
	free(matcher->seconds);
	free(matcher->found);
	free(matcher->found_at);
	free(matcher->found_len);
	free(matcher);
}

unsigned long
bounce_matcher_searches(const bounce_matcher *matcher)
{
	return matcher->searches;
}

int
bounce_matcher_reserve(bounce_matcher *matcher, const bounce_ruleset *set)
{
	if (matcher->nwords < set->nwords)
	{
		uint64_t   *bits = realloc(matcher->bits,
								   set->nwords * sizeof(uint64_t));

		if (bits == NULL)
			return BOUNCE_ENOMEM;
		matcher->bits = bits;
		bits = realloc(matcher->found, set->nwords * sizeof(uint64_t));
		if (bits == NULL)
			return BOUNCE_ENOMEM;
		matcher->found = bits;
		bits = realloc(matcher->seconds, set->nwords * sizeof(uint64_t));
		if (bits == NULL)
			return BOUNCE_ENOMEM;
		matcher->seconds = bits;
		matcher->nwords = set->nwords;
	}
	if (matcher->nfound < set->nbranches)
	{
		uint32_t   *at = realloc(matcher->found_at,
								 set->nbranches * sizeof(uint32_t));

		if (at == NULL)
			return BOUNCE_ENOMEM;
		matcher->found_at = at;
		at = realloc(matcher->found_len, set->nbranches * sizeof(uint32_t));
		if (at == NULL)
			return BOUNCE_ENOMEM;
		matcher->found_len = at;
		matcher->nfound = set->nbranches;
	}
	return BOUNCE_OK;
}

/*
 * Characters pcre2 matches caselessly against ASCII letters without sharing
 * their folded bytes: U+212A KELVIN SIGN (k), U+017F LONG S (s), and the
 * Cyrillic letters' rounded forms U+1C80..U+1C88. A text holding one is
 * matched without the prefilter, so the answer stays the reference one.
 */
static bool
has_fold_exceptions(const unsigned char *t, size_t n)
{
	unsigned char high = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		high |= t[i];
	if (!(high & 0x80))
		return false;
	for (i = 0; i + 1 < n; i++)
	{
		if (t[i] == 0xC5 && t[i + 1] == 0xBF)
			return true;
		if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0x84 && t[i + 2] == 0xAA)
			return true;
		if (i + 2 < n && t[i] == 0xE1 && t[i + 1] == 0xB2 &&
			t[i + 2] >= 0x80 && t[i + 2] <= 0x88)
			return true;
	}
	return false;
}

/* A word character for \b (pcre2 without UCP); folded text keeps them. */
static inline bool
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		(c >= 'A' && c <= 'Z');
}

/* A phrase literal occurs at [start, start+len): is it the branch's match? */
static inline bool
phrase_bounds_hold(const literal *lit, const unsigned char *t, size_t n,
				   size_t start)
{
	size_t		end = start + lit->len;

	if (lit->bound_start &&
		(start > 0 && is_word_byte(t[start - 1])) == is_word_byte(t[start]))
		return false;
	if (lit->bound_end &&
		is_word_byte(t[end - 1]) == (end < n && is_word_byte(t[end])))
		return false;
	return true;
}

/* A literal occurs at start: its branch is a candidate (or a match). */
static inline void
mark_occurrence(const bounce_ruleset *set, bounce_matcher *m,
				const literal *lit, const unsigned char *t, size_t n,
				size_t start)
{
	uint32_t	b = lit->branch;
	uint64_t	bit = (uint64_t) 1 << (b & 63);

	if (lit->second)
	{
		m->seconds[b >> 6] |= bit;
		return;
	}
	m->bits[b >> 6] |= bit;
	/* a phrase's leftmost occurrence with its word boundaries is its match */
	if (lit->phrase && phrase_bounds_hold(lit, t, n, start) &&
		(!(m->found[b >> 6] & bit) || start < m->found_at[b]))
	{
		m->found[b >> 6] |= bit;
		m->found_at[b] = (uint32_t) start;
		m->found_len[b] = lit->len;
	}
}

/* Mark the branches of every literal whose gram is w and occurs at i. */
static void
mark_gram(const bounce_ruleset *set, bounce_matcher *m,
		  const unsigned char *t, size_t n, size_t i, uint32_t w)
{
	uint32_t	h = gram_hash(w);
	const gram_slot *slot;
	size_t		k;

	for (;; h++)
	{
		slot = &set->slots[h & set->slot_mask];
		if (slot->first == 0)
			return;
		if (slot->gram == w)
			break;
	}
	for (k = slot->first - 1; k < set->nliterals && set->literals[k].gram == w; k++)
	{
		const literal *lit = &set->literals[k];
		size_t		start,
					j;

		if (i < lit->gram_off)
			continue;
		start = i - lit->gram_off;
		if (start + lit->len > n)
			continue;
		/* eight bytes at a time, then the rest */
		for (j = 0; j + 8 <= lit->len; j += 8)
		{
			uint64_t	a,
						c;

			memcpy(&a, t + start + j, 8);
			memcpy(&c, lit->text + j, 8);
			if (a != c)
				break;
		}
		if (j + 8 <= lit->len)
			continue;
		for (; j < lit->len; j++)
			if (t[start + j] != lit->text[j])
				break;
		if (j == lit->len)
			mark_occurrence(set, m, lit, t, n, start);
	}
}

/*
 * Fold a text as the literals are folded, white-space runs collapsed to one
 * space, into out (which has room for n bytes); returns the new length.
 */
static size_t
fold_text(const unsigned char *fold, const unsigned char *t, size_t n,
		  unsigned char *out)
{
	size_t		i,
				o = 0;
	unsigned char last = 0;

	for (i = 0; i < n; i++)
	{
		unsigned char c = fold[t[i]];

		if (c == ' ' && last == ' ')
			continue;
		out[o++] = c;
		last = c;
	}
	return o;
}

/* Mark every branch whose literal occurs in the folded text t. */
static void
scan_literals(const bounce_ruleset *set, bounce_matcher *m,
			  const unsigned char *t, size_t n)
{
	const uint64_t *bloom = set->bloom;
	size_t		i,
				k;

	if (n < GRAM_MIN || set->nliterals == 0)
		return;
	for (i = 0; i + GRAM <= n; i++)
	{
		uint32_t	w = load_gram(t + i);
		uint32_t	h = gram_hash(w);

		if ((bloom[h >> 6] >> (h & 63)) & 1)
			mark_gram(set, m, t, n, i, w);
	}
	/* a 3-byte literal ending the text has no 4-byte window of its own */
	for (k = 0; k < set->ntail3; k++)
	{
		const literal *lit = &set->tail3[k];

		if (memcmp(t + n - 3, lit->text, 3) == 0)
			mark_occurrence(set, m, lit, t, n, n - 3);
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

/*
 * Map a span of the folded text back to the original: fold_text's walk is
 * replayed up to the span's end. A phrase neither starts nor ends with a
 * space, so both ends fall on bytes that were copied, not collapsed.
 */
static void
unfold_span(const unsigned char *t, size_t n, size_t fstart, size_t flen,
			size_t *start, size_t *len)
{
	size_t		i,
				o = 0,
				fend = fstart + flen;
	bool		space = false;

	*start = 0;
	for (i = 0; i < n; i++)
	{
		bool		is_space = bounce_fold(t[i]) == ' ';

		if (is_space && space)
			continue;
		space = is_space;
		if (o == fstart)
			*start = i;
		if (++o == fend)
		{
			*len = i + 1 - *start;
			return;
		}
	}
	*len = n - *start;
}

/*
 * Run the candidate branches of rule r (bits set in [first, end)); the
 * leftmost match wins, the lowest branch on a tie, as in the alternation.
 * A phrase branch is decided by the scan (when it ran: phrases_found).
 */
static int
try_branches(const bounce_ruleset *set, bounce_matcher *m, size_t r,
			 const char *text, size_t len, bounce_codectx *ctx,
			 bool phrases_found, size_t *mstart, size_t *mlen,
			 bool *limit_hit)
{
	size_t		b,
				end = set->first_branch[r + 1];
	bool		found = false;

	if (!bounce_when_holds(set->specs[r].when, ctx))
		return 0;
	for (b = set->first_branch[r]; b < end; b++)
	{
		size_t		s,
					l;
		int			rc;

		if (!((m->bits[b >> 6] >> (b & 63)) & 1))
			continue;
		if (phrases_found && set->branches[b].phrase)
		{
			if (!((m->found[b >> 6] >> (b & 63)) & 1))
				continue;		/* its words occur, not as a phrase */
			unfold_span((const unsigned char *) text, len, m->found_at[b],
						m->found_len[b], &s, &l);
			rc = 1;
		}
		else if (phrases_found && set->branches[b].has_second &&
				 !((m->seconds[b >> 6] >> (b & 63)) & 1))
			continue;			/* its second requirement is missing */
		else
			rc = search(set, m, set->branches[b].code, text, len, &s, &l,
						limit_hit);
		if (rc < 0)
			return rc;
		if (rc > 0 && (!found || s < *mstart))
		{
			*mstart = s;
			*mlen = l;
			found = true;
		}
	}
	return found ? 1 : 0;
}

int
bounce_ruleset_match(const bounce_ruleset *set, bounce_matcher *m,
					 const char *text, size_t len, bounce_codectx *ctx,
					 bool use_prefilter, long *index, size_t *mstart,
					 size_t *mlen, bool *limit_hit)
{
	const unsigned char *t = (const unsigned char *) text;
	size_t		w,
				i;
	int			rc;
	bool		phrases_found,
				ascii;

	*index = -1;
	if (set->count == 0 || text == NULL)
		return BOUNCE_OK;
	/* rules run without pcre2's UTF check: repair invalid texts first */
	if (bounce_utf8_first_invalid(t, len, &ascii) < len)
	{
		if (m->clean_size < len)
		{
			/* pcre2's JIT may read a little past the subject's end */
			char	   *grown = realloc(m->clean, len + 64);

			if (grown == NULL)
				return BOUNCE_ENOMEM;
			m->clean = grown;
			m->clean_size = len;
		}
		bounce_utf8_repair(t, len, (unsigned char *) m->clean);
		text = m->clean;
		t = (const unsigned char *) text;
	}
	if (!use_prefilter)
	{
		/* the reference: every rule's whole pattern, in order */
		for (i = 0; i < set->count; i++)
		{
			if (!bounce_when_holds(set->specs[i].when, ctx))
				continue;
			rc = search(set, m, set->codes[i], text, len, mstart, mlen,
						limit_hit);
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
	phrases_found = ascii || !has_fold_exceptions(t, len);
	if (!phrases_found)
		memset(m->bits, 0xFF, set->nwords * sizeof(uint64_t));
	else
	{
		size_t		flen;

		if (m->folded_size < len)
		{
			unsigned char *grown = realloc(m->folded, len);

			if (grown == NULL)
				return BOUNCE_ENOMEM;
			m->folded = grown;
			m->folded_size = len;
		}
		flen = fold_text(set->fold, t, len, m->folded);
		memset(m->bits, 0, set->nwords * sizeof(uint64_t));
		memset(m->found, 0, set->nwords * sizeof(uint64_t));
		memset(m->seconds, 0, set->nwords * sizeof(uint64_t));
		for (i = 0; i < set->nalways; i++)
			m->bits[set->always[i] >> 6] |= (uint64_t) 1 << (set->always[i] & 63);
		scan_literals(set, m, m->folded, flen);
	}
	for (w = 0; w < set->nwords; w++)
	{
		while (m->bits[w] != 0)
		{
			size_t		b = w * 64 + (size_t) __builtin_ctzll(m->bits[w]);
			size_t		r,
						next;

			if (b >= set->nbranches)
				break;
			r = set->branches[b].rule;
			rc = try_branches(set, m, r, text, len, ctx, phrases_found,
							  mstart, mlen, limit_hit);
			if (rc < 0)
				return rc;
			if (rc > 0)
			{
				*index = (long) r;
				return BOUNCE_OK;
			}
			/* the rule's branches are done: clear them and go on */
			for (next = b; next < set->first_branch[r + 1]; next++)
				m->bits[next >> 6] &= ~((uint64_t) 1 << (next & 63));
			w = b >> 6;
		}
	}
	return BOUNCE_OK;
}
