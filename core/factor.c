/*
 * factor.c: the literals a pattern cannot match without.
 *
 * The prefilter (ruleset.c) only runs a rule's regex when one of the rule's
 * required literals occurs in the text. This file derives those literals
 * from the pcre2 pattern itself, so rules stay plain regexes and the
 * prefilter can never disagree with them: the analysis is conservative,
 * and any construct it does not understand counts as "could match
 * anything here", which only weakens the filter, never makes it wrong.
 *
 * For each sub-expression we compute (as in RE2's prefilter):
 *   exact - the finite set of strings it matches, when small enough;
 *   req   - an OR-set: every match contains one of these strings;
 *           absent when nothing is required.
 * Concatenation multiplies exact sets while they stay small and keeps the
 * most selective OR-set seen; alternation unites; optional parts add "".
 *
 * Matching is caseless, so literals are stored folded (bounce_fold) and the
 * scanner folds text bytes the same way. That is exact for ASCII letters;
 * for other characters only bytes that every case variant of the character
 * shares after folding may appear in a literal ("safe" bytes, see
 * char_safe_bytes). The scanner also collapses white-space runs into one
 * space, so \s, \s+ and a literal space are all one space in a literal,
 * and two spaces in a row within a literal are merged into one. The rare
 * characters pcre2 matches caselessly against letters whose folded bytes
 * they do not share (KELVIN SIGN for k, LONG S for s, the ANGSTROM SIGN,
 * Greek symbol forms, Cyrillic rounded forms, Georgian capitals) are
 * handled by the caller, which skips the prefilter for texts holding them
 * (bounce_has_fold_exceptions); unit_test.c checks every caseless pair.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAXSTR	48				/* alternatives kept inside a sub-expression */
#define MAXLEN	BOUNCE_FACTOR_LEN	/* longer literals are cut: a prefix of a
									 * required literal is required too */
#define MAXDEPTH 10				/* deeper nesting is not analysed (each
								 * level takes ~30 KiB of stack) */

typedef struct strset
{
	int			n;
	unsigned char s[MAXSTR][MAXLEN];
	int			len[MAXSTR];
} strset;

typedef struct info
{
	bool		exact_ok;		/* exact holds the whole language */
	strset		exact;
	bool		req_ok;			/* req holds a requirement */
	strset		req;
	bool		phrase;			/* matching it is exactly finding one of
								 * exact in the folded, collapsed text:
								 * ASCII literals and \s+ / \s* only */
	bool		ws;				/* it is one \s (white-space class) */
	bool		req2_ok;		/* a second, independent requirement: a */
	strset		req2;			/* match holds one of req and one of req2 */
	bool		few_ok;			/* a small requirement of one of its parts */
	strset		few;			/* (keep_small): an alternation whose own
								 * sets overflow unites these instead */
} info;

typedef struct parser
{
	const unsigned char *p;
	int			depth;
} parser;

static void parse_alt(parser *ps, info *out);

/*
 * Copy the strings a set holds. A whole strset is 1.7 KiB, mostly rows
 * past n that nothing reads; copying and zeroing whole ones was most of
 * bounce_init()'s time.
 */
static void
set_copy(strset *dst, const strset *src)
{
	int			i;

	dst->n = src->n;
	for (i = 0; i < src->n; i++)
	{
		memcpy(dst->s[i], src->s[i], src->len[i]);
		dst->len[i] = src->len[i];
	}
}

/* An info that holds nothing yet: every flag false, every set empty. */
static void
info_clear(info *in)
{
	in->exact_ok = in->req_ok = in->phrase = in->ws = false;
	in->req2_ok = in->few_ok = false;
	in->exact.n = in->req.n = in->req2.n = in->few.n = 0;
}

/* An assertion or option: matches the empty string, no phrase. */
static void
set_empty_string(info *in)
{
	info_clear(in);
	in->exact_ok = true;
	in->exact.n = 1;
	in->exact.len[0] = 0;
}

static void
set_anything(info *in)
{
	in->exact_ok = false;
	in->req_ok = false;
	in->few_ok = false;
	in->phrase = false;
	in->ws = false;
	in->exact.n = 0;
	in->req.n = 0;
}

/* Does every match of an exact set hold one of its strings (none empty)? */
static bool
is_required(const strset *exact)
{
	int			i;

	for (i = 0; i < exact->n; i++)
		if (exact->len[i] == 0)
			return false;
	return exact->n > 0;
}

/* The OR-set an info guarantees (false: none). */
static bool
to_req(const info *in, strset *req)
{
	if (in->exact_ok)
	{
		if (!is_required(&in->exact))
			return false;
		set_copy(req, &in->exact);
		return true;
	}
	if (in->req_ok)
	{
		set_copy(req, &in->req);
		return true;
	}
	return false;
}

/*
 * Words found in most bounce texts whatever their cause. A literal that is
 * one of them would make its rule a candidate for nearly every text, so
 * the analysis prefers any other literal of the rule, even a shorter one.
 * (This only steers the choice; any required literal keeps the filter
 * exact.)
 */
