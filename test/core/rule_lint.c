/*
 * rule_lint.c: the built-in rules that never decide a row of the corpus,
 * and why ("make lint-rules").
 *
 * usage: rule_lint FILE.tsv...
 *
 * Every corpus row is classified with the whole built-in rule set, which
 * names the rule that decides it. An "aside" rule decides nothing: it
 * counts as deciding when its pattern matches a row (it sets a sentence
 * aside there). Every rule is also compiled on its own
 * (bounce_ruleset_compile of that one spec) and tried on every row, once as
 * it is (its pattern matches and its "when" condition holds: the rule
 * applies) and once with the condition dropped (the pattern matches). A
 * rule that decides no row is then one of:
 *
 *   untested   no corpus row matches its pattern: dead, or the corpus
 *              lacks an example of the message it was written for;
 *   condition  the pattern matches some rows, but the condition never
 *              holds on them;
 *   shadowed   it applies to some rows, and every one of them is decided
 *              by an earlier rule: listed with the earlier rules and
 *              whether they give the same category (the rule is redundant
 *              on the corpus) or another one (the rule's own answer never
 *              happens there).
 *
 * It also lists the rules with a branch that has no literal the scan can
 * index: such a branch runs its regex on every text; and the branches
 * whose every literal is made of windows frequent in bounce texts
 * (core/frequent_grams.def, as core/factor.c scores literals): such a
 * branch runs its regex on most texts ("smtp" alone once cost the whole
 * rule set 8% more instructions a row); and the branches that one literal
 * of 3 bytes admits with no second requirement and no phrase: such a
 * branch runs its regex at every occurrence of those bytes (a
 * dmarc.spf branch held by "spf" alone took 16 ms on 64 KiB of "spf ");
 * and, measured rather than judged, the branches the scan admits on many
 * corpus rows that their regex then rejects: a literal cut short by a
 * letter the scan cannot fold (a grey-list word in Swedish, "gr(å|a)list",
 * was held by "list" alone and searched on nearly every text: 5% more
 * regex searches a row, which no other check showed).
 *
 * Rows are read as corpus_test reads them: a header naming id, status and
 * diagnostic; tab-separated; an empty field is NULL. The report informs:
 * the exit status is 0 whatever it finds (2 when it cannot run).
 */
#define _GNU_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"
#include "tsv.h"

typedef struct row
{
	char	   *id;
	char	   *status;			/* NULL: absent */
	char	   *diagnostic;		/* NULL: absent */
	long		decider;		/* rule index deciding it, -1: none */
} row;

typedef struct rows
{
	row		   *v;
	size_t		n;
	size_t		cap;
} rows;

static char *
copy_field(const char *s)
{
	char	   *c;

	if (s[0] == '\0')
		return NULL;
	if ((c = strdup(s)) == NULL)
	{
		perror("rule_lint");
		exit(2);
	}
	return c;
}

static void
read_corpus(const char *path, rows *out)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	char		header[4096];
	char	   *names[MAXCOLS];
	int			ncols,
				cid,
				cstatus,
				cdiag;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	if ((ncols = read_header(f, path, header, sizeof(header), names)) < 0)
		exit(2);
	cid = column(names, ncols, "id");
	cstatus = column(names, ncols, "status");
	cdiag = column(names, ncols, "diagnostic");
	if (cid < 0 || cstatus < 0 || cdiag < 0)
	{
		fprintf(stderr, "%s: header lacks id/status/diagnostic\n", path);
		exit(2);
	}
	while (getline(&line, &cap, f) > 0)
	{
		char	   *cols[MAXCOLS];
		int			n;
		row		   *r;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0')
			continue;
		n = split(line, cols);
		if (n <= cid || n <= cstatus || n <= cdiag)
			continue;
		if (out->n == out->cap)
		{
			out->cap = out->cap ? out->cap * 2 : 1024;
			out->v = realloc(out->v, out->cap * sizeof(row));
			if (out->v == NULL)
			{
				perror("rule_lint");
				exit(2);
			}
		}
		r = &out->v[out->n++];
		r->id = copy_field(cols[cid]);
		r->status = copy_field(cols[cstatus]);
		r->diagnostic = copy_field(cols[cdiag]);
		r->decider = -1;
	}
	free(line);
	fclose(f);
}

