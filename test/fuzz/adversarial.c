/*
 * adversarial.c: the worst time per built-in rule on texts made to be slow
 * for it ("make adversarial"; the table of docs/reliability.md).
 *
 * usage: adversarial [-n TOP] [-r REPEAT] [-m MAX_MS] [-o PREFIX] [-q]
 *
 * For every rule of core/rules_builtin.c (bounce_builtin_specs[]) the
 * texts are built from what its pattern loops on: the words of the pattern
 * (runs of letters outside escapes), their letters, the literals the
 * prefilter extracts (bounce_pattern_factors), white space and digits:
 *
 *   spaces, mixed white space, digits, the rule's letters (with and without
 *   spaces, and with '!' between repeats: a word boundary every few bytes
 *   and no white space), each word repeated (with and without spaces, and
 *   with hyphens: one run of an address's characters to the end; the
 *   words right before an open repeat such as \p{L}* first), all
 *   words in turn, each literal repeated, each literal less its last byte
 *   repeated (the near miss), and all words in turn ending with each
 *   literal (the prefilter then has a reason to run the regex over the
 *   whole text).
 *
 * Each text fills exactly BOUNCE_SCAN_LIMIT (65,536) bytes, the most the
 * core examines, and is classified with a status that meets the rule's
 * condition ("when"). Three timings, each the fastest of REPEAT runs
 * (default 3):
 *
 *   rule     the rule alone, compiled as a one-rule set, prefilter path
 *            (what this rule's pattern costs)
 *   all      bounce_classify with every built-in rule (what a query pays)
 *   ref      the rule's whole pattern alone, no prefilter (the reference
 *            path the tests compare with: JIT-compiled on texts this
 *            long, the interpreter with BOUNCE_NO_JIT=1)
 *
 * Prints the TOP (default 20) rules by their worst "rule" time as a
 * Markdown table, the worst "all" time over every text, the worst "ref"
 * time (which the table, ordered by "rule", can leave out), and the worst text
 * stretched to 100 MB (the core reads 64 KiB of it: the same time). Then
 * "N passed, N failed": a check per text that classification succeeded
 * within MAX_MS (default 250) milliseconds on every path. pcre2 JIT unless
 * BOUNCE_NO_JIT=1. -o PREFIX measures only the rules whose id starts with
 * PREFIX (one rule's margin in seconds rather than the whole run's minutes).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../core/internal.h"

#define MAX_WORDS	64
#define MAX_TEXTS	256

typedef struct timing
{
	double		rule,
				all,
				ref;
	bool		limit_hit;
	const char *shape;			/* static description */
	char		atom[48];		/* what was repeated */
} timing;

typedef struct worst
{
	size_t		spec;
	timing		t;
} worst;

static int	repeat = 3;
static double max_ms = 250.0;
static int	n_passed,
			n_failed;
static bool quiet;
static const char *only_prefix;	/* -o: rules whose id starts with it */

