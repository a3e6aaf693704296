/*
 * oom_sqlite.c: the SQLite extension when memory runs out.
 *
 * usage: oom_sqlite [-v] path/to/bounce.so
 *
 * As test/core/oom_test.c does for the core, this program replaces malloc,
 * calloc, realloc and free so that one chosen allocation fails: SQLite's,
 * the extension's or the core's, since SQLite's default allocator and the
 * module both call malloc. It registers the module's entry point with
 * sqlite3_auto_extension, then runs each scenario (open a connection, which
 * loads the module; run a statement; read its row; close) with its
 * allocation 0, 1, 2, ... failing in turn until a run reaches no failure.
 * Every run must end in a row that is exactly the row of a run with all
 * its memory, or in an error (SQLITE_NOMEM, or another error code with a
 * message): never a crash or a different answer (a NULL where a category
 * was due). Blocks allocated minus blocks freed must not change over a run:
 * the connection is closed at its end, so what it kept must be freed.
 *
 * Not run under valgrind or the sanitizers, which bring their own malloc.
 * Ends with "N passed, N failed"; exits 1 on a failure.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../core/oom_alloc.h"

/* ================================================================ */
/* Scenarios.                                                       */
/* ================================================================ */

/* A file database holding a caller's rules, made before the runs. */
static char rules_db[64];

typedef struct scenario
{
	const char *what;
	const char *path;			/* ":memory:", or rules_db when NULL */
	const char *setup;			/* run first (sqlite3_exec), or NULL */
	const char *query;			/* one row; ?1 the status, ?2 the text */
	const char *status;
	const char *text;			/* bound as a BLOB when blob */
	bool		blob;
} scenario;

static const scenario scenarios[] = {
	{"the pure functions", ":memory:", NULL,
		"SELECT bounce_category(?1, ?2), is_hard_bounce(?1, ?2), "
		"bounce_explain(?1, ?2), bounce_fingerprint(?2), "
		"bounce_provider('554 blocked using zen.spamhaus.org'), "
		"is_hard_bounce('invalid-mailbox')",
		"550 5.1.1", "550 5.1.1 <jan@example.org>: Recipient address "
		"rejected: User unknown in virtual mailbox table", false},
	{"the pure functions on UTF-8", ":memory:", NULL,
		"SELECT bounce_category(?1, ?2), bounce_explain(?1, ?2), "
		"bounce_fingerprint(?2)",
		"552", "552 Postfach voll: die Nachricht an m\xc3\xbcller@example.de "
		"konnte nicht zugestellt werden", false},
	{"a BLOB that is not UTF-8", ":memory:", NULL,
		"SELECT bounce_category(?1, ?2), bounce_explain(?1, ?2)",
		"421", "421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily "
		"deferred \xff\xfe\x80 due to user complaints", true},
	{"bounce_rule_check", ":memory:", NULL,
		"SELECT bounce_rule_check('a', 'mailbox (?:is )?full', 'full-mailbox'), "
		"bounce_rule_check('b', 'bo\xc3\xaete pleine|\\bPostfach voll\\b', "
		"'FULL-MAILBOX')",
		NULL, NULL, false},
	{"the bounce_categories table", ":memory:", NULL,
		"SELECT count(*), group_concat(name || ':' || hard || ':' || "
		"length(description), ',') FROM bounce_categories",
		NULL, NULL, false},
	{"a caller's rules made in the connection", ":memory:",
		"CREATE TABLE bounce_rules (id TEXT PRIMARY KEY, pattern TEXT NOT NULL, "
		"category TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 0, note TEXT, "
		"enabled INTEGER NOT NULL DEFAULT 1);"
		"INSERT INTO bounce_rules (id, pattern, category) VALUES "
		"('acme.full', 'mailbox (?:is )?full|quota exceeded', 'full-mailbox'), "
		"('acme.gone', 'adresse inconnue', 'invalid-mailbox');",
		"SELECT bounce_category_custom(?1, ?2), is_hard_bounce_custom(?1, ?2), "
		"bounce_explain_custom(?1, ?2)",
		"", "452 sorry, the mailbox is full", false},
	{"a caller's rules read when the connection opens", NULL, NULL,
		"SELECT bounce_category_custom(?1, ?2), bounce_explain_custom(?1, ?2)",
		"550", "550 adresse inconnue", false},
};

#define NSCENARIOS (sizeof(scenarios) / sizeof(scenarios[0]))

/* What one run gave: its row's columns, joined, or the error. */
typedef struct outcome
{
	int			rc;				/* SQLITE_ROW, or the error */
	char		row[4096];
} outcome;

