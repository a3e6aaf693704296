/*
 * corpus_test.c: classify every row of labelled TSV files with the core and
 * compare with the "expected" column.
 *
 * usage: corpus_test [-q] [-p] [-o OUT.tsv] FILE.tsv...
 *   -q  print only misses and the summary
 *   -o  write one line per row, "id<TAB>category<TAB>hard<TAB>rule", for
 *       the parity checks of the SQLite and PostgreSQL suites
 *   -p  also check that the prefilter path and the reference path (every
 *       rule tried in order) give identical results on every row
 *
 * Files have a header line naming at least id, status, diagnostic and
 * expected (tab-separated, no quoting). Ends with "N passed, N failed" and
 * exits 1 when anything failed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"
#include "tsv.h"

static bool
same_result(const bounce_result *a, const bounce_result *b)
{
	return a->category == b->category && a->hard == b->hard &&
		a->signal == b->signal && a->rule_id == b->rule_id &&
		a->match_start == b->match_start && a->match_len == b->match_len;
}

int
main(int argc, char **argv)
{
	bool		quiet = false,
				parity = false;
	FILE	   *results = NULL;
	int			passed = 0,
				failed = 0,
				argi;
	bounce_matcher *m = bounce_matcher_new();
	const bounce_ruleset *set;
	int			err;

	set = bounce_builtin_ruleset(&err);
	if (m == NULL || set == NULL)
	{
		fprintf(stderr, "corpus_test: cannot initialise: %s\n",
				bounce_strerror(err));
		return 2;
	}
	for (argi = 1; argi < argc; argi++)
	{
		FILE	   *f;
		char	   *line = NULL;
		size_t		cap = 0;
		ssize_t		len;
		char	   *names[MAXCOLS];
		char		header[4096];
		int			ncols,
					cid,
					cstatus,
					cdiag,
					cexp,
					lineno = 1;

		if (strcmp(argv[argi], "-q") == 0)
		{
			quiet = true;
			continue;
		}
		if (strcmp(argv[argi], "-p") == 0)
		{
			parity = true;
			continue;
		}
		if (strcmp(argv[argi], "-o") == 0 && argi + 1 < argc)
		{
			if ((results = fopen(argv[++argi], "w")) == NULL)
			{
				perror(argv[argi]);
				return 2;
			}
			continue;
		}
		if ((f = fopen(argv[argi], "r")) == NULL)
		{
			perror(argv[argi]);
			return 2;
		}
		if ((ncols = read_header(f, argv[argi], header, sizeof(header),
								 names)) < 0)
			return 2;
		cid = column(names, ncols, "id");
		cstatus = column(names, ncols, "status");
		cdiag = column(names, ncols, "diagnostic");
		cexp = column(names, ncols, "expected");
		if (cid < 0 || cstatus < 0 || cdiag < 0 || cexp < 0)
		{
			fprintf(stderr, "%s: header lacks id/status/diagnostic/expected\n",
					argv[argi]);
			return 2;
		}
		while ((len = getline(&line, &cap, f)) > 0)
		{
			char	   *cols[MAXCOLS];
			int			n;
			bounce_result r,
						ref;
			const char *got;
			bool		ok;

			lineno++;
			line[strcspn(line, "\r\n")] = '\0';
			if (line[0] == '\0')
				continue;
			n = split(line, cols);
			if (n <= cexp || n <= cdiag || n <= cstatus)
			{
				printf("FAIL %s:%d: too few columns\n", argv[argi], lineno);
				failed++;
				continue;
			}
			/* an empty field is an absent (NULL) input, as in the SQL tests */
			err = bounce_classify_with(set, true, m,
									   cols[cstatus][0] ? cols[cstatus] : NULL,
									   strlen(cols[cstatus]),
									   cols[cdiag][0] ? cols[cdiag] : NULL,
									   strlen(cols[cdiag]), &r);
			if (err < 0)
			{
				printf("FAIL %s:%d: %s\n", argv[argi], lineno,
					   bounce_strerror(err));
				failed++;
				continue;
			}
			got = err == BOUNCE_NULL_INPUT ? "NULL"
				: bounce_category_name(r.category);
			if (results)
				fprintf(results, "%s\t%s\t%s\t%s\n", cols[cid], got,
						err == BOUNCE_NULL_INPUT ? "NULL" : r.hard ? "t" : "f",
						r.rule_id ? r.rule_id : "");
			ok = strcmp(got, cols[cexp]) == 0;
			if (parity)
			{
				bounce_classify_with(set, false, m,
									 cols[cstatus][0] ? cols[cstatus] : NULL,
									 strlen(cols[cstatus]),
									 cols[cdiag][0] ? cols[cdiag] : NULL,
									 strlen(cols[cdiag]), &ref);
				if (!same_result(&r, &ref))
				{
					printf("FAIL %s %s: prefilter gives %s/%s, reference %s/%s\n",
						   argv[argi], cols[cid], got,
						   r.rule_id ? r.rule_id : "-",
						   bounce_category_name(ref.category),
						   ref.rule_id ? ref.rule_id : "-");
					failed++;
					continue;
				}
			}
			if (ok)
			{
				passed++;
				if (!quiet)
					printf("ok   %s %s\n", cols[cid], got);
			}
			else
			{
				failed++;
				printf("FAIL %s %s: expected %s, got %s (%s%s) | %s | %.200s\n",
					   argv[argi], cols[cid], cols[cexp], got,
					   bounce_signal_name(r.signal),
					   r.rule_id ? r.rule_id : "", cols[cstatus], cols[cdiag]);
			}
		}
		free(line);
		fclose(f);
	}
	bounce_matcher_free(m);
	if (results)
		fclose(results);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
