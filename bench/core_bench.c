/*
 * core_bench.c: the core's benchmarks (run by bench/run.py, "make bench").
 *
 * usage: core_bench [options] ROWS.tsv
 *   -r REPS     repetitions of every timed pass (default 5)
 *   -n N        use the first N rows of the file (default: all)
 *   -R N        rows for the reference path, which is slow (default 100000)
 *   -B N        rows for the reference path of the rule set with the extra
 *               rules, run once as a parity check (default 10000)
 *   -x N        extra never-matching rules (default 1000)
 *   -m N        calls of the memory-flatness run (default 10000000)
 *   -g N        callgrind mode: classify the first N rows once with the
 *               prefilter, and the first -G N (default 500) with the
 *               reference path, each between callgrind client requests (run
 *               under valgrind --tool=callgrind --collect-atstart=no);
 *               nothing is timed. With -x, the first N rows are also
 *               classified with the rule set with the extra rules
 *               ("prefilter_extra")
 *   -d          print the built-in rules (order, id, category, condition,
 *               pattern; tab-separated) and exit: the SQL CASE baseline is
 *               generated from them (bench/sql_case.py)
 *   -t SECONDS  give up compiling the rule set with the extra rules after
 *               this long (default 60; it takes well under a second when it
 *               works): "compile ... finished=0" is printed and the smaller
 *               counts of -X are tried
 *   -X N,N,..   extra-rule counts to fall back to, in order (default 500)
 *   -U          in-use memory mode: after bounce_init, JIT-compile every
 *               branch's forms, ASCII and UTF, as their searches would in
 *               time, as far as the rule set's budget goes (branch_code and
 *               bounce_ruleset_jit_all in core/ruleset.c), print "mem
 *               before_utf ..." and "mem after_utf ..." and exit
 *   -P KB       (not used by make bench) also time the prefilter with KB
 *               kilobytes of other memory written between two calls, as a
 *               database engine's own work evicts the core's tables from
 *               the CPU caches: passes "pollute_only" (the writes alone),
 *               "pref_polluted" (writes and classification) and "pref_plain"
 *               (classification alone), interleaved in chunks of rows
 *
 * ROWS.tsv has a header naming "status" and "diagnostic" (test/data/
 * generate.py's output); an empty field is absent (NULL), as in the SQL
 * benchmarks.
 *
 * Output: one "key value..." line per fact, for bench/run.py:
 *   rows N / rules N / branches-unknown
 *   mem PHASE heap=BYTES rss_kb=N anon_kb=N jit_kb=N jit_rss_kb=N
 *       (before_init, after_init; with -U before_utf, after_utf: see -U)
 *   tables mapped=BYTES   the built-in automaton's tables the rules read from
 *                         the library (made by the build, not in the heap)
 *   time PASS rep=I cpu_ns=N ns=N rows=N searches=N   (thread CPU time,
 *                                                     wall-clock time)
 *   parity NAME rows=N mismatches=N extra_hits=N
 *   flat calls=N heap_before=... heap_after=... rss_before=... rss_after=...
 *
 * Passes (each timed REPS times, interleaved, alternating which goes first):
 *   pref_builtin  bounce_classify_with(builtin, true)   all rows
 *   pref_extra    bounce_classify_with(builtin + x extra rules, true) all rows
 *                 (these two interleaved in chunks of rows: timed_pair)
 *   pref_builtin_c, pref_custom
 *                 the same pair with the x rules as a caller's instead
 *                 (bounce_classify_sets(custom, builtin, true), the custom
 *                 set compiled over the built-in one)
 *   ref_sample    bounce_classify_with(builtin, false)  first R rows
 *   pref_sample   bounce_classify_with(builtin, true)   first R rows
 *   refjit_sample the same obvious loop written here with every rule's whole
 *                 pattern JIT-compiled (the core's reference path uses the
 *                 interpreter on texts under 4 KiB, as every row here is):
 *                 status codes parsed as the core does, then
 *                 each rule whose condition holds tried in order; first R
 *                 rows, its rule choices checked against ref_sample's
 *   pref_nonascii bounce_classify_with(builtin, true)   the rows whose
 *                 diagnostic holds a byte past ASCII (the scan reads those
 *                 bytes through other tables than the ASCII ones)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_DUMP_STATS_AT(s)
#endif

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../core/internal.h"

typedef struct row
{
	const char *status;			/* NULL when absent */
	size_t		slen;
	const char *diag;
	size_t		dlen;
} row;

typedef struct outcome
{
	uint8_t		category;
	uint8_t		hard;
	uint8_t		signal;
	const char *rule_id;
	uint32_t	match_start;
	uint32_t	match_len;
} outcome;