#define COMMON_WORD_MAX 11		/* the longest below ("information"): a
								 * longer literal is none of them; W()
								 * refuses to compile a longer word (an
								 * array of negative size) */
#define W(word) {word, sizeof(word) - 1 + \
	0 * sizeof(char[(int) COMMON_WORD_MAX + 1 - (int) sizeof(word)])}
static const struct
{
	const char *text;
	int			len;
}			common_words[] = {
	W("access"), W("account"), W("accepted"), W("address"), W("addresses"),
	W("after"), W("again"), W("allowed"), W("attempt"), W("because"),
	W("been"), W("blocked"), W("command"), W("could"), W("data"),
	W("deliver"), W("delivered"), W("delivery"), W("denied"), W("does"),
	W("domain"), W("email"), W("e-mail"), W("error"), W("exist"), W("exists"),
	W("fail"), W("failed"), W("failure"), W("following"), W("for"),
	W("found"), W("from"), W("have"), W("host"), W("hosts"), W("http"),
	W("https"), W("information"), W("invalid"), W("later"), W("local"),
	W("mail"), W("mailbox"), W("message"), W("messages"), W("more"), W("not"),
	W("permanent"), W("permitted"), W("please"), W("reason"), W("recipient"),
	W("recipients"), W("refused"), W("rejected"), W("remote"), W("reply"),
	W("response"), W("returned"), W("said"), W("send"), W("sender"),
	W("sent"), W("server"), W("smtp"), W("support"), W("temporary"),
	W("that"), W("the"), W("this"), W("try"), W("unknown"), W("user"),
	W("users"), W("visit"), W("was"), W("will"), W("with"), W("your"), W("a"),
	W("an"), W("and"), W("are"), W("as"), W("at"), W("be"), W("by"), W("can"),
	W("in"), W("is"), W("it"), W("no"), W("of"), W("on"), W("or"), W("to"),
	W(".com"), W(".net"), W(".org"), W("www."), W("in reply to"),
	W("command"), W("host"), W("said:"), W("error"), W("status"),
	W("service"), W("rcpt to"), W("mail from"),
};
#undef W

static bool
is_common_word(const unsigned char *s, int len)
{
	size_t		i;

	while (len > 0 && (*s == ' ' || *s == '-'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '-'))
		len--;
	if (len > COMMON_WORD_MAX)
		return false;
	for (i = 0; i < sizeof(common_words) / sizeof(common_words[0]); i++)
		if (common_words[i].len == len &&
			(unsigned char) common_words[i].text[0] == s[0] &&
			memcmp(common_words[i].text, s, len) == 0)
			return true;
	return false;
}

/* The windows most frequent in bounce texts (sorted by their bytes). */
static const struct
{
	const char *gram;
	int			texts;
}			frequent_grams[] = {
#define FREQUENT_GRAM(gram, texts) {gram, texts},
#include "frequent_grams.def"
};

/* memcmp(gram, s, 4), without a call: the analysis asks millions of times */
static int
gram_compare(const char *gram, const unsigned char *s)
{
	int			i;

	for (i = 0; i < 4; i++)
		if ((unsigned char) gram[i] != s[i])
			return (unsigned char) gram[i] < s[i] ? -1 : 1;
	return 0;
}

