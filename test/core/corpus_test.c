/*
 * corpus_test.c: classify every row of labelled TSV files with the core and
 * compare with the "expected" column.
 *
 * usage: corpus_test [-q] [-p] [-w] [-o OUT.tsv] FILE.tsv...
 *   -q  print only misses and the summary
 *   -o  write one line per row, "id<TAB>category<TAB>hard<TAB>rule", for
 *       the parity checks of the SQLite and PostgreSQL suites
 *   -p  also check that the prefilter path and the reference path (every
 *       rule tried in order) give identical results on every row; and, with
 *       a few rules of a caller's in front (parity_specs), that one scan
 *       for both sets (bounce_ruleset_compile_over), a scan per set and
 *       the reference agree, and that the built-in rules alone, run next
 *       on the same matcher, still give the row's own result
 *   -w  also classify each diagnostic in the wrapped forms it reaches
 *       databases in (a multi-line reply, its lines joined, a folded
 *       header, its lines in a JSON string's escapes, doubled spaces,
 *       no-break spaces, tabs, Latin-1 bytes in place of UTF-8,
 *       typographic apostrophes, HTML entities, quoted in the report of
 *       the MTA that gave up: Postfix's, Exim's, Exchange's, qmail's,
 *       Yahoo's) and check that the category and the rule stay those of
 *       the row as written; and with
 *       the status moved to the head of the text, the same category and
 *       hardness
 *
 * Files have a header line naming at least id, status, diagnostic and
 * expected (tab-separated, no quoting); an id names one row across all the
 * files given (a repeated id fails). Ends with "N passed, N failed" and
 * exits 1 when anything failed.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/internal.h"
#include "tsv.h"

enum wrap_form
{
	WRAP_LINES,					/* "...tried to\r\n550-5.1.1 reach ..." */
	WRAP_JOINED,				/* "...tried to 550-5.1.1 reach ..." */
	WRAP_FOLDED,				/* "...tried to\r\n\treach ..." */
	WRAP_JSON,					/* "...tried to\\r\\n550-5.1.1 reach ..." (a
								 * JSON string's escapes, stored as such) */
	WRAP_SPACED,				/* "...tried  to  reach ..." (from here on
								 * every space, whatever the width) */
	WRAP_NBSP,					/* "...tried\u00a0to\u00a0reach ..." */
	WRAP_TABS,					/* "...tried\tto\treach ..." */
	WRAP_LATIN1,				/* "Usu\xE1rio desconhecido" */
	WRAP_APOSTROPHES,			/* "doesn\u2019t", \u201Cx\u201D */
	WRAP_HTML,					/* "doesn&#39;t", "&lt;x@y&gt;" */
	WRAP_POSTFIX,				/* "host x said: ... (in reply to RCPT TO
								 * command)" */
	WRAP_EXIM,					/* "SMTP error from remote mail server after
								 * RCPT TO:<x>: ..." */
	WRAP_EXCHANGE,				/* "Remote Server returned '...'" */
	WRAP_EXCHANGE_DE,			/* "Remoteserver hat '...' zurückgegeben" */
	WRAP_EXCHANGE_DSN,			/* "#... ##rfc822;x" */
	WRAP_QMAIL,					/* "x does not like recipient.\nRemote host
								 * said: ...\nGiving up on x." */
	WRAP_YAHOO,					/* "<x>: Remote host said: ... [RCPT_TO]" */
	WRAP_FORMS
};

static const char *const wrap_form_name[WRAP_FORMS] = {
	"multi-line reply", "joined reply lines", "folded header",
	"JSON-escaped lines", "doubled spaces", "no-break spaces", "tabs",
	"Latin-1 bytes", "typographic quotes", "HTML entities",
	"Postfix's report", "Exim's report", "Exchange's report",
	"Exchange's report in German",
	"Exchange's status notice", "qmail's report",
	"Yahoo's report"
};

