/*
 * oom_test.c: the core when memory runs out.
 *
 * usage: oom_test [-v]
 *
 * A PostgreSQL backend or an application can be refused memory at any
 * allocation. This program replaces malloc, calloc, realloc and free (they
 * forward to glibc's, which interposition lets the library, pcre2 and libc
 * itself call) so that one chosen allocation fails, then checks every
 * entry point that allocates: it must return BOUNCE_ENOMEM (never a rules
 * error, a crash or a wrong answer), or absorb the failure and give the
 * same answer as without it, and it must not keep what it allocated (blocks
 * allocated minus blocks freed is compared before and after). Set-up of
 * the built-in rules is checked at about 150 of its allocations (it makes
 * thousands, each failure a compile cut short); the rest at every one.
 *
 * Not run under valgrind or the sanitizers, which bring their own malloc.
 * Ends with "N passed, N failed"; exits 1 on a failure.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"

#include "oom_alloc.h"

/* A failure at each allocation can be thousands of checks: count them once. */
typedef struct tally
{
	const char *what;
	long		points;			/* allocations made to fail */
	long		refused;		/* ... where the call said BOUNCE_ENOMEM */
	long		absorbed;		/* ... where it answered all the same */
	long		wrong;			/* a rules error, a different answer, ... */
	long		leaked;			/* points after which blocks stayed */
} tally;

static void
tally_report(const tally *t, int line)
{
	report(t->wrong == 0 && t->leaked == 0 && t->points > 0, __FILE__, line,
		   "%s: %ld allocations failed in turn: %ld wrong answers, %ld kept "
		   "blocks", t->what, t->points, t->wrong, t->leaked);
	if (verbose)
		printf("%s: %ld allocations failed in turn, %ld refused with "
			   "BOUNCE_ENOMEM, %ld absorbed\n", t->what, t->points,
			   t->refused, t->absorbed);
}

/* ================================================================ */
/* Texts and answers.                                               */
/* ================================================================ */

/* Texts that take different paths: ASCII, non-ASCII, invalid, long. */
static const struct
{
	const char *status;
	const char *text;
}			samples[] = {
	{"550 5.1.1", "550 5.1.1 <jan@example.org>: Recipient address rejected: "
	"User unknown in virtual mailbox table"},
	{"452", "452 4.2.2 The email account that you tried to reach is over "
	"quota. Please direct the recipient to https://support.google.com/mail"},
	{"", "554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked "
	"using zen.spamhaus.org"},
	{"550", "550 Postfach voll: Die Nachricht an m\xc3\xbcller@example.de "
	"konnte nicht zugestellt werden"},
	{"5.1.1", "550 \xe3\x81\x82\xe3\x81\xa6\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e "
	"user unknown"},
	{"421", "421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred "
	"due to unexpected volume or user complaints \xff\xfe"},
	{NULL, "Delivery to the following recipient failed permanently: DMARC "
	"policy of the sender domain rejects the message"},
	{"", ""},
};

/* A long text: the path that JIT-compiles at once. */
static char long_text[6000];

typedef struct answer
{
	int			rc;
	bounce_category category;
	const char *rule_id;
} answer;

static bool
same_answer(answer a, answer b)
{
	return a.rc == b.rc && a.category == b.category &&
		(a.rule_id == b.rule_id ||
		 (a.rule_id && b.rule_id && strcmp(a.rule_id, b.rule_id) == 0));
}

#define NSAMPLES (sizeof(samples) / sizeof(samples[0]))
#define NTEXTS (NSAMPLES + 1)

/*
 * The answers with all the memory asked for, from a set of their own
 * made first (a set keeps what its searches compile, so using it between
 * the counts below would look like a leak).
 */
static answer wants[NTEXTS];

static const char *
text_at(size_t i, const char **status)
{
	if (i < NSAMPLES)
	{
		*status = samples[i].status;
		return samples[i].text;
	}
	*status = "550";
	return long_text;
}

