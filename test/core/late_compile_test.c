/*
 * late_compile_test.c: the core when pcre2 refuses, at run time, a pattern
 * the library's build accepted.
 *
 * The built-in rules' branches are compiled when a text first needs them
 * (branch_code), the build having checked that each compiles. A process
 * can still meet a pcre2 that refuses one: a libpcre2 older than the
 * build's, say. This program replaces pcre2_compile_8 (it forwards to
 * pcre2's; interposition lets the statically linked library call it) so
 * that it refuses either the forms compiled without UTF or every pattern,
 * with a syntax error, not a lack of memory. It checks that:
 * - a refused form without UTF is absorbed: the UTF form searches the
 *   ASCII text instead, and every answer is the one pcre2 gives when it
 *   accepts everything;
 * - a refused UTF form makes bounce_classify return BOUNCE_ERULES (never a
 *   crash or another category), and bounce_strerror names the rules;
 * - a refusal is not remembered: once pcre2 accepts, the same texts get
 *   their categories;
 * - given corpus files: the forms compiled without UTF stop at the rule
 *   set's budget (BOUNCE_ASCII_FORM_BUDGET, overshot by one form at most),
 *   the corpus's ASCII texts do reach it, and every row still gets its
 *   expected category (the UTF forms search ASCII texts past it).
 * Run under valgrind by make test-valgrind, which also checks that a
 * refusal leaks nothing.
 *
 * usage: late_compile_test [-v] [CORPUS.tsv...]
 * Ends with "N passed, N failed"; exits 1 on a failure.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../../core/internal.h"

#include "check.h"
#include "tsv.h"

#define CHECK(cond, ...) report((cond), __FILE__, __LINE__, __VA_ARGS__)

typedef enum
{
	ACCEPT,						/* pcre2 as it is */
	REFUSE_WITHOUT_UTF,			/* only the forms compiled without UTF */
	REFUSE_ALL
} refusal;

static refusal refusing = ACCEPT;
static long refused;
static size_t ascii_compiled;	/* bytes of the forms compiled without UTF */
static size_t ascii_largest;	/* the largest of them */

pcre2_code *
pcre2_compile(PCRE2_SPTR pattern, PCRE2_SIZE length, uint32_t options,
			  int *errorcode, PCRE2_SIZE *erroroffset,
			  pcre2_compile_context *ccontext)
{
	static pcre2_code *(*real_compile) (PCRE2_SPTR, PCRE2_SIZE, uint32_t,
										int *, PCRE2_SIZE *,
										pcre2_compile_context *);

	if (refusing == REFUSE_ALL ||
		(refusing == REFUSE_WITHOUT_UTF && (options & PCRE2_UTF) == 0))
	{
		refused++;
		*errorcode = PCRE2_ERROR_MISSING_SQUARE_BRACKET;
		*erroroffset = 0;
		return NULL;
	}
	if (real_compile == NULL)
		*(void **) &real_compile = dlsym(RTLD_NEXT, "pcre2_compile_8");
	if (real_compile == NULL)
	{
		fprintf(stderr, "late_compile_test: pcre2_compile_8 not found\n");
		exit(2);
	}
	{
		pcre2_code *code = real_compile(pattern, length, options, errorcode,
										erroroffset, ccontext);
		size_t		size = 0;

		if (code != NULL && (options & PCRE2_UTF) == 0 &&
			pcre2_pattern_info(code, PCRE2_INFO_SIZE, &size) == 0)
		{
			ascii_compiled += size;
			if (size > ascii_largest)
				ascii_largest = size;
		}
		return code;
	}
}

/*
 * Texts decided by rules whose branches are searched with pcre2 (not by
 * the scan alone), in two sets that share as few rules as may be: each
 * refusal must meet forms no earlier part of the test compiled.
 */
static const char *const ascii_texts[] = {
	"550 5.1.1 <jan@example.org>: Recipient address rejected: User unknown "
	"in virtual mailbox table",
	"452 4.2.2 The email account that you tried to reach is over quota",
	"554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using "
	"zen.spamhaus.org",
	"550 5.7.26 Unauthenticated email from example.com is not accepted due "
	"to domain's DMARC policy",
	"421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to "
	"unexpected volume or user complaints",
	"Delivery to the following recipient has been delayed; the message "
	"will be retried: Connection timed out",
	"550 5.4.4 Hop count exceeded - possible mail loop",
};