static void
die(const char *what)
{
	fprintf(stderr, "core_bench: %s%s%s\n", what, errno ? ": " : "",
			errno ? strerror(errno) : "");
	exit(2);
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

/* CPU time of this thread: what other processes on the machine do not add */
static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

/* ---- rows ---- */

static row *
load_rows(const char *path, size_t max, size_t *nrows)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf,
			   *p,
			   *end;
	long		size;
	size_t		n = 0,
				cap = 1024;
	row		   *rows;
	int			cs = -1,
				cd = -1,
				col;

	if (f == NULL)
		die(path);
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
		fseek(f, 0, SEEK_SET) != 0)
		die(path);
	buf = malloc((size_t) size + 1);
	if (buf == NULL || fread(buf, 1, (size_t) size, f) != (size_t) size)
		die(path);
	fclose(f);
	buf[size] = '\0';
	end = buf + size;

	/* header */
	p = buf;
	for (col = 0;; col++)
	{
		char	   *stop = p + strcspn(p, "\t\n");
		size_t		len = (size_t) (stop - p);

		if (len == 6 && memcmp(p, "status", 6) == 0)
			cs = col;
		if (len == 10 && memcmp(p, "diagnostic", 10) == 0)
			cd = col;
		p = stop;
		if (*p != '\t')
			break;
		p++;
	}
	if (cs < 0 || cd < 0)
	{
		errno = 0;
		die("the header lacks status or diagnostic");
	}
	if (*p == '\n')
		p++;

	rows = malloc(cap * sizeof(row));
	while (p < end && n < max)
	{
		char	   *eol = memchr(p, '\n', (size_t) (end - p));
		row			r;

		if (eol == NULL)
			eol = end;
		memset(&r, 0, sizeof(r));
		for (col = 0; p <= eol; col++)
		{
			char	   *stop = memchr(p, '\t', (size_t) (eol - p));

			if (stop == NULL)
				stop = eol;
			if (col == cs && stop > p)
				r.status = p, r.slen = (size_t) (stop - p);
			if (col == cd && stop > p)
				r.diag = p, r.dlen = (size_t) (stop - p);
			p = stop + 1;
		}
		p = eol + 1;
		if (n == cap)
		{
			cap *= 2;
			rows = realloc(rows, cap * sizeof(row));
		}
		if (rows == NULL)
			die("out of memory");
		rows[n++] = r;
	}
	*nrows = n;
	return rows;
}

/* ---- memory ---- */

typedef struct mem
{
	size_t		heap;			/* malloc'd bytes in use (mallinfo2) */
	long		rss_kb;			/* VmRSS */
	long		anon_kb;		/* RssAnon */
	long		jit_kb;			/* anonymous executable mappings: size */
	long		jit_rss_kb;		/* ... and resident part */
} mem;

static long
status_field(const char *name)
{
	FILE	   *f = fopen("/proc/self/status", "r");
	char		line[256];
	size_t		len = strlen(name);
	long		v = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, name, len) == 0 && line[len] == ':')
		{
			v = strtol(line + len + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

/*
 * pcre2's JIT puts its code in anonymous mappings it makes with mmap, with
 * execute permission; malloc never makes executable mappings.
 */
static void
jit_mappings(long *size_kb, long *rss_kb)
{
	FILE	   *f = fopen("/proc/self/smaps", "r");
	char		line[512];
	bool		in_jit = false;

	*size_kb = *rss_kb = 0;
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f))
	{
		unsigned long lo,
					hi,
					off,
					inode;
		char		perms[8],
					dev[16];
		int			pathpos = 0;

		if (sscanf(line, "%lx-%lx %7s %lx %15s %lu %n", &lo, &hi, perms, &off,
				   dev, &inode, &pathpos) >= 6 && pathpos > 0)
		{
			const char *path = line + pathpos;

			in_jit = perms[2] == 'x' && inode == 0 &&
				(*path == '\n' || *path == '\0');
			continue;
		}
		if (!in_jit)
			continue;
		if (strncmp(line, "Size:", 5) == 0)
			*size_kb += strtol(line + 5, NULL, 10);
		else if (strncmp(line, "Rss:", 4) == 0)
			*rss_kb += strtol(line + 4, NULL, 10);
	}
	fclose(f);
}

static mem
mem_now(void)
{
	mem			m;
	struct mallinfo2 mi;

	m.rss_kb = status_field("VmRSS");
	m.anon_kb = status_field("RssAnon");
	jit_mappings(&m.jit_kb, &m.jit_rss_kb);

	/*
	 * Last, after the reading above has freed its FILEs: glibc counts
	 * chunks parked in its per-thread cache as in use, so two snapshots
	 * compare alike only when each comes after the same frees.
	 */
	mi = mallinfo2();
	m.heap = mi.uordblks + mi.hblkhd;
	return m;
}

static void
print_mem(const char *phase, mem m)
{
	printf("mem %s heap=%zu rss_kb=%ld anon_kb=%ld jit_kb=%ld jit_rss_kb=%ld\n",
		   phase, m.heap, m.rss_kb, m.anon_kb, m.jit_kb, m.jit_rss_kb);
}

/* ---- extra rules ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t
rng(void)
{
	/* xorshift64*: seeded, the same rules every run */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * 2685821657736338717ull) >> 32);
}

/*
 * A nonsense word of 3 or 4 syllables taken from common English ones, so
 * that its pieces ("tion", "ment", "ver ") do occur in bounce texts (a
 * filter keyed on short windows would keep meeting them), while the word
 * itself occurs in none. Words begin with a consonant cluster no English word
 * begins with ("zv", "qr", ...), which the bench's parity check confirms.
 */
static void
nonsense_word(char *out, size_t size)
{
	static const char *const onsets[] = {"zv", "qr", "vz", "xq", "jr", "zq",
	"kv", "qv", "xv", "fz"};
	static const char *const syll[] = {"ma", "ter", "ion", "con", "re", "ail",
		"box", "ver", "ent", "tion", "ment", "ser", "ive", "ble", "pro", "dis",
		"ad", "for", "sen", "lo", "ca", "tem", "por", "ary", "de", "li", "ry",
		"mit", "ac", "cep", "ted", "ing", "un", "ab", "ex", "ce", "ed", "us",
	"er", "qu", "ot", "ta", "fu", "ll", "st", "ri", "ct", "ly"};
	int			k,
				n = 3 + (int) (rng() % 2);

	snprintf(out, size, "%s", onsets[rng() % (sizeof(onsets) / sizeof(*onsets))]);
	for (k = 0; k < n; k++)
		strncat(out, syll[rng() % (sizeof(syll) / sizeof(*syll))],
				size - strlen(out) - 1);
}