int
bounce_gram_frequency(const unsigned char *s)
{
	size_t		lo = 0,
				hi = sizeof(frequent_grams) / sizeof(frequent_grams[0]);

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;
		int			c = gram_compare(frequent_grams[mid].gram, s);

		if (c == 0)
			return frequent_grams[mid].texts;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Does every 4-byte window of the literal occur in many bounce texts? */
bool
bounce_literal_is_frequent(const unsigned char *s, int len)
{
	int			i;

	if (len < 4)
		return false;
	for (i = 0; i + 4 <= len; i++)
		if (bounce_gram_frequency(s + i) == 0)
			return false;
	return true;
}

/*
 * Selectivity of an OR-set: its weakest literal counts (a common word
 * weighs like a very short literal; one too short for the scan to index,
 * such as the "." of a dotted quad, makes the set useless); ties go to
 * fewer alternatives.
 */
static int
req_score(const strset *req)
{
	int			i,
				weakest = 1 << 20;

	for (i = 0; i < req->n; i++)
	{
		int			w = req->len[i] * 32;

		if (req->len[i] < BOUNCE_LITERAL_MIN)
			w = 0;
		else if (is_common_word(req->s[i], req->len[i]) ||
				 bounce_literal_is_frequent(req->s[i], req->len[i]))
			w = 40;
		if (w < weakest)
			weakest = w;
	}
	return weakest - req->n;
}

/*
 * The two most selective requirements of a concatenation; its parts all
 * match, so a match holds one literal of each.
 */
typedef struct top_two
{
	bool		best_ok;
	int			best_score;		/* req_score(&best) */
	strset		best;
	bool		second_ok;
	int			second_score;
	strset		second;
} top_two;

static int	req_score(const strset *req);

static void
keep_two(top_two *t, const strset *cand, int score)
{
	if (!t->best_ok || score > t->best_score)
	{
		if (t->best_ok)
		{
			set_copy(&t->second, &t->best);
			t->second_score = t->best_score;
			t->second_ok = true;
		}
		set_copy(&t->best, cand);
		t->best_score = score;
		t->best_ok = true;
	}
	else if (!t->second_ok || score > t->second_score)
	{
		set_copy(&t->second, cand);
		t->second_score = score;
		t->second_ok = true;
	}
}

/*
 * Keep cand as a part's small requirement when it is the most selective of
 * those with at most MAXSMALL strings: several of them still fit in one
 * set when an alternation's own sets overflow.
 */
#define MAXSMALL 16

static void
keep_small(bool *ok, strset *small, int *small_score, const strset *cand,
		   int score)
{
	if (cand->n > MAXSMALL)
		return;
	if (!*ok || score > *small_score)
	{
		set_copy(small, cand);
		*small_score = score;
		*ok = true;
	}
}

static bool
set_contains(const strset *set, const unsigned char *s, int len)
{
	int			i;

	for (i = 0; i < set->n; i++)
		if (set->len[i] == len && memcmp(set->s[i], s, len) == 0)
			return true;
	return false;
}

/* Add to a set; false when it is full. */
static bool
set_add(strset *set, const unsigned char *s, int len)
{
	if (set_contains(set, s, len))
		return true;
	if (set->n == MAXSTR)
		return false;
	memcpy(set->s[set->n], s, len);
	set->len[set->n] = len;
	set->n++;
	return true;
}

/* out := a x b; false when the product is too large. */
static bool
cross(strset *out, const strset *a, const strset *b)
{
	int			i,
				j;

	if (a->n * b->n > MAXSTR)
		return false;
	out->n = 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
		{
			unsigned char buf[MAXLEN];

			int			alen = a->len[i],
						skip = 0;

			/* a white-space run is one space in the scanned text */
			if (alen > 0 && a->s[i][alen - 1] == ' ' && b->len[j] > 0 &&
				b->s[j][0] == ' ')
				skip = 1;
			if (alen + b->len[j] - skip > MAXLEN)
				return false;
			memcpy(buf, a->s[i], alen);
			memcpy(buf + alen, b->s[j] + skip, b->len[j] - skip);
			if (!set_add(out, buf, alen + b->len[j] - skip))
				return false;
		}
	return true;
}

/* ---- characters ---- */

/*
 * Decode one character of a NUL-terminated pattern; returns its length. An
 * invalid byte reads as U+FFFD, which is never part of a literal.
 */
static int
utf8_decode(const unsigned char *p, unsigned *cp)
{
	size_t		n = bounce_utf8_decode(p, 4, cp);

	if (n == 0)
	{
		*cp = 0xFFFD;
		return 1;
	}
	return (int) n;
}

/*
 * The other case of cp for the scripts our rules use, 0 when it has none
 * in the texts the scan reads, or -1 when its case relations are not known
 * here or reach beyond what one partner says (U+00B5, U+00FF, final sigma):
 * such a character is never part of a literal. A third case form that is a
 * rare symbol (the Angstrom sign beside "å", U+1E9E beside "ß", Greek
 * symbol forms beside beta, epsilon, theta, iota, kappa, mu, pi, rho, phi
 * and omega, Cyrillic rounded forms beside "в", "д", "о", Georgian
 * capitals beside the small letters) does not count: a text holding one
 * is matched without the prefilter (bounce_has_fold_exceptions in
 * ruleset.c). A partner whose bytes do not fold to ours makes the
 * character unsafe anyway (char_safe_bytes).
 */
static long
other_case(unsigned cp)
{
	/* Greek letters with tonos or dialytika: small, capital */
	static const unsigned greek_tonos[][2] = {
		{0x3AC, 0x386}, {0x3AD, 0x388}, {0x3AE, 0x389}, {0x3AF, 0x38A},
		{0x3CC, 0x38C}, {0x3CD, 0x38E}, {0x3CE, 0x38F}, {0x3CA, 0x3AA},
		{0x3CB, 0x3AB},
	};
	size_t		k;

	if (cp < 0x80)
	{
		if (cp >= 'a' && cp <= 'z')
			return cp - 32;
		if (cp >= 'A' && cp <= 'Z')
			return cp + 32;
		return 0;
	}
	/* Latin-1 letters */
	if (cp == 0xB5 || cp == 0xFF)
		return -1;
	if (cp == 0xDF)
		return 0;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
		return cp - 32;
	if (cp < 0x100)
		return 0;
	/*
	 * Latin Extended-A and -B, Latin Extended Additional, Cyrillic's
	 * extensions: runs of pairs, a capital on an even code point and its
	 * small letter next ("ą", "č", "ş", "ș", Vietnamese "ạ", Ukrainian
	 * "ґ"), or on an odd one ("ł", "ń", "ž"). Dotless and dotted i, long s
	 * and the long s with a dot above are not in a literal.
	 */
	if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) ||
		(cp >= 0x14A && cp <= 0x177) || (cp >= 0x200 && cp <= 0x21F) ||
		(cp >= 0x222 && cp <= 0x233) || (cp >= 0x460 && cp <= 0x481) ||
		(cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x52F) ||
		(cp >= 0x1E00 && cp <= 0x1E5F) || (cp >= 0x1E62 && cp <= 0x1E95) ||
		(cp >= 0x1EA0 && cp <= 0x1EFF))
		return cp ^ 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E) ||
		(cp >= 0x4C1 && cp <= 0x4CE))
		return cp & 1 ? cp + 1 : cp - 1;
	/* Cyrillic basic block */
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x430 && cp <= 0x44F)
		return cp - 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 80;
	/*
	 * Greek: the basic letters pair at a distance of 32, the accented ones
	 * as greek_tonos lists; sigma's small letter has two forms (the final
	 * one common), so neither is ever in a literal.
	 */
	if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x3B1 && cp <= 0x3C9))
	{
		if (cp == 0x3A2 || cp == 0x3A3 || cp == 0x3C2 || cp == 0x3C3)
			return -1;
		return cp >= 0x3B1 ? (long) cp - 32 : (long) cp + 32;
	}
	for (k = 0; k < sizeof(greek_tonos) / sizeof(greek_tonos[0]); k++)
	{
		if (cp == greek_tonos[k][0])
			return greek_tonos[k][1];
		if (cp == greek_tonos[k][1])
			return greek_tonos[k][0];
	}
	/* Georgian small letters (Mkhedruli): their capitals are exceptions */
	if (cp >= 0x10D0 && cp <= 0x10FF)
		return 0;
	/* Hebrew, Arabic and the scripts of India and Thailand: no case */
	if ((cp >= 0x590 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0xDFF) ||
		(cp >= 0xE00 && cp <= 0xE7F))
		return 0;
	/* CJK punctuation, kana, ideographs, Hangul: no case */
	if ((cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
		(cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xFF01 && cp <= 0xFF20) ||
		(cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return 0;
	return -1;
}

/*
 * Fold one pattern character into out (folded bytes) and mark which of its
 * bytes every case variant shares after folding. Returns the byte count.
 */
static int
char_safe_bytes(unsigned cp, unsigned char *out, bool *safe)
{
	unsigned char mine[4],
				theirs[4];
	long		partner = other_case(cp);
	int			n = bounce_utf8_encode(cp, mine),
				i;

	for (i = 0; i < n; i++)
	{
		out[i] = bounce_fold(mine[i]);
		safe[i] = partner >= 0;
	}
	if (partner > 0)
	{
		if (bounce_utf8_encode((unsigned) partner, theirs) != n)
			for (i = 0; i < n; i++)
				safe[i] = false;
		else
			for (i = 0; i < n; i++)
				safe[i] = safe[i] && bounce_fold(theirs[i]) == out[i];
	}
	return n;
}

/*
 * Info for one literal character: the concatenation of its bytes, where an
 * unsafe byte is "anything" (so it splits the literal).
 */
static void
literal_info(unsigned cp, info *out)
{
	unsigned char bytes[4];
	bool		safe[4];
	int			n = char_safe_bytes(cp, bytes, safe),
				i;
	bool		all = true;

	for (i = 0; i < n; i++)
		all = all && safe[i];
	if (all)
	{
		info_clear(out);
		out->exact_ok = true;
		out->exact.n = 1;
		memcpy(out->exact.s[0], bytes, n);
		out->exact.len[0] = n;
		/* folding is exact for ASCII; a literal space is one space only */
		out->phrase = cp >= 0x21 && cp < 0x7F;
		return;
	}
	set_anything(out);
}

/* ---- the parser ---- */

/* Skip a (...) group body we do not analyse, honouring nesting/escapes. */
static void
skip_group_rest(parser *ps)
{
	int			level = 1;

	while (*ps->p && level > 0)
	{
		if (*ps->p == '\\' && ps->p[1])
			ps->p += 2;
		else if (*ps->p == '[')
		{
			ps->p++;
			if (*ps->p == '^')
				ps->p++;
			if (*ps->p == ']')
				ps->p++;
			while (*ps->p && *ps->p != ']')
				ps->p += (*ps->p == '\\' && ps->p[1]) ? 2 : 1;
			if (*ps->p)
				ps->p++;
		}
		else
		{
			if (*ps->p == '(')
				level++;
			else if (*ps->p == ')')
				level--;
			ps->p++;
		}
	}
}

/* [...] as a set of single characters, when every member is literal. */
static void
parse_class(parser *ps, info *out)
{
	bool		ok = true;
	bool		first = true;

	info_clear(out);
	out->exact_ok = true;
	if (*ps->p == '^')
	{
		ok = false;
		ps->p++;
	}
	while (*ps->p && (*ps->p != ']' || first))
	{
		unsigned	cp;
		int			n;
		info		one;

		first = false;
		if (*ps->p == '\\')
		{
			unsigned char e = ps->p[1];

			if (e == 0)
				break;
			ps->p += 2;
			if (e == 's')
				cp = ' ';
			else if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
					 (e >= '0' && e <= '9'))
			{
				ok = false;		/* \d \w \x.. \p{..}: not a literal */
				if ((e == 'p' || e == 'P' || e == 'x') && *ps->p == '{')
					while (*ps->p && *ps->p != '}')
						ps->p++;
				continue;
			}
			else
				cp = e;
		}
		else if (*ps->p == '[' && ps->p[1] == ':')
		{
			ok = false;			/* [:alpha:] */
			while (*ps->p && !(*ps->p == ':' && ps->p[1] == ']'))
				ps->p++;
			if (*ps->p)
				ps->p += 2;
			continue;
		}
		else
		{
			n = utf8_decode(ps->p, &cp);
			ps->p += n;
		}
		if (*ps->p == '-' && ps->p[1] != ']' && ps->p[1] != 0)
		{
			ok = false;			/* a range */
			ps->p++;
			if (*ps->p == '\\' && ps->p[1])
				ps->p += 2;
			else if (*ps->p)
				ps->p += utf8_decode(ps->p, &cp);
			continue;
		}
		literal_info(cp, &one);
		if (!one.exact_ok || !set_add(&out->exact, one.exact.s[0],
									  one.exact.len[0]))
			ok = false;
	}
	if (*ps->p == ']')
		ps->p++;
	if (!ok || out->exact.n == 0)
		set_anything(out);
}

/* One atom (without its quantifier). */
static void
parse_atom(parser *ps, info *out)
{
	unsigned char c = *ps->p;

	if (c == '(')
	{
		ps->p++;
		if (ps->depth >= MAXDEPTH)
		{
			skip_group_rest(ps);
			set_anything(out);
			return;
		}
		if (*ps->p == '?' || *ps->p == '*')
		{
			const unsigned char *q = ps->p + 1;

			if (*ps->p == '?' && (*q == ':' || *q == '>' || *q == '|'))
				ps->p = q + 1;	/* plain, atomic, branch-reset group */
			else if (*ps->p == '?' && (*q == '=' || *q == '!' ||
									   (*q == '<' && (q[1] == '=' ||
													  q[1] == '!'))))
			{
				/* a lookaround consumes nothing */
				skip_group_rest(ps);
				set_empty_string(out);
				return;
			}
			else if (*ps->p == '?' && (*q == '<' || *q == '\'' ||
									   (*q == 'P' && q[1] == '<')))
			{
				/* named group: skip the name */
				unsigned char close = (*q == '\'') ? '\'' : '>';

				ps->p = q;
				while (*ps->p && *ps->p != close)
					ps->p++;
				if (*ps->p)
					ps->p++;
			}
			else
			{
				/* option settings such as (?i) or (?i:...), verbs, comments */
				const unsigned char *r = q;

				while (*r && ((*r >= 'a' && *r <= 'z') ||
							  (*r >= 'A' && *r <= 'Z') || *r == '-' ||
							  *r == '^'))
					r++;
				if (*ps->p == '?' && *r == ')' && r > q)
				{
					ps->p = r + 1;
					set_empty_string(out);
					return;
				}
				if (*ps->p == '?' && *r == ':' && r > q)
					ps->p = r + 1;
				else
				{
					skip_group_rest(ps);
					set_anything(out);
					return;
				}
			}
		}
		ps->depth++;
		parse_alt(ps, out);
		ps->depth--;
		if (*ps->p == ')')
			ps->p++;
		return;
	}
	if (c == '[')
	{
		ps->p++;
		parse_class(ps, out);
		return;
	}
	if (c == '.')
	{
		ps->p++;
		set_anything(out);
		return;
	}
	if (c == '^' || c == '$')
	{
		ps->p++;
		set_empty_string(out);
		return;
	}
	if (c == '\\')
	{
		unsigned char e = ps->p[1];

		if (e == 0)
		{
			ps->p++;
			set_anything(out);
			return;
		}
		ps->p += 2;
		switch (e)
		{
			case 'b':
			case 'B':
			case 'A':
			case 'z':
			case 'Z':
			case 'G':
			case 'K':
				set_empty_string(out);
				return;
			case 'Q':			/* \Q...\E: not analysed */
				while (*ps->p && !(*ps->p == '\\' && ps->p[1] == 'E'))
					ps->p++;
				if (*ps->p)
					ps->p += 2;
				set_anything(out);
				return;
			case 'p':
			case 'P':
			case 'x':
			case 'o':
			case 'k':
			case 'g':
				if (*ps->p == '{' || *ps->p == '<' || *ps->p == '\'')
				{
					unsigned char close = *ps->p == '{' ? '}' :
						*ps->p == '<' ? '>' : '\'';

					while (*ps->p && *ps->p != close)
						ps->p++;
					if (*ps->p)
						ps->p++;
				}
				else if (e == 'x')
				{
					int			k;

					for (k = 0; k < 2 && *ps->p &&
						 ((*ps->p >= '0' && *ps->p <= '9') ||
						  ((*ps->p | 0x20) >= 'a' && (*ps->p | 0x20) <= 'f'));
						 k++)
						ps->p++;
				}
				set_anything(out);
				return;
		}
		if (e == 's')
		{
			literal_info(' ', out);	/* any white space: one space when scanned */
			out->ws = true;
			return;
		}
		if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
			(e >= '0' && e <= '9'))
		{
			set_anything(out);	/* \d \w \1 \t ...: not one literal */
			return;
		}
		literal_info(e, out);	/* an escaped punctuation character */
		return;
	}
	{
		unsigned	cp;

		ps->p += utf8_decode(ps->p, &cp);
		literal_info(cp, out);
	}
}