static const char *const utf_texts[] = {
	"550 Postfach voll: die Nachricht an m\xc3\xbc" "ller@example.de konnte "
	"nicht zugestellt werden",
	"550 Benutzer unbekannt: m\xc3\xbc" "ller@example.de existiert nicht",
	"554 Adresse IP 192.0.2.8 bloqu\xc3\xa9" "e pour spam, voir "
	"https://example.net",
	"550 Cuenta de correo desactivada por inactividad: jos\xc3\xa9" "@example.es",
	"451 Le serveur est surcharg\xc3\xa9, r\xc3\xa9" "essayez plus tard",
	"550 \xe2\x80\x9c" "user\xe2\x80\x9d has exceeded the storage quota "
	"\xe2\x80\x94 message refused",
};

#define NASCII (sizeof(ascii_texts) / sizeof(ascii_texts[0]))
#define NUTF (sizeof(utf_texts) / sizeof(utf_texts[0]))

static int
classify(bounce_matcher *m, const char *text, bounce_result *r)
{
	return bounce_classify(m, NULL, 0, text, strlen(text), r);
}

/*
 * Classify a corpus file's rows with the built-in rules: each must get its
 * expected category, the ASCII-form budget spent or not.
 */
static void
corpus_within_budget(bounce_matcher *m, const char *path)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	char	   *cols[MAXCOLS];
	int			ncols,
				c_id,
				c_status,
				c_diag,
				c_expected;
	long		wrong = 0,
				rows = 0;

	CHECK(f != NULL, "cannot open %s", path);
	if (f == NULL)
		return;
	if ((len = getline(&line, &cap, f)) <= 0)
	{
		CHECK(false, "%s: no header", path);
		fclose(f);
		free(line);
		return;
	}
	line[strcspn(line, "\r\n")] = '\0';
	ncols = split(line, cols);
	c_id = column(cols, ncols, "id");
	c_status = column(cols, ncols, "status");
	c_diag = column(cols, ncols, "diagnostic");
	c_expected = column(cols, ncols, "expected");
	CHECK(c_id >= 0 && c_status >= 0 && c_diag >= 0 && c_expected >= 0,
		  "%s: the header lacks id, status, diagnostic or expected", path);
	if (c_id < 0 || c_status < 0 || c_diag < 0 || c_expected < 0)
	{
		fclose(f);
		free(line);
		return;
	}
	while ((len = getline(&line, &cap, f)) > 0)
	{
		bounce_result r;
		bounce_category want;
		int			code;

		line[strcspn(line, "\r\n")] = '\0';
		if (split(line, cols) <= c_expected ||
			!bounce_category_from_name(cols[c_expected],
									   strlen(cols[c_expected]), &want))
			continue;
		rows++;
		code = bounce_classify(m, cols[c_status], strlen(cols[c_status]),
							   cols[c_diag], strlen(cols[c_diag]), &r);
		if (code != BOUNCE_OK || r.category != want)
		{
			wrong++;
			if (verbose)
				printf("%s %s: %s, expected %s\n", path, cols[c_id],
					   code == BOUNCE_OK ? bounce_category_name(r.category) :
					   bounce_strerror(code), cols[c_expected]);
		}
	}
	CHECK(rows > 0 && wrong == 0, "%s: %ld of %ld rows not their expected "
		  "category with the ASCII-form budget", path, wrong, rows);
	fclose(f);
	free(line);
}