/*
 * What a check classifies with: a rule set of its own (set), or the
 * process-wide one with a caller's rules first (rules, which may be NULL);
 * and a matcher.
 */
typedef struct classifier
{
	const bounce_ruleset *set;
	const bounce_rules *rules;
	bounce_matcher *m;
} classifier;

static answer
classify_text(const classifier *c, size_t i)
{
	const char *status,
			   *text = text_at(i, &status);
	size_t		status_len = status ? strlen(status) : 0;
	bounce_result r;
	answer		a;

	memset(&r, 0, sizeof(r));
	a.rc = c->set != NULL ?
		bounce_classify_sets(NULL, c->set, true, c->m, status, status_len,
							 text, strlen(text), &r) :
		bounce_classify_custom(c->m, c->rules, status, status_len, text,
							   strlen(text), &r);
	a.category = r.category;
	a.rule_id = r.rule_id;
	return a;
}

/*
 * Classify each text with its allocation 0, 1, 2, ... failing in turn,
 * until a call reaches no failure: each answer must be BOUNCE_ENOMEM or
 * want's, and the last one want's.
 */
static void
fail_each_text(tally *t, const classifier *c, const answer *want)
{
	size_t		i;

	for (i = 0; i < NTEXTS; i++)
	{
		answer		got;
		long		n;

		for (n = 0;; n++)
		{
			arm(n);
			got = classify_text(c, i);
			disarm();
			if (failed == 0)
				break;			/* the call made fewer than n + 1 */
			t->points++;
			if (got.rc == BOUNCE_ENOMEM)
				t->refused++;
			else if (same_answer(got, want[i]))
				t->absorbed++;
			else
			{
				t->wrong++;
				fprintf(stderr, "%s, text %zu, allocation %ld refused: rc %d, "
						"%s by %s (want %s by %s)\n", t->what, i, n, got.rc,
						bounce_category_name(got.category),
						got.rule_id ? got.rule_id : "codes",
						bounce_category_name(want[i].category),
						want[i].rule_id ? want[i].rule_id : "codes");
			}
		}
		CHECK(same_answer(got, want[i]), "%s, text %zu: answered otherwise "
			  "once memory was given", t->what, i);
	}
}

/* ================================================================ */
/* The checks.                                                      */
/* ================================================================ */

/*
 * Set-up of the built-in rules: a failed allocation must fail the whole
 * compile with BOUNCE_ENOMEM and keep nothing (bounce_init tries again on
 * the next call), or be absorbed.
 */
static void
check_builtin_setup(void)
{
	tally		t = {"set-up of the built-in rules"};
	long		total,
				before,
				n,
				step;
	int			err;
	bounce_ruleset *set;

	before = live_blocks;
	arm(-1);
	set = bounce_ruleset_compile(bounce_builtin_specs,
								 bounce_builtin_spec_count, &err, NULL, 0);
	disarm();
	total = allocations;
	CHECK(set != NULL && err == BOUNCE_OK, "built-in set-up: err %d", err);
	bounce_ruleset_free(set);
	CHECK(live_blocks == before, "built-in set-up then free keeps %ld blocks",
		  live_blocks - before);
	if (verbose)
		printf("set-up of the built-in rules: %ld allocations\n", total);

	/* the first 40 allocations, then about 120 spread over the rest */
	step = total / 120 + 1;
	for (n = 0; n < total; n = n < 40 ? n + 1 : n + step + n % 7)
	{
		size_t		i;

		before = live_blocks;
		err = 0;
		arm(n);
		set = bounce_ruleset_compile(bounce_builtin_specs,
									 bounce_builtin_spec_count, &err, NULL, 0);
		disarm();
		t.points++;
		if (set == NULL)
		{
			if (err == BOUNCE_ENOMEM)
				t.refused++;
			else
			{
				t.wrong++;
				fprintf(stderr, "allocation %ld of set-up refused: err %d\n",
						n, err);
			}
		}
		else
		{
			/* absorbed: the set must answer as the reference does */
			classifier	c = {set, NULL, bounce_matcher_new()};

			t.absorbed++;
			for (i = 0; c.m != NULL && i < NTEXTS; i++)
				if (!same_answer(classify_text(&c, i), wants[i]))
				{
					t.wrong++;
					fprintf(stderr, "allocation %ld of set-up refused: "
							"text %zu answered otherwise\n", n, i);
				}
			bounce_matcher_free(c.m);
			bounce_ruleset_free(set);
		}
		if (live_blocks != before)
		{
			t.leaked++;
			fprintf(stderr, "allocation %ld of set-up refused: %ld blocks "
					"kept\n", n, live_blocks - before);
		}
	}
	tally_report(&t, __LINE__);
}

