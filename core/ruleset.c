/*
 * ruleset.c: compile rules and find the first one that matches a text.
 *
 * A rule set is an ordered list of pcre2 patterns (order = precedence).
 * Trying every pattern in turn costs one regex search per rule; instead each
 * rule's required literals (factor.c) are indexed by one 4-byte "gram" each,
 * and one pass over the text looks every 4-byte window up in a 64 Kbit
 * bitmap of those grams. Only on a bitmap hit is the gram looked up in a
 * hash table and the whole literal compared, which marks its rule as a
 * candidate. The candidates' regexes then run in precedence order and the
 * first that matches wins, exactly as trying every rule in order would
 * decide, because a rule none of whose required literals occurs cannot
 * match. The scan costs the same whatever the number of rules; the regex
 * work is a handful of confirmations.
 *
 * Rules without a usable literal (none of 4 bytes or more) are always
 * candidates; the rule linter reports them.
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
#define BLOOM_BITS	16			/* 64 Kbit = 8 KiB bitmap */

/* pcre2 limits: no rule needs more; a hit is treated as "no match". */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	2000

typedef struct literal
{
	uint32_t	gram;			/* folded bytes at gram_off */
	uint32_t	rule;			/* index of the rule it belongs to */
	uint16_t	gram_off;
	uint16_t	len;
	unsigned char text[BOUNCE_FACTOR_LEN];	/* folded */
} literal;

struct bounce_ruleset
{
	size_t		count;
	const bounce_rule_spec *specs;
	pcre2_code **codes;
	pcre2_match_context *mctx;
	uint64_t	bloom[(1u << BLOOM_BITS) / 64];
	literal    *literals;		/* sorted by gram */
	size_t		nliterals;
	uint32_t   *slots;			/* open addressing: literal index + 1 */
	size_t		slot_mask;
	uint32_t   *always;			/* rules without a usable literal */
	size_t		nalways;
	size_t		nwords;			/* candidate bitset words */
};

struct bounce_matcher
{
	pcre2_match_data *md;
	uint64_t   *bits;
	size_t		nwords;
};

static inline uint32_t
load_gram(const unsigned char *p)
{
	uint32_t	w;

	memcpy(&w, p, sizeof(w));
	return w | 0x20202020u;
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
		return 14;
	return 1;
}