/*
 * One extra rule shaped like the built-in ones: a few top-level branches,
 * most of them phrases (words joined by \s+, an optional word, a group of
 * alternatives), some needing the regex (a bounded gap, \d, a class).
 */
static char *
extra_pattern(void)
{
	char		buf[1024],
				w[6][48];
	int			nbranches = 1 + (int) (rng() % 4),
				b,
				k;

	buf[0] = '\0';
	for (b = 0; b < nbranches; b++)
	{
		char		part[400];

		for (k = 0; k < 6; k++)
			nonsense_word(w[k], sizeof(w[k]));
		switch (rng() % 6)
		{
			case 0:
			case 1:
				snprintf(part, sizeof(part), "\\b%s\\s+%s\\b", w[0], w[1]);
				break;
			case 2:
				snprintf(part, sizeof(part), "\\b(?:%s|%s|%s)\\s+(?:is\\s+)?%s\\b",
						 w[0], w[1], w[2], w[3]);
				break;
			case 3:
				snprintf(part, sizeof(part), "\\b%s\\b[^;\\n]{0,40}?\\b%s\\s+%s\\b",
						 w[0], w[1], w[2]);
				break;
			case 4:
				snprintf(part, sizeof(part), "\\b%s[-\\s]?%s\\s*:\\s*\\d{3}\\b",
						 w[0], w[1]);
				break;
			default:
				snprintf(part, sizeof(part), "\\b%s\\s+(?:%s\\s+)?%s(?:s|es)?\\b",
						 w[0], w[1], w[2]);
				break;
		}
		if (b > 0)
			strncat(buf, "|", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, part, sizeof(buf) - strlen(buf) - 1);
	}
	return strdup(buf);
}

/* Never-matching rule number x, named "bench.<kind>-x" (freed by the caller). */
static void
never_matching_spec(bounce_rule_spec *spec, const char *kind, size_t x,
					bounce_when when)
{
	char		id[48];

	snprintf(id, sizeof(id), "bench.%s-%zu", kind, x);
	spec->id = strdup(id);
	spec->category = (bounce_category) (rng() % BOUNCE_CATEGORY_COUNT);
	spec->when = when;
	spec->pattern = extra_pattern();
	spec->origin = "bench/core_bench.c";
}

/* Free n specs and the bench's rules among them (the built-in ones stay). */
static void
free_specs(bounce_rule_spec *specs, size_t n)
{
	size_t		i;

	for (i = 0; i < n && specs; i++)
		if (strncmp(specs[i].id, "bench.", 6) == 0)
		{
			free((char *) specs[i].id);
			free((char *) specs[i].pattern);
		}
	free(specs);
}

/*
 * The built-in specs with n extra rules spread evenly among them (so that
 * every row passes extra rules before the one that decides it).
 */
static bounce_rule_spec *
with_extra_rules(size_t n, size_t *count)
{
	size_t		nb = bounce_builtin_spec_count,
				total = nb + n,
				i,
				b = 0,
				x = 0;
	bounce_rule_spec *specs = calloc(total, sizeof(*specs));
	static const bounce_when whens[] = {BOUNCE_WHEN_ANY, BOUNCE_WHEN_ANY,
		BOUNCE_WHEN_ANY, BOUNCE_WHEN_TRANSIENT, BOUNCE_WHEN_PERMANENT,
	BOUNCE_WHEN_NOMAILBOXCODE};

	if (specs == NULL)
		die("out of memory");
	for (i = 0; i < total; i++)
	{
		/* extra rule i goes before builtin b when x * nb < b * n */
		if (x < n && (b >= nb || x * nb <= b * n))
		{
			never_matching_spec(&specs[i], "extra", x,
								whens[rng() % (sizeof(whens) / sizeof(*whens))]);
			x++;
		}
		else
			specs[i] = bounce_builtin_specs[b++];
	}
	*count = total;
	return specs;
}

/* ---- passes ---- */

static unsigned long checksum;

static void
record(outcome *o, const bounce_result *r)
{
	o->category = (uint8_t) r->category;
	o->hard = r->hard;
	o->signal = (uint8_t) r->signal;
	o->rule_id = r->rule_id;
	o->match_start = (uint32_t) r->match_start;
	o->match_len = (uint32_t) r->match_len;
}

/* Classify rows [0, n); results into out when given. */
static __attribute__((noinline)) void
run_pass(const bounce_ruleset *custom, const bounce_ruleset *set,
		 bool prefilter, bounce_matcher *m, const row *rows, size_t n,
		 outcome *out)
{
	size_t		i;
	bounce_result r;

	for (i = 0; i < n; i++)
	{
		/* custom: a caller's rules, tried first (NULL: none) */
		int			rc = bounce_classify_sets(custom, set, prefilter, m,
											  rows[i].status, rows[i].slen,
											  rows[i].diag, rows[i].dlen, &r);

		if (rc < 0)
		{
			fprintf(stderr, "core_bench: classify failed: %s\n",
					bounce_strerror(rc));
			exit(2);
		}
		checksum += r.category;
		if (out)
			record(&out[i], &r);
	}
}

static void
timed_pass(const char *name, int rep, const bounce_ruleset *set,
		   bool prefilter, bounce_matcher *m, const row *rows, size_t n)
{
	unsigned long s0 = bounce_matcher_searches(m);
	uint64_t	t0 = now_ns(),
				c0 = cpu_ns();

	run_pass(NULL, set, prefilter, m, rows, n, NULL);
	printf("time %s rep=%d cpu_ns=%llu ns=%llu rows=%zu searches=%lu\n", name,
		   rep, (unsigned long long) (cpu_ns() - c0),
		   (unsigned long long) (now_ns() - t0), n,
		   bounce_matcher_searches(m) - s0);
	fflush(stdout);
}