int
main(int argc, char **argv)
{
	bounce_matcher *m;
	bounce_result r;
	int			rc[NUTF],
				got[NASCII > NUTF ? NASCII : NUTF];
	size_t		i,
				errors = 0;

	verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	CHECK(bounce_init() == BOUNCE_OK, "bounce_init");
	m = bounce_matcher_new();
	CHECK(m != NULL, "bounce_matcher_new");
	if (m == NULL)
		return 1;

	/* forms without UTF refused: the UTF forms answer, the same */
	refusing = REFUSE_WITHOUT_UTF;
	for (i = 0; i < NASCII; i++)
	{
		int			code = classify(m, ascii_texts[i], &r);

		CHECK(code == BOUNCE_OK, "ASCII text %zu without its ASCII forms: %s",
			  i, bounce_strerror(code));
		got[i] = code == BOUNCE_OK ? (int) r.category : -1;
	}
	CHECK(refused > 0, "no form without UTF was compiled (%ld refused)",
		  refused);
	if (verbose)
		printf("without UTF: %ld compiles refused, all absorbed\n", refused);
	refusing = ACCEPT;
	for (i = 0; i < NASCII; i++)
	{
		int			code = classify(m, ascii_texts[i], &r);

		CHECK(code == BOUNCE_OK && (int) r.category == got[i],
			  "ASCII text %zu: %s when pcre2 refused forms without UTF, %s "
			  "after", i, got[i] < 0 ? "error" : bounce_category_name(got[i]),
			  code == BOUNCE_OK ? bounce_category_name(r.category) : "error");
	}

	/* every form refused: the rules error, or an answer that needs none */
	refused = 0;
	refusing = REFUSE_ALL;
	for (i = 0; i < NUTF; i++)
	{
		rc[i] = classify(m, utf_texts[i], &r);
		got[i] = rc[i] == BOUNCE_OK ? (int) r.category : -1;
		CHECK(rc[i] == BOUNCE_OK || rc[i] == BOUNCE_ERULES,
			  "UTF-8 text %zu, every compile refused: %s", i,
			  bounce_strerror(rc[i]));
		errors += rc[i] == BOUNCE_ERULES;
	}
	CHECK(errors > 0 && refused > 0,
		  "no refusal reached a text (%zu errors, %ld refused)", errors,
		  refused);
	CHECK(strstr(bounce_strerror(BOUNCE_ERULES), "rule") != NULL,
		  "bounce_strerror(BOUNCE_ERULES) is \"%s\"",
		  bounce_strerror(BOUNCE_ERULES));
	if (verbose)
		printf("every compile refused: %zu of %zu texts BOUNCE_ERULES\n",
			   errors, NUTF);

	/* pcre2 accepts again: no refusal was remembered */
	refusing = ACCEPT;
	for (i = 0; i < NUTF; i++)
	{
		int			code = classify(m, utf_texts[i], &r);

		CHECK(code == BOUNCE_OK, "UTF-8 text %zu after the refusals: %s", i,
			  bounce_strerror(code));
		CHECK(code != BOUNCE_OK || rc[i] != BOUNCE_OK ||
			  (int) r.category == got[i],
			  "UTF-8 text %zu: %s while compiles were refused, %s after", i,
			  got[i] < 0 ? "error" : bounce_category_name(got[i]),
			  bounce_category_name(r.category));
		CHECK(code != BOUNCE_OK || r.category != BOUNCE_OTHER,
			  "UTF-8 text %zu: other (the sample should need a rule)", i);
	}
	for (i = (size_t) (verbose ? 2 : 1); i < (size_t) argc; i++)
		corpus_within_budget(m, argv[i]);
	if (argc > (verbose ? 2 : 1))
	{
		CHECK(ascii_compiled >= BOUNCE_ASCII_FORM_BUDGET,
			  "the corpus compiled %zu bytes of forms without UTF, short of "
			  "the budget (%d): its limit went untested", ascii_compiled,
			  BOUNCE_ASCII_FORM_BUDGET);
		CHECK(ascii_compiled <= BOUNCE_ASCII_FORM_BUDGET + ascii_largest,
			  "%zu bytes of forms without UTF compiled, past the budget (%d) "
			  "by more than one form (%zu)", ascii_compiled,
			  BOUNCE_ASCII_FORM_BUDGET, ascii_largest);
		if (verbose)
			printf("forms without UTF: %zu bytes compiled, budget %d\n",
				   ascii_compiled, BOUNCE_ASCII_FORM_BUDGET);
	}
	bounce_matcher_free(m);
	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed == 0 ? 0 : 1;
}