/* Read a {m,n} quantifier at p; false when it is a literal brace. */
static bool
read_braces(const unsigned char *p, int *min, const unsigned char **end)
{
	int			m = 0;
	bool		digits = false;

	if (*p != '{')
		return false;
	p++;
	while (*p >= '0' && *p <= '9')
	{
		/* pcre2 refuses counts above 65535; cap before int overflows */
		if (m < 1000000)
			m = m * 10 + (*p - '0');
		digits = true;
		p++;
	}
	if (!digits)
		return false;
	if (*p == ',')
	{
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p != '}')
		return false;
	*min = m;
	*end = p + 1;
	return true;
}

/* An atom with its quantifier applied. */
static void
parse_piece(parser *ps, info *out)
{
	int			min;
	const unsigned char *end;

	parse_atom(ps, out);
	for (;;)
	{
		unsigned char q = *ps->p;

		if (q == '?' || q == '*' || q == '+')
		{
			ps->p++;
			min = (q == '+') ? 1 : 0;
		}
		else if (read_braces(ps->p, &min, &end))
			ps->p = end;
		else
			return;
		/* lazy or possessive marker */
		if (*ps->p == '?' || *ps->p == '+')
			ps->p++;

		if (min == 0)
		{
			bool		space = out->exact_ok && out->exact.n == 1 &&
				out->exact.len[0] == 1 && out->exact.s[0][0] == ' ';
			bool		phrase = (q == '?' && out->phrase) ||
				(q == '*' && out->ws);

			/* optional, or optional white space (\s*): "" joins the set */
			if ((q == '?' || space) && out->exact_ok)
			{
				unsigned char none = 0;

				if (!set_add(&out->exact, &none, 0))
					set_anything(out);
				out->phrase = phrase;
				out->ws = false;
				out->few_ok = false;	/* it may match nothing */
			}
			else
				set_anything(out);
		}
		else if (out->exact_ok && out->exact.n == 1 &&
				 out->exact.len[0] == 1 && out->exact.s[0][0] == ' ')
		{
			/* one or more white-space characters: one space when scanned;
			 * \s+ (not " +", not \s{2,}) is exactly that */
			out->phrase = out->ws && min == 1 && (q == '+' || q == '{');
			out->ws = false;
		}
		else
		{
			/* repeated at least once: what one copy requires stays */
			strset		req;
			bool		ok = to_req(out, &req);
			bool		few_ok = out->few_ok;

			set_anything(out);
			if (ok)
			{
				set_copy(&out->req, &req);
				out->req_ok = true;
			}
			out->few_ok = few_ok;
		}
	}
}