/* ---- the obvious loop, JIT-compiled (refjit_sample) ---- */

/* core/ruleset.c's pcre2 options and limits */
#define REF_OPTIONS (PCRE2_CASELESS | PCRE2_UTF | PCRE2_DOTALL | \
					 PCRE2_NO_AUTO_CAPTURE | PCRE2_NEVER_BACKSLASH_C)

typedef struct refjit
{
	pcre2_code **codes;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	bounce_matcher *unwrapper;	/* buffers for the text the rules read */
	unsigned long searches;
} refjit;

static void
refjit_init(refjit *rj)
{
	size_t		i;

	memset(rj, 0, sizeof(*rj));
	rj->codes = calloc(bounce_builtin_spec_count, sizeof(pcre2_code *));
	rj->md = pcre2_match_data_create(1, NULL);
	rj->mctx = pcre2_match_context_create(NULL);
	rj->unwrapper = bounce_matcher_new();
	if (rj->codes == NULL || rj->md == NULL || rj->mctx == NULL ||
		rj->unwrapper == NULL)
		die("out of memory");
	pcre2_set_match_limit(rj->mctx, 200000);
	pcre2_set_depth_limit(rj->mctx, 2000);
	for (i = 0; i < bounce_builtin_spec_count; i++)
	{
		int			code;
		PCRE2_SIZE	off;

		rj->codes[i] = pcre2_compile((PCRE2_SPTR) bounce_builtin_specs[i].pattern,
									 PCRE2_ZERO_TERMINATED, REF_OPTIONS,
									 &code, &off, NULL);
		if (rj->codes[i] == NULL)
		{
			errno = 0;
			die("a built-in rule does not compile");
		}
		(void) pcre2_jit_compile(rj->codes[i], PCRE2_JIT_COMPLETE);
	}
}

/*
 * The index of the first rule that decides the row, or -1. An "aside" rule's
 * match is blanked and the rules are tried again, as classify.c does.
 */
static long
refjit_rule(refjit *rj, const row *r)
{
	bounce_codectx ctx;
	bounce_subject subject;
	const char *text = r->diag;
	size_t		len = r->dlen,
				i;

	if (text == NULL)
		return -1;
	if (len > BOUNCE_SCAN_LIMIT)
		len = BOUNCE_SCAN_LIMIT;
	memset(&ctx, 0, sizeof(ctx));
	bounce_parse_status(r->status, r->slen, &ctx.codes);
	ctx.text = text;
	ctx.text_len = len;
	bounce_parse_leading(text, len, &ctx.codes);
	/* the rules read the text unwrapped, as in bounce_classify */
	if (bounce_matcher_subject(rj->unwrapper, text, len, true, &subject) !=
		BOUNCE_OK)
		die("out of memory");
	for (i = 0; i < bounce_builtin_spec_count; i++)
	{
		PCRE2_SIZE *ov;

		if (!bounce_when_holds(bounce_builtin_specs[i].when, &ctx))
			continue;
		rj->searches++;
		if (pcre2_match(rj->codes[i], (PCRE2_SPTR) subject.text, subject.len,
						0, PCRE2_NO_UTF_CHECK, rj->md, rj->mctx) < 0)
			continue;
		if (bounce_builtin_specs[i].when != BOUNCE_WHEN_ASIDE)
			return (long) i;
		ov = pcre2_get_ovector_pointer(rj->md);
		if (bounce_set_aside(rj->unwrapper, &subject, &ctx, ov[0],
							 ov[1] - ov[0]) != BOUNCE_OK)
			die("out of memory");
		i = (size_t) -1;		/* every rule again, from the first */
	}
	return -1;
}

static void
timed_refjit(int rep, refjit *rj, const row *rows, size_t n)
{
	unsigned long s0 = rj->searches;
	uint64_t	t0 = now_ns(),
				c0 = cpu_ns();
	size_t		i;

	for (i = 0; i < n; i++)
		checksum += (unsigned long) (refjit_rule(rj, &rows[i]) + 1);
	printf("time refjit_sample rep=%d cpu_ns=%llu ns=%llu rows=%zu searches=%lu\n",
		   rep, (unsigned long long) (cpu_ns() - c0),
		   (unsigned long long) (now_ns() - t0), n, rj->searches - s0);
}

/* ---- cache pollution (-P) ---- */

static unsigned char *pollution;
static size_t pollution_size;

static inline void
pollute(void)
{
	size_t		i;

	for (i = 0; i < pollution_size; i += 64)
		pollution[i]++;
}

static __attribute__((noinline)) void
run_polluted(const bounce_ruleset *set, bounce_matcher *m, const row *rows,
			 size_t n, bool classify)
{
	size_t		i;
	bounce_result r;

	for (i = 0; i < n; i++)
	{
		pollute();
		if (classify &&
			bounce_classify_with(set, true, m, rows[i].status, rows[i].slen,
								 rows[i].diag, rows[i].dlen, &r) == BOUNCE_OK)
			checksum += r.category;
	}
}

/*
 * pollute_only, pref_polluted and pref_builtin over the same rows,
 * interleaved in chunks as timed_pair does.
 */