/* How the MTA that gave up quotes the reply in its own report. */
static const char *const report_format[WRAP_FORMS] = {
	[WRAP_POSTFIX] = "<anna@example.net>: host mx1.example.net[192.0.2.25] "
	"said: %s (in reply to RCPT TO command)",
	[WRAP_EXIM] = "SMTP error from remote mail server after "
	"RCPT TO:<anna@example.net>: %s",
	[WRAP_EXCHANGE] = "Remote Server returned '%s'",
	[WRAP_EXCHANGE_DE] = "Remoteserver hat '%s' zur\xC3\xBC" "ckgegeben",
	[WRAP_EXCHANGE_DSN] = "#%s ##rfc822;anna@example.net",
	[WRAP_YAHOO] = "Sorry, we were unable to deliver your message to the "
	"following address. <anna@example.net>: Remote host said: %s [RCPT_TO]",
	[WRAP_QMAIL] = "<anna@example.net>:\n192.0.2.25 does not like recipient.\n"
	"Remote host said: %s\nGiving up on 192.0.2.25.\n",
};

/* Room for any form of d (eight bytes for each of its bytes at most: a
 * multi-line reply's prefixes, then escaped), or for d in a report. */
#define WRAP_CAP(len) ((len) * 8 + 160)

/*
 * The first reply code token of d and its enhanced code, as the prefix a
 * server repeats on each line of a multi-line reply ("550-5.1.1").
 * Returns where the text after the prefix starts, or NULL.
 */
static const char *
reply_prefix(const char *d, char *prefix, size_t cap)
{
	const char *p;

	for (p = d; *p; p++)
	{
		const char *q = p + 4;
		size_t		enh = 0;

		if (!(p[0] >= '2' && p[0] <= '5' && isdigit((unsigned char) p[1]) &&
			  isdigit((unsigned char) p[2]) && (p[3] == ' ' || p[3] == '-')) ||
			(p > d && (isalnum((unsigned char) p[-1]) || p[-1] == '.')))
			continue;
		if (q[0] == p[0] && q[1] == '.')
		{
			enh = 2;
			while (isdigit((unsigned char) q[enh]) || q[enh] == '.')
				enh++;
			if (q[enh] != ' ')
				enh = 0;
		}
		snprintf(prefix, cap, "%.3s-%.*s%s", p, (int) enh, q, enh ? " " : "");
		return q + (enh ? enh + 1 : 0);
	}
	return NULL;
}

/*
 * d as a server that does not speak UTF-8 writes it: each character of
 * U+00A0..U+00FF one byte. False when d holds no such character, or one
 * that Latin-1 has not.
 */
static bool
latin1_text(const char *d, char *out)
{
	const unsigned char *p = (const unsigned char *) d;
	size_t		n = 0;
	bool		changed = false;

	while (*p)
	{
		if (*p < 0x80)
			out[n++] = (char) *p++;
		else if ((p[0] == 0xC2 && p[1] >= 0xA0 && p[1] <= 0xBF) ||
				 (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF))
		{
			out[n++] = (char) (((p[0] & 0x03) << 6) | (p[1] & 0x3F));
			p += 2;
			changed = true;
		}
		else
			return false;
	}
	out[n] = '\0';
	return changed;
}

/*
 * d with each "'" typographic (U+2019) and each '"' a typographic double
 * quote, opening and closing in turn (U+201C, U+201D); false when it holds
 * neither
 */
static bool
curly_text(const char *d, char *out)
{
	size_t		n = 0;
	bool		changed = false,
				open_quote = true;

	for (; *d; d++)
	{
		if (*d == '\'')
			memcpy(out + n, "\xE2\x80\x99", 3);
		else if (*d == '"')
		{
			memcpy(out + n, open_quote ? "\xE2\x80\x9C" : "\xE2\x80\x9D", 3);
			open_quote = !open_quote;
		}
		else
		{
			out[n++] = *d;
			continue;
		}
		n += 3;
		changed = true;
	}
	out[n] = '\0';
	return changed;
}

static bool wrap_text(const char *d, enum wrap_form form, size_t width,
					  char *out, size_t cap);

/*
 * d as a JSON string holds it when stored without decoding: broken into
 * lines as a multi-line reply (or, without a reply code, as a folded
 * header), then each line break, tab, quote, backslash and slash escaped.
 */
static bool
json_text(const char *d, size_t width, char *out, size_t cap)
{
	char	   *lines = malloc(cap);
	const char *p;
	size_t		n = 0;
	bool		broken;

	if (lines == NULL)
		return false;
	broken = wrap_text(d, WRAP_LINES, width, lines, cap) ||
		wrap_text(d, WRAP_FOLDED, width, lines, cap);
	for (p = lines; broken && *p; p++)
	{
		const char *esc = *p == '\r' ? "\\r" : *p == '\n' ? "\\n" :
		*p == '\t' ? "\\t" : *p == '"' ? "\\\"" : *p == '\\' ? "\\\\" :
		*p == '/' ? "\\/" : NULL;

		if (esc != NULL)
		{
			memcpy(out + n, esc, 2);
			n += 2;
		}
		else
			out[n++] = *p;
	}
	out[n] = '\0';
	free(lines);
	return broken;
}