/* A sequence of pieces up to '|' or ')' or the end. */
static void
parse_concat(parser *ps, info *out)
{
	strset		run;			/* exact strings of the current run */
	bool		run_ok = true;
	top_two		top;
	bool		whole_exact = true;
	bool		phrase = true;
	int			pieces = 0;
	bool		few_ok = false;
	int			few_score = 0;
	strset		few,
				attempt;

	top.best_ok = top.second_ok = false;
	run.n = 1;
	run.len[0] = 0;
	while (*ps->p && *ps->p != '|' && *ps->p != ')')
	{
		info		piece;
		strset		piece_req;
		bool		piece_req_ok;
		int			piece_score = 0;

		parse_piece(ps, &piece);
		phrase = phrase && piece.phrase;
		pieces++;
		piece_req_ok = to_req(&piece, &piece_req);
		if (piece_req_ok)
		{
			piece_score = req_score(&piece_req);
			keep_small(&few_ok, &few, &few_score, &piece_req, piece_score);
		}
		if (piece.few_ok)
			keep_small(&few_ok, &few, &few_score, &piece.few,
					   req_score(&piece.few));
		if (run_ok && piece.exact_ok &&
			cross(&attempt, &run, &piece.exact))
		{
			set_copy(&run, &attempt);
			continue;
		}
		/* the run ends here: keep its requirement, then the piece's */
		whole_exact = false;
		if (is_required(&run))
		{
			int			run_score = req_score(&run);

			keep_two(&top, &run, run_score);
			keep_small(&few_ok, &few, &few_score, &run, run_score);
		}
		if (piece_req_ok)
			keep_two(&top, &piece_req, piece_score);
		if (piece.exact_ok && piece.exact.n <= MAXSTR)
		{
			/* an exact piece that did not fit starts the next run */
			set_copy(&run, &piece.exact);
			run_ok = true;
		}
		else
		{
			run.n = 1;
			run.len[0] = 0;
			run_ok = true;
		}
	}
	info_clear(out);
	if (whole_exact)
	{
		out->exact_ok = true;
		set_copy(&out->exact, &run);
		out->phrase = phrase && pieces > 0;
		out->few_ok = few_ok;
		if (few_ok)
			set_copy(&out->few, &few);
		return;
	}
	if (is_required(&run))
	{
		int			run_score = req_score(&run);

		keep_two(&top, &run, run_score);
		keep_small(&few_ok, &few, &few_score, &run, run_score);
	}
	out->req_ok = top.best_ok;
	if (top.best_ok)
		set_copy(&out->req, &top.best);
	out->req2_ok = top.second_ok;
	if (top.second_ok)
		set_copy(&out->req2, &top.second);
	if (top.best_ok)
		keep_small(&few_ok, &few, &few_score, &top.best, top.best_score);
	out->few_ok = few_ok;
	if (few_ok)
		set_copy(&out->few, &few);
}