static void
timed_pollution(int rep, const bounce_ruleset *set, bounce_matcher *m,
				const row *rows, size_t n)
{
	static const char *const names[3] = {"pollute_only", "pref_polluted",
	"pref_plain"};
	uint64_t	cpu[3] = {0, 0, 0},
				wall[3] = {0, 0, 0};
	size_t		k;
	int			j;

	for (k = 0; k < 20; k++)
	{
		size_t		lo = n * k / 20,
					hi = n * (k + 1) / 20;

		for (j = 0; j < 3; j++)
		{
			int			which = (int) ((k + (size_t) rep + (size_t) j) % 3);
			uint64_t	t0 = now_ns(),
						c0 = cpu_ns();

			if (which == 2)
				run_pass(NULL, set, true, m, rows + lo, hi - lo, NULL);
			else
				run_polluted(set, m, rows + lo, hi - lo, which == 1);
			cpu[which] += cpu_ns() - c0;
			wall[which] += now_ns() - t0;
		}
	}
	for (j = 0; j < 3; j++)
		printf("time %s rep=%d cpu_ns=%llu ns=%llu rows=%zu searches=0 kb=%zu\n",
			   names[j], rep, (unsigned long long) cpu[j],
			   (unsigned long long) wall[j], n, pollution_size / 1024);
}

/*
 * Two rule sets over the same rows, interleaved finely: the rows in chunks,
 * each chunk classified with one set then the other (the order alternating
 * from chunk to chunk), the times summed per set. Both totals then come
 * from the same stretch of time, whatever else the machine does.
 */
#define PAIR_CHUNKS 20

static void
timed_pair(int rep, const char *name_a, const bounce_ruleset *a,
		   bounce_matcher *ma, const char *name_b, const bounce_ruleset *b,
		   const bounce_ruleset *custom_b, bounce_matcher *mb,
		   const row *rows, size_t n)
{
	uint64_t	cpu[2] = {0, 0},
				wall[2] = {0, 0};
	unsigned long s0[2] = {bounce_matcher_searches(ma), bounce_matcher_searches(mb)};
	size_t		k;

	for (k = 0; k < PAIR_CHUNKS; k++)
	{
		size_t		lo = n * k / PAIR_CHUNKS,
					hi = n * (k + 1) / PAIR_CHUNKS;
		int			j;

		for (j = 0; j < 2; j++)
		{
			int			which = ((int) (k + (size_t) rep) + j) % 2;
			uint64_t	t0 = now_ns(),
						c0 = cpu_ns();

			run_pass(which ? custom_b : NULL, which ? b : a, true,
					 which ? mb : ma, rows + lo, hi - lo,
					 NULL);
			cpu[which] += cpu_ns() - c0;
			wall[which] += now_ns() - t0;
		}
	}
	printf("time %s rep=%d cpu_ns=%llu ns=%llu rows=%zu searches=%lu\n", name_a,
		   rep, (unsigned long long) cpu[0], (unsigned long long) wall[0], n,
		   bounce_matcher_searches(ma) - s0[0]);
	printf("time %s rep=%d cpu_ns=%llu ns=%llu rows=%zu searches=%lu\n", name_b,
		   rep, (unsigned long long) cpu[1], (unsigned long long) wall[1], n,
		   bounce_matcher_searches(mb) - s0[1]);
}

static bool
same_outcome(const outcome *a, const outcome *b)
{
	return a->category == b->category && a->hard == b->hard &&
		a->signal == b->signal && a->match_start == b->match_start &&
		a->match_len == b->match_len &&
		(a->rule_id == b->rule_id ||
		 (a->rule_id && b->rule_id && strcmp(a->rule_id, b->rule_id) == 0));
}

static void
parity(const char *name, const outcome *a, const outcome *b, size_t n)
{
	size_t		i,
				bad = 0,
				extra = 0;

	for (i = 0; i < n; i++)
	{
		if (!same_outcome(&a[i], &b[i]))
		{
			if (bad < 5)
				fprintf(stderr, "core_bench: %s: row %zu differs (%s / %s)\n",
						name, i + 1, a[i].rule_id ? a[i].rule_id : "-",
						b[i].rule_id ? b[i].rule_id : "-");
			bad++;
		}
		if ((a[i].rule_id && strncmp(a[i].rule_id, "bench.", 6) == 0) ||
			(b[i].rule_id && strncmp(b[i].rule_id, "bench.", 6) == 0))
			extra++;
	}
	printf("parity %s rows=%zu mismatches=%zu extra_hits=%zu\n", name, n, bad,
		   extra);
	fflush(stdout);
}

static size_t
parse_size(const char *s)
{
	char	   *end;
	unsigned long long v = strtoull(s, &end, 10);

	if (*end != '\0')
	{
		errno = 0;
		die("bad number");
	}
	return (size_t) v;
}

/* ---- callgrind mode ---- */

#define CALLGRIND_WARM_PASSES 20