/*
 * Classification with a fresh set, so that what is compiled when a text
 * first needs it (UTF forms, JIT copies) is compiled under failure too,
 * and a fresh matcher, whose buffers grow with the texts. Each text is
 * classified with its allocation 0, 1, 2, ... failing until one call
 * completes without reaching the failure.
 */
static void
check_classify(void)
{
	tally		t = {"classification"};
	long		before = live_blocks;
	int			err;
	classifier	c = {NULL, NULL, NULL};
	bounce_ruleset *set;

	set = bounce_ruleset_compile(bounce_builtin_specs,
								 bounce_builtin_spec_count, &err, NULL, 0);
	CHECK(set != NULL, "fresh set: err %d", err);
	if (set == NULL)
		return;
	c.set = set;
	if ((c.m = bounce_matcher_new()) != NULL)
		fail_each_text(&t, &c, wants);
	bounce_matcher_free(c.m);
	bounce_ruleset_free(set);
	if (live_blocks != before)
		t.leaked++;
	tally_report(&t, __LINE__);
	CHECK(live_blocks == before, "classification under failures keeps %ld "
		  "blocks", live_blocks - before);
}

/*
 * Call call(state) with its allocation 0, 1, 2, ... failing in turn until
 * a call reaches no failure. Each must return BOUNCE_OK or BOUNCE_ENOMEM
 * (anything else is a wrong answer), and after undo(state), which frees
 * what a call made, no block may be left over.
 */
static void
fail_each(tally *t, int (*call) (void *state), void (*undo) (void *state),
		  void *state)
{
	long		n,
				before;
	int			rc;

	for (n = 0;; n++)
	{
		before = live_blocks;
		arm(n);
		rc = call(state);
		disarm();
		undo(state);
		if (failed == 0)
			break;
		t->points++;
		if (rc == BOUNCE_ENOMEM)
			t->refused++;
		else if (rc == BOUNCE_OK)
			t->absorbed++;
		else
		{
			t->wrong++;
			fprintf(stderr, "%s, allocation %ld refused: rc %d\n", t->what,
					n, rc);
		}
		if (live_blocks != before)
		{
			t->leaked++;
			fprintf(stderr, "%s, allocation %ld refused: %ld blocks kept\n",
					t->what, n, live_blocks - before);
		}
	}
	CHECK(rc == BOUNCE_OK, "%s with all its memory: rc %d", t->what, rc);
	tally_report(t, __LINE__);
}

static int
new_matcher(void *state)
{
	bounce_matcher **m = state;

	*m = bounce_matcher_new();
	return *m != NULL ? BOUNCE_OK : BOUNCE_ENOMEM;
}

static void
free_matcher(void *state)
{
	bounce_matcher **m = state;

	bounce_matcher_free(*m);
	*m = NULL;
}

/* A new matcher: NULL, and nothing kept, when an allocation fails. */
static void
check_matcher_new(void)
{
	tally		t = {"bounce_matcher_new"};
	bounce_matcher *m = NULL;

	fail_each(&t, new_matcher, free_matcher, &m);
}