/* Alternatives separated by '|'. */
static void
parse_alt(parser *ps, info *out)
{
	bool		exact_ok = true;
	bool		req_ok = true;
	bool		few_ok = true;
	bool		phrase = true;
	strset		exact,
				req,
				few;

	exact.n = 0;
	req.n = 0;
	few.n = 0;
	for (;;)
	{
		info		branch;
		strset		breq;
		bool		breq_ok;
		int			i;

		parse_concat(ps, &branch);
		phrase = phrase && branch.phrase;
		breq_ok = to_req(&branch, &breq);
		if (exact_ok && branch.exact_ok)
		{
			for (i = 0; i < branch.exact.n && exact_ok; i++)
				exact_ok = set_add(&exact, branch.exact.s[i],
								   branch.exact.len[i]);
		}
		else
			exact_ok = false;
		if (req_ok && breq_ok)
		{
			for (i = 0; i < breq.n && req_ok; i++)
				req_ok = set_add(&req, breq.s[i], breq.len[i]);
		}
		else
			req_ok = false;
		/* each branch's small one, for when the sets above overflow */
		if (few_ok)
		{
			bool		bfew_ok = branch.few_ok;
			strset	   *bfew = &branch.few;
			int			bfew_score;

			if (breq_ok)
			{
				bfew_score = bfew_ok ? req_score(bfew) : 0;
				keep_small(&bfew_ok, bfew, &bfew_score, &breq,
						   req_score(&breq));
			}
			if (!bfew_ok)
				few_ok = false;
			for (i = 0; few_ok && i < bfew->n; i++)
				few_ok = set_add(&few, bfew->s[i], bfew->len[i]);
		}
		if (*ps->p != '|')
			break;
		ps->p++;
	}
	info_clear(out);
	if (exact_ok)
	{
		out->exact_ok = true;
		set_copy(&out->exact, &exact);
		out->phrase = phrase;
	}
	else if (req_ok)
	{
		out->req_ok = true;
		set_copy(&out->req, &req);
	}
	else if (few_ok)
	{
		/* every branch holds one of its small ones: weaker, but required */
		out->req_ok = true;
		set_copy(&out->req, &few);
	}
	out->few_ok = few_ok;
	if (few_ok)
		set_copy(&out->few, &few);
}