/* d with its markup characters as HTML entities; false when it holds none */
static bool
html_text(const char *d, char *out)
{
	size_t		n = 0;
	bool		changed = false;

	for (; *d; d++)
	{
		const char *ent = *d == '<' ? "&lt;" : *d == '>' ? "&gt;" :
		*d == '&' ? "&amp;" : *d == '"' ? "&quot;" : *d == '\'' ? "&#39;" : NULL;

		if (ent == NULL)
			out[n++] = *d;
		else
		{
			memcpy(out + n, ent, strlen(ent));
			n += strlen(ent);
			changed = true;
		}
	}
	out[n] = '\0';
	return changed;
}

/*
 * d in a wrapped form, lines broken at the first space past width bytes
 * (after the reply code, for the two forms that repeat it). Returns false
 * when the form does not apply (no reply code, or nothing to break).
 */
static bool
wrap_text(const char *d, enum wrap_form form, size_t width, char *out,
		  size_t cap)
{
	char		prefix[32];
	const char *from = d,
			   *p;
	size_t		n = 0,
				line = 0;
	int			breaks = 0;

	if (WRAP_CAP(strlen(d)) > cap)
		return false;
	if (report_format[form] != NULL)
	{
		size_t		spaces = 0,
					underscores = 0;

		/* a log line with its spaces written as underscores (qmail-send's)
		 * is not a reply that another MTA quotes */
		for (p = d; *p; p++)
		{
			spaces += *p == ' ';
			underscores += *p == '_';
		}
		if (underscores > spaces)
			return false;
		snprintf(out, cap, report_format[form], d);
		return true;
	}
	if (form == WRAP_JSON)
		return json_text(d, width, out, cap);
	if (form == WRAP_HTML)
		return html_text(d, out);
	if (form == WRAP_LATIN1)
		return latin1_text(d, out);
	if (form == WRAP_APOSTROPHES)
		return curly_text(d, out);
	if (form == WRAP_LINES || form == WRAP_JOINED)
	{
		if ((from = reply_prefix(d, prefix, sizeof(prefix))) == NULL)
			return false;
	}
	memcpy(out, d, (size_t) (from - d));
	n = (size_t) (from - d);
	for (p = from; *p; p++)
	{
		line++;
		/* no break before a number: after a prefix it would read as the
		 * prefix's own code */
		if (*p != ' ' || (form != WRAP_SPACED && form != WRAP_NBSP &&
						  form != WRAP_TABS &&
						  (line < width || isdigit((unsigned char) p[1]))))
		{
			out[n++] = *p;
			continue;
		}
		line = 0;
		breaks++;
		if (form == WRAP_LINES)
			n += (size_t) sprintf(out + n, "\r\n%s", prefix);
		else if (form == WRAP_JOINED)
			n += (size_t) sprintf(out + n, " %s", prefix);
		else if (form == WRAP_FOLDED)
			n += (size_t) sprintf(out + n, "\r\n\t");
		else if (form == WRAP_NBSP)
			n += (size_t) sprintf(out + n, "\xC2\xA0");
		else if (form == WRAP_TABS)
			out[n++] = '\t';
		else
			n += (size_t) sprintf(out + n, "  ");
	}
	out[n] = '\0';
	return breaks > 0;
}