/* A caller's rules: ASCII and not, one branch and several. */
static const bounce_rule_def custom_defs[] = {
	{"acme.full", "mailbox (?:is )?(?:full|over quota)|quota exceeded", 0,
	BOUNCE_FULL_MAILBOX},
	{"acme.gone", "adresse (?:inconnue|invalide)|utilisateur inconnu", 0,
	BOUNCE_INVALID_MAILBOX},
	{"acme.\xc3\xa9t\xc3\xa9", "bo\xc3\xaete pleine|\\bPostfach voll\\b", 0,
	BOUNCE_FULL_MAILBOX},
};
#define NCUSTOM (sizeof(custom_defs) / sizeof(custom_defs[0]))

static int
compile_custom(bounce_rules **rules, char *errbuf, size_t errlen)
{
	bounce_rule_def defs[NCUSTOM];
	size_t		i;

	memcpy(defs, custom_defs, sizeof(defs));
	for (i = 0; i < NCUSTOM; i++)
		defs[i].pattern_len = strlen(defs[i].pattern);
	return bounce_rules_compile(defs, NCUSTOM, rules, errbuf, errlen);
}

static int
compile_custom_state(void *state)
{
	char		errbuf[256];
	int			rc = compile_custom(state, errbuf, sizeof(errbuf));

	if (rc != BOUNCE_OK && rc != BOUNCE_ENOMEM)
		fprintf(stderr, "bounce_rules_compile: %s\n", errbuf);
	return rc;
}

static void
free_custom_state(void *state)
{
	bounce_rules **rules = state;

	bounce_rules_free(*rules);
	*rules = NULL;
}

static int
check_pattern_state(void *state)
{
	char		errbuf[256];
	int			rc;

	(void) state;
	rc = bounce_pattern_check(custom_defs[0].pattern,
							  strlen(custom_defs[0].pattern), errbuf,
							  sizeof(errbuf));
	if (rc != BOUNCE_OK && rc != BOUNCE_ENOMEM)
		fprintf(stderr, "bounce_pattern_check: %s\n", errbuf);
	return rc;
}

static void
skip_undo(void *state)
{
	(void) state;
}

/*
 * A caller's rules, compiled over the built-in ones: BOUNCE_ENOMEM, not
 * BOUNCE_ERULES (the patterns are good; pcre2 reports its own failure to
 * allocate as a compile error), and nothing kept. Then classification
 * with them, as above.
 */
static void
check_custom_rules(void)
{
	tally		setup = {"bounce_rules_compile"},
				check_t = {"bounce_pattern_check"},
				use = {"classification with a caller's rules"};
	bounce_rules *rules = NULL;
	classifier	ref = {NULL, NULL, bounce_matcher_new()},
				c = {NULL, NULL, NULL};
	answer		want[NTEXTS];
	long		n,
				before;
	char		errbuf[256];
	size_t		i;
	int			rc;

	/*
	 * What the process-wide set keeps, not to be counted below: the texts
	 * of its branches, made for the first caller's set compiled over it;
	 * the UTF forms these texts need; and, after 16 searches of a form,
	 * its JIT copy.
	 */
	rc = compile_custom(&rules, errbuf, sizeof(errbuf));
	CHECK(rc == BOUNCE_OK, "custom rules compile: rc %d (%s)", rc, errbuf);
	ref.rules = rules;
	for (n = 0; rc == BOUNCE_OK && ref.m != NULL && n < 20; n++)
		for (i = 0; i < NTEXTS; i++)
			(void) classify_text(&ref, i);
	bounce_rules_free(rules);
	rules = NULL;

	fail_each(&setup, compile_custom_state, free_custom_state, &rules);
	fail_each(&check_t, check_pattern_state, skip_undo, NULL);

	/*
	 * A fresh set, which keeps its JIT copies until it is freed, and a
	 * fresh matcher, whose buffers grow with the texts.
	 */
	before = live_blocks;
	if (rc == BOUNCE_OK && ref.m != NULL &&
		(c.m = bounce_matcher_new()) != NULL &&
		compile_custom(&rules, errbuf, sizeof(errbuf)) == BOUNCE_OK)
	{
		/* the answers name rules of this set: taken from it */
		c.rules = ref.rules = rules;
		for (i = 0; i < NTEXTS; i++)
			want[i] = classify_text(&ref, i);
		fail_each_text(&use, &c, want);
	}
	bounce_rules_free(rules);
	bounce_matcher_free(c.m);
	if (live_blocks != before)
		use.leaked++;
	bounce_matcher_free(ref.m);
	tally_report(&use, __LINE__);
}