static int
best_gram_offset(const unsigned char *text, int len)
{
	int			best = 0,
				best_weight = 1 << 30,
				i;

	for (i = 0; i + GRAM <= len; i++)
	{
		int			w = 0,
					k;

		for (k = 0; k < GRAM; k++)
			w += byte_weight(text[i + k]);
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
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static void
describe_error(char *errbuf, size_t errlen, const bounce_rule_spec *spec,
			   int code, size_t offset)
{
	PCRE2_UCHAR msg[160];

	if (errbuf == NULL || errlen == 0)
		return;
	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		strcpy((char *) msg, "unknown pcre2 error");
	snprintf(errbuf, errlen, "rule \"%s\"%s%s: %s at offset %zu",
			 spec->id ? spec->id : "?",
			 spec->origin ? " at " : "", spec->origin ? spec->origin : "",
			 (const char *) msg, offset);
}

/*
 * pcre2 10.42's JIT, with PCRE2_MATCH_INVALID_UTF, fails to match \S, \D and
 * \W against a multi-byte character ("Postfach\s+\S+\s+ist" misses
 * "Postfach \xc3\xa4 ist"), while the same negations written as classes
 * work. So outside character classes they are rewritten to [^\s], [^\d]
 * and [^\w], which mean the same. Returns a malloc'd copy, or NULL.
 */
static char *
rewrite_negated_escapes(const char *pattern)
{
	size_t		len = strlen(pattern);
	char	   *out = malloc(len * 3 + 1);
	size_t		o = 0;
	bool		in_class = false,
				quoted = false;
	const char *p = pattern;

	if (out == NULL)
		return NULL;
	while (*p)
	{
		if (quoted)
		{
			if (p[0] == '\\' && p[1] == 'E')
			{
				quoted = false;
				out[o++] = *p++;
			}
			out[o++] = *p++;
			continue;
		}
		if (p[0] == '\\' && p[1] != '\0')
		{
			if (p[1] == 'Q')
				quoted = true;
			else if (!in_class && (p[1] == 'S' || p[1] == 'D' || p[1] == 'W'))
			{
				out[o++] = '[';
				out[o++] = '^';
				out[o++] = '\\';
				out[o++] = (char) (p[1] - 'A' + 'a');
				out[o++] = ']';
				p += 2;
				continue;
			}
			out[o++] = *p++;
			out[o++] = *p++;
			continue;
		}
		if (!in_class && *p == '[')
		{
			in_class = true;
			out[o++] = *p++;
			if (*p == '^')
				out[o++] = *p++;
			if (*p == ']')
				out[o++] = *p++;	/* a literal ']' first in the class */
			continue;
		}
		if (in_class && p[0] == '[' && p[1] == ':')
		{
			/* a POSIX class such as [:alpha:] */
			const char *end = strstr(p + 2, ":]");

			if (end != NULL)
			{
				memcpy(out + o, p, (size_t) (end + 2 - p));
				o += (size_t) (end + 2 - p);
				p = end + 2;
				continue;
			}
		}
		if (in_class && *p == ']')
			in_class = false;
		out[o++] = *p++;
	}
	out[o] = '\0';
	return out;
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

/* Index the literals of every rule; false when out of memory. */
static bool
build_index(bounce_ruleset *set)
{
	size_t		cap = 0,
				i,
				nslots;
	bounce_factors *f = malloc(sizeof(*f));

	if (f == NULL)
		return false;
	set->always = malloc(sizeof(uint32_t) * (set->count ? set->count : 1));
	if (set->always == NULL)
	{
		free(f);
		return false;
	}
	for (i = 0; i < set->count; i++)
	{
		int			k;
		bool		usable;

		bounce_pattern_factors(set->specs[i].pattern, f);
		usable = f->count > 0;
		for (k = 0; k < f->count; k++)
			usable = usable && f->len[k] >= GRAM;
		if (!usable)
		{
			set->always[set->nalways++] = (uint32_t) i;
			continue;
		}
		for (k = 0; k < f->count; k++)
		{
			literal    *lit;

			if (set->nliterals == cap)
			{
				size_t		ncap = cap ? cap * 2 : 256;
				literal    *grown = realloc(set->literals, ncap * sizeof(literal));

				if (grown == NULL)
				{
					free(f);
					return false;
				}
				set->literals = grown;
				cap = ncap;
			}
			lit = &set->literals[set->nliterals++];
			memset(lit, 0, sizeof(*lit));
			lit->rule = (uint32_t) i;
			lit->len = (uint16_t) f->len[k];
			memcpy(lit->text, f->text[k], f->len[k]);
			lit->gram_off = (uint16_t) best_gram_offset(lit->text, lit->len);
			lit->gram = load_gram(lit->text + lit->gram_off);
		}
	}
	free(f);
	if (set->nliterals > 0)
		qsort(set->literals, set->nliterals, sizeof(literal), literal_cmp);

	/* hash table over distinct grams: slot -> first literal with it */
	for (nslots = 64; nslots < set->nliterals * 2; nslots *= 2)
		;
	set->slots = calloc(nslots, sizeof(uint32_t));
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
		while (set->slots[h & set->slot_mask] != 0)
			h++;
		set->slots[h & set->slot_mask] = (uint32_t) (i + 1);
	}
	return true;
}

bounce_ruleset *
bounce_ruleset_compile(const bounce_rule_spec *specs, size_t count,
					   int *err, char *errbuf, size_t errlen)
{
	bounce_ruleset *set;
	size_t		i;
	bool		jit = jit_wanted();

	*err = BOUNCE_ENOMEM;
	if (errbuf && errlen)
		errbuf[0] = '\0';
	set = calloc(1, sizeof(*set));
	if (set == NULL)
		return NULL;
	set->count = count;
	set->specs = specs;
	set->nwords = (count + 63) / 64;
	set->codes = calloc(count ? count : 1, sizeof(pcre2_code *));
	set->mctx = pcre2_match_context_create(NULL);
	if (set->codes == NULL || set->mctx == NULL)
		goto fail;
	pcre2_set_match_limit(set->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(set->mctx, DEPTH_LIMIT);

	for (i = 0; i < count; i++)
	{
		int			code;
		PCRE2_SIZE	offset;
		char	   *pattern = rewrite_negated_escapes(specs[i].pattern);

		if (pattern == NULL)
			goto fail;
		set->codes[i] = pcre2_compile((PCRE2_SPTR) pattern,
									  PCRE2_ZERO_TERMINATED,
									  PCRE2_CASELESS | PCRE2_UTF |
									  PCRE2_MATCH_INVALID_UTF | PCRE2_DOTALL |
									  PCRE2_NO_AUTO_CAPTURE |
									  PCRE2_NEVER_BACKSLASH_C,
									  &code, &offset, NULL);
		free(pattern);
		if (set->codes[i] == NULL)
		{
			if (code == PCRE2_ERROR_NOMEMORY)
				goto fail;
			*err = BOUNCE_ERULES;
			describe_error(errbuf, errlen, &specs[i], code, offset);
			goto fail;
		}
		/* without JIT the interpreter runs the same pattern, only slower */
		if (jit)
			(void) pcre2_jit_compile(set->codes[i], PCRE2_JIT_COMPLETE);
	}
	if (!build_index(set))
		goto fail;
	*err = BOUNCE_OK;
	return set;

fail:
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
	pcre2_match_context_free(set->mctx);
	free(set->literals);
	free(set->slots);
	free(set->always);
	free(set);
}

size_t
bounce_ruleset_size(const bounce_ruleset *set)
{
	return set ? set->count : 0;
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
bounce_builtin_ruleset(int *err)
{
	bounce_ruleset *set = __atomic_load_n(&builtin, __ATOMIC_ACQUIRE);

	*err = BOUNCE_OK;
	if (set != NULL)
		return set;
	pthread_mutex_lock(&builtin_lock);
	set = builtin;
	if (set == NULL)
	{
		/* on failure nothing is kept, so a later call tries again */
		set = bounce_ruleset_compile(bounce_builtin_specs,
									 bounce_builtin_spec_count, err, NULL, 0);
		__atomic_store_n(&builtin, set, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&builtin_lock);
	return set;
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
	free(matcher);
}

int
bounce_matcher_reserve(bounce_matcher *matcher, const bounce_ruleset *set)
{
	uint64_t   *bits;

	if (matcher->nwords >= set->nwords)
		return BOUNCE_OK;
	bits = realloc(matcher->bits, set->nwords * sizeof(uint64_t));
	if (bits == NULL)
		return BOUNCE_ENOMEM;
	matcher->bits = bits;
	matcher->nwords = set->nwords;
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

/* Mark every rule whose literal occurs in the text. */
static void
scan_literals(const bounce_ruleset *set, const unsigned char *t, size_t n,
			  uint64_t *bits)
{
	size_t		i;

	if (n < GRAM || set->nliterals == 0)
		return;
	for (i = 0; i + GRAM <= n; i++)
	{
		uint32_t	w = load_gram(t + i);
		uint32_t	h = gram_hash(w);
		uint32_t	slot;

		if (!((set->bloom[h >> 6] >> (h & 63)) & 1))
			continue;
		for (;; h++)
		{
			const literal *lit;
			size_t		k;

			slot = set->slots[h & set->slot_mask];
			if (slot == 0)
				break;
			lit = &set->literals[slot - 1];
			if (lit->gram != w)
				continue;
			for (k = slot - 1; k < set->nliterals && set->literals[k].gram == w;
				 k++)
			{
				size_t		start,
							j;

				lit = &set->literals[k];
				if (i < lit->gram_off)
					continue;
				start = i - lit->gram_off;
				if (start + lit->len > n)
					continue;
				for (j = 0; j < lit->len; j++)
					if (bounce_fold(t[start + j]) != lit->text[j])
						break;
				if (j == lit->len)
					bits[lit->rule >> 6] |= (uint64_t) 1 << (lit->rule & 63);
			}
			break;
		}
	}
}

/* Run rule i; 1 match, 0 no match, or a negative BOUNCE_ error. */
static int
try_rule(const bounce_ruleset *set, bounce_matcher *m, size_t i,
		 const char *text, size_t len, bounce_codectx *ctx,
		 size_t *mstart, size_t *mlen, bool *limit_hit)
{
	int			rc;
	PCRE2_SIZE *ov;

	if (!bounce_when_holds(set->specs[i].when, ctx))
		return 0;
	rc = pcre2_match(set->codes[i], (PCRE2_SPTR) text, len, 0, 0, m->md,
					 set->mctx);
	if (rc >= 0)
	{
		ov = pcre2_get_ovector_pointer(m->md);
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

int
bounce_ruleset_match(const bounce_ruleset *set, bounce_matcher *m,
					 const char *text, size_t len, bounce_codectx *ctx,
					 bool use_prefilter, long *index, size_t *mstart,
					 size_t *mlen, bool *limit_hit)
{
	const unsigned char *t = (const unsigned char *) text;
	size_t		w,
				i;
	int			rc = 0;

	*index = -1;
	if (set->count == 0 || text == NULL)
		return BOUNCE_OK;
	if (use_prefilter && has_fold_exceptions(t, len))
		use_prefilter = false;
	if (!use_prefilter)
	{
		for (i = 0; i < set->count; i++)
		{
			rc = try_rule(set, m, i, text, len, ctx, mstart, mlen, limit_hit);
			if (rc != 0)
				break;
		}
		if (rc > 0)
			*index = (long) i;
		return rc < 0 ? rc : BOUNCE_OK;
	}
	memset(m->bits, 0, set->nwords * sizeof(uint64_t));
	for (i = 0; i < set->nalways; i++)
		m->bits[set->always[i] >> 6] |= (uint64_t) 1 << (set->always[i] & 63);
	scan_literals(set, t, len, m->bits);
	for (w = 0; w < set->nwords; w++)
	{
		uint64_t	word = m->bits[w];

		while (word != 0)
		{
			i = w * 64 + (size_t) __builtin_ctzll(word);
			word &= word - 1;
			rc = try_rule(set, m, i, text, len, ctx, mstart, mlen, limit_hit);
			if (rc < 0)
				return rc;
			if (rc > 0)
			{
				*index = (long) i;
				return BOUNCE_OK;
			}
		}
	}
	return BOUNCE_OK;
}