/*
 * Constructs this analysis does not model, which could make a listed
 * literal unnecessary: extended mode (white space in the pattern is
 * ignored), verbs such as (*ACCEPT) or (*UCP) (which widens \s), control
 * and octal escapes, \N{U+..}, and back references. A pattern with any of
 * them gets no literal at all (its rule is then always tried).
 */
static bool
analysable(const char *pattern)
{
	const char *p;

	for (p = pattern; *p; p++)
	{
		if (p[0] == '(' && p[1] == '*')
			return false;
		/* a comment ends at the first ')' whatever it holds, and a
		 * quantifier after it applies to the item before it */
		if (p[0] == '(' && p[1] == '?' && p[2] == '#')
			return false;
		if (p[0] == '(' && p[1] == '?')
		{
			const char *q = p + 2;

			while (*q && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
						  *q == '-' || *q == '^'))
			{
				if (*q == 'x')
					return false;
				q++;
			}
		}
		if (p[0] == '\\' && p[1] != '\0')
		{
			char		e = p[1];

			if (e == 'c' || e == 'N' || e == 'o' || e == 'g' || e == 'k' ||
				(e >= '0' && e <= '9'))
				return false;
			p++;
		}
	}
	return true;
}

/* A word character for \b (pcre2 without UCP: ASCII letters, digits, _). */
static bool
is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_';
}