/*
 * bounce_provider, whose patterns are compiled on its first call: while
 * that fails, BOUNCE_ENOMEM and nothing kept; the first call that gets
 * its memory keeps the set, and names the provider as every later call.
 */
static void
check_provider(void)
{
	static const char text[] = "550 5.7.1 Service unavailable, Client host "
		"[192.0.2.7] blocked using Spamhaus; see https://www.spamhaus.org/";
	tally		t = {"bounce_provider"};
	bounce_matcher *m = bounce_matcher_new();
	const char *name = NULL,
			   *first_name = NULL;
	bool		answered = false;
	long		n,
				before;
	int			rc;

	if (m == NULL)
		return;
	for (n = 0;; n++)
	{
		before = live_blocks;
		arm(n);
		rc = bounce_provider(m, text, strlen(text), &name);
		disarm();
		if (failed == 0)
			break;
		t.points++;
		if (rc == BOUNCE_ENOMEM)
		{
			t.refused++;
			if (!answered && live_blocks != before)
				t.leaked++;
		}
		else if (rc == BOUNCE_OK)
		{
			t.absorbed++;
			if (!answered)
				first_name = name;
			answered = true;
		}
		else
			t.wrong++;
	}
	CHECK(rc == BOUNCE_OK && name != NULL &&
		  (first_name == NULL || first_name == name),
		  "bounce_provider: rc %d, %s (first answer %s)", rc,
		  name ? name : "none", first_name ? first_name : "none");
	bounce_matcher_free(m);
	tally_report(&t, __LINE__);
}

/*
 * bounce_init, the process-wide set: BOUNCE_ENOMEM while allocations
 * fail, nothing kept, and a later call succeeds.
 */
static void
check_init(void)
{
	long		before = live_blocks;
	int			rc;

	arm(100);
	rc = bounce_init();
	disarm();
	CHECK(rc == BOUNCE_ENOMEM, "bounce_init with allocation 100 refused: %d",
		  rc);
	CHECK(live_blocks == before, "failed bounce_init keeps %ld blocks",
		  live_blocks - before);
	CHECK(bounce_init() == BOUNCE_OK, "bounce_init after a failure");
}

int
main(int argc, char **argv)
{
	bounce_ruleset *reference;
	classifier	ref = {NULL, NULL, NULL};
	int			err;
	size_t		i;

	verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	/* printf's buffer is allocated by the first output: do it now */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i + 1 < sizeof(long_text); i++)
		long_text[i] = "mailbox unavailable, please retry "[i % 34];

	check_init();
	reference = bounce_ruleset_compile(bounce_builtin_specs,
									   bounce_builtin_spec_count, &err,
									   NULL, 0);
	CHECK(reference != NULL, "reference set: err %d", err);
	if (reference == NULL)
		return 1;
	ref.set = reference;
	ref.m = bounce_matcher_new();
	for (i = 0; ref.m != NULL && i < NTEXTS; i++)
		wants[i] = classify_text(&ref, i);
	bounce_matcher_free(ref.m);
	bounce_ruleset_free(reference);

	check_matcher_new();
	check_classify();
	check_custom_rules();
	check_provider();
	check_builtin_setup();

	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}