/* Does every wrapped form of the row's diagnostic get the row's answer? */
static int
check_wrapped(const bounce_ruleset *set, bounce_matcher *m, const char *file,
			  const char *id, const char *status, const char *d,
			  const bounce_result *r)
{
	static const size_t widths[] = {20, 45};
	size_t		cap = WRAP_CAP(strlen(d));	/* any form, or the status + d */
	char	   *out = malloc(cap);
	int			failed = 0,
				form;
	size_t		w;

	if (out == NULL)
		return 1;
	for (form = 0; form < WRAP_FORMS; form++)
		for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
		{
			bounce_result v;

			/* only line breaks depend on the width */
			if ((w > 0 && form >= WRAP_SPACED) ||
				!wrap_text(d, (enum wrap_form) form, widths[w], out, cap))
				continue;
			bounce_classify_with(set, true, m, status[0] ? status : NULL,
								 strlen(status), out, strlen(out), &v);
			if (v.category == r->category &&
				(v.rule_id == r->rule_id ||
				 (v.rule_id && r->rule_id && strcmp(v.rule_id, r->rule_id) == 0)))
				continue;
			printf("FAIL %s %s: as %s (width %zu) %s/%s, as written %s/%s | %.200s\n",
				   file, id, wrap_form_name[form], widths[w],
				   bounce_category_name(v.category), v.rule_id ? v.rule_id : "-",
				   bounce_category_name(r->category),
				   r->rule_id ? r->rule_id : "-", out);
			failed++;
		}
	/* the status written at the head of the text instead, as tables that
	 * keep only a diagnostic hold it: the same category and hardness */
	if (status[0] != '\0')
	{
		bounce_result v;

		snprintf(out, cap, "%.40s %s", status, d);
		bounce_classify_with(set, true, m, NULL, 0, out, strlen(out), &v);
		if (v.category != r->category || v.hard != r->hard)
		{
			printf("FAIL %s %s: with the status in the text %s%s, as written %s%s | %.200s\n",
				   file, id, bounce_category_name(v.category),
				   v.hard ? " (hard)" : "", bounce_category_name(r->category),
				   r->hard ? " (hard)" : "", out);
			failed++;
		}
	}
	free(out);
	return failed;
}

static bool
same_result(const bounce_result *a, const bounce_result *b)
{
	return a->category == b->category && a->hard == b->hard &&
		a->signal == b->signal && a->rule_id == b->rule_id &&
		a->match_start == b->match_start && a->match_len == b->match_len;
}

/*
 * A caller's rules for -p, each of a kind the scan treats its own way: a
 * phrase (words and white space), a regex confirmed around its literal,
 * two literals that must both occur, one without a literal the scan can
 * use (always tried), and one that never matches. Their categories differ
 * from the built-in answers for the same words, so a hit shows.
 */
static const bounce_rule_spec parity_specs[] = {
	{"parity.phrase", BOUNCE_OTHER, BOUNCE_WHEN_ANY,
	"\\bover\\s+quota\\b", "corpus_test.c"},
	{"parity.regex", BOUNCE_ROUTING_ISSUES, BOUNCE_WHEN_ANY,
	"spamhaus\\.org/\\S+", "corpus_test.c"},
	{"parity.two", BOUNCE_GREYLISTING_ISSUES, BOUNCE_WHEN_ANY,
	"\\bmailbox\\b.*\\bdisabled\\b", "corpus_test.c"},
	{"parity.always", BOUNCE_DMARC_ISSUES, BOUNCE_WHEN_ANY,
	"\\b[xz]\\d{2}[a-f]\\b", "corpus_test.c"},
	{"parity.never", BOUNCE_OTHER, BOUNCE_WHEN_ANY,
	"\\bzqzqzq\\b", "corpus_test.c"},
};

#define NPARITY_SPECS (sizeof(parity_specs) / sizeof(parity_specs[0]))

/*
 * The row with the caller's rules first: compiled over the built-in set
 * (one scan), on their own (a scan each) and tried in order (reference)
 * must agree; the built-in set alone, and an empty set compiled over it,
 * must give *builtin. The calls share the matcher, and the row's last one
 * is a scan for both sets, so that what it leaves behind meets the next
 * row's first call (the empty set's). Returns the number of failures.
 */