static outcome
run(const scenario *s)
{
	outcome		out;
	sqlite3    *db = NULL;
	sqlite3_stmt *stmt = NULL;
	int			rc,
				i;
	size_t		used = 0;

	memset(&out, 0, sizeof(out));
	rc = sqlite3_open(s->path ? s->path : rules_db, &db);
	if (rc == SQLITE_OK && s->setup != NULL)
		rc = sqlite3_exec(db, s->setup, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, s->query, -1, &stmt, NULL);
	if (rc == SQLITE_OK && s->status != NULL)
		rc = sqlite3_bind_text(stmt, 1, s->status, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && s->text != NULL)
		rc = s->blob ?
			sqlite3_bind_blob(stmt, 2, s->text, (int) strlen(s->text),
							  SQLITE_STATIC) :
			sqlite3_bind_text(stmt, 2, s->text, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	for (i = 0; rc == SQLITE_ROW && i < sqlite3_column_count(stmt); i++)
	{
		const unsigned char *v = sqlite3_column_text(stmt, i);

		if (v == NULL && sqlite3_errcode(db) == SQLITE_NOMEM)
		{
			rc = SQLITE_NOMEM;	/* the conversion to text failed */
			break;
		}
		used += (size_t) snprintf(out.row + used, sizeof(out.row) - used,
								  "%s%s", i ? " | " : "",
								  v ? (const char *) v : "NULL");
		if (used >= sizeof(out.row))
			used = sizeof(out.row) - 1;
	}
	out.rc = rc;
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return out;
}

/*
 * One scenario with allocation 0, 1, 2, ... failing in turn. The first
 * runs without failures keep, process-wide, what the core compiles once
 * (the rule sets, the forms and machine code texts need) and what SQLite
 * initialises once: they come before the counting.
 */
static void
check_scenario(const scenario *s)
{
	outcome		want,
				got;
	long		n,
				points = 0,
				refused = 0,
				absorbed = 0,
				wrong = 0,
				leaked = 0,
				before;
	int			warm;

	for (warm = 0; warm < 20; warm++)
		want = run(s);
	CHECK(want.rc == SQLITE_ROW && strstr(want.row, "NULL") == NULL,
		  "%s: with all its memory: rc %d, row %s", s->what, want.rc,
		  want.row);
	for (n = 0;; n++)
	{
		before = live_blocks;
		arm(n);
		got = run(s);
		disarm();
		if (failed == 0)
			break;
		points++;
		if (got.rc == SQLITE_ROW && strcmp(got.row, want.row) == 0)
			absorbed++;
		else if (got.rc != SQLITE_ROW && got.rc != SQLITE_OK &&
				 got.rc != SQLITE_DONE)
			refused++;
		else
		{
			wrong++;
			fprintf(stderr, "%s, allocation %ld refused: rc %d, row %s\n",
					s->what, n, got.rc, got.row);
		}
		if (live_blocks != before)
		{
			leaked++;
			fprintf(stderr, "%s, allocation %ld refused: %ld blocks kept\n",
					s->what, n, live_blocks - before);
		}
	}
	CHECK(got.rc == SQLITE_ROW && strcmp(got.row, want.row) == 0,
		  "%s: the run that reached no failure: rc %d", s->what, got.rc);
	CHECK(points > 0 && wrong == 0 && leaked == 0,
		  "%s: %ld allocations failed in turn: %ld wrong answers, %ld kept "
		  "blocks", s->what, points, wrong, leaked);
	if (verbose)
		printf("%s: %ld allocations failed in turn, %ld refused with an "
			   "error, %ld absorbed\n", s->what, points, refused, absorbed);
}

int
main(int argc, char **argv)
{
	void	   *module;
	void		(*entry) (void);
	sqlite3    *db;
	size_t		i;
	int			fd;

	verbose = argc > 2 && strcmp(argv[1], "-v") == 0;
	if (argc < 2 || (verbose && argc < 3))
	{
		fprintf(stderr, "usage: oom_sqlite [-v] path/to/bounce.so\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if ((module = dlopen(argv[verbose ? 2 : 1], RTLD_NOW)) == NULL ||
		(*(void **) &entry = dlsym(module, "sqlite3_bounce_init")) == NULL)
	{
		fprintf(stderr, "oom_sqlite: %s\n", dlerror());
		return 2;
	}
	sqlite3_auto_extension(entry);

	strcpy(rules_db, "/tmp/oom_sqlite.XXXXXX");
	if ((fd = mkstemp(rules_db)) < 0)
	{
		perror("oom_sqlite: mkstemp");
		return 2;
	}
	close(fd);
	if (sqlite3_open(rules_db, &db) != SQLITE_OK ||
		sqlite3_exec(db, scenarios[NSCENARIOS - 2].setup, NULL, NULL,
					 NULL) != SQLITE_OK)
	{
		fprintf(stderr, "oom_sqlite: %s: %s\n", rules_db, sqlite3_errmsg(db));
		unlink(rules_db);
		return 2;
	}
	sqlite3_close(db);

	for (i = 0; i < NSCENARIOS; i++)
		check_scenario(&scenarios[i]);
	unlink(rules_db);

	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}