/*
 * Is s[0..len) a prefix of t[0..tlen)? Two phrases where one is a prefix
 * of the other could both match at one place, and then the alternation's
 * order, not the leftmost rule, decides; such sets are no phrase, unless a
 * trailing \b rules the shorter one out (user / users).
 */
static bool
is_prefix(const unsigned char *s, int len, const unsigned char *t, int tlen)
{
	return len <= tlen && memcmp(s, t, len) == 0;
}

/*
 * Decide whether a single-branch pattern, once a leading and a trailing
 * \b are set aside, is a phrase (see bounce_factors). If so its literals
 * become the phrase's strings.
 */
static void
find_phrase(const char *pattern, bounce_factors *out)
{
	size_t		len = strlen(pattern);
	char	   *inner;
	parser		ps;
	info	   *in;
	int			i,
				j;

	out->phrase = false;
	if (len >= 2 && pattern[0] == '\\' && pattern[1] == 'b')
	{
		out->bound_start = true;
		pattern += 2;
		len -= 2;
	}
	if (len >= 2 && pattern[len - 2] == '\\' && pattern[len - 1] == 'b' &&
		(len < 3 || pattern[len - 3] != '\\'))
	{
		out->bound_end = true;
		len -= 2;
	}
	inner = malloc(len + 1);
	in = malloc(sizeof(*in));
	if (inner == NULL || in == NULL)
	{
		free(inner);
		free(in);
		return;
	}
	memcpy(inner, pattern, len);
	inner[len] = '\0';
	ps.p = (const unsigned char *) inner;
	ps.depth = 0;
	parse_concat(&ps, in);
	if (*ps.p == '\0' && in->exact_ok && in->phrase && in->exact.n > 0 &&
		in->exact.n <= BOUNCE_FACTOR_MAX)
	{
		bool		ok = true;

		for (i = 0; i < in->exact.n && ok; i++)
		{
			int			l = in->exact.len[i];

			ok = l >= 1 && in->exact.s[i][0] != ' ' &&
				in->exact.s[i][l - 1] != ' ';
			for (j = 0; j < in->exact.n && ok; j++)
				if (j != i && is_prefix(in->exact.s[i], l, in->exact.s[j],
										in->exact.len[j]) &&
					!(out->bound_end && is_word(in->exact.s[i][l - 1]) &&
					  is_word(in->exact.s[j][l])))
					ok = false;
		}
		if (ok)
		{
			for (i = 0; i < in->exact.n; i++)
			{
				memcpy(out->text[i], in->exact.s[i], in->exact.len[i]);
				out->len[i] = in->exact.len[i];
			}
			out->count = in->exact.n;
			out->phrase = true;
		}
	}
	if (!out->phrase)
		out->bound_start = out->bound_end = false;
	free(inner);
	free(in);
}

/*
 * The top-level alternatives are analysed one by one, so a rule written as
 * a long list of phrasings keeps one requirement per phrasing (up to
 * BOUNCE_FACTOR_MAX in all) instead of overflowing a single set.
 */
void
bounce_pattern_factors(const char *pattern, bounce_factors *out)
{
	parser		ps;
	int			i;

	memset(out, 0, sizeof(*out));
	if (pattern == NULL || !analysable(pattern))
		return;
	ps.p = (const unsigned char *) pattern;
	ps.depth = 0;
	for (;;)
	{
		info		branch;
		strset		req;

		parse_concat(&ps, &branch);
		if (!to_req(&branch, &req) || out->count + req.n > BOUNCE_FACTOR_MAX)
		{
			out->count = 0;		/* this branch needs nothing: no filter */
			out->count2 = 0;
			return;
		}
		/* a single-branch pattern may also carry a second requirement */
		if (out->count == 0 && !branch.exact_ok && branch.req2_ok &&
			*ps.p != '|')
		{
			for (i = 0; i < branch.req2.n; i++)
			{
				memcpy(out->text2[i], branch.req2.s[i], branch.req2.len[i]);
				out->len2[i] = branch.req2.len[i];
			}
			out->count2 = branch.req2.n;
		}
		for (i = 0; i < req.n; i++)
		{
			memcpy(out->text[out->count], req.s[i], req.len[i]);
			out->len[out->count] = req.len[i];
			out->count++;
		}
		if (*ps.p != '|')
			break;
		ps.p++;
	}
	/* a stray ')' ends the branch early: the rest is then "anything" */
	if (*ps.p != '\0')
	{
		out->count = 0;
		out->count2 = 0;
		return;
	}
	find_phrase(pattern, out);
}
