/*
 * check.h: the harness the core's test programs share (unit_test,
 * oom_test, and oom_sqlite through oom_alloc.h): checks count and print
 * "FAIL file:line: what"; the program prints "N passed, N failed" at the
 * end. Include it once, in the test's only source file.
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int	n_passed,
			n_failed;
static bool verbose;

static void report(bool ok, const char *file, int line, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

static void
report(bool ok, const char *file, int line, const char *fmt,...)
{
	va_list		ap;

	if (ok)
	{
		n_passed++;
		return;
	}
	n_failed++;
	printf("FAIL %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

#endif							/* CHECK_H */