static void
callgrind_mode(const bounce_ruleset *set, const bounce_ruleset *big,
			   const row *rows, size_t n, size_t nref)
{
	bounce_matcher *m = bounce_matcher_new();
	unsigned long s0;
	int			pass;

	if (m == NULL)
		die("out of memory");
	/*
	 * Warm: the matcher's scratch is sized on first use, and a branch's
	 * form is JIT-compiled once it has searched 16 texts (branch_code):
	 * the rows measured run as they would in a long query.
	 */
	for (pass = 0; pass < CALLGRIND_WARM_PASSES; pass++)
		run_pass(NULL, set, true, m, rows, n, NULL);

	s0 = bounce_matcher_searches(m);
	CALLGRIND_ZERO_STATS;
	CALLGRIND_TOGGLE_COLLECT;
	run_pass(NULL, set, true, m, rows, n, NULL);
	CALLGRIND_TOGGLE_COLLECT;
	CALLGRIND_DUMP_STATS_AT("prefilter");
	printf("callgrind prefilter rows=%zu searches=%lu\n", n,
		   bounce_matcher_searches(m) - s0);

	if (big != NULL)
	{
		bounce_matcher *mx = bounce_matcher_new();

		if (mx == NULL)
			die("out of memory");
		for (pass = 0; pass < CALLGRIND_WARM_PASSES; pass++)
			run_pass(NULL, big, true, mx, rows, n, NULL);
		s0 = bounce_matcher_searches(mx);
		CALLGRIND_ZERO_STATS;
		CALLGRIND_TOGGLE_COLLECT;
		run_pass(NULL, big, true, mx, rows, n, NULL);
		CALLGRIND_TOGGLE_COLLECT;
		CALLGRIND_DUMP_STATS_AT("prefilter_extra");
		printf("callgrind prefilter_extra rows=%zu searches=%lu\n", n,
			   bounce_matcher_searches(mx) - s0);
		bounce_matcher_free(mx);
	}

	if (nref > n)
		nref = n;
	s0 = bounce_matcher_searches(m);
	CALLGRIND_ZERO_STATS;
	CALLGRIND_TOGGLE_COLLECT;
	run_pass(NULL, set, false, m, rows, nref, NULL);
	CALLGRIND_TOGGLE_COLLECT;
	CALLGRIND_DUMP_STATS_AT("reference");
	printf("callgrind reference rows=%zu searches=%lu\n", nref,
		   bounce_matcher_searches(m) - s0);
	bounce_matcher_free(m);
}

/* ---- the rules, for the SQL CASE baseline ---- */

static void
dump_rules(void)
{
	static const char *const when_names[] = {
#define WHEN(id, name) name,
		BOUNCE_WHEN_LIST
#undef WHEN
	};
	size_t		i;

	for (i = 0; i < bounce_builtin_spec_count; i++)
	{
		const bounce_rule_spec *s = &bounce_builtin_specs[i];

		printf("%zu\t%s\t%s\t%s\t%s\n", i + 1, s->id,
			   bounce_category_name(s->category), when_names[s->when],
			   s->pattern);
	}
}

/*
 * Does the rule set compile within the time limit? Tried in a child
 * process, which is killed when it takes too long: a rule set the core
 * cannot compile must not hang the benchmark.
 */
static bool
compiles_in_time(const bounce_rule_spec *specs, size_t n, int seconds)
{
	pid_t		pid;
	uint64_t	deadline = now_ns() + (uint64_t) seconds * 1000000000u;
	int			status;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0)
	{
		int			err;
		bounce_ruleset *set = bounce_ruleset_compile(specs, n, &err, NULL, 0);

		_exit(set != NULL ? 0 : 3);
	}
	for (;;)
	{
		pid_t		done = waitpid(pid, &status, WNOHANG);
		struct timespec pause = {0, 10000000};

		if (done == pid)
			return WIFEXITED(status) && WEXITSTATUS(status) == 0;
		if (done < 0)
			die("waitpid");
		if (now_ns() > deadline)
		{
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return false;
		}
		nanosleep(&pause, NULL);
	}
}