static int
classify(const bounce_ruleset *set, bounce_matcher *m, const row *r,
		 bounce_result *res)
{
	return bounce_classify_with(set, true, m, r->status,
								r->status ? strlen(r->status) : 0,
								r->diagnostic,
								r->diagnostic ? strlen(r->diagnostic) : 0,
								res);
}

/* Does the one-rule set decide the row by its rule? */
static bool
rule_matches(const bounce_ruleset *one, bounce_matcher *m, const row *r)
{
	bounce_result res;
	int			rc = classify(one, m, r, &res);

	if (rc < 0)
	{
		fprintf(stderr, "rule_lint: %s\n", bounce_strerror(rc));
		exit(2);
	}
	return rc == BOUNCE_OK && res.signal == BOUNCE_SIGNAL_RULE;
}

static bounce_ruleset *
compile_one(const bounce_rule_spec *spec)
{
	char		errbuf[256];
	int			err;
	bounce_ruleset *set = bounce_ruleset_compile(spec, 1, &err, errbuf,
												 sizeof(errbuf));

	if (set == NULL)
	{
		fprintf(stderr, "rule_lint: %s: %s\n", spec->id,
				errbuf[0] ? errbuf : bounce_strerror(err));
		exit(2);
	}
	return set;
}

static const char *
when_name(bounce_when when)
{
	static const char *const names[] = {
#define WHEN(id, name) name,
		BOUNCE_WHEN_LIST
#undef WHEN
	};

	return (unsigned) when < BOUNCE_WHEN_COUNT ? names[when] : "?";
}

static void
print_rule(const bounce_rule_spec *spec)
{
	printf("  %-32s %s (%s%s%s)\n", spec->id,
		   spec->origin ? spec->origin : "?",
		   bounce_category_name(spec->category),
		   spec->when != BOUNCE_WHEN_ANY ? ", when " : "",
		   spec->when != BOUNCE_WHEN_ANY ? when_name(spec->when) : "");
}

/* Does only a literal made of frequent windows index the branch? */
static bool
only_frequent(const char *branch, const bounce_factors *f, void *arg)
{
	int			k;

	for (k = 0; k < f->count; k++)
		if (!bounce_literal_is_frequent(f->text[k], f->len[k]))
			return false;
	return f->count > 0;
}

/*
 * Does a literal of BOUNCE_LITERAL_MIN bytes admit the branch with nothing
 * else required (no second requirement, not a phrase the scan decides)?
 */
static bool
short_alone(const char *branch, const bounce_factors *f, void *arg)
{
	int			k;

	if (f->count2 > 0 || f->phrase)
		return false;
	for (k = 0; k < f->count; k++)
		if (f->len[k] <= BOUNCE_LITERAL_MIN)
			return true;
	return false;
}

/*
 * Print the rule's branches whose literals are weak as judged (with what
 * the judge found, if it says); how many.
 */
static size_t
print_weak_branches(const bounce_rule_spec *spec,
					bool (*weak) (const char *branch, const bounce_factors *f,
								  void *arg),
					void (*say) (void *arg), void *arg)
{
	static bounce_factors f;
	size_t		nbranches = 0,
				b,
				found = 0;
	char	  **branches = bounce_split_branches(spec->pattern, &nbranches);

	if (branches == NULL)
		return 0;
	for (b = 0; b < nbranches; b++)
	{
		int			k;

		memset(&f, 0, sizeof(f));
		bounce_pattern_factors(branches[b], &f);
		if (weak(branches[b], &f, arg))
		{
			if (found++ == 0)
				print_rule(spec);
			printf("      ");
			if (say != NULL)
				say(arg);
			printf("%.*s", f.len[0], (const char *) f.text[0]);
			for (k = 1; k < f.count; k++)
				printf(" | %.*s", f.len[k], (const char *) f.text[k]);
			printf("   (branch: %.60s%s)\n", branches[b],
				   strlen(branches[b]) > 60 ? "..." : "");
		}
		free(branches[b]);
	}
	free(branches);
	return found;
}

/*
 * A row's diagnostic as the scan compares literals with it: every byte
 * folded by bounce_fold (as the literals are stored), white-space runs one
 * space. Approximate (no unwrapping), which is enough to count admissions.
 */