static int
check_custom(const bounce_ruleset *set, const bounce_ruleset *over,
			 const bounce_ruleset *apart, const bounce_ruleset *empty,
			 bounce_matcher *m,
			 const char *file, const char *id, const char *status,
			 const char *diag, const bounce_result *builtin,
			 int *custom_hits)
{
	const char *st = status[0] ? status : NULL,
			   *dg = diag[0] ? diag : NULL;
	size_t		sl = strlen(status),
				dl = strlen(diag);
	bounce_result none,
				one,
				again,
				each,
				ref,
				last;

	bounce_classify_sets(empty, set, true, m, st, sl, dg, dl, &none);
	bounce_classify_sets(over, set, true, m, st, sl, dg, dl, &one);
	bounce_classify_with(set, true, m, st, sl, dg, dl, &again);
	bounce_classify_sets(apart, set, true, m, st, sl, dg, dl, &each);
	bounce_classify_sets(over, set, false, m, st, sl, dg, dl, &ref);
	bounce_classify_sets(over, set, true, m, st, sl, dg, dl, &last);
	if (one.signal == BOUNCE_SIGNAL_CUSTOM)
		(*custom_hits)++;
	if (same_result(&one, &ref) && same_result(&each, &ref) &&
		same_result(&last, &ref) && same_result(&none, builtin) &&
		same_result(&again, builtin))
		return 0;
	printf("FAIL %s %s: with the caller's rules, one scan gives %s/%s (%s/%s "
		   "the second time), a scan each %s/%s, the reference %s/%s; the "
		   "built-in rules next %s/%s, after an empty set %s/%s\n",
		   file, id, bounce_category_name(one.category),
		   one.rule_id ? one.rule_id : "-",
		   bounce_category_name(last.category),
		   last.rule_id ? last.rule_id : "-",
		   bounce_category_name(each.category),
		   each.rule_id ? each.rule_id : "-",
		   bounce_category_name(ref.category), ref.rule_id ? ref.rule_id : "-",
		   bounce_category_name(again.category),
		   again.rule_id ? again.rule_id : "-",
		   bounce_category_name(none.category),
		   none.rule_id ? none.rule_id : "-");
	return 1;
}

static int
compare_ids(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

int
main(int argc, char **argv)
{
	bool		quiet = false,
				parity = false,
				wrapped = false;
	FILE	   *results = NULL;
	int			passed = 0,
				failed = 0,
				argi;
	bounce_matcher *m = bounce_matcher_new();
	const bounce_ruleset *set;
	bounce_ruleset *over = NULL,
			   *apart = NULL,
			   *empty = NULL;
	int			err,
				custom_hits = 0;
	char	  **ids = NULL;		/* every row's id, to find repeats */
	size_t		nids = 0,
				idcap = 0,
				k;

	set = bounce_builtin_ruleset(&err);
	if (set != NULL &&
		((over = bounce_ruleset_compile_over(parity_specs, NPARITY_SPECS, set,
											 &err, NULL, 0)) == NULL ||
		 (apart = bounce_ruleset_compile(parity_specs, NPARITY_SPECS, &err,
										 NULL, 0)) == NULL ||
		 (empty = bounce_ruleset_compile_over(parity_specs, 0, set, &err,
											  NULL, 0)) == NULL))
		set = NULL;
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
		if (strcmp(argv[argi], "-w") == 0)
		{
			wrapped = true;
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
			/* exactly the header's: two rows run together have more */
			if (n != ncols)
			{
				printf("FAIL %s:%d: %d columns, the header has %d\n",
					   argv[argi], lineno, n, ncols);
				failed++;
				continue;
			}
			if (nids == idcap)
			{
				char	  **grown = realloc(ids, (idcap = idcap * 2 + 256) *
											sizeof(char *));

				if (grown == NULL)
					return 2;
				ids = grown;
			}
			if ((ids[nids++] = strdup(cols[cid])) == NULL)
				return 2;
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
				if (check_custom(set, over, apart, empty, m, argv[argi],
								 cols[cid],
								 cols[cstatus], cols[cdiag], &r,
								 &custom_hits) > 0)
				{
					failed++;
					continue;
				}
			}
			if (wrapped && cols[cdiag][0] &&
				check_wrapped(set, m, argv[argi], cols[cid], cols[cstatus],
							  cols[cdiag], &r) > 0)
			{
				failed++;
				continue;
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
	/* an id names one row across all the files (reports cite them) */
	qsort(ids, nids, sizeof(char *), compare_ids);
	for (k = 1; k < nids; k++)
		if (strcmp(ids[k - 1], ids[k]) == 0)
		{
			printf("FAIL duplicate id %s\n", ids[k]);
			failed++;
		}
	for (k = 0; k < nids; k++)
		free(ids[k]);
	free(ids);
	bounce_matcher_free(m);
	bounce_ruleset_free(over);
	bounce_ruleset_free(apart);
	bounce_ruleset_free(empty);
	if (results)
		fclose(results);
	if (parity)
	{
		/* rows the caller's rules decided: the check saw both outcomes */
		printf("the caller's rules decided %d rows\n", custom_hits);
		if (custom_hits == 0)
			failed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