int
main(int argc, char **argv)
{
	int			reps = 5,
				opt,
				rep,
				timeout_s = 20;
	size_t		max_rows = (size_t) -1,
				ref_rows = 20000,
				big_ref_rows = 2000,
				nextra = 1000,
				flat_calls = 10000000,
				callgrind_rows = 0,
				callgrind_ref_rows = 500,
				nrows,
				nspecs = 0,
				nnonascii = 0,
				i;
	const char *fallbacks = "500";
	row		   *rows,
			   *nonascii;
	mem			m0,
				m1,
				m2;
	const bounce_ruleset *builtin;
	bounce_ruleset *big = NULL,
			   *custom = NULL;
	bounce_rule_spec *specs = NULL,
			   *custom_specs = NULL;
	bounce_matcher *mb,
			   *mx,
			   *mc;
	outcome    *o_ref,
			   *o_pref,
			   *o_big;
	int			err;
	char		errbuf[256];
	refjit		rj;
	bool		nextra_given = false,
				utf_mode = false;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((opt = getopt(argc, argv, "r:n:R:B:x:m:g:G:dt:X:P:U")) != -1)
	{
		switch (opt)
		{
			case 'r':
				reps = (int) parse_size(optarg);
				break;
			case 'n':
				max_rows = parse_size(optarg);
				break;
			case 'R':
				ref_rows = parse_size(optarg);
				break;
			case 'B':
				big_ref_rows = parse_size(optarg);
				break;
			case 'x':
				nextra = parse_size(optarg);
				nextra_given = true;
				break;
			case 'm':
				flat_calls = parse_size(optarg);
				break;
			case 'g':
				callgrind_rows = parse_size(optarg);
				break;
			case 'G':
				callgrind_ref_rows = parse_size(optarg);
				break;
			case 'd':
				dump_rules();
				return 0;
			case 't':
				timeout_s = (int) parse_size(optarg);
				break;
			case 'X':
				fallbacks = optarg;
				break;
			case 'U':
				utf_mode = true;
				break;
			case 'P':
				pollution_size = parse_size(optarg) * 1024;
				pollution = calloc(pollution_size ? pollution_size : 1, 1);
				if (pollution == NULL)
					die("out of memory");
				break;
			default:
				fprintf(stderr, "usage: core_bench [-r reps] [-n rows] [-R ref_rows] "
						"[-B big_ref_rows] [-x extra] [-X fallbacks] [-t seconds] "
						"[-m calls] [-g rows] [-G rows] [-P kb] [-d] ROWS.tsv\n");
				return 2;
		}
	}
	if (optind + 1 != argc)
	{
		fprintf(stderr, "core_bench: one ROWS.tsv expected\n");
		return 2;
	}

	{
		char		version[64] = "",
					target[128] = "";
		uint32_t	jit = 0;

		pcre2_config(PCRE2_CONFIG_VERSION, version);
		pcre2_config(PCRE2_CONFIG_JIT, &jit);
		if (jit)
			pcre2_config(PCRE2_CONFIG_JITTARGET, target);
		printf("pcre2 version=%s jit=%s\n", version, jit ? target : "none");
		printf("env BOUNCE_NO_JIT=%s\n", getenv("BOUNCE_NO_JIT") ? getenv("BOUNCE_NO_JIT") : "");
	}

	/* compiled rules' memory: before and after bounce_init, nothing else */
	m0 = mem_now();
	if ((err = bounce_init()) != BOUNCE_OK)
	{
		fprintf(stderr, "core_bench: bounce_init: %s\n", bounce_strerror(err));
		return 2;
	}
	m1 = mem_now();
	print_mem("before_init", m0);
	print_mem("after_init", m1);
	builtin = bounce_builtin_ruleset(&err);
	printf("tables mapped=%zu\n", bounce_ruleset_mapped_bytes(builtin));

	if (utf_mode)
	{
		print_mem("before_utf", mem_now());
		bounce_ruleset_jit_all(builtin);
		print_mem("after_utf", mem_now());
		return 0;
	}
	if (callgrind_rows > 0)
	{
		/* -x N here: also the rule set with N extra rules (no time limit) */
		bounce_ruleset *extra_set = NULL;

		rows = load_rows(argv[optind], callgrind_rows, &nrows);
		if (nextra_given)
		{
			specs = with_extra_rules(nextra, &nspecs);
			extra_set = bounce_ruleset_compile(specs, nspecs, &err, errbuf,
											   sizeof(errbuf));
			if (extra_set == NULL)
			{
				fprintf(stderr, "core_bench: extra rules: %s\n", errbuf);
				return 2;
			}
		}
		callgrind_mode(builtin, extra_set, rows, nrows, callgrind_ref_rows);
		bounce_ruleset_free(extra_set);
		return 0;
	}

	rows = load_rows(argv[optind], max_rows, &nrows);
	if (ref_rows > nrows)
		ref_rows = nrows;
	if (big_ref_rows > nrows)
		big_ref_rows = nrows;
	printf("rows %zu\nrules %zu\n", nrows, bounce_builtin_spec_count);

	/*
	 * The rule set with the extra rules; when the core cannot compile it in
	 * time, the fallback counts are tried (reported as such).
	 */
	for (;;)
	{
		uint64_t	t0;

		specs = with_extra_rules(nextra, &nspecs);
		if (!compiles_in_time(specs, nspecs, timeout_s))
		{
			printf("compile extra=%zu finished=0 timeout_s=%d\n", nextra,
				   timeout_s);
			free_specs(specs, nspecs);
			specs = NULL;
			nspecs = 0;
			if (*fallbacks == '\0')
				break;
			nextra = (size_t) strtoul(fallbacks, (char **) &fallbacks, 10);
			if (*fallbacks == ',')
				fallbacks++;
			continue;
		}
		m0 = mem_now();
		t0 = now_ns();
		big = bounce_ruleset_compile(specs, nspecs, &err, errbuf, sizeof(errbuf));
		if (big == NULL)
		{
			fprintf(stderr, "core_bench: extra rules: %s\n", errbuf);
			return 2;
		}
		printf("compile extra=%zu finished=1 ns=%llu\n", nextra,
			   (unsigned long long) (now_ns() - t0));
		m2 = mem_now();
		print_mem("before_extra", m0);
		print_mem("after_extra", m2);
		printf("extra %zu\n", nextra);
		break;
	}

	/*
	 * The same number of never-matching rules as a caller's: compiled over
	 * the built-in set (as bounce_rules_compile does) and tried before it.
	 */
	if (nextra > 0)
	{
		uint64_t	t0;

		custom_specs = calloc(nextra, sizeof(*custom_specs));
		if (custom_specs == NULL)
			die("out of memory");
		for (i = 0; i < nextra; i++)
			never_matching_spec(&custom_specs[i], "custom", i, BOUNCE_WHEN_ANY);
		t0 = now_ns();
		custom = bounce_ruleset_compile_over(custom_specs, nextra, builtin,
											 &err, errbuf, sizeof(errbuf));
		if (custom == NULL)
		{
			fprintf(stderr, "core_bench: custom rules: %s\n", errbuf);
			return 2;
		}
		printf("compile custom=%zu ns=%llu\n", nextra,
			   (unsigned long long) (now_ns() - t0));
	}

	mb = bounce_matcher_new();
	mx = bounce_matcher_new();
	mc = bounce_matcher_new();
	o_ref = calloc(ref_rows ? ref_rows : 1, sizeof(outcome));
	o_pref = calloc(nrows ? nrows : 1, sizeof(outcome));
	o_big = calloc(nrows ? nrows : 1, sizeof(outcome));
	if (!mb || !mx || !mc || !o_ref || !o_pref || !o_big)
		die("out of memory");

	/* results, and a warm-up of every path */
	run_pass(NULL, builtin, true, mb, rows, nrows, o_pref);
	run_pass(NULL, builtin, false, mb, rows, ref_rows, o_ref);
	parity("builtin_prefilter_vs_reference", o_pref, o_ref, ref_rows);
	refjit_init(&rj);
	{
		size_t		bad = 0;

		for (i = 0; i < ref_rows; i++)
		{
			long		k = refjit_rule(&rj, &rows[i]);
			const char *id = k >= 0 ? bounce_builtin_specs[k].id : NULL;

			if (o_ref[i].signal == BOUNCE_SIGNAL_RULE ? id != o_ref[i].rule_id
				: id != NULL)
				bad++;
		}
		printf("parity refjit_rule_vs_reference rows=%zu mismatches=%zu "
			   "extra_hits=0\n", ref_rows, bad);
	}
	if (big != NULL)
	{
		/* the straightforward order over the big set: slow, a sample */
		outcome    *o_bigref = calloc(big_ref_rows ? big_ref_rows : 1,
									  sizeof(outcome));
		unsigned long s0;
		uint64_t	t0,
					c0;

		run_pass(NULL, big, true, mx, rows, nrows, o_big);
		parity("extra_prefilter_vs_builtin_prefilter", o_big, o_pref, nrows);
		if (o_bigref == NULL)
			die("out of memory");
		s0 = bounce_matcher_searches(mx);
		t0 = now_ns();
		c0 = cpu_ns();
		run_pass(NULL, big, false, mx, rows, big_ref_rows, o_bigref);
		printf("time ref_extra_sample rep=0 cpu_ns=%llu ns=%llu rows=%zu "
			   "searches=%lu\n", (unsigned long long) (cpu_ns() - c0),
			   (unsigned long long) (now_ns() - t0), big_ref_rows,
			   bounce_matcher_searches(mx) - s0);
		parity("extra_prefilter_vs_extra_reference", o_big, o_bigref,
			   big_ref_rows);
		free(o_bigref);
	}
	if (custom != NULL)
	{
		/* a caller's rules that never match: the built-in answers */
		outcome    *o_cus = calloc(nrows ? nrows : 1, sizeof(outcome)),
				   *o_cusref = calloc(big_ref_rows ? big_ref_rows : 1,
									  sizeof(outcome));

		if (o_cus == NULL || o_cusref == NULL)
			die("out of memory");
		run_pass(custom, builtin, true, mc, rows, nrows, o_cus);
		parity("custom_prefilter_vs_builtin_prefilter", o_cus, o_pref, nrows);
		run_pass(custom, builtin, false, mc, rows, big_ref_rows, o_cusref);
		parity("custom_prefilter_vs_custom_reference", o_cus, o_cusref,
			   big_ref_rows);
		free(o_cus);
		free(o_cusref);
	}

	/* the rows with a byte past ASCII, for a pass of their own */
	nonascii = malloc(sizeof(row) * (nrows ? nrows : 1));
	if (nonascii == NULL)
		die("out of memory");
	for (i = 0; i < nrows; i++)
	{
		size_t		k;

		for (k = 0; k < rows[i].dlen; k++)
			if ((unsigned char) rows[i].diag[k] >= 0x80)
				break;
		if (rows[i].diag != NULL && k < rows[i].dlen)
			nonascii[nnonascii++] = rows[i];
	}

	/* timed passes, interleaved; odd repetitions run in the other order */
	for (rep = 0; rep < reps; rep++)
	{
		if (big)
			timed_pair(rep, "pref_builtin", builtin, mb, "pref_extra", big,
					   NULL, mx, rows, nrows);
		if (custom)
			timed_pair(rep, "pref_builtin_c", builtin, mb, "pref_custom",
					   builtin, custom, mc, rows, nrows);
		else
			timed_pass("pref_builtin", rep, builtin, true, mb, rows, nrows);
		if (rep % 2 == 0)
		{
			timed_pass("ref_sample", rep, builtin, false, mb, rows, ref_rows);
			timed_refjit(rep, &rj, rows, ref_rows);
			timed_pass("pref_sample", rep, builtin, true, mb, rows, ref_rows);
		}
		else
		{
			timed_pass("pref_sample", rep, builtin, true, mb, rows, ref_rows);
			timed_refjit(rep, &rj, rows, ref_rows);
			timed_pass("ref_sample", rep, builtin, false, mb, rows, ref_rows);
		}
		if (nnonascii > 0)
			timed_pass("pref_nonascii", rep, builtin, true, mb, nonascii,
					   nnonascii);
	}
	free(nonascii);

	if (pollution_size > 0)
		for (rep = 0; rep < reps; rep++)
			timed_pollution(rep, builtin, mb, rows, nrows);

	/* flat memory: flat_calls calls after the warm-up, RSS and heap around */
	if (flat_calls > 0 && nrows > 0)
	{
		size_t		done = 0;
		uint64_t	t0;

		free(o_pref);
		free(o_big);
		free(o_ref);
		o_pref = o_big = o_ref = NULL;
		malloc_trim(0);
		(void) mem_now();		/* the same frees before both snapshots */
		m0 = mem_now();
		t0 = now_ns();
		while (done < flat_calls)
		{
			size_t		n = flat_calls - done < nrows ? flat_calls - done : nrows;

			run_pass(NULL, builtin, true, mb, rows, n, NULL);
			done += n;
		}
		m1 = mem_now();
		printf("flat calls=%zu ns=%llu heap_before=%zu heap_after=%zu "
			   "rss_before_kb=%ld rss_after_kb=%ld anon_before_kb=%ld "
			   "anon_after_kb=%ld\n", done,
			   (unsigned long long) (now_ns() - t0), m0.heap, m1.heap,
			   m0.rss_kb, m1.rss_kb, m0.anon_kb, m1.anon_kb);
	}
	printf("checksum %lu\n", checksum);
	free(o_pref);
	free(o_big);
	free(o_ref);
	bounce_matcher_free(mb);
	bounce_matcher_free(mx);
	bounce_matcher_free(mc);
	bounce_ruleset_free(big);
	bounce_ruleset_free(custom);
	free_specs(custom_specs, custom_specs ? nextra : 0);
	free_specs(specs, nspecs);
	free(rows);
	return 0;
}