static char *
fold_for_scan(const char *text, size_t *len)
{
	size_t		n = strlen(text),
				i,
				o = 0;
	char	   *out = malloc(n + 1);

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++)
	{
		unsigned char c = bounce_fold((unsigned char) text[i]);

		if (c == ' ' && o > 0 && out[o - 1] == ' ')
			continue;
		out[o++] = (char) c;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* Does the folded text hold one of the n literals? */
static bool
holds_one(const char *t, size_t tlen, int n,
		  const unsigned char (*lits)[BOUNCE_FACTOR_LEN], const int *lens)
{
	int			k;

	for (k = 0; k < n; k++)
		if (memmem(t, tlen, lits[k], (size_t) lens[k]) != NULL)
			return true;
	return false;
}

/* The corpus, folded for the scan, and what costly() last counted. */
typedef struct admission
{
	char	  **folded;
	const size_t *flen;
	const rows *corpus;
	size_t		min_rows;
	size_t		admitted;		/* rows the scan admits the branch on */
	size_t		matched;		/* rows its regex matches */
} admission;

/*
 * Does the scan admit the branch on at least min_rows rows, of which its
 * own regex matches fewer than one in ten?
 */
static bool
costly(const char *branch, const bounce_factors *f, void *arg)
{
	admission  *a = arg;
	pcre2_code *re;
	pcre2_match_data *md;
	int			code;
	PCRE2_SIZE	off;
	size_t		k;

	a->admitted = a->matched = 0;
	for (k = 0; f->count > 0 && k < a->corpus->n; k++)
		if (a->folded[k] != NULL &&
			holds_one(a->folded[k], a->flen[k], f->count, f->text, f->len) &&
			(f->count2 == 0 ||
			 holds_one(a->folded[k], a->flen[k], f->count2, f->text2, f->len2)))
			a->admitted++;
	if (a->admitted < a->min_rows ||
		(re = pcre2_compile((PCRE2_SPTR) branch, PCRE2_ZERO_TERMINATED,
							BOUNCE_COMPILE_OPTIONS, &code, &off, NULL)) == NULL)
		return false;
	md = pcre2_match_data_create_from_pattern(re, NULL);
	for (k = 0; md != NULL && k < a->corpus->n; k++)
		if (a->corpus->v[k].diagnostic != NULL &&
			pcre2_match(re, (PCRE2_SPTR) a->corpus->v[k].diagnostic,
						PCRE2_ZERO_TERMINATED, 0, 0, md, NULL) >= 0)
			a->matched++;
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return a->matched * 10 < a->admitted;
}

static void
say_admission(void *arg)
{
	admission  *a = arg;

	printf("admitted on %zu rows, matches %zu: ", a->admitted, a->matched);
}

typedef struct finding
{
	size_t		rule;
	size_t		applies;		/* rows it applies to on its own */
	size_t		matches;		/* rows its pattern matches */
	const char *example;		/* a row id of the rows it applies to */
} finding;

int
main(int argc, char **argv)
{
	rows		corpus = {0};
	bounce_matcher *m = bounce_matcher_new();
	const bounce_ruleset *set;
	size_t		nrules,
				i,
				k;
	size_t	   *fires;
	finding    *untested,
			   *condition,
			   *shadowed;
	size_t		nuntested = 0,
				ncondition = 0,
				nshadowed = 0,
				nredundant = 0,
				nunindexed = 0,
				nshort = 0,
				nfrequent = 0,
				ncostly = 0,
				nfiring = 0;
	size_t	   *by;				/* per earlier rule: shadowed rows it decides */
	int			err;

	if (argc < 2)
	{
		fprintf(stderr, "usage: rule_lint FILE.tsv...\n");
		return 2;
	}
	set = bounce_builtin_ruleset(&err);
	if (m == NULL || set == NULL)
	{
		fprintf(stderr, "rule_lint: cannot initialise: %s\n", bounce_strerror(err));
		return 2;
	}
	for (i = 1; i < (size_t) argc; i++)
		read_corpus(argv[i], &corpus);
	nrules = bounce_ruleset_size(set);
	fires = calloc(nrules, sizeof(size_t));
	by = calloc(nrules, sizeof(size_t));
	untested = calloc(nrules, sizeof(finding));
	condition = calloc(nrules, sizeof(finding));
	shadowed = calloc(nrules, sizeof(finding));
	if (!fires || !by || !untested || !condition || !shadowed)
	{
		perror("rule_lint");
		return 2;
	}

	/* who decides each row, with the whole set */
	for (k = 0; k < corpus.n; k++)
	{
		bounce_result res;
		row		   *r = &corpus.v[k];

		if (classify(set, m, r, &res) < 0)
		{
			fprintf(stderr, "rule_lint: %s\n", bounce_strerror(err));
			return 2;
		}
		if (res.signal != BOUNCE_SIGNAL_RULE)
			continue;
		for (i = 0; i < nrules; i++)
			if (bounce_ruleset_spec(set, i)->id == res.rule_id ||
				strcmp(bounce_ruleset_spec(set, i)->id, res.rule_id) == 0)
				break;
		if (i < nrules)
		{
			r->decider = (long) i;
			fires[i]++;
		}
	}

	/* each rule that decides nothing, on its own */
	for (i = 0; i < nrules; i++)
	{
		const bounce_rule_spec *spec = bounce_ruleset_spec(set, i);
		bounce_rule_spec any = *spec;
		bounce_ruleset *one,
				   *pattern_only;
		finding		f = {i, 0, 0, NULL};

		if (fires[i] > 0)
		{
			nfiring++;
			continue;
		}
		any.when = BOUNCE_WHEN_ANY;
		if (spec->when == BOUNCE_WHEN_ASIDE)
		{
			/* it decides nothing: it counts when it sets a sentence aside */
			pattern_only = compile_one(&any);
			for (k = 0; k < corpus.n; k++)
				if (rule_matches(pattern_only, m, &corpus.v[k]))
					fires[i]++;
			bounce_ruleset_free(pattern_only);
			if (fires[i] > 0)
				nfiring++;
			else
				untested[nuntested++] = f;
			continue;
		}
		one = compile_one(spec);
		pattern_only = spec->when == BOUNCE_WHEN_ANY ? NULL : compile_one(&any);
		for (k = 0; k < corpus.n; k++)
		{
			row		   *r = &corpus.v[k];
			bool		applies = rule_matches(one, m, r);

			if (applies)
			{
				f.applies++;
				f.matches++;
				if (f.example == NULL)
					f.example = r->id;
			}
			else if (pattern_only != NULL && rule_matches(pattern_only, m, r))
				f.matches++;
		}
		if (f.matches == 0)
			untested[nuntested++] = f;
		else if (f.applies == 0)
			condition[ncondition++] = f;
		else
			shadowed[nshadowed++] = f;
		bounce_ruleset_free(one);
		bounce_ruleset_free(pattern_only);
	}

	for (i = 0; i < nrules; i++)
		if (bounce_ruleset_unindexed(set, i) > 0)
			nunindexed++;

	printf("rule_lint: %zu built-in rules, %zu corpus rows; %zu rules decide or set aside at least one row\n",
		   nrules, corpus.n, nfiring);
	for (i = 0; i < nrules; i++)
		if (bounce_ruleset_spec(set, i)->when == BOUNCE_WHEN_ASIDE)
			printf("  (%s decides nothing: it sets a sentence aside in %zu rows)\n",
				   bounce_ruleset_spec(set, i)->id, fires[i]);
	printf("\n");

	printf("Never match a corpus row (dead, or the corpus lacks their message): %zu\n",
		   nuntested);
	for (i = 0; i < nuntested; i++)
		print_rule(bounce_ruleset_spec(set, untested[i].rule));

	printf("\nPattern matches, but the condition never holds there: %zu\n", ncondition);
	for (i = 0; i < ncondition; i++)
	{
		print_rule(bounce_ruleset_spec(set, condition[i].rule));
		printf("      pattern matches %zu rows\n", condition[i].matches);
	}

	printf("\nFully shadowed (every row the rule applies to is decided by an earlier rule): %zu\n",
		   nshadowed);
	for (i = 0; i < nshadowed; i++)
	{
		const bounce_rule_spec *spec = bounce_ruleset_spec(set, shadowed[i].rule);
		bounce_ruleset *one = compile_one(spec);
		bool		same = true;
		size_t		j;

		memset(by, 0, nrules * sizeof(size_t));
		for (k = 0; k < corpus.n; k++)
			if (corpus.v[k].decider >= 0 && rule_matches(one, m, &corpus.v[k]))
				by[corpus.v[k].decider]++;
		bounce_ruleset_free(one);
		for (j = 0; j < nrules; j++)
			if (by[j] > 0 && bounce_ruleset_spec(set, j)->category != spec->category)
				same = false;
		if (same)
			nredundant++;
		print_rule(spec);
		printf("      applies to %zu rows (e.g. %s), %s; decided by:",
			   shadowed[i].applies, shadowed[i].example ? shadowed[i].example : "?",
			   same ? "all to its own category: redundant there"
			   : "some to another category");
		for (j = 0; j < nrules; j++)
			if (by[j] > 0)
				printf(" %s x%zu%s%s%s", bounce_ruleset_spec(set, j)->id, by[j],
					   bounce_ruleset_spec(set, j)->category == spec->category ? "" : " (",
					   bounce_ruleset_spec(set, j)->category == spec->category ? ""
					   : bounce_category_name(bounce_ruleset_spec(set, j)->category),
					   bounce_ruleset_spec(set, j)->category == spec->category ? "" : ")");
		printf("\n");
	}

	printf("\nTried on every text (a branch with no literal of 3 or more bytes for the scan): %zu\n",
		   nunindexed);
	for (i = 0; i < nrules; i++)
		if (bounce_ruleset_unindexed(set, i) > 0)
		{
			print_rule(bounce_ruleset_spec(set, i));
			printf("      %zu of its branches\n", bounce_ruleset_unindexed(set, i));
		}

	printf("\nIndexed only by frequent words (every literal of the branch occurs in many bounce texts):\n");
	for (i = 0; i < nrules; i++)
		nfrequent += print_weak_branches(bounce_ruleset_spec(set, i), only_frequent,
										  NULL, NULL);
	printf("  %zu branches\n", nfrequent);

	printf("\nIndexed by a literal of %d bytes, with no second requirement (the regex runs wherever those bytes occur):\n",
		   BOUNCE_LITERAL_MIN);
	for (i = 0; i < nrules; i++)
		nshort += print_weak_branches(bounce_ruleset_spec(set, i), short_alone,
									   NULL, NULL);
	printf("  %zu branches\n", nshort);

	{
		/* 1 row in 50: well above what a sound literal admits */
		size_t		min_rows = corpus.n / 50 > 10 ? corpus.n / 50 : 10;
		char	  **folded = calloc(corpus.n, sizeof(char *));
		size_t	   *flen = calloc(corpus.n, sizeof(size_t));
		admission	a = {0};

		if (folded == NULL || flen == NULL)
		{
			perror("rule_lint");
			return 2;
		}
		for (k = 0; k < corpus.n; k++)
			if (corpus.v[k].diagnostic != NULL)
				folded[k] = fold_for_scan(corpus.v[k].diagnostic, &flen[k]);
		printf("\nAdmitted by the scan on %zu or more rows, of which the branch's regex matches fewer than one in ten:\n",
			   min_rows);
		a.folded = folded;
		a.flen = flen;
		a.corpus = &corpus;
		a.min_rows = min_rows;
		for (i = 0; i < nrules; i++)
			ncostly += print_weak_branches(bounce_ruleset_spec(set, i), costly,
										   say_admission, &a);
		printf("  %zu branches\n", ncostly);
		for (k = 0; k < corpus.n; k++)
			free(folded[k]);
		free(folded);
		free(flen);
	}

	printf("\n%zu rules never decide a corpus row: %zu never match, %zu held back by their condition, "
		   "%zu fully shadowed (%zu of them by rules of the same category)\n",
		   nuntested + ncondition + nshadowed, nuntested, ncondition, nshadowed,
		   nredundant);

	for (k = 0; k < corpus.n; k++)
	{
		free(corpus.v[k].id);
		free(corpus.v[k].status);
		free(corpus.v[k].diagnostic);
	}
	free(corpus.v);
	free(fires);
	free(by);
	free(untested);
	free(condition);
	free(shadowed);
	bounce_matcher_free(m);
	return 0;
}