/* BOUNCE_NO_JIT as the core reads it (jit_wanted) */
static bool
jit_off(void)
{
	const char *off = getenv("BOUNCE_NO_JIT");

	return off != NULL && *off != '\0' && *off != '0';
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A status that makes the rule's condition hold. */
static const char *
status_for(bounce_when when)
{
	switch (when)
	{
		case BOUNCE_WHEN_TRANSIENT:
		case BOUNCE_WHEN_GREYCODE:
			return "451 4.7.1";
		case BOUNCE_WHEN_X41:
		case BOUNCE_WHEN_DBEBCODE:
			return "550 5.4.1";
		case BOUNCE_WHEN_SENDERCODE:
			return "553 5.1.7";
		case BOUNCE_WHEN_PERMANENT:
		case BOUNCE_WHEN_NOX41:
		case BOUNCE_WHEN_NOMAILBOXCODE:
		case BOUNCE_WHEN_NOCODE:
		case BOUNCE_WHEN_TEMPORNOCODE:
			return "550";
		default:
			return NULL;
	}
}

/*
 * Does an open repeat of a class that takes letters start at p: \S*, \w+,
 * \p{L}*, [^...]*?
 * Glued copies of the word before one are the texts that can make a
 * pattern quadratic: from every copy the class runs to the text's end.
 */
static bool
open_repeat_at(const char *p)
{
	const char *q = NULL;

	/* classes that take letters; \s and \d stop at the next word */
	if (p[0] == '\\' && p[1] == 'p' && p[2] == '{')
		q = strchr(p, '}');
	else if (p[0] == '\\' && (p[1] == 'S' || p[1] == 'w' || p[1] == 'D'))
		q = p + 1;
	else if (p[0] == '[' && p[1] == '^')
	{
		q = p + 2;
		if (*q == ']')
			q++;
		while (*q && *q != ']')
			q += (*q == '\\' && q[1]) ? 2 : 1;
	}
	return q != NULL && *q != '\0' && (q[1] == '*' || q[1] == '+');
}

/*
 * The words of a pattern: runs of letters (and UTF-8 bytes) outside
 * escapes. Those right before an open repeat come first, so a rule with
 * more words than max keeps them.
 */
static int
pattern_words(const char *pattern, char words[][BOUNCE_FACTOR_LEN], int max)
{
	int			n = 0,
				k,
				pass;

	for (pass = 0; pass < 2; pass++)
	{
		char		cur[BOUNCE_FACTOR_LEN];
		size_t		len = 0;
		const char *p;

		for (p = pattern;; p++)
		{
			unsigned char c = (unsigned char) *p;
			bool		letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;

			if (letter && len + 1 < sizeof(cur))
			{
				cur[len++] = (char) c;
				continue;
			}
			if (len >= 2 && n < max && (pass == 1 || open_repeat_at(p)))
			{
				cur[len] = '\0';
				for (k = 0; k < n; k++)
					if (strcmp(words[k], cur) == 0)
						break;
				if (k == n)
					strcpy(words[n++], cur);
			}
			len = 0;
			if (c == '\0')
				break;
			if (c == '\\' && p[1] != '\0')
				p++;			/* \s, \b, \d, \w, \. ...: not letters */
		}
	}
	return n;
}

/* Fill buf (BOUNCE_SCAN_LIMIT bytes) with atoms in turn, then tail. */
static void
fill(char *buf, const char *const *atoms, int natoms, const char *sep,
	 const char *tail)
{
	size_t		tail_len = tail ? strlen(tail) : 0,
				end = BOUNCE_SCAN_LIMIT - tail_len,
				o = 0;
	int			i = 0;

	while (o < end)
	{
		const char *a = atoms[i++ % natoms];
		size_t		l = strlen(a),
					s = strlen(sep);

		if (l == 0 && s == 0)
			break;
		memcpy(buf + o, a, o + l <= end ? l : end - o);
		o += l;
		if (o >= end)
			break;
		memcpy(buf + o, sep, o + s <= end ? s : end - o);
		o += s;
	}
	if (o > end)
		o = end;
	memset(buf + o, ' ', end - o);
	if (tail_len)
		memcpy(buf + end, tail, tail_len);
}

/* Fastest of `repeat` runs of one classification, in seconds. */
static double
time_one(const bounce_ruleset *set, bool prefilter, bounce_matcher *m,
		 const char *status, const char *text, size_t len, int *rc,
		 bool *limit_hit)
{
	double		best = 1e9;
	int			k;
	bounce_result r;

	for (k = 0; k < repeat; k++)
	{
		double		t0 = now(),
					t;

		if (set == NULL)
			*rc = bounce_classify(m, status, status ? strlen(status) : 0,
								  text, len, &r);
		else
			*rc = bounce_classify_with(set, prefilter, m, status,
									   status ? strlen(status) : 0, text, len, &r);
		t = now() - t0;
		if (t < best)
			best = t;
		if (r.limit_hit)
			*limit_hit = true;
		if (*rc != BOUNCE_OK)
			break;
	}
	return best;
}

static void
measure(const bounce_ruleset *alone, bounce_matcher *m, const char *status,
		const char *text, const char *shape, const char *atom, timing *t)
{
	int			rc1,
				rc2,
				rc3;
	bool		lim = false;
	double		worst_ms;

	t->rule = time_one(alone, true, m, status, text, BOUNCE_SCAN_LIMIT, &rc1, &lim);
	t->all = time_one(NULL, true, m, status, text, BOUNCE_SCAN_LIMIT, &rc2, &lim);
	t->ref = time_one(alone, false, m, status, text, BOUNCE_SCAN_LIMIT, &rc3, &lim);
	t->limit_hit = lim;
	t->shape = shape;
	snprintf(t->atom, sizeof(t->atom), "%s", atom);
	worst_ms = 1e3 * (t->rule > t->all ? (t->rule > t->ref ? t->rule : t->ref)
					  : (t->all > t->ref ? t->all : t->ref));
	if (rc1 == BOUNCE_OK && rc2 == BOUNCE_OK && rc3 == BOUNCE_OK && worst_ms <= max_ms)
		n_passed++;
	else
	{
		n_failed++;
		printf("FAIL %s on %s \"%s\": rc %d/%d/%d, %.2f ms (limit %.0f ms)\n",
			   alone ? bounce_ruleset_spec(alone, 0)->id : "?", shape, atom,
			   rc1, rc2, rc3, worst_ms, max_ms);
	}
}

/* A printable, shortened form of an atom for the table. */
static void
show_atom(const char *atom, char *out, size_t size)
{
	size_t		i,
				o = 0;

	for (i = 0; atom[i] && o + 5 < size; i++)
	{
		unsigned char c = (unsigned char) atom[i];

		if (c == '\t')
			o += (size_t) snprintf(out + o, size - o, "\\t");
		else if (c == '\r')
			o += (size_t) snprintf(out + o, size - o, "\\r");
		else if (c == '\n')
			o += (size_t) snprintf(out + o, size - o, "\\n");
		else if (c == '|')
			o += (size_t) snprintf(out + o, size - o, "\\|");
		else
			out[o++] = (char) c;
	}
	if (atom[i])
	{
		while (o > 0 && ((unsigned char) out[o - 1] & 0xC0) == 0x80)
			o--;			/* do not cut a character */
		if (o > 0 && (unsigned char) out[o - 1] >= 0xC0)
			o--;
		out[o++] = '.';
		out[o++] = '.';
	}
	out[o] = '\0';
}

static int
by_rule_time(const void *a, const void *b)
{
	double		x = ((const worst *) a)->t.rule,
				y = ((const worst *) b)->t.rule;

	return x < y ? 1 : x > y ? -1 : 0;
}

int
main(int argc, char **argv)
{
	int			top = 20,
				opt,
				err;
	size_t		i,
				ntexts = 0;
	char	   *text = malloc(BOUNCE_SCAN_LIMIT);
	char	   *worst_text = malloc(BOUNCE_SCAN_LIMIT);
	char	   *big;
	size_t		big_len = (size_t) 100 * 1024 * 1024;
	bounce_matcher *m = bounce_matcher_new();
	const bounce_ruleset *builtin = bounce_builtin_ruleset(&err);
	worst	   *per_rule;
	timing		overall = {0},
				slowest_ref = {0};
	const char *overall_status = NULL;
	char		overall_text_rule[96] = "",
				slowest_ref_rule[96] = "";
	double		t_big,
				t_small;
	int			rc;
	bool		lim = false;
	bounce_factors *f = malloc(sizeof(*f));

	while ((opt = getopt(argc, argv, "n:r:m:o:q")) != -1)
	{
		if (opt == 'n')
			top = atoi(optarg);
		else if (opt == 'r')
			repeat = atoi(optarg) > 0 ? atoi(optarg) : 1;
		else if (opt == 'm')
			max_ms = atof(optarg);
		else if (opt == 'o')
			only_prefix = optarg;
		else if (opt == 'q')
			quiet = true;
		else
		{
			fprintf(stderr, "usage: adversarial [-n TOP] [-r REPEAT] [-m MAX_MS] [-o PREFIX] [-q]\n");
			return 2;
		}
	}
	per_rule = calloc(bounce_builtin_spec_count, sizeof(worst));
	if (text == NULL || worst_text == NULL || m == NULL || builtin == NULL || f == NULL || per_rule == NULL)
	{
		printf("FAIL adversarial: cannot initialise\n0 passed, 1 failed\n");
		return 1;
	}

	for (i = 0; i < bounce_builtin_spec_count; i++)
	{
		const bounce_rule_spec *spec = &bounce_builtin_specs[i];
		const char *status = status_for(spec->when);
		char		words[MAX_WORDS][BOUNCE_FACTOR_LEN];
		char		literals[BOUNCE_FACTOR_MAX][BOUNCE_FACTOR_LEN + 1];
		char		letters[128];
		const char *atoms[MAX_WORDS];
		int			nwords = pattern_words(spec->pattern, words, MAX_WORDS),
					nlit = 0,
					k;
		size_t		nletters = 0,
					nbranches = 0,
					b;
		char	  **branches;
		bounce_ruleset *alone;
		timing		t;

		per_rule[i].spec = i;
		per_rule[i].t.rule = -1;
		if (only_prefix != NULL &&
			strncmp(spec->id, only_prefix, strlen(only_prefix)) != 0)
			continue;
		alone = bounce_ruleset_compile(spec, 1, &err, NULL, 0);
		if (alone == NULL)
		{
			printf("FAIL %s: cannot compile alone\n", spec->id);
			n_failed++;
			continue;
		}
#define TRY(shape, atom) do { \
			measure(alone, m, status, text, (shape), (atom), &t); \
			ntexts++; \
			if (t.rule > per_rule[i].t.rule) per_rule[i].t = t; \
			if (t.ref > slowest_ref.ref) { slowest_ref = t; \
				snprintf(slowest_ref_rule, sizeof(slowest_ref_rule), "%s", spec->id); } \
			if (t.all > overall.all) { overall = t; overall_status = status; \
				memcpy(worst_text, text, BOUNCE_SCAN_LIMIT); \
				snprintf(overall_text_rule, sizeof(overall_text_rule), "%s", spec->id); } \
		} while (0)

		/*
		 * The literals the prefilter looks for (ASCII ones: they are
		 * folded), branch by branch as the rule set indexes them: a whole
		 * pattern with more alternatives than a factor table holds has none.
		 */
		branches = bounce_split_branches(spec->pattern, &nbranches);
		if (branches == NULL)
		{
			printf("FAIL %s: out of memory\n", spec->id);
			n_failed++;
			bounce_ruleset_free(alone);
			continue;
		}
		for (b = 0; b < nbranches; b++)
		{
			memset(f, 0, sizeof(*f));
			bounce_pattern_factors(branches[b], f);
			for (k = 0; k < f->count && nlit < BOUNCE_FACTOR_MAX; k++)
			{
				int			j,
							ascii = 1;

				for (j = 0; j < f->len[k]; j++)
					if (f->text[k][j] >= 0x80)
						ascii = 0;
				if (!ascii || f->len[k] < 3)
					continue;
				memcpy(literals[nlit], f->text[k], (size_t) f->len[k]);
				literals[nlit][f->len[k]] = '\0';
				nlit++;
			}
			free(branches[b]);
		}
		free(branches);
		/* the letters of its words */
		for (k = 0; k < nwords; k++)
		{
			const char *w;

			for (w = words[k]; *w; w++)
			{
				char		c = (char) (*w >= 'A' && *w <= 'Z' ? *w + 32 : *w);

				if ((unsigned char) c < 0x80 && !memchr(letters, c, nletters) &&
					nletters + 1 < sizeof(letters))
					letters[nletters++] = c;
			}
		}
		letters[nletters] = '\0';

		atoms[0] = " ";
		fill(text, atoms, 1, "", NULL);
		TRY("spaces", " ");
		atoms[0] = " \t\r\n";
		fill(text, atoms, 1, "", NULL);
		TRY("white space", " \t\r\n");
		atoms[0] = "1";
		fill(text, atoms, 1, " ", NULL);
		TRY("digits, spaced", "1 ");
		if (nletters > 0)
		{
			atoms[0] = letters;
			fill(text, atoms, 1, "", NULL);
			TRY("its letters", letters);
			fill(text, atoms, 1, " ", NULL);
			TRY("its letters, spaced", letters);
			/* a word boundary every few bytes and no white space: where a
			 * branch starting with an unbounded class may start anywhere
			 * and run to the end */
			fill(text, atoms, 1, "!", NULL);
			TRY("its letters, punctuated", letters);
		}
		for (k = 0; k < nwords && k < 12; k++)
		{
			atoms[0] = words[k];
			fill(text, atoms, 1, " ", NULL);
			TRY("a word, spaced", words[k]);
			fill(text, atoms, 1, "", NULL);
			TRY("a word, glued", words[k]);
			/* a word edge every few bytes, yet one run of [\w.+-] to the
			 * end: where a look-ahead for an address's "@" or a host's dot
			 * after each word reads the whole rest of the text */
			fill(text, atoms, 1, "-", NULL);
			TRY("a word, hyphenated", words[k]);
		}
		for (k = 0; k < nwords; k++)
			atoms[k] = words[k];
		if (nwords > 0)
		{
			char		joined[48];
			size_t		o = 0;

			for (k = 0; k < nwords && o + strlen(words[k]) + 1 < sizeof(joined); k++)
				o += (size_t) snprintf(joined + o, sizeof(joined) - o, "%s%s",
									   k ? " " : "", words[k]);
			fill(text, atoms, nwords, " ", NULL);
			TRY("its words in turn", joined);
		}
		for (k = 0; k < nlit && k < 12; k++)
		{
			char		near[BOUNCE_FACTOR_LEN + 1];
			char		tail[BOUNCE_FACTOR_LEN + 2];
			const char *one[1];

			one[0] = literals[k];
			fill(text, one, 1, " ", NULL);
			TRY("a literal, repeated", literals[k]);
			memcpy(near, literals[k], sizeof(near));
			near[strlen(near) - 1] = '\0';
			one[0] = near;
			fill(text, one, 1, " ", NULL);
			TRY("a literal less its last byte", near);
			if (nwords > 0)
			{
				tail[0] = ' ';
				memcpy(tail + 1, literals[k], sizeof(tail) - 1);
				fill(text, atoms, nwords, " ", tail);
				TRY("its words, then a literal", literals[k]);
			}
		}
#undef TRY
		bounce_ruleset_free(alone);
	}

	qsort(per_rule, bounce_builtin_spec_count, sizeof(worst), by_rule_time);
	printf("Rules: %zu; texts: %zu of %d bytes each; timings: fastest of %d runs; pcre2 JIT %s.\n\n",
		   bounce_builtin_spec_count, ntexts, BOUNCE_SCAN_LIMIT, repeat,
		   jit_off() ? "off" : "on");
	printf("| # | rule | worst text (64 KiB of) | rule alone, ms | all rules, ms | reference, ms | limit hit |\n");
	printf("|---|---|---|---:|---:|---:|---|\n");
	for (i = 0; i < bounce_builtin_spec_count && (int) i < top; i++)
	{
		const worst *w = &per_rule[i];
		char		atom[64];

		if (w->t.rule < 0)
			break;				/* left out by -o: sorted last */

		show_atom(w->t.atom, atom, sizeof(atom));
		printf("| %zu | `%s` | %s: `%s` | %.3f | %.3f | %.3f | %s |\n", i + 1,
			   bounce_builtin_specs[w->spec].id, w->t.shape, atom,
			   w->t.rule * 1e3, w->t.all * 1e3, w->t.ref * 1e3,
			   w->t.limit_hit ? "yes" : "no");
	}

	/*
	 * Texts made for the unwrapping (core/unwrap.c), which reads every text
	 * before any rule: continuation prefixes, a new code after a run of
	 * digits it has to look back over, folds, no-break spaces, quoted codes,
	 * apostrophes; and for the repair of bytes that are not UTF-8 before it.
	 */
	{
		static const struct
		{
			const char *shape;
			const char *atom;
			const char *shown;
		}			unwrap_texts[] = {
			{"a continuation prefix, repeated", " 550-5.1.1", " 550-5.1.1"},
			{"a prefix and a word, repeated", " 550 5.1.1 x", " 550 5.1.1 x"},
			{"a quoted code, repeated", ": 553 x", ": 553 x"},
			{"a folded line, repeated", "x\r\n\t", "x\r\n\t"},
			{"a no-break space, repeated", "\xC2\xA0", "U+00A0"},
			{"an apostrophe and a letter, repeated", "\xE2\x80\x99t", "U+2019 t"},
			{"words joined by underscores, repeated", "no_such_user_", "no_such_user_"},
			{"a byte that is not UTF-8, repeated", "\x92", "0x92"},
			{"fives, then a code not seen yet", NULL, "5...5 5dd-"},
			{"an enhanced code alone, repeated", " 5.7.1", " 5.7.1"},
			{"fives, then enhanced codes", NULL, "5...5 5.7.1 5.d.d"},
		};
		const char *one[1];
		size_t		k;

		printf("\nTexts made for the unwrapping, all rules (64 KiB of):\n\n");
		printf("| text | ms |\n|---|---:|\n");
		for (k = 0; k < sizeof(unwrap_texts) / sizeof(unwrap_texts[0]); k++)
		{
			timing		t;
			char		atom[64];

			memset(&t, 0, sizeof(t));
			if (unwrap_texts[k].atom != NULL)
			{
				one[0] = unwrap_texts[k].atom;
				fill(text, one, 1, "", NULL);
			}
			else if (strcmp(unwrap_texts[k].shape, "fives, then a code not seen yet") == 0)
			{
				size_t		o = 0,
							block = 0;

				/* each code new: "555...5 501-", "555...5 502-", ... */
				while (o + 56 <= BOUNCE_SCAN_LIMIT)
				{
					memset(text + o, '5', 50);
					o += 50;
					o += (size_t) sprintf(text + o, " %d%02d-",
										  2 + (int) (block / 100) % 4, (int) (block % 100));
					block++;
				}
				memset(text + o, ' ', BOUNCE_SCAN_LIMIT - o);
			}
			else
			{
				size_t		o = BOUNCE_SCAN_LIMIT / 2,
							block = 0;

				/*
				 * Half the text fives, then enhanced codes, each seen
				 * before after the fives, and then more different ones
				 * than are kept: " 5.7.1 5.0.0 5.7.1 5.0.1 ..."
				 */
				memset(text, '5', o);
				while (o + 24 <= BOUNCE_SCAN_LIMIT)
				{
					o += (size_t) sprintf(text + o, " 5.7.1 5.%d.%d",
										  (int) (block / 1000) % 1000, (int) (block % 1000));
					block++;
				}
				memset(text + o, ' ', BOUNCE_SCAN_LIMIT - o);
			}
			t.all = time_one(NULL, true, m, NULL, text, BOUNCE_SCAN_LIMIT, &rc, &lim);
			t.shape = unwrap_texts[k].shape;
			snprintf(t.atom, sizeof(t.atom), "%s", unwrap_texts[k].shown);
			show_atom(t.atom, atom, sizeof(atom));
			printf("| %s: `%s` | %.3f |\n", t.shape, atom, t.all * 1e3);
			if (rc == BOUNCE_OK && t.all * 1e3 <= max_ms)
				n_passed++;
			else
			{
				printf("FAIL unwrapping text %s: rc %d, %.2f ms\n", t.shape, rc, t.all * 1e3);
				n_failed++;
			}
			if (t.all > overall.all)
			{
				overall = t;
				overall_status = NULL;
				memcpy(worst_text, text, BOUNCE_SCAN_LIMIT);
				snprintf(overall_text_rule, sizeof(overall_text_rule), "the unwrapping");
			}
		}
	}

	/* the slowest text for the whole classifier, at 64 KiB and at 100 MB */
	{
		char		atom[64];

		show_atom(overall.atom, atom, sizeof(atom));
		printf("\nSlowest text for bounce_classify (all rules): \"%s: `%s`\" (made for `%s`), %.3f ms.\n",
			   overall.shape, atom, overall_text_rule, overall.all * 1e3);
		/* the table orders rules by their prefilter time; the reference path's worst can sit elsewhere */
		show_atom(slowest_ref.atom, atom, sizeof(atom));
		printf("Slowest reference path (one rule's whole pattern, %s): `%s` on \"%s: `%s`\", %.3f ms.\n",
			   jit_off() ? "pcre2 interpreter" : "JIT-compiled", slowest_ref_rule, slowest_ref.shape, atom, slowest_ref.ref * 1e3);
	}
	big = malloc(big_len);
	if (big == NULL)
	{
		printf("FAIL adversarial: no memory for 100 MB\n");
		n_failed++;
	}
	else
	{
		/* that text, repeated */
		size_t		o;

		for (o = 0; o < big_len; o += BOUNCE_SCAN_LIMIT)
			memcpy(big + o, worst_text,
				   big_len - o < BOUNCE_SCAN_LIMIT ? big_len - o : BOUNCE_SCAN_LIMIT);
		t_small = time_one(NULL, true, m, overall_status, big, BOUNCE_SCAN_LIMIT, &rc, &lim);
		t_big = time_one(NULL, true, m, overall_status, big, big_len, &rc, &lim);
		printf("That text repeated to 100 MB (104,857,600 bytes): %.3f ms (its first 64 KiB alone: %.3f ms).\n",
			   t_big * 1e3, t_small * 1e3);
		if (rc == BOUNCE_OK && t_big * 1e3 <= max_ms)
			n_passed++;
		else
		{
			printf("FAIL 100 MB text: rc %d, %.2f ms\n", rc, t_big * 1e3);
			n_failed++;
		}
		free(big);
	}
	printf("\n%d passed, %d failed\n", n_passed, n_failed);
	free(per_rule);
	free(text);
	free(worst_text);
	free(f);
	bounce_matcher_free(m);
	return n_failed ? 1 : 0;
}
